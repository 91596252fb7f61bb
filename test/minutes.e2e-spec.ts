import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addDays, berlinToday, formatBerlin, formatGermanDate } from '#domain/common/berlin-time.js';
import { Development } from '#domain/developments/development.entity.js';
import { District } from '#domain/places/district.entity.js';
import { pdfText } from '#testing/pdf-text.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1';
const RAPPORTS = `${API}/rapports`;


beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Two participating agencies, a coordinator, leadership, and a liaison of an agency that does not take part. */
async function team() {
  const agencyA = await t.make.agency({ kind: 'police' });
  const agencyB = await t.make.agency({ kind: 'youth_office' });
  const coordinator = await t.make.person(['coordinator']);
  const leadership = await t.make.person(['leadership']);
  const a1 = await t.make.person(['liaison'], { agency: agencyA });
  const b1 = await t.make.person(['liaison'], { agency: agencyB });
  const outsider = await t.make.person(['liaison']);
  return { agencyA, agencyB, coordinator, leadership, a1, b1, outsider };
}
type Team = Awaited<ReturnType<typeof team>>;

/** A convened meeting of a new series (its first), with the liaisons of A and B invited. */
async function convenedMeeting(tm: Team): Promise<string> {
  const series = await request(t.server).post(`${API}/rapport-series`).set(tm.coordinator.auth).send({
    title: `Drogenrapport ${randomUUID().slice(0, 8)}`, agencyIds: [tm.agencyA.id, tm.agencyB.id], rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU',
    startDate: berlinToday(), startTime: '10:00', location: 'Rathaus, Raum 204', durationMinutes: 120,
  }).expect(201);
  const list = await request(t.server).get(RAPPORTS).query({ seriesId: series.body.id }).set(tm.coordinator.auth).expect(200);
  const id = list.body.items[0].id as string;
  await status(tm, id, 'convened').expect(200);
  return id;
}
const status = (tm: Team, id: string, s: string) => request(t.server).post(`${RAPPORTS}/${id}/status`).set(tm.coordinator.auth).send({ status: s });
/** The meeting began ten minutes ago and is marked as held. */
async function hold(tm: Team, id: string): Promise<void> {
  await t.db.query(`UPDATE rapports SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '110 minutes' WHERE id = $1`, [id]);
  await status(tm, id, 'held').expect(200);
}
const addEntry = (tm: Team, id: string, body: object) => request(t.server).post(`${RAPPORTS}/${id}/minutes`).set(tm.coordinator.auth).send(body);
const measureBody = (tm: Team, over: Record<string, unknown> = {}) => ({
  title: `Spielplatz täglich kontrollieren ${randomUUID().slice(0, 6)}`, owningAgencyId: tm.agencyA.id, responsibleId: tm.a1.person.id, deadline: addDays(berlinToday(), 30), ...over,
});

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('minutes', () => {
  it('written while held, a measure agreed from an entry, published read-only, corrected by a revision, as JSON and German PDF', async () => {
    const tm = await team();
    const id = await convenedMeeting(tm);

    // Not before the meeting is held.
    const early = await addEntry(tm, id, { heading: 'Bahnhofsvorplatz', notes: 'zu früh' }).expect(409);
    expect(early.body).toMatchObject({ code: 'MINUTES_NOT_OPEN', field: 'status' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM rapport_minutes WHERE rapport_id = $1`, [id]))[0].n).toBe(0);

    await hold(tm, id);
    await request(t.server).post(`${RAPPORTS}/${id}/attendance`).set(tm.coordinator.auth)
      .send({ entries: [{ personId: tm.a1.person.id, attendance: 'present' }, { personId: tm.b1.person.id, attendance: 'excused' }] }).expect(200);

    const first = await addEntry(tm, id, { heading: 'Spielplatz Südpark', notes: 'Mehr Spritzenfunde seit März.', decisions: 'Kontrollen verstärken.' }).expect(201);
    expect(first.body).toMatchObject({ rapportId: id, revision: 1, position: 1, heading: 'Spielplatz Südpark', previousId: null });
    const second = await addEntry(tm, id, { notes: 'Verschiedenes' }).expect(201);
    expect(second.body).toMatchObject({ position: 2, heading: null, decisions: '' });
    // Editing names the entry's version (If-Match or body): without it 428, a stale one 409 with the entry as it is now; nothing stored.
    const patchEntry = (entryId: string, body: object) => request(t.server).patch(`${RAPPORTS}/${id}/minutes/${entryId}`).set(tm.coordinator.auth).send(body);
    expect((await patchEntry(second.body.id, { decisions: 'ohne Version' }).expect(428)).body).toMatchObject({ code: 'VERSION_REQUIRED', field: 'version' });
    const edited = await request(t.server).patch(`${RAPPORTS}/${id}/minutes/${second.body.id}`).set(tm.coordinator.auth).set('If-Match', `"${second.body.version}"`)
      .send({ heading: 'Verschiedenes', decisions: 'Nächster Termin bleibt.' }).expect(200);
    expect(edited.body).toMatchObject({ heading: 'Verschiedenes', notes: 'Verschiedenes', decisions: 'Nächster Termin bleibt.', version: second.body.version + 1 });
    const stale = await patchEntry(second.body.id, { decisions: 'überschrieben', version: second.body.version }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: edited.body.version, current: { id: second.body.id, decisions: 'Nächster Termin bleibt.' } });
    expect((await patchEntry(second.body.id, { decisions: 'x', version: 'zwei' }).expect(400)).body.errors[0].field).toBe('version');
    // Only coordinators write.
    await request(t.server).post(`${RAPPORTS}/${id}/minutes`).set(tm.a1.auth).send({ notes: 'x' }).expect(403);

    // Maßnahme vereinbaren: through the measures' create path, linked to the meeting by a real foreign key.
    const agreed = await request(t.server).post(`${RAPPORTS}/${id}/minutes/${first.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm)).expect(201);
    expect(agreed.body).toMatchObject({ rapportId: id, status: 'planned', owningAgency: { id: tm.agencyA.id } });
    const [fk] = await t.db.query(`SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conname = 'measures_rapport_fk'`);
    expect(fk).toEqual({ target: 'rapports' });
    // The same checks as POST /measures: a deadline in the past is refused, nothing stored.
    const past = await request(t.server).post(`${RAPPORTS}/${id}/minutes/${first.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm, { deadline: addDays(berlinToday(), -1) })).expect(422);
    expect(past.body).toMatchObject({ code: 'DEADLINE_IN_PAST', field: 'deadline' });
    await request(t.server).post(`${RAPPORTS}/${id}/minutes/${randomUUID()}/measures`).set(tm.coordinator.auth).send(measureBody(tm)).expect(404);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM measures WHERE rapport_id = $1`, [id]))[0].n).toBe(1);

    // A revision before publishing is refused: until then the entries are edited.
    expect((await request(t.server).post(`${RAPPORTS}/${id}/minutes/revisions`).set(tm.coordinator.auth).send({ corrections: [{ entryId: first.body.id, notes: 'x' }] }).expect(409)).body.code).toBe('MINUTES_NOT_PUBLISHED');

    // Publish: read-only from now on.
    await status(tm, id, 'minutes_published').expect(200);
    for (const res of [
      await addEntry(tm, id, { notes: 'nachgetragen' }),
      await request(t.server).patch(`${RAPPORTS}/${id}/minutes/${first.body.id}`).set(tm.coordinator.auth).send({ notes: 'geändert', version: first.body.version }),
      await request(t.server).post(`${RAPPORTS}/${id}/minutes/${first.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm)),
    ]) expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'MINUTES_PUBLISHED' });
    const [{ notes }] = await t.db.query(`SELECT notes FROM rapport_minutes WHERE id = $1`, [first.body.id]);
    expect(notes).toBe('Mehr Spritzenfunde seit März.');

    // A participant reads the published minutes.
    const json = await request(t.server).get(`${RAPPORTS}/${id}/minutes`).set(tm.b1.auth).expect(200);
    expect(json.body).toMatchObject({ rapportId: id, status: 'minutes_published', published: true, revision: 1, latestRevision: 1 });
    expect(json.body.entries.map((e: any) => [e.position, e.heading, e.decisions])).toEqual([[1, 'Spielplatz Südpark', 'Kontrollen verstärken.'], [2, 'Verschiedenes', 'Nächster Termin bleibt.']]);
    expect(Object.fromEntries(json.body.attendance.map((a: any) => [a.person.id, a.attendance]))).toEqual({ [tm.a1.person.id]: 'present', [tm.b1.person.id]: 'excused' });
    expect(json.body.measures).toEqual([{
      id: agreed.body.id, title: agreed.body.title, owningAgency: { id: tm.agencyA.id, name: tm.agencyA.name }, responsible: { id: tm.a1.person.id, displayName: tm.a1.person.displayName },
      deadline: addDays(berlinToday(), 30), status: 'planned', agendaItemId: null,
    }]);

    // A correction is a new revision linked to the old entries; the old revision stays as it was.
    const bad = await request(t.server).post(`${RAPPORTS}/${id}/minutes/revisions`).set(tm.coordinator.auth).send({ corrections: [{ entryId: randomUUID(), notes: 'x' }] }).expect(422);
    expect(bad.body).toMatchObject({ code: 'MINUTES_ENTRY_NOT_FOUND', field: 'corrections.0.entryId' });
    const rev = await request(t.server).post(`${RAPPORTS}/${id}/minutes/revisions`).set(tm.coordinator.auth)
      .send({ corrections: [{ entryId: first.body.id, decisions: 'Kontrollen verstärken, zweimal täglich.' }] }).expect(201);
    expect(rev.body).toMatchObject({ revision: 2, latestRevision: 2, published: true });
    expect(rev.body.entries.map((e: any) => [e.revision, e.previousId, e.decisions])).toEqual([
      [2, first.body.id, 'Kontrollen verstärken, zweimal täglich.'], [2, second.body.id, 'Nächster Termin bleibt.'],
    ]);
    const latest = await request(t.server).get(`${RAPPORTS}/${id}/minutes`).set(tm.a1.auth).expect(200);
    expect(latest.body.revision).toBe(2);
    expect(latest.body.entries[0].decisions).toBe('Kontrollen verstärken, zweimal täglich.');
    const old = await request(t.server).get(`${RAPPORTS}/${id}/minutes`).query({ revision: 1 }).set(tm.a1.auth).expect(200);
    expect(old.body).toMatchObject({ revision: 1, latestRevision: 2 });
    expect(old.body.entries.map((e: any) => e.id)).toEqual([first.body.id, second.body.id]);
    expect(old.body.entries[0].decisions).toBe('Kontrollen verstärken.');
    expect((await request(t.server).get(`${RAPPORTS}/${id}/minutes`).query({ revision: 3 }).set(tm.a1.auth).expect(404)).body.code).toBe('REVISION_NOT_FOUND');
    expect((await request(t.server).get(`${RAPPORTS}/${id}/minutes`).query({ revision: 0 }).set(tm.a1.auth).expect(400)).body.field).toBe('revision');
    // The corrected revision cannot be edited in place either.
    expect((await request(t.server).patch(`${RAPPORTS}/${id}/minutes/${rev.body.entries[0].id}`).set(tm.coordinator.auth).send({ notes: 'x', version: rev.body.entries[0].version }).expect(409)).body.code).toBe('MINUTES_PUBLISHED');

    // The PDF: German, with date, attendance, entries, decisions and the agreed measure.
    const pdf = await request(t.server).get(`${RAPPORTS}/${id}/minutes.pdf`).set(tm.b1.auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    const meeting = (await request(t.server).get(`${RAPPORTS}/${id}`).set(tm.coordinator.auth).expect(200)).body;
    for (const want of [
      'Protokoll', 'Anwesenheit', `${tm.a1.person.displayName} (${tm.agencyA.name})`, 'anwesend', `${tm.b1.person.displayName} (${tm.agencyB.name})`, 'entschuldigt', 'Vereinbarte Maßnahmen', 'Spielplatz Südpark',
      'Kontrollen verstärken, zweimal täglich.', `Frist: ${formatGermanDate(addDays(berlinToday(), 30))}`, formatBerlin(new Date(meeting.startsAt)), tm.agencyA.name,
      'Berichtigte Fassung (Revision 2)',
    ]) expect({ want, found: text.includes(want) }).toEqual({ want, found: true });
    const oldPdf = await request(t.server).get(`${RAPPORTS}/${id}/minutes.pdf`).query({ revision: 1 }).set(tm.b1.auth).buffer(true).parse(binary).expect(200);
    expect(pdfText(oldPdf.body as Buffer)).toContain('Kontrollen verstärken.');
    expect(pdfText(oldPdf.body as Buffer)).not.toContain('zweimal täglich');
  });

  it('per agenda item: an entry under an item of this agenda, measures agreed under it link to the item; JSON and PDF group them per item', async () => {
    const tm = await team();
    const id = await convenedMeeting(tm);
    const other = await convenedMeeting(tm);
    const addItem = async (rapportId: string, title: string) => {
      const items = (await request(t.server).post(`${RAPPORTS}/${rapportId}/agenda/items`).set(tm.coordinator.auth).send({ title }).expect(201)).body.items;
      return items.find((i: any) => i.title === title) as { id: string; position: number };
    };
    const park = await addItem(id, 'Spielplatz Südpark');
    const foreign = await addItem(other, 'Anderer Rapport');
    // A measure may link to an agenda item only of its own rapport (a foreign key now, checked with the field).
    const wrong = await request(t.server).post(`${API}/measures`).set(tm.coordinator.auth).send(measureBody(tm, { rapportId: id, agendaItemId: foreign.id })).expect(422);
    expect(wrong.body).toMatchObject({ code: 'AGENDA_ITEM_NOT_FOUND', field: 'agendaItemId' });
    expect((await request(t.server).post(`${API}/measures`).set(tm.coordinator.auth).send(measureBody(tm, { agendaItemId: park.id })).expect(422)).body.code).toBe('AGENDA_ITEM_NOT_FOUND');
    // An item a measure was agreed under cannot be removed from the agenda while it lies ahead.
    const early = await request(t.server).post(`${API}/measures`).set(tm.coordinator.auth).send(measureBody(tm, { rapportId: other, agendaItemId: foreign.id })).expect(201);
    expect(early.body.agendaItemId).toBe(foreign.id);
    const inUse = await request(t.server).delete(`${RAPPORTS}/${other}/agenda/items/${foreign.id}`).set(tm.coordinator.auth).expect(409);
    expect(inUse.body).toMatchObject({ code: 'AGENDA_ITEM_HAS_MEASURES', field: 'itemId', measureId: early.body.id });
    const [fk] = await t.db.query(`SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conname = 'measures_agenda_item_fk'`);
    expect(fk).toEqual({ target: 'agenda_items' });

    await hold(tm, id);
    const entry = await addEntry(tm, id, { agendaItemId: park.id, notes: 'Mehr Spritzenfunde am Sandkasten.', decisions: 'Reinigung zweimal täglich.' }).expect(201);
    expect(entry.body).toMatchObject({ agendaItemId: park.id, heading: null, position: 1 });
    // Bad input: an item of another meeting or none at all (422 with the field), a second entry for the item (409), not a uuid (400); nothing stored.
    for (const [agendaItemId, status, code] of [[foreign.id, 422, 'AGENDA_ITEM_NOT_FOUND'], [randomUUID(), 422, 'AGENDA_ITEM_NOT_FOUND'], [park.id, 409, 'AGENDA_ITEM_HAS_ENTRY']] as const) {
      const res = await addEntry(tm, id, { agendaItemId, notes: 'x' }).expect(status);
      expect(res.body).toMatchObject({ code, field: 'agendaItemId' });
    }
    expect((await addEntry(tm, id, { agendaItemId: 'TOP-1', notes: 'x' }).expect(400)).body.errors[0].field).toBe('agendaItemId');
    // The link is set when the entry is created; an edit cannot move it.
    expect((await request(t.server).patch(`${RAPPORTS}/${id}/minutes/${entry.body.id}`).set(tm.coordinator.auth).send({ agendaItemId: null, version: entry.body.version }).expect(400)).body.errors[0].field).toBe('agendaItemId');
    const free = await addEntry(tm, id, { heading: 'Verschiedenes', notes: 'Nächster Termin bleibt.' }).expect(201);
    expect(free.body).toMatchObject({ agendaItemId: null, position: 2 });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM rapport_minutes WHERE rapport_id = $1`, [id]))[0].n).toBe(2);

    const underItem = await request(t.server).post(`${RAPPORTS}/${id}/minutes/${entry.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm)).expect(201);
    expect(underItem.body).toMatchObject({ rapportId: id, agendaItemId: park.id });
    const underFree = await request(t.server).post(`${RAPPORTS}/${id}/minutes/${free.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm, { title: `Termin mit Anwohnern ${randomUUID().slice(0, 6)}` })).expect(201);
    expect(underFree.body).toMatchObject({ rapportId: id, agendaItemId: null });

    await status(tm, id, 'minutes_published').expect(200);
    const json = (await request(t.server).get(`${RAPPORTS}/${id}/minutes`).set(tm.b1.auth).expect(200)).body;
    expect(json.entries.map((e: any) => [e.agendaItem, e.measures.map((x: any) => x.id)])).toEqual([
      [{ id: park.id, title: 'Spielplatz Südpark', position: park.position }, [underItem.body.id]],
      [null, []],
    ]);
    expect(json.measures.map((x: any) => [x.id, x.agendaItemId])).toEqual([[underItem.body.id, park.id], [underFree.body.id, null]]);

    // A correction copies the link: the corrected entry stays under its item, with its measures.
    const rev = (await request(t.server).post(`${RAPPORTS}/${id}/minutes/revisions`).set(tm.coordinator.auth)
      .send({ corrections: [{ entryId: entry.body.id, decisions: 'Reinigung dreimal täglich.' }] }).expect(201)).body;
    expect(rev.entries.map((e: any) => [e.agendaItemId, e.previousId, e.measures.length])).toEqual([[park.id, entry.body.id, 1], [null, free.body.id, 0]]);

    // The PDF groups per agenda item: the item, its notes and decisions, the measures agreed under it; then the others.
    const pdf = await request(t.server).get(`${RAPPORTS}/${id}/minutes.pdf`).set(tm.b1.auth).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body as Buffer);
    const at = (want: string) => {
      const i = text.indexOf(want);
      expect({ want, found: i >= 0 }).toEqual({ want, found: true });
      return i;
    };
    const order = [
      at(`TOP ${park.position + 1}: Spielplatz Südpark`), at('Reinigung dreimal täglich.'), at(underItem.body.title), at('Verschiedenes'),
      at('Weitere vereinbarte Maßnahmen'), at(underFree.body.title),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain(`Frist: ${formatGermanDate(addDays(berlinToday(), 30))}`);
  });

  it('is read like the meeting: an agency not taking part gets 404 (JSON and PDF); leadership reads every published minute', async () => {
    const tm = await team();
    const id = await convenedMeeting(tm);
    await hold(tm, id);
    await addEntry(tm, id, { heading: 'Lage', notes: 'Ruhig.' }).expect(201);
    for (const path of ['minutes', 'minutes.pdf']) {
      const res = await request(t.server).get(`${RAPPORTS}/${id}/${path}`).set(tm.outsider.auth).expect(404);
      expect(res.body.code).toBe('RAPPORT_NOT_FOUND');
    }
    await request(t.server).get(`${RAPPORTS}/${randomUUID()}/minutes`).set(tm.coordinator.auth).expect(404);
    // A draft is readable by the participants while it is written.
    expect((await request(t.server).get(`${RAPPORTS}/${id}/minutes`).set(tm.a1.auth).expect(200)).body).toMatchObject({ published: false, revision: 1 });

    // An extended rapport leadership is not invited to: hidden until its minutes are published.
    const [{ id: ext }] = await t.db.query(
      `INSERT INTO rapports (kind, title, goal, starts_at, ends_at, location, agency_ids, status) VALUES ('extended', 'Erweiterter Rapport', 'Lage klären', now() - interval '1 hour', now(), 'Rathaus', $1, 'held') RETURNING id`,
      [[tm.agencyA.id]],
    ) as [{ id: string }];
    const extEntry = await addEntry(tm, ext, { notes: 'Sonderlage' }).expect(201);
    await request(t.server).post(`${RAPPORTS}/${ext}/minutes/${extEntry.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm)).expect(201);
    await request(t.server).get(`${RAPPORTS}/${ext}/minutes`).set(tm.leadership.auth).expect(404);
    await request(t.server).get(`${RAPPORTS}/${ext}/minutes.pdf`).set(tm.leadership.auth).expect(404);
    await status(tm, ext, 'minutes_published').expect(200);
    await request(t.server).get(`${RAPPORTS}/${ext}/minutes`).set(tm.leadership.auth).expect(200);
    await request(t.server).get(`${RAPPORTS}/${ext}/minutes.pdf`).set(tm.leadership.auth).expect(200);
    await request(t.server).get(`${RAPPORTS}/${ext}/minutes`).set(tm.outsider.auth).expect(404);
  });

  it('the PDF shows each reader what they may see: the situation under a district item counts only their visible developments (JSON alike); names outside Latin-1 print as written', async () => {
    const tm = await team();
    const dr = t.db.getRepository(District);
    const district = await dr.save(dr.create({ name: `Südvorstadt ${randomUUID().slice(0, 6)}`, code: `MIN-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
    const log = async (n: number, by: TestPerson, over: Partial<Development> = {}) => (await t.db.getRepository(Development).insert(Array.from({ length: n }, () => ({
      category: 'syringe_finds' as const, observedAt: new Date(Date.now() - 86_400_000), lat: 51.3, lon: 12.2, placeId: null, districtId: district.id, count: 3, substances: [],
      severity: 2, description: 'Spritzen am Zaun', reportingAgencyId: by.agency.id, reporterId: by.person.id, visibility: 'all' as const, visibleAgencyIds: [], ...over,
    })))).identifiers.map((i) => String(i.id));
    await log(2, tm.b1);
    await log(3, tm.a1, { visibility: 'own_agency', category: 'dealing', description: 'Verdeckte Ermittlung am Südpark' }); // police only
    // Names the PDF standard fonts cannot write (they printed garbage): the PDF embeds its font.
    const name = `Ayşe Yılmaz-Łukasiewicz ${randomUUID().slice(0, 4)}`;
    await t.db.query(`UPDATE people SET display_name = $1 WHERE id = $2`, [name, tm.a1.person.id]);

    const id = await convenedMeeting(tm);
    const agenda = (await request(t.server).get(`${RAPPORTS}/${id}/agenda`).set(tm.coordinator.auth).expect(200)).body;
    const item = agenda.items.find((i: any) => i.district?.id === district.id);
    await hold(tm, id);
    await request(t.server).post(`${RAPPORTS}/${id}/attendance`).set(tm.coordinator.auth).send({ entries: [{ personId: tm.a1.person.id, attendance: 'present' }] }).expect(200);
    const entry = await addEntry(tm, id, { agendaItemId: item.id, notes: 'Lage besprochen.', decisions: 'Schwerpunktkontrollen.' }).expect(201);
    await request(t.server).post(`${RAPPORTS}/${id}/minutes/${entry.body.id}/measures`).set(tm.coordinator.auth).send(measureBody(tm)).expect(201);
    await status(tm, id, 'minutes_published').expect(200);

    const read = async (who: TestPerson) => ({
      json: (await request(t.server).get(`${RAPPORTS}/${id}/minutes`).set(who.auth).expect(200)).body,
      text: pdfText((await request(t.server).get(`${RAPPORTS}/${id}/minutes.pdf`).set(who.auth).buffer(true).parse(binary).expect(200)).body as Buffer),
    });
    const police = await read(tm.a1);
    const youth = await read(tm.b1);
    const leadership = await read(tm.leadership);
    const situation = (json: any) => json.entries.find((e: any) => e.agendaItemId === item.id).situation.categories.map((c: any) => [c.category, c.count]);
    expect(situation(police.json)).toEqual([['syringe_finds', 2], ['dealing', 3]]);
    for (const other of [youth, leadership]) expect(situation(other.json)).toEqual([['syringe_finds', 2]]);

    expect(police.text).toContain(`TOP ${item.position + 1}: Lage im Bezirk ${district.name}`);
    expect(police.text).toMatch(/Spritzenfunde 2 \(zuvor 0\), Handel 3 \(zuvor 0\)/);
    for (const other of [youth.text, leadership.text]) {
      expect(other).toContain(`TOP ${item.position + 1}: Lage im Bezirk ${district.name}`);
      expect(other).toMatch(/Spritzenfunde 2 \(zuvor 0\)/);
      expect(other).not.toContain('Handel');
    }
    // The rest is the same for every reader: attendance (with the name as written), decisions, the measure with owner and deadline.
    for (const text of [police.text, youth.text, leadership.text]) {
      for (const want of [`${name} (${tm.agencyA.name})`, 'anwesend', 'Beschlüsse:', 'Schwerpunktkontrollen.', 'Federführung:', `verantwortlich: ${name}`, `Frist: ${formatGermanDate(addDays(berlinToday(), 30))}`, 'Seite 1 von 1']) {
        expect({ want, found: text.includes(want) }).toEqual({ want, found: true });
      }
      expect(text).not.toContain('\uFFFD');
      expect(text).not.toContain('Verdeckte Ermittlung'); // descriptions of developments are never printed
    }
    await request(t.server).get(`${RAPPORTS}/${id}/minutes.pdf`).set(tm.outsider.auth).expect(404);
  });
});
