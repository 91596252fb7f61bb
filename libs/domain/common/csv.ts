/**
 * CSV for German spreadsheet users: UTF-8 with BOM (Excel otherwise guesses Windows-1252 and breaks
 * umlauts), semicolon separator (the decimal comma makes "," the wrong choice in de-DE Excel), CRLF
 * line ends (RFC 4180), quoted where needed, and cells defused against formula injection
 * (OWASP "CSV Injection": a leading = + - @ tab or CR makes Excel/LibreOffice evaluate the cell).
 * Every export (developments, measures) uses these.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** Escapes one cell: defuse a formula start with a leading apostrophe, then quote if needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  if (NEEDS_QUOTES.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvLine(cells: Array<string | number | null | undefined>): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CSV_EOL;
}

/** A whole file: BOM, header line, one line per row. */
export function csvFile(headers: readonly string[], rows: Iterable<Array<string | number | null | undefined>>): string {
  const parts: string[] = [CSV_BOM, csvLine([...headers])];
  for (const r of rows) parts.push(csvLine(r));
  return parts.join('');
}
