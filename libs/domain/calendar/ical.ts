/**
 * A small RFC 5545 writer: just what the meeting invitations and the personal feed need. Written by
 * hand (no dependency) and kept honest by the tests, which parse the output with ical.js.
 * Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 sequence); TEXT values escape
 * backslash, semicolon, comma and newlines; times are UTC with a Z, dates are VALUE=DATE.
 */

export const PRODID = '-//Drogenrapport//Drogenrapport API//DE';

/** One content line before folding: NAME;PARAM=..:VALUE. */
export interface IcsProperty {
  name: string;
  params?: Array<[string, string]>;
  value: string;
}

/** A component (VEVENT, VTODO, …) with its properties; nested components are not needed here. */
export interface IcsComponent {
  type: string;
  props: IcsProperty[];
}

/** TEXT value (RFC 5545 3.3.11): \ ; , escaped, every newline as \n, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Parameter value (3.2): no control characters, no DQUOTE; quoted when it holds : ; or ,. */
export function paramValue(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f"]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** DATE-TIME in UTC: 20261202T090000Z (whole seconds). */
export function utcDateTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** DATE from a calendar date "YYYY-MM-DD": 20261202. */
export function calendarDate(ymd: string): string {
  return ymd.replace(/-/g, '');
}

/** Folds one content line at 75 octets: continuation lines start with one space (3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; each continuation 74 after its leading space.
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function contentLine(p: IcsProperty): string {
  const params = (p.params ?? []).map(([k, v]) => `;${k}=${paramValue(v)}`).join('');
  return foldLine(`${p.name}${params}:${p.value}`);
}

/** A VCALENDAR with VERSION and PRODID, METHOD when given, and the components; CRLF after every line. */
export function calendar(components: IcsComponent[], opts: { method?: 'REQUEST' | 'CANCEL'; name?: string } = {}): string {
  const head: IcsProperty[] = [{ name: 'VERSION', value: '2.0' }, { name: 'PRODID', value: PRODID }, { name: 'CALSCALE', value: 'GREGORIAN' }];
  if (opts.method) head.push({ name: 'METHOD', value: opts.method });
  if (opts.name) head.push({ name: 'X-WR-CALNAME', value: escapeText(opts.name) });
  const lines = ['BEGIN:VCALENDAR', ...head.map(contentLine)];
  for (const c of components) lines.push(`BEGIN:${c.type}`, ...c.props.map(contentLine), `END:${c.type}`);
  lines.push('END:VCALENDAR');
  return lines.map((l) => `${l}\r\n`).join('');
}
