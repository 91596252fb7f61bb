import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { formatBerlin, formatGermanDate } from '../common/berlin-time.js';
import { CATEGORY_LABELS_DE } from '../developments/development-csv.js';
import type { Measure } from '../measures/measure.entity.js';
import type { Attendance } from './rapport-invitation.entity.js';
import type { MinutesEntryView, MinutesView } from './minutes.service.js';

const ATTENDANCE_DE: Record<Attendance, string> = { present: 'anwesend', excused: 'entschuldigt', absent: 'abwesend' };

const REGULAR = 'NotoSans';
const BOLD = 'NotoSans-Bold';
const MARGIN = 56;
const INDENT = 14;
const MUTED = '#444444';

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/**
 * Noto Sans (assets/fonts, SIL Open Font License; the web interface's font), embedded and subset by
 * pdfkit. The PDF standard fonts only know WinAnsi: a name such as "Ayşe Yılmaz" or "Łukasz" came
 * out as garbage with them. Compiled, this file lies three levels below dist/; under jest it is
 * the source file, three levels below the repository root (as webRoot in apps/api does it).
 */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const up = fileURLToPath(new URL('../../../', import.meta.url));
    const dir = [`${up}assets/fonts`, `${up}../assets/fonts`].find((d) => existsSync(`${d}/NotoSans-Regular.woff`));
    if (!dir) throw new Error('assets/fonts/NotoSans-Regular.woff is missing (the minutes PDF embeds it)');
    fonts = { regular: readFileSync(`${dir}/NotoSans-Regular.woff`), bold: readFileSync(`${dir}/NotoSans-Bold.woff`) };
  }
  return fonts;
}

/**
 * The minutes as a German PDF (pdfkit). Only what the view holds is printed, and the view holds
 * only what the reader may read (MinutesService.get: the meeting's read rule, and the situation
 * under a district item counted from the reader's visible developments). Content streams are not
 * compressed: minutes are a few pages of text, and plain streams let the tests read them
 * (libs/testing/pdf-text.ts).
 */
