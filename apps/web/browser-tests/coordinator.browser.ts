import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demo, expectAccessible, PASSWORD, signIn } from './helpers';

async function token(request: APIRequestContext, who: string): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { email: demo(who), password: PASSWORD } });
  expect(res.status()).toBe(200);
  return (await res.json()).accessToken;
}

/** The Berlin calendar day `days` from now, as <input type="date"> takes it. */
function berlinDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + days * 86_400_000));
}

const agendaTitles = (page: Page) => page.getByRole('list', { name: 'Punkte der Tagesordnung' }).getByRole('heading', { level: 3 }).allTextContents();

test('a coordinator creates a series, convenes its meeting, edits the agenda, records attendance and minutes with a measure, publishes and downloads the PDF', async ({ page, request }) => {
  // Long: it walks a whole meeting, with axe on each state of the page.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordination');
  await page.getByRole('navigation').getByRole('link', { name: 'Rapporte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporte' })).toBeVisible();
  // The demo series, its rhythm in plain words; its convened meeting is listed with German status and date.
  const demoSeries = page.getByRole('list', { name: 'Rapportserien' }).getByRole('listitem').filter({ hasText: 'Drogenrapport Lindenbrück' });
  await expect(demoSeries).toContainText('alle zwei Monate am ersten Dienstag, 10:00 Uhr');
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Einberufen' }).first()).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await expectAccessible(page, 'Rapporte');
  await page.screenshot({ path: 'dist/web-test-results/rapporte.png', fullPage: true });

  // A new series: the rhythm in words becomes the RRULE; its first meeting is planned at once.
  await page.getByRole('link', { name: 'Neue Serie anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Rapportserie' })).toBeVisible();
  await page.getByRole('button', { name: 'Serie anlegen' }).click();
  await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(/Bitte einen Titel angeben/);
  await expectAccessible(page, 'Neue Rapportserie (mit Fehlern)');
  const title = `Browsertest-Rapport ${Date.now()}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Ordnungsamt Lindenbrück').check();
  await page.getByLabel('Polizeirevier Lindenbrück-Mitte').check();
  await page.getByLabel('Häufigkeit').selectOption({ label: 'alle zwei Monate' });
  await page.getByLabel('Am wievielten Wochentag im Monat').selectOption({ label: 'am ersten' });
  await page.getByLabel('Wochentag', { exact: true }).selectOption({ label: 'Dienstag' });
  await page.getByLabel('Uhrzeit').fill('10:00');
  await expect(page.getByText('Termine: alle zwei Monate am ersten Dienstag, 10:00 Uhr')).toBeVisible();
  await expect(page.getByText('FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU')).toBeVisible();
  await page.getByLabel('Ort').fill('Rathaus Lindenbrück, Raum 204');
  await page.getByLabel('Dauer in Minuten').fill('90');
  await page.getByRole('button', { name: 'Serie anlegen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Status: Geplant', { exact: true })).toBeVisible();
  const meetingId = page.url().split('/').at(-1)!;
  await expectAccessible(page, 'Rapport (geplant)');

  // Convene: the liaisons of both agencies are invited and the agenda builds itself.
  await page.getByRole('button', { name: 'Einberufen und einladen' }).click();
  await expect(page.getByText('Status: Einberufen', { exact: true })).toBeVisible();
  const invitations = page.getByRole('table').filter({ hasText: 'Antwort' });
  await expect(invitations.getByRole('row').filter({ hasText: 'Mia Ordnung' })).toContainText('Keine Antwort');
  await expect(invitations.getByRole('row').filter({ hasText: 'PHK Tom Revier' })).toBeVisible();
  // The generated agenda (districts with developments, measures due, open escalations, key figures).
  await expect.poll(async () => (await agendaTitles(page)).length).toBeGreaterThan(0);
  const generated = await agendaTitles(page);

  // Agenda: add two items, move one up with the keyboard, retitle one, remove one.
  await page.getByLabel('Neuer Tagesordnungspunkt').fill('Bericht der Straßensozialarbeit');
  await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Bericht der Straßensozialarbeit/ })).toBeVisible();
  await page.getByLabel('Neuer Tagesordnungspunkt').fill('Verschiedenes');
  await page.getByRole('button', { name: 'Punkt hinzufügen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Verschiedenes/ })).toBeVisible();
  const n = generated.length + 2;
  expect(await agendaTitles(page)).toEqual([...generated, `TOP ${n - 1}: Bericht der Straßensozialarbeit`, `TOP ${n}: Verschiedenes`]);

  const down = page.getByRole('button', { name: 'nach unten: Bericht der Straßensozialarbeit' });
  await down.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => agendaTitles(page)).toEqual([...generated, `TOP ${n - 1}: Verschiedenes`, `TOP ${n}: Bericht der Straßensozialarbeit`]);
  // At the end now: the keyboard stays on the item, on its other button.
  await expect(page.getByRole('button', { name: 'nach oben: Bericht der Straßensozialarbeit' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `steht jetzt an Position ${n} von ${n}` })).toBeAttached();
  await page.keyboard.press('Enter');
  await expect.poll(() => agendaTitles(page)).toEqual([...generated, `TOP ${n - 1}: Bericht der Straßensozialarbeit`, `TOP ${n}: Verschiedenes`]);
  await expect(page.getByRole('button', { name: 'nach oben: Bericht der Straßensozialarbeit' })).toBeFocused();

  await page.getByRole('button', { name: 'Umbenennen: Verschiedenes' }).click();
  await page.getByLabel(`Neuer Titel für TOP ${n}`).fill('Termine und Sonstiges');
  await page.getByRole('button', { name: 'Titel speichern' }).click();
  await expect(page.getByRole('heading', { level: 3, name: `TOP ${n}: Termine und Sonstiges` })).toBeVisible();
  await page.getByRole('button', { name: 'Entfernen: Termine und Sonstiges' }).click();
  await page.getByRole('button', { name: 'Ja, entfernen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Termine und Sonstiges/ })).toHaveCount(0);

  // Someone else changes the agenda meanwhile: the reorder is refused, the current state offered.
  const k = await token(request, 'koordination');
  expect((await request.post(`/api/v1/rapports/${meetingId}/agenda/items`, { headers: { authorization: `Bearer ${k}` }, data: { title: 'Nachtrag aus dem Sozialamt' } })).status()).toBe(201);
  await page.getByRole('button', { name: 'nach oben: Bericht der Straßensozialarbeit' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
  await expect(conflict).toContainText('Jemand anderes hat diesen Eintrag geändert');
  await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Nachtrag aus dem Sozialamt/ })).toBeVisible();
  await expect(conflict).toHaveCount(0);
  await expectAccessible(page, 'Tagesordnung bearbeiten');

  // Moving into the past is refused next to the field.
  await page.getByLabel('Neuer Beginn').fill('2020-01-07T10:00');
  await page.getByRole('button', { name: 'Verschieben', exact: true }).click();
  await expect(page.getByLabel('Neuer Beginn')).toHaveAccessibleDescription(/nur auf einen künftigen Zeitpunkt/);
  await page.getByLabel('Neuer Beginn').fill(`${berlinDay(1)}T09:30`);
  await page.getByRole('button', { name: 'Verschieben', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verschoben auf' })).toContainText('09:30');

  // The meeting is held only from its start on. Instead of waiting for the date, the test moves it
  // through the API to begin in three seconds, waits, and reloads the page.
  const current = await (await request.get(`/api/v1/rapports/${meetingId}`, { headers: { authorization: `Bearer ${k}` } })).json();
  const startsAt = Date.now() + 3000;
  expect((await request.patch(`/api/v1/rapports/${meetingId}`, { headers: { authorization: `Bearer ${k}` }, data: { startsAt: new Date(startsAt).toISOString(), version: current.version } })).status()).toBe(200);
  await page.waitForTimeout(Math.max(0, startsAt - Date.now()) + 500);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Attendance per invitee.
  await page.getByRole('group', { name: 'Mia Ordnung' }).getByLabel('Anwesend').check();
  await page.getByRole('group', { name: 'PHK Tom Revier' }).getByLabel('Entschuldigt').check();
  await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anwesenheit gespeichert' })).toBeVisible();
  await expect(invitations.getByRole('row').filter({ hasText: 'Mia Ordnung' })).toContainText('Anwesend');
  await expect(invitations.getByRole('row').filter({ hasText: 'PHK Tom Revier' })).toContainText('Entschuldigt');

  await page.getByRole('button', { name: 'Als durchgeführt markieren' }).click();
  await expect(page.getByText('Status: Durchgeführt', { exact: true })).toBeVisible();

  // Minutes under the agenda item, and a measure agreed from it.
  const top = page.getByRole('article', { name: /Bericht der Straßensozialarbeit/ });
  await top.getByRole('button', { name: /Eintrag schreiben/ }).click();
  await top.getByLabel('Besprochen').fill('Die Straßensozialarbeit berichtet von mehr Kontakten am Uferweg.');
  await top.getByLabel('Entschieden').fill('Die Begehungen werden auf zweimal wöchentlich erhöht.');
  await top.getByRole('button', { name: 'Eintrag anlegen' }).click();
  await expect(top.getByRole('status').filter({ hasText: 'Eintrag gespeichert' })).toBeVisible();
  await top.getByRole('button', { name: /Maßnahme vereinbaren/ }).click();
  const measure = top.getByRole('form', { name: /Neue Maßnahme/ });
  await measure.getByLabel('Titel der Maßnahme').fill('Begehung Uferweg zweimal wöchentlich');
  await measure.getByLabel('Beschreibung').fill('Ordnungsamt und Streetwork gehen dienstags und freitags gemeinsam.');
  await measure.getByLabel('Zuständige Behörde').selectOption({ label: 'Ordnungsamt Lindenbrück' });
  await measure.getByLabel('Verantwortliche Person').selectOption({ label: 'Mia Ordnung' });
  await measure.getByLabel('Frist').fill(berlinDay(21));
  await measure.getByLabel('Priorität').selectOption({ label: 'Hoch' });
  await expectAccessible(page, 'Protokoll mit Maßnahmenformular');
  await measure.getByRole('button', { name: 'Maßnahme speichern' }).click();
  await expect(top.getByRole('status').filter({ hasText: 'Maßnahme „Begehung Uferweg zweimal wöchentlich“ vereinbart' })).toBeVisible();
  await expect(top.getByRole('list', { name: 'Vereinbarte Maßnahmen' })).toContainText('Ordnungsamt Lindenbrück, verantwortlich Mia Ordnung');
  await page.screenshot({ path: 'dist/web-test-results/rapport-protokoll.png', fullPage: true });

  // Publish; the minutes become read-only; the PDF comes through the API client with the token.
  await page.getByRole('button', { name: 'Protokoll veröffentlichen' }).click();
  await expect(page.getByText('Status: Protokoll veröffentlicht', { exact: true })).toBeVisible();
  await expect(page.getByText('Das Protokoll ist veröffentlicht.')).toBeVisible();
  await expect(top).toContainText('Die Begehungen werden auf zweimal wöchentlich erhöht.');
  await expect(page.getByLabel('Besprochen')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Protokoll als PDF herunterladen' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^protokoll-.*\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.length).toBeGreaterThan(1000);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectAccessible(page, 'Rapport (Protokoll veröffentlicht)');
});

test('escalations: one dismissed with a reason, an extended rapport convened for another', async ({ page, request }) => {
  // Two escalations raised by the Ordnungsamt's liaison (as the API allows), each with one of its developments.
  const o = await token(request, 'ordnungsamt');
  const me = await (await request.get('/api/v1/me', { headers: { authorization: `Bearer ${o}` } })).json();
  const devs = await (await request.get(`/api/v1/developments?agencyId=${me.agency.id}&limit=2`, { headers: { authorization: `Bearer ${o}` } })).json();
  expect(devs.items.length).toBe(2);
  const stamp = Date.now();
  const raised: string[] = [];
  for (const [i, reason] of (['residents_complaints', 'new_scene'] as const).entries()) {
    const res = await request.post('/api/v1/escalations', { headers: { authorization: `Bearer ${o}` }, data: { reason, text: `Browsertest ${stamp} ${i}`, developmentIds: [devs.items[i].id] } });
    expect(res.status()).toBe(201);
    raised.push((await res.json()).id);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordination');
  await page.getByRole('navigation').getByRole('link', { name: 'Eskalationen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eskalationen' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('proposed');
  await expect(page.getByRole('row').filter({ hasText: 'Beschwerden von Anwohnenden' }).filter({ hasText: 'Mia Ordnung' })).toContainText('Vorgeschlagen');
  await expectAccessible(page, 'Eskalationen');
  await page.screenshot({ path: 'dist/web-test-results/eskalationen.png', fullPage: true });

  // Dismiss the first, with a reason of one's own.
  await page.goto(`/eskalationen/${raised[0]}`);
  await expect(page.getByRole('heading', { level: 1, name: /Beschwerden von Anwohnenden/ })).toBeVisible();
  await expect(page.getByText(`Browsertest ${stamp} 0`)).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Gemeldet von' }).getByRole('row')).toHaveCount(2); // header and the one linked development
  await expectAccessible(page, 'Eskalation (vorgeschlagen)');
  await page.getByRole('button', { name: 'Eskalation zurückweisen' }).click();
  await expect(page.getByText('Bitte einen Grund wählen.')).toBeVisible();
  await page.getByLabel('Anderer Grund').check();
  await page.getByLabel('Begründung').fill('Die Beschwerden betreffen eine Baustelle, nicht die Szene.');
  await page.getByRole('button', { name: 'Eskalation zurückweisen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Eskalation wurde zurückgewiesen.' })).toBeVisible();
  await expect(page.getByText('Die Beschwerden betreffen eine Baustelle, nicht die Szene.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Eskalation zurückweisen' })).toHaveCount(0);

  // Convene the extended rapport for the second: goal, time, the agencies whose leadership comes.
  await page.goto(`/eskalationen/${raised[1]}`);
  await expect(page.getByRole('heading', { level: 1, name: /Neue Szene/ })).toBeVisible();
  await page.getByLabel('Ziel').fill('Die neue Ansammlung am Uferweg auflösen, ohne sie in die Nachbarschaft zu verdrängen.');
  await page.getByLabel('Beginn').fill(`${berlinDay(10)}T15:00`);
  await page.getByLabel('Ort', { exact: true }).fill('Rathaus Lindenbrück, Sitzungssaal 1');
  await expect(page.getByLabel('Ordnungsamt Lindenbrück')).toBeChecked(); // the agency of the linked development
  await page.getByLabel('Sozialamt').check();
  await expectAccessible(page, 'Eskalation: erweiterten Rapport einberufen');
  await page.getByRole('button', { name: 'Erweiterten Rapport einberufen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erweiterter Drogenrapport: Neue Szene' })).toBeVisible();
  await expect(page.getByText('Status: Einberufen', { exact: true })).toBeVisible();
  await expect(page.getByText(/Die neue Ansammlung am Uferweg auflösen/)).toBeVisible();
  // The leadership of the chosen agencies is invited along with their liaisons.
  await expect(page.getByRole('row').filter({ hasText: 'Bürgermeister Paul Leitung' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Mia Ordnung' })).toBeVisible();
  await expectAccessible(page, 'Erweiterter Rapport');
});

test('threshold rules: create (with the errors next to the fields), edit, deactivate', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordination');
  await page.getByRole('navigation').getByRole('link', { name: 'Schwellenwerte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schwellenwert-Regeln' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Spritzenfunde im Umfeld besonders sensibler Orte' })).toContainText('mindestens 3 Meldungen in den letzten 28 Tagen');
  await expectAccessible(page, 'Schwellenwert-Regeln');
  await page.screenshot({ path: 'dist/web-test-results/schwellenwerte.png', fullPage: true });

  await page.getByRole('link', { name: 'Neue Regel' }).click();
  await page.getByRole('button', { name: 'Regel anlegen' }).click();
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription(/Bitte einen Namen angeben/);
  await expect(page.getByLabel('Bezirk', { exact: true })).toHaveAccessibleDescription(/Bitte einen Bezirk wählen/);
  await expectAccessible(page, 'Neue Schwellenwert-Regel (mit Fehlern)');
  const name = `Browsertest Beschwerden ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Beschwerde').check();
  await page.getByLabel('Bezirk', { exact: true }).selectOption({ label: 'Mitte' });
  await page.getByLabel('Zeitraum in Tagen').fill('14');
  await page.getByLabel('Anstieg in Prozent gegenüber dem Zeitraum davor').check();
  await page.getByLabel('Anstieg in Prozent', { exact: true }).fill('50');
  await expect(page.getByLabel('Anstieg in Prozent', { exact: true })).toHaveAccessibleDescription(/Die Regel schlägt an bei Anstieg um mindestens 50 % in den letzten 14 Tagen gegenüber dem Zeitraum davor\./);
  await page.getByRole('button', { name: 'Regel anlegen' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Regel „${name}“ gespeichert.` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Bezirk Mitte');
  await expect(row).toContainText('Anstieg um mindestens 50 %');

  await row.getByRole('link', { name: `${name} bearbeiten` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schwellenwert-Regel bearbeiten' })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await page.getByLabel('Mindestanzahl von Meldungen im Zeitraum').check();
  await page.getByLabel('Mindestanzahl', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Änderung speichern' }).click();
  await expect(row).toContainText('mindestens 5 Meldungen in den letzten 14 Tagen');

  await row.getByRole('button', { name: `Deaktivieren: ${name}` }).click();
  await expect(row).toHaveCount(0);
  await page.getByLabel('Auch deaktivierte Regeln zeigen').check();
  await expect(row).toContainText('Deaktiviert');
});

test('the coordinator pages are for coordinators only', async ({ page }) => {
  await signIn(page, 'polizei');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Lage melden' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Rapporte' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Eskalationen' })).toHaveCount(0);
  await page.goto('/rapporte');
  await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  await page.goto('/schwellenwerte/neu');
  await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  await expectAccessible(page, 'Kein Zugriff');
});
