/** Escapes % _ and \ for a LIKE/ILIKE pattern built from user input. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
