import PDFDocument from 'pdfkit';
import { formatBerlin, formatGermanDate } from '../common/berlin-time.js';
import type { Measure } from '../measures/measure.entity.js';
import type { Attendance } from './rapport-invitation.entity.js';
import type { MinutesView } from './minutes.service.js';

const ATTENDANCE_DE: Record<Attendance, string> = { present: 'anwesend', excused: 'entschuldigt', absent: 'abwesend' };

/**
 * The minutes as a German PDF (pdfkit, standard Helvetica: WinAnsi covers ä, ö, ü, ß). Only what
 * the view holds is printed, and the view holds only what the reader may read (MinutesService.get).
 * Uncompressed: minutes are a few pages of text without embedded fonts, and plain content streams
 * let the tests read the text without a PDF parser.
 */
export function renderMinutesPdf(v: MinutesView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, lang: 'de-DE', info: { Title: `Protokoll ${v.rapport.title}`, Creator: 'Drogenrapport' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).font('Helvetica').fontSize(11).moveDown(0.3);

  doc.font('Helvetica-Bold').fontSize(18).text(`Protokoll: ${v.rapport.title}`);
  doc.font('Helvetica').fontSize(11).moveDown(0.3);
  doc.text(`${v.rapport.kind === 'extended' ? 'Erweiterter Drogenrapport' : 'Drogenrapport'} am ${formatBerlin(v.rapport.startsAt)} Uhr, ${v.rapport.location}`);
  doc.text(v.published
    ? (v.revision > 1 ? `Berichtigte Fassung (Revision ${v.revision})` : 'Veröffentlichte Fassung')
    : 'Entwurf, noch nicht veröffentlicht');

  heading('Anwesenheit');
  if (!v.attendance.length) doc.text('Keine Eingeladenen.');
  for (const i of v.attendance) doc.text(`${i.person?.displayName ?? ''}: ${i.attendance ? ATTENDANCE_DE[i.attendance] : 'nicht erfasst'}`);

  heading('Protokoll');
  if (!v.entries.length) doc.text('Keine Einträge.');
  // Per agenda item: its notes, decisions and the measures agreed under it; free entries in between as they were written.
  for (const { entry: e, agendaItem, measures } of v.entries) {
    const title = agendaItem
      ? `TOP ${agendaItem.position + 1}: ${agendaItem.title}${e.heading ? ` (${e.heading})` : ''}`
      : `${e.heading ?? 'Weiterer Punkt'}`;
    doc.moveDown(0.5).font('Helvetica-Bold').text(`${e.position}. ${title}`).font('Helvetica');
    if (e.notes) doc.text(e.notes);
    if (e.decisions) doc.font('Helvetica-Oblique').text('Beschlüsse:').font('Helvetica').text(e.decisions);
    if (measures.length) {
      doc.font('Helvetica-Oblique').text('Vereinbarte Maßnahmen:').font('Helvetica');
      for (const ms of measures) measureLines(doc, ms);
    }
  }

  // Measures agreed under a free entry (no agenda item); with no entry-linked measures at all, every measure.
  const shown = new Set(v.entries.flatMap((x) => x.measures.map((ms) => ms.id)));
  const rest = v.measures.filter((ms) => !shown.has(ms.id));
  heading(shown.size ? 'Weitere vereinbarte Maßnahmen' : 'Vereinbarte Maßnahmen');
  if (!rest.length) doc.text(shown.size ? 'Keine weiteren.' : 'Keine Maßnahmen vereinbart.');
  for (const ms of rest) measureLines(doc, ms);
  doc.end();
  return done;
}

function measureLines(doc: PDFKit.PDFDocument, ms: Measure): void {
  doc.moveDown(0.3).font('Helvetica-Bold').text(ms.title).font('Helvetica');
  doc.text(`Federführung: ${ms.owningAgency?.name ?? ''}; verantwortlich: ${ms.responsible?.displayName ?? ''}; Frist: ${formatGermanDate(ms.deadline)}`);
}
