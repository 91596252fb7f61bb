import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { calendar, calendarDate, escapeText, foldLine, paramValue, utcDateTime } from './ical.js';

describe('the iCalendar writer', () => {
  it('escapes TEXT: backslash, semicolon, comma, newlines; drops other control characters', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg\u0007h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h');
  });

  it('quotes parameter values holding : ; , and drops DQUOTE and control characters', () => {
    expect(paramValue('Meier, Anna')).toBe('"Meier, Anna"');
    expect(paramValue('Anna "Ann" Meier\n')).toBe('Anna Ann Meier');
  });

  it('writes UTC times with Z and dates without dashes', () => {
    expect(utcDateTime(new Date('2026-12-01T09:00:00.123Z'))).toBe('20261201T090000Z');
    expect(calendarDate('2026-03-29')).toBe('20260329');
  });

  it('folds at 75 octets, never inside a UTF-8 character, and unfolds to the same text', () => {
    const line = `SUMMARY:${'Ä'.repeat(100)}x`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('ends every line in CRLF and round-trips through ical.js', () => {
    const title = 'Rapport; Mitte, "Nord"\\Süd\nzweite Zeile ' + 'lang '.repeat(30);
    const text = calendar([{
      type: 'VEVENT',
      props: [
        { name: 'UID', value: 'x@drogenrapport' },
        { name: 'DTSTAMP', value: utcDateTime(new Date('2026-01-01T00:00:00Z')) },
        { name: 'DTSTART', value: utcDateTime(new Date('2026-12-01T09:00:00Z')) },
        { name: 'SUMMARY', value: escapeText(title) },
        { name: 'ATTENDEE', params: [['CN', 'Meier, Anna'], ['PARTSTAT', 'ACCEPTED']], value: 'mailto:anna@example.org' },
      ],
    }], { method: 'REQUEST' });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Drogenrapport//Drogenrapport API//DE');
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const ev = cal.getFirstSubcomponent('vevent')!;
    expect(ev.getFirstPropertyValue('summary')).toBe(title);
    const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.toString(), start.zone?.tzid]).toEqual(['2026-12-01T09:00:00Z', 'UTC']);
    const att = ev.getFirstProperty('attendee')!;
    expect([att.getParameter('cn'), att.getParameter('partstat'), att.getFirstValue()]).toEqual(['Meier, Anna', 'ACCEPTED', 'mailto:anna@example.org']);
  });
});
