import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, optionValue, PASSWORD, signIn } from './helpers';

async function logAtStadtpark(page: Page, description: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Lage melden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lage melden' })).toBeVisible();
  // The time defaults to now (Berlin).
  await expect(page.getByLabel('Beobachtet am')).not.toHaveValue('');
  await page.getByLabel('Kategorie', { exact: true }).selectOption({ label: 'Spritzenfunde' });
  await page.locator('select[name="placeId"]').selectOption(await optionValue(page, 'placeId', 'Stadtpark Ost'));
  await page.getByLabel('Anzahl').fill('7');
  await page.getByLabel('Beschreibung').fill(description);
  await expect(page.getByText('Nur Personen Ihrer eigenen Behörde sehen diese Meldung')).toBeVisible();
  await page.getByRole('button', { name: 'Meldung absenden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meldung gespeichert' })).toContainText('Kita Sonnenschein');
}

test('at 360 px: log a development near the Kita, see it in Meine Meldungen, withdraw it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'ordnungsamt');
  await page.getByRole('navigation').getByRole('link', { name: 'Lage melden' }).click();
  await expectAccessible(page, 'Lage melden (360 px)');
  const description = `Browsertest 360 ${Date.now()}`;
  await logAtStadtpark(page, description);
  // Nothing sticks out sideways at 360 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'dist/web-test-results/lage-melden-360.png', fullPage: true });

  await page.getByRole('navigation').getByRole('link', { name: 'Meine Meldungen' }).click();
  const card = page.getByRole('listitem').filter({ hasText: description });
  await expect(card).toContainText('Nahe Kita: Kita Sonnenschein');
  await expectAccessible(page, 'Meine Meldungen');
  await card.getByRole('link', { name: /berichtigen oder zurückziehen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldung berichtigen' })).toBeVisible();
  await expectAccessible(page, 'Meldung berichtigen');
  await page.getByLabel('Grund').fill('doppelt erfasst');
  await page.getByRole('button', { name: 'Zurückziehen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Meldungen' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: description })).toContainText('Zurückgezogen');
});

test('logged near the Kita by a liaison: on the coordinator\'s map and in the coordinator\'s list, flagged near the Kita', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'ordnungsamt');
  const description = `Browsertest Kita ${Date.now()}`;
  await logAtStadtpark(page, description);
  await page.getByRole('navigation').getByRole('link', { name: 'Meine Meldungen' }).click();
  await page.getByRole('listitem').filter({ hasText: description }).getByRole('link', { name: /berichtigen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldung berichtigen' })).toBeVisible();
  const id = page.url().split('/').at(-1)!;
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();

  await signIn(page, 'koordination');
  await expect(page.locator(`.map-point[data-id="${id}"]`)).toHaveClass(/map-point--flagged/);
  const row = page.locator(`tr[data-id="${id}"]`);
  await expect(row).toContainText('Spritzenfunde');
  await expect(row).toContainText('nahe Kita Sonnenschein');
  await expect(row).toContainText('Ordnungsamt');
});

test('at desktop width: a point on the map; a correction that meets someone else\'s change is refused with the offer to reload', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'streetwork');
  await page.getByRole('navigation').getByRole('link', { name: 'Lage melden' }).click();
  // The form, not the Lagebild still on screen (its "Entwicklung je Kategorie" is labelled "Kategorie" too).
  await expect(page.getByRole('heading', { level: 1, name: 'Lage melden' })).toBeVisible();
  await page.getByLabel('Kategorie', { exact: true }).selectOption({ label: 'Konsum im öffentlichen Raum' });
  await page.getByLabel('Punkt auf der Karte').check();
  const description = `Browsertest Karte ${Date.now()}`;
  await page.getByLabel('Beschreibung').fill(description);
  await page.getByLabel('Nur meine Behörde').check();

  // The API's problem appears next to the field it names.
  await page.getByLabel('Breite (Latitude)').fill('10');
  await page.getByLabel('Länge (Longitude)').fill('10');
  await page.getByRole('button', { name: 'Meldung absenden' }).click();
  await expect(page.getByLabel('Breite (Latitude)')).toHaveAccessibleDescription(/außerhalb des Stadtgebiets/);
  await expect(page.getByLabel('Breite (Latitude)')).toHaveAttribute('aria-invalid', 'true');

  const map = page.getByRole('region', { name: 'Karte zur Wahl des Punkts' });
  await expect(map.locator('path').first()).toBeVisible();
  await map.click({ position: { x: 200, y: 150 } });
  await expect(page.getByLabel('Breite (Latitude)')).not.toHaveValue('10');
  await expectAccessible(page, 'Lage melden (Karte, mit Fehler)');

  // A lost connection: said so, and nothing typed is lost.
  await page.route('**/api/v1/developments', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Meldung absenden' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Keine Verbindung' })).toBeVisible();
  await expect(page.getByLabel('Beschreibung')).toHaveValue(description);
  await page.unroute('**/api/v1/developments');
  await page.getByRole('button', { name: 'Meldung absenden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meldung gespeichert' })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Meine Meldungen' }).click();
  await page.getByRole('listitem').filter({ hasText: description }).getByRole('link', { name: /berichtigen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldung berichtigen' })).toBeVisible();
  const id = page.url().split('/').at(-1)!;

  // Meanwhile a colleague corrects it through the API.
  const login = await request.post('/api/v1/auth/login', { data: { email: demo('streetwork'), password: PASSWORD } });
  const { accessToken } = await login.json();
  const current = await (await request.get(`/api/v1/developments/${id}`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
  expect((await request.patch(`/api/v1/developments/${id}`, { headers: { authorization: `Bearer ${accessToken}` }, data: { severity: 5, version: current.version } })).status()).toBe(200);

  await page.getByLabel('Anzahl').fill('3');
  await page.getByRole('button', { name: 'Berichtigung speichern' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
  await expect(conflict).toBeVisible();
  await expect(page.getByLabel('Anzahl')).toHaveValue('3'); // what was typed is still there
  await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
  await expect(page.getByLabel('Schweregrad')).toHaveValue('5');
  await page.getByLabel('Anzahl').fill('3');
  await page.getByRole('button', { name: 'Berichtigung speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Meldungen' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: description })).toContainText('Anzahl3');
});

test('Lagebild filters, CSV export and the password page', async ({ page }) => {
  await signIn(page, 'koordination');
  await page.getByLabel('Kategorie', { exact: true }).selectOption({ label: 'Spritzenfunde' });
  await expect(page.getByRole('table').first()).toContainText('Spritzenfunde');
  await expect(page.getByRole('table').first().getByRole('cell', { name: 'Beschwerde', exact: true })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await page.locator('details.trend__table summary').first().click();
  await expect(page.locator('details.trend__table table').first()).toBeVisible();
  await expectAccessible(page, 'Lagebild (gefiltert, Tabelle offen)');

  await page.getByRole('navigation').getByRole('link', { name: 'Passwort ändern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Passwort ändern' })).toBeVisible();
  await expectAccessible(page, 'Passwort ändern');
});