export function renderMinutesPdf(v: MinutesView): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const title = `Protokoll: ${v.rapport.title}`;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, compress: false, bufferPages: true, lang: 'de-DE', info: { Title: title, Creator: 'Drogenrapport' } });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  /** A heading never ends a page: it starts a new one unless `keep` points of text fit below it. */
  const keepWithNext = (keep: number) => {
    if (doc.y + keep > doc.page.height - MARGIN) doc.addPage();
  };
  const section = (text: string) => {
    doc.moveDown(0.9);
    keepWithNext(60);
    doc.font(BOLD).fontSize(13).fillColor('black').text(text, MARGIN).font(REGULAR).fontSize(10.5).moveDown(0.3);
  };

  doc.font(BOLD).fontSize(17).text(title);
  doc.font(REGULAR).fontSize(10.5).moveDown(0.4);
  doc.text(`${v.rapport.kind === 'extended' ? 'Erweiterter Drogenrapport' : 'Drogenrapport'} am ${formatBerlin(v.rapport.startsAt)} Uhr`);
  doc.text(`Ort: ${v.rapport.location}`);
  doc.fillColor(MUTED).text(v.published
    ? (v.revision > 1 ? `Berichtigte Fassung (Revision ${v.revision})` : 'Veröffentlichte Fassung')
    : 'Entwurf, noch nicht veröffentlicht').fillColor('black');
  if (v.rapport.goal) doc.moveDown(0.4).font(BOLD).text('Ziel: ', { continued: true }).font(REGULAR).text(v.rapport.goal);

  section('Anwesenheit');
  if (!v.attendance.length) doc.text('Keine Eingeladenen.');
  // Two columns: who (and for which agency), and whether they were there.
  const statusX = MARGIN + width - 110;
  for (const i of v.attendance) {
    const who = `${i.person?.displayName ?? ''}${i.person?.agency ? ` (${i.person.agency.name})` : ''}`;
    keepWithNext(16);
    const y = doc.y;
    doc.text(who, MARGIN, y, { width: statusX - MARGIN - 10 });
    const after = doc.y;
    doc.fillColor(i.attendance ? 'black' : MUTED).text(i.attendance ? ATTENDANCE_DE[i.attendance] : 'nicht erfasst', statusX, y, { width: 110 }).fillColor('black');
    doc.x = MARGIN;
    doc.y = Math.max(after, doc.y) + 1;
  }

  section('Tagesordnung und Ergebnisse');
  if (!v.entries.length) doc.text('Keine Einträge.');
  for (const e of v.entries) entryBlock(doc, e, keepWithNext);

  // Measures agreed under a free entry (no agenda item); with no entry-linked measures at all, every measure.
  const shown = new Set(v.entries.flatMap((x) => x.measures.map((ms) => ms.id)));
  const rest = v.measures.filter((ms) => !shown.has(ms.id));
  section(shown.size ? 'Weitere vereinbarte Maßnahmen' : 'Vereinbarte Maßnahmen');
  if (!rest.length) doc.text(shown.size ? 'Keine weiteren.' : 'Keine Maßnahmen vereinbart.');
  for (const ms of rest) measureLines(doc, ms, keepWithNext);

  // Footer on every page: the document and "Seite x von n" (written into the bottom margin, so the margin is lifted meanwhile).
  const pages = doc.bufferedPageRange();
  for (let p = pages.start; p < pages.start + pages.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(MUTED)
      .text(`${title} · ${formatBerlin(v.rapport.startsAt).slice(0, 10)} · Seite ${p - pages.start + 1} von ${pages.count}`, MARGIN, doc.page.height - MARGIN / 2 - 8, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function entryBlock(doc: PDFKit.PDFDocument, { entry: e, agendaItem, measures, situation }: MinutesEntryView, keepWithNext: (keep: number) => void): void {
  const title = agendaItem
    ? `TOP ${agendaItem.position + 1}: ${agendaItem.title}${e.heading ? ` (${e.heading})` : ''}`
    : e.heading ?? 'Weiterer Punkt';
  doc.moveDown(0.7);
  keepWithNext(50);
  doc.font(BOLD).fontSize(11.5).text(title, MARGIN).font(REGULAR).fontSize(10.5).moveDown(0.15);
  if (situation) {
    // The counts the reader may see, as on the agenda: this period against the one before.
    const period = `${formatBerlin(situation.period.since).slice(0, 10)} bis ${formatBerlin(situation.period.until).slice(0, 10)}`;
    doc.fillColor(MUTED).text(situation.categories.length
      ? `Lage ${period}: ${situation.categories.map((c) => `${CATEGORY_LABELS_DE[c.category]} ${c.count} (zuvor ${c.previous})`).join(', ')}`
      : `Lage ${period}: keine Meldungen`).fillColor('black').moveDown(0.2);
  }
  if (e.notes) doc.text(e.notes);
  if (e.decisions) {
    doc.moveDown(0.2);
    keepWithNext(30);
    doc.font(BOLD).text('Beschlüsse: ', { continued: true }).font(REGULAR).text(e.decisions);
  }
  if (measures.length) {
    doc.moveDown(0.2);
    keepWithNext(45);
    doc.font(BOLD).text('Vereinbarte Maßnahmen:').font(REGULAR);
    for (const ms of measures) measureLines(doc, ms, keepWithNext);
  }
}

/** A measure, indented: its title, then owner, responsible person and deadline (a no-break space keeps the date beside "Frist:"). */
function measureLines(doc: PDFKit.PDFDocument, ms: Measure, keepWithNext: (keep: number) => void): void {
  const x = MARGIN + INDENT;
  const width = doc.page.width - MARGIN - x;
  doc.moveDown(0.25);
  keepWithNext(30);
  doc.font(BOLD).text(`– ${ms.title}`, x, doc.y, { width }).font(REGULAR);
  doc.text(`Federführung: ${ms.owningAgency?.name ?? ''}; verantwortlich: ${ms.responsible?.displayName ?? ''}; Frist:\u00a0${formatGermanDate(ms.deadline)}`, x + 9, doc.y, { width: width - 9 });
  doc.x = MARGIN;
}
