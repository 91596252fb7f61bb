import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demo, expectAccessible, PASSWORD, signIn } from './helpers';

const ADMIN_PAGES = ['Behörden', 'Personen', 'Vertretungen', 'Prüfprotokoll'];
const ADMIN_URLS = ['/verwaltung/behoerden', '/verwaltung/behoerden/neu', '/verwaltung/personen', '/verwaltung/personen/neu', '/verwaltung/vertretungen', '/verwaltung/protokoll'];

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function newPerson(page: Page, agency: string, name: string, email: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Personen' }).click();
  await page.getByRole('link', { name: 'Neue Person' }).click();
  await expect(heading(page, 'Neue Person')).toBeVisible();
  await page.getByLabel('Behörde').selectOption({ label: agency });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Verbindungsperson (Liaison)').check();
  await page.getByLabel('Erstpasswort').fill('Startpasswort-2026');
  await page.getByRole('button', { name: 'Person anlegen' }).click();
}

/** An admin's access token for setting up through the API what a test needs beforehand. */
async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email: demo('admin'), password: PASSWORD } });
  return (await login.json()).accessToken;
}

test('Behörden: an admin creates an agency (a taken short code is said next to the field), meets someone else\'s change, sets up its webhook (secret shown once) and finds it in the Prüfprotokoll', async ({ page, context, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tag = Date.now().toString(36).toUpperCase().slice(-6);
  const agency = `Streetwork Nord ${tag}`;
  await signIn(page, 'admin');
  for (const name of ADMIN_PAGES) await expect(nav(page).getByRole('link', { name })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Behörden' }).click();
  await expect(heading(page, 'Behörden')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Polizeirevier Lindenbrück-Mitte');
  await expect(page).toHaveTitle('Behörden – Drogenrapport');
  await expectAccessible(page, 'Behörden');
  await page.screenshot({ path: 'dist/web-test-results/verwaltung-behoerden.png', fullPage: true });
  await page.getByRole('link', { name: 'Neue Behörde' }).click();
  await expect(heading(page, 'Neue Behörde')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(agency);
  await page.getByLabel('Art').selectOption({ label: 'Streetwork' });
  await page.getByLabel('Kurzzeichen').fill('pol-mitte');
  await page.getByRole('button', { name: 'Behörde anlegen' }).click();
  await expect(page.getByLabel('Kurzzeichen')).toHaveAccessibleDescription(/schon eine andere Behörde/);
  await expect(page.getByLabel('Kurzzeichen')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'Neue Behörde (mit Fehler)');
  await page.getByLabel('Kurzzeichen').fill(`swn-${tag}`);
  await page.getByRole('button', { name: 'Behörde anlegen' }).click();
  await expect(heading(page, 'Behörde bearbeiten')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Behörde angelegt' })).toBeVisible();
  await expect(page.getByLabel('Kurzzeichen')).toHaveValue(`SWN-${tag}`);
  const agencyId = page.url().split('/').at(-1)!;

  // Meanwhile another admin renames it through the API: saving the form now is refused, with the offer to reload.
  const token = await adminToken(request);
  expect((await request.patch(`/api/v1/agencies/${agencyId}`, { headers: { authorization: `Bearer ${token}` }, data: { name: `${agency} (Ost)`, version: 1 } })).status()).toBe(200);
  await page.getByLabel('Art').selectOption({ label: 'Drogen- und Suchthilfe' });
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
  await expect(conflict).toContainText('Jemand anderes hat diesen Eintrag geändert');
  await expect(page.getByLabel('Art')).toHaveValue('drug_help'); // what was chosen is still there
  await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`${agency} (Ost)`);
  await page.getByLabel('Name', { exact: true }).fill(agency);
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Änderungen gespeichert' })).toBeVisible();

  // Its webhook: an address that is none is refused next to the field; the signing secret is shown once, with a copy button.
  await page.getByLabel('Adresse (URL)').fill('chat.example.invalid/hooks/nord');
  await page.getByRole('button', { name: 'Webhook einrichten' }).click();
  await expect(page.getByLabel('Adresse (URL)')).toHaveAccessibleDescription(/keine gültige Adresse/);
  await page.getByLabel('Adresse (URL)').fill('https://chat.example.invalid/hooks/nord');
  await page.getByRole('button', { name: 'Webhook einrichten' }).click();
  const secretField = page.getByLabel('Signatur-Geheimnis');
  await expect(secretField).toHaveValue(/^[0-9a-f]{32,}$/);
  await expect(secretField).toBeFocused();
  const secret = await secretField.inputValue();
  await page.getByRole('button', { name: 'Geheimnis kopieren' }).click();
  await expect(page.getByText('In die Zwischenablage kopiert.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectAccessible(page, 'Behörde bearbeiten (Webhook mit Geheimnis)');
  await page.screenshot({ path: 'dist/web-test-results/verwaltung-behoerde-webhook.png', fullPage: true });
  await page.getByRole('button', { name: 'Geheimnis erneuern' }).click();
  await expect(secretField).not.toHaveValue(secret);
  await expect(secretField).toHaveValue(/^[0-9a-f]{32,}$/);
  await page.reload();
  await expect(page.getByLabel('Adresse (URL)')).toHaveValue('https://chat.example.invalid/hooks/nord');
  await expect(page.getByLabel('Signatur-Geheimnis')).toHaveCount(0); // never shown again

  // The Prüfprotokoll, linked from the agency: created, renamed through the API and back.
  await page.getByRole('link', { name: 'Änderungen dieser Behörde im Prüfprotokoll' }).click();
  await expect(heading(page, 'Prüfprotokoll')).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4); // header, create, rename, rename back
  await expect(rows.nth(3)).toContainText('angelegt');
  await expect(rows.nth(3)).toContainText(`Kurzzeichen: SWN-${tag}`);
  await expect(rows.nth(3)).toContainText('Art: Streetwork');
  await expect(rows.nth(2)).toContainText(new RegExp(`Name:\\s*von\\s*${agency}\\s*→\\s*auf\\s*${agency} \\(Ost\\)`));
  await expect(rows.nth(1)).toContainText('Erika Admin');
  // Its webhook, through the filters: created with a secret, then the secret renewed; the secret itself is in no entry.
  await page.getByLabel('Art des Datensatzes').selectOption({ label: 'Webhook einer Behörde' });
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/entityType=agency_webhook/);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('angelegt');
  await expect(rows.nth(2)).toContainText('Adresse: https://chat.example.invalid/hooks/nord');
  await expect(rows.nth(1)).toContainText('Signatur-Geheimnis: geändert (Inhalt wird nicht protokolliert)');
  await expect(page.getByRole('main')).not.toContainText(secret);
});

test('Personen and Vertretungen: an admin creates a person with a role (a taken e-mail is said next to the field), names a deputy, deactivates the person and finds it in the Prüfprotokoll', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const tag = Date.now().toString(36).toUpperCase().slice(-6);
  const agency = `Quartiersbüro Süd ${tag}`;
  const token = await adminToken(request);
  expect((await request.post('/api/v1/agencies', { headers: { authorization: `Bearer ${token}` }, data: { name: agency, kind: 'neighbourhood_management', code: `QBS-${tag}` } })).status()).toBe(201);
  const alex = `Alex Beispiel ${tag}`;
  const kim = `Kim Vertretung ${tag}`;
  const alexMail = `alex.${tag.toLowerCase()}@beispiel.invalid`;
  await signIn(page, 'admin');

  await nav(page).getByRole('link', { name: 'Personen' }).click();
  await expect(heading(page, 'Personen')).toBeVisible();
  await page.getByLabel('Behörde').selectOption({ label: 'Polizeirevier Lindenbrück-Mitte' });
  await page.getByLabel('Rolle').selectOption({ label: 'Leitung' });
  await expect(page.getByRole('table')).toContainText(demo('polizei-leitung'));
  await expect(page.getByRole('table')).not.toContainText(demo('polizei'));
  await expectAccessible(page, 'Personen (gefiltert)');
  await page.screenshot({ path: 'dist/web-test-results/verwaltung-personen.png', fullPage: true });

  await newPerson(page, agency, alex, demo('polizei'));
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveAccessibleDescription(/schon eine andere Person/);
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'Neue Person (mit Fehler)');
  await page.getByLabel('E-Mail-Adresse').fill(alexMail);
  await page.getByRole('button', { name: 'Person anlegen' }).click();
  await expect(heading(page, 'Person bearbeiten')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Person angelegt' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('wartet auf Bestätigung durch die Leitung der Behörde');
  await expectAccessible(page, 'Person bearbeiten');
  const alexUrl = page.url();
  await newPerson(page, agency, kim, `kim.${tag.toLowerCase()}@beispiel.invalid`);
  await expect(heading(page, 'Person bearbeiten')).toBeVisible();

  // Vertretungen: Kim stands in for Alex.
  await nav(page).getByRole('link', { name: 'Vertretungen' }).click();
  await expect(heading(page, 'Vertretungen')).toBeVisible();
  await page.getByLabel('Behörde').selectOption({ label: agency });
  await page.getByLabel('Person', { exact: true }).selectOption({ label: alex });
  await page.getByLabel('Vertreten durch').selectOption({ label: kim });
  await page.getByRole('button', { name: 'Vertretung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${kim} vertritt jetzt ${alex}.` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(alex) })).toContainText(kim);
  await expectAccessible(page, 'Vertretungen');
  await page.screenshot({ path: 'dist/web-test-results/verwaltung-vertretungen.png', fullPage: true });

  // Alex leaves: deactivated.
  await page.goto(alexUrl);
  await page.getByRole('button', { name: 'Person deaktivieren' }).click();
  await expect(page.getByRole('button', { name: 'Person reaktivieren' })).toBeVisible();
  await expect(page.getByRole('main').getByText('deaktiviert', { exact: true })).toBeVisible();

  // Prüfprotokoll: the person's entries (linked from their page), newest first, in German.
  await page.getByRole('link', { name: 'Änderungen dieser Person im Prüfprotokoll' }).click();
  await expect(heading(page, 'Prüfprotokoll')).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4); // header, create, deputy, deactivate
  await expect(rows.nth(1)).toContainText('deaktiviert');
  await expect(rows.nth(1)).toContainText(/Aktiv:\s*von\s*ja\s*→\s*auf\s*nein/);
  await expect(rows.nth(1)).toContainText('Erika Admin');
  await expect(rows.nth(1)).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
  await expect(rows.nth(2)).toContainText('geändert');
  await expect(rows.nth(2)).toContainText(new RegExp(`Vertretung:\\s*von\\s*–\\s*→\\s*auf\\s*${kim}`));
  await expect(rows.nth(3)).toContainText('angelegt');
  await expect(rows.nth(3)).toContainText(alexMail);
  await expect(rows.nth(3)).toContainText('Rollen: Verbindungsperson (Liaison)');
  await expect(rows.nth(3)).toContainText(`Behörde: ${agency}`);
  await expectAccessible(page, 'Prüfprotokoll (eine Person)');
});

test('Prüfprotokoll: filters in the address, German dates, paging', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const tag = Date.now().toString(36).toUpperCase().slice(-6);
  const token = await adminToken(request);
  expect((await request.post('/api/v1/agencies', { headers: { authorization: `Bearer ${token}` }, data: { name: `Protokolltest ${tag}`, kind: 'other', code: `PT-${tag}` } })).status()).toBe(201);
  await signIn(page, 'admin');
  await nav(page).getByRole('link', { name: 'Prüfprotokoll' }).click();
  await expect(heading(page, 'Prüfprotokoll')).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(51); // a full page of 50
  await page.getByRole('button', { name: 'Nächste Seite' }).click();
  await expect(page.getByText('Seite 2', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Vorherige Seite' }).click();
  await expect(page.getByText('Seite 1', { exact: true })).toBeVisible();

  // Today's agencies created by Erika Admin (Berlin day).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  await page.getByLabel('Aktion').selectOption({ label: 'angelegt' });
  await page.getByLabel('Art des Datensatzes').selectOption({ label: 'Behörde' });
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Erika Admin (IT)' });
  await page.getByLabel('Von').fill(today);
  await page.getByLabel('Bis einschließlich').fill(today);
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(new RegExp(`action=create&entityType=agency&actorId=[0-9a-f-]{36}&from=${today}&to=${today}`));
  await expect(rows.filter({ hasText: `Protokolltest ${tag}` })).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
  for (const row of await rows.all()) if (await row.locator('td').count()) await expect(row).toContainText('angelegt');
  await expectAccessible(page, 'Prüfprotokoll');
  await page.screenshot({ path: 'dist/web-test-results/verwaltung-pruefprotokoll.png', fullPage: true });
  // The address keeps the filters (a reload, a shared link).
  await page.reload();
  await expect(page.getByLabel('Aktion')).toHaveValue('create');
  await expect(rows.filter({ hasText: `Protokolltest ${tag}` })).toHaveCount(1);
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(page).toHaveURL(/\/verwaltung\/protokoll$/);
  await expect(page.getByLabel('Aktion')).toHaveValue('');
  await expect(rows).toHaveCount(51);
  // A day before anything happened: nothing.
  await page.getByLabel('Bis einschließlich').fill('2020-01-01');
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page.getByText('Keine Einträge für diese Filter.')).toBeVisible();
});

test('no admin pages for anyone else: not in the navigation, "Kein Zugriff" at their addresses, their code not loaded', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => loaded.push(r.url()));
  for (const who of ['polizei', 'koordination']) {
    await signIn(page, who);
    for (const name of ADMIN_PAGES) await expect(nav(page).getByRole('link', { name })).toHaveCount(0);
    for (const url of ADMIN_URLS) {
      await page.goto(url);
      await expect(heading(page, 'Kein Zugriff')).toBeVisible();
      await expect(page.getByRole('main')).toContainText('für die Administration');
    }
    await expectAccessible(page, `Kein Zugriff (${who})`);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  }
  expect(loaded.filter((u) => /\/assets\/(Agencies|AgencyEdit|People|PersonEdit|Deputies|Audit)Page-/.test(u))).toEqual([]);
});
