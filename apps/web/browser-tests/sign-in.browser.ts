import { expect, test } from '@playwright/test';
import { demo, expectAccessible, PASSWORD } from './helpers';

test('keyboard only: sign in, the Lagebild, a reload keeps the session, Abmelden ends it', async ({ page, context }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/anmelden$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expectAccessible(page, 'Anmelden');

  // No mouse: Tab into the form, type, Tab to the button, Enter.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-Mail-Adresse')).toBeFocused();
  await page.keyboard.type(demo('jugendamt'));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Amt für Jugend und Familie');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.locator('.leaflet-container path').first()).toBeVisible(); // the districts on the map
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Entwicklung je Bezirk' })).toBeVisible();
  await expect(page.locator('figure.trend').first()).toBeVisible();
  await expectAccessible(page, 'Lagebild');
  await page.screenshot({ path: 'dist/web-test-results/lagebild.png', fullPage: true });

  // The refresh token is in an httpOnly cookie that page scripts cannot read.
  const cookies = await context.cookies();
  const refresh = cookies.find((c) => c.name === 'drogenrapport_refresh')!;
  expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/session' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('drogenrapport_refresh');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();

  // On a fresh page the skip link is the first stop for the keyboard and leads into the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'drogenrapport_refresh')).toBeUndefined();
  await page.goto('/');
  await expect(page).toHaveURL(/\/anmelden$/);
});

test('a wrong password is said next to the form, in German', async ({ page }) => {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(demo('jugendamt'));
  await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch-falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort stimmen nicht.');
});
