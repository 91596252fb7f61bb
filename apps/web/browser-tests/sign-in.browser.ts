import { expect, test } from '@playwright/test';
import { demo, expectAccessible, PASSWORD, signIn } from './helpers';

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

test('two tabs of one browser reloading at the same moment both stay signed in', async ({ page, context }) => {
  await signIn(page, 'drogenhilfe');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  // Both send the one refresh cookie before either answer arrives: each refresh waits at this
  // barrier until the other tab's is out too (a single-use token alone would end the session here).
  const held: Array<() => void> = [];
  await context.route('**/api/v1/auth/session/refresh', async (route) => {
    await new Promise<void>((go) => {
      held.push(go);
      if (held.length === 2) held.forEach((release) => release());
    });
    await route.continue();
  });
  const refreshes = [page, second].map((p) => p.waitForResponse((r) => r.url().endsWith('/api/v1/auth/session/refresh')));
  await Promise.all([page.reload(), second.reload()]);
  const answers = await Promise.all(refreshes);
  expect(answers.map((r) => r.status())).toEqual([200, 200]);
  await context.unroute('**/api/v1/auth/session/refresh');
  for (const p of [page, second]) await expect(p.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  // The session goes on.
  await second.reload();
  await expect(second.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
});
