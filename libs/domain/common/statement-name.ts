import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * The statement name of a SQL text: derived from the text, so that one text is one server-side
 * prepared statement per connection and two texts never share a name (node-postgres refuses a
 * name it already parsed with another text). The texts come from code, never from input, so
 * their number is bounded by the code's query shapes.
 */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
