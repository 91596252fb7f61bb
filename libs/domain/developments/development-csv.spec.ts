import { describe, expect, it } from '@jest/globals';
import { berlinDateOf as berlinDate, formatBerlin } from '../common/berlin-time.js';
import { csvCell } from '../common/csv.js';
import { DevelopmentCsvRow, developmentsToCsv } from './development-csv.js';

const row = (over: Partial<DevelopmentCsvRow> = {}): DevelopmentCsvRow => ({
  category: 'syringe_finds',
  observedAt: new Date('2026-03-01T09:05:00Z'),
  placeName: 'Stadtpark',
  districtName: 'Mitte',
  count: 14,
  substanceLabels: ['Heroin', 'Crack'],
  severity: 3,
  description: '14 Spritzen im Gebüsch',
  agencyName: 'Ordnungsamt',
  visibility: 'all',
  nearestSensitivePlaceName: 'Kita Sonnenschein',
  nearestSensitiveDistanceM: 120,
  withdrawn: false,
  ...over,
});

describe('csvCell', () => {
  it('leaves plain values alone and empties null', () => {
    expect(csvCell('Stadtpark')).toBe('Stadtpark');
    expect(csvCell(14)).toBe('14');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes cells containing the separator, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('sagte "Hallo"')).toBe('"sagte ""Hallo"""');
    expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses formula injection with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+49 123')).toBe("'+49 123");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Gleich = hier')).toBe('Gleich = hier');
  });
});

describe('formatBerlin', () => {
  it('formats in Berlin time, DST-correct', () => {
    expect(formatBerlin(new Date('2026-01-15T23:30:00Z'))).toBe('16.01.2026 00:30');
    expect(formatBerlin(new Date('2026-07-15T22:00:00Z'))).toBe('16.07.2026 00:00');
    expect(formatBerlin(new Date('2026-03-01T09:05:00Z'))).toBe('01.03.2026 10:05');
    expect(berlinDate(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });
});

describe('developmentsToCsv', () => {
  it('starts with a BOM and German headers, separates with ; and ends lines with CRLF', () => {
    const csv = developmentsToCsv([row(), row({ description: '=1+1; "x"', withdrawn: true, placeName: null, count: null, visibility: 'own_agency' })]);
    expect(csv.startsWith('\uFEFFKategorie;Beobachtet am;Ort;Stadtteil;Anzahl;Substanzen;Schweregrad;Beschreibung;Meldende Behörde;Sichtbarkeit;Nächster sensibler Ort;Abstand (m);Zurückgezogen\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]).toBe('Spritzenfunde;01.03.2026 10:05;Stadtpark;Mitte;14;Heroin, Crack;3;14 Spritzen im Gebüsch;Ordnungsamt;Alle Beteiligten;Kita Sonnenschein;120;nein');
    expect(lines[2]).toBe(`Spritzenfunde;01.03.2026 10:05;;Mitte;;Heroin, Crack;3;"'=1+1; ""x""";Ordnungsamt;Nur eigene Behörde;Kita Sonnenschein;120;ja`);
  });
});
