import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, optionValue, signIn } from './helpers';

/**
 * Issue 10: a user of another agency sees a police-only development in no view, count, chart or
 * export. The Lagebild is narrowed to the police's enforcement actions in Ostend over the last four
 * weeks; the police's own picture grows by the new record (so the narrowing catches it), the youth
 * office's stays exactly as it was.
 */
const POLICE = 'Polizeirevier Lindenbrück-Mitte';
const CATEGORY = 'Einsatzmaßnahme';

interface Picture {
  rows: string[];
  mapIds: string[];
  byDistrict: number;
  byCategory: number;
  tableSum: number;
  csv: string;
}

const number = (text: string) => Number(text.replace(/\./g, ''));

async function narrowed(page: Page): Promise<Picture> {
  // A reload (the cookie keeps the session): nothing cached from an earlier look can stand in for the answers.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
  await page.getByLabel('Zeitraum', { exact: true }).selectOption({ label: 'Letzte 4 Wochen' });
  await page.getByLabel('Bezirk', { exact: true }).selectOption({ label: 'Ostend' });
  await page.getByLabel('Meldende Behörde', { exact: true }).selectOption({ label: POLICE });
  // The last filter: wait until the list, the map's points and the trends answered for it.
  const answered = (test: (url: string) => boolean) => page.waitForResponse((r) => r.url().includes('/api/v1/developments') && r.url().includes('category=enforcement_action') && test(r.url()));
  await Promise.all([
    answered((u) => u.includes('limit=25')),
    answered((u) => u.includes('limit=200')),
    answered((u) => u.includes('/trends?')),
    page.getByLabel('Kategorie', { exact: true }).selectOption({ label: CATEGORY }),
  ]);
  await expect(page.getByRole('navigation', { name: 'Seiten der Meldungsliste' }).getByRole('status')).toHaveText('Seite 1');

  const list = page.getByRole('region', { name: 'Meldungen', exact: true });
  const rows = (await list.locator('tbody tr').count()) ? await list.locator('tbody tr').allInnerTexts() : [];
  if (!rows.length) await expect(list.getByText('Keine Meldungen für diese Filter.')).toBeVisible();

  const total = async (name: string) => {
    const region = page.getByRole('region', { name, exact: true });
    await expect(region.locator('figure.trend').or(region.getByText('Keine Meldungen im Zeitraum.')).first()).toBeVisible();
    const captions = await region.locator('figcaption').allInnerTexts();
    return captions.reduce((sum, c) => sum + number(/: ([\d.]+) Meldung(?:en)?$/.exec(c)![1]!), 0);
  };
  const byDistrict = await total('Entwicklung je Bezirk');
  const byCategory = await total('Entwicklung je Kategorie');
  // The tables under the charts: opened, their numbers added up.
  const tables = page.getByRole('region', { name: 'Entwicklung je Kategorie' });
  for (const summary of await tables.locator('summary').all()) await summary.click();
  const cells = await tables.locator('details table tbody tr td:nth-child(2)').allInnerTexts();
  const tableSum = cells.reduce((sum, c) => sum + number(c), 0);

  // Up to 200 points: with fewer than a page of records, the map shows as many as the list.
  const points = page.locator('.map-point--development');
  if (await page.getByRole('button', { name: 'Nächste Seite' }).isDisabled()) await expect(points).toHaveCount(rows.length);
  const mapIds = await points.evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  return { rows, mapIds, byDistrict, byCategory, tableSum, csv };
}

const csvRows = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).length - 1;

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
}

test('a police-only development is in no view, count, chart, table or export of another agency', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'jugendamt');
  const before = await narrowed(page);
  await signOut(page);

  await signIn(page, 'polizei');
  const policeBefore = await narrowed(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Lage melden' }).click();
  await page.getByLabel('Kategorie', { exact: true }).selectOption({ label: CATEGORY });
  await page.locator('select[name="placeId"]').selectOption(await optionValue(page, 'placeId', 'Stadtpark Ost'));
  const description = `Nur Polizei: Kontrolle am Parkeingang ${Date.now()}`;
  await page.getByLabel('Beschreibung').fill(description);
  await page.getByLabel('Nur meine Behörde').check();
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/developments') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Meldung absenden' }).click(),
  ]);
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await expect(page.getByRole('status').filter({ hasText: 'Meldung gespeichert' })).toBeVisible();

  // The police see it everywhere: the narrowing catches it.
  const police = await narrowed(page);
  expect(police.rows.length).toBe(Math.min(25, policeBefore.rows.length + 1));
  expect(police.mapIds).toContain(id);
  expect(police.byDistrict).toBe(policeBefore.byDistrict + 1);
  expect(police.byCategory).toBe(policeBefore.byCategory + 1);
  expect(police.tableSum).toBe(policeBefore.tableSum + 1);
  expect(csvRows(police.csv)).toBe(csvRows(policeBefore.csv) + 1);
  expect(police.csv).toContain(description);
  expect(police.csv).toContain('Nur eigene Behörde');
  await signOut(page);

  // The youth office: exactly the picture it had before.
  await signIn(page, 'jugendamt');
  const after = await narrowed(page);
  expect(after.rows).toEqual(before.rows);
  expect(after.mapIds).not.toContain(id);
  expect(after.mapIds.sort()).toEqual(before.mapIds.sort());
  expect({ byDistrict: after.byDistrict, byCategory: after.byCategory, tableSum: after.tableSum }).toEqual({ byDistrict: before.byDistrict, byCategory: before.byCategory, tableSum: before.tableSum });
  expect(after.csv).not.toContain(description);
  expect(csvRows(after.csv)).toBe(csvRows(before.csv));
  await expectAccessible(page, 'Lagebild (andere Behörde, gefiltert)');

  // Nor by its address, nor in the own list.
  await page.goto(`/meldungen/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Meldung', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText(description)).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Meine Meldungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Meldungen' })).toBeVisible();
  await expect(page.getByText(description)).toHaveCount(0);
});
