import { expect, test } from '@playwright/test';
import pg from 'pg';
import { expectAccessible, signIn } from './helpers';

/**
 * Issue 10: a list of 1,000 developments stays responsive. 1,000 syringe finds at the Wertstoffhof
 * (district Hafen) over the last three weeks, written straight into the browser tests' database
 * (scripts/test-web.mjs: WEB_TEST_DATABASE_URL) and removed afterwards. The page never holds more
 * than one page of 25 rows in the DOM, and paging walks through all of them.
 */
const MARK = 'Browsertest: 1.000 Meldungen';
const PAGE = 25;
let db: pg.Client;

test.beforeAll(async () => {
  db = new pg.Client({ connectionString: process.env.WEB_TEST_DATABASE_URL });
  await db.connect();
  const res = await db.query(
    `INSERT INTO developments (category, observed_at, place_id, lat, lon, district_id, count, severity, reporting_agency_id, reporter_id, visibility, description)
     SELECT 'syringe_finds', now() - g * interval '30 minutes', p.id, p.lat, p.lon, p.district_id, 1 + g % 7, 1 + g % 3, a.id, r.id, 'all', $1
       FROM generate_series(1, 1000) g
       JOIN places p ON p.name = 'Wertstoffhof am Hafen'
       JOIN people r ON r.email = 'stadtreinigung@demo.drogenrapport.invalid'
       JOIN agencies a ON a.id = r.agency_id`,
    [MARK],
  );
  expect(res.rowCount).toBe(1000);
});

test.afterAll(async () => {
  await db.query('DELETE FROM developments WHERE description = $1', [MARK]);
  await db.end();
});

test('the Lagebild with more than 1,000 developments in one district: one page at a time, every one reachable', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordination');
  await page.getByLabel('Zeitraum', { exact: true }).selectOption({ label: 'Letzte 4 Wochen' });
  await page.getByLabel('Bezirk', { exact: true }).selectOption({ label: 'Hafen' });

  const list = page.getByRole('region', { name: 'Meldungen', exact: true });
  const rows = list.locator('tbody tr');
  const status = page.getByRole('navigation', { name: 'Seiten der Meldungsliste' }).getByRole('status');
  const next = page.getByRole('button', { name: 'Nächste Seite' });
  await expect(status).toHaveText('Seite 1');
  await expect(rows).toHaveCount(PAGE);

  // How many there are, from the district's trend (and its table).
  const caption = page.getByRole('region', { name: 'Entwicklung je Bezirk' }).locator('figcaption', { hasText: 'Hafen' });
  await expect(caption).toHaveText(/^Hafen: [\d.]+ Meldungen$/);
  const total = Number(/: ([\d.]+) /.exec((await caption.innerText()))![1]!.replace(/\./g, ''));
  expect(total).toBeGreaterThanOrEqual(1000);
  await expect(page.getByRole('region', { name: 'Entwicklung je Kategorie' }).locator('figcaption', { hasText: 'Spritzenfunde' })).toBeVisible();
  // The map shows the newest 200 at most.
  const points = await page.locator('.map-point--development').count();
  expect(points).toBeGreaterThan(0);
  expect(points).toBeLessThanOrEqual(200);
  await expectAccessible(page, 'Lagebild mit 1.000 Meldungen');

  // Walk every page: never more than 25 rows in the page, newest first across pages, all of them seen.
  const firstRows: string[] = [];
  let seen = 0;
  let previousLast = Infinity;
  for (let n = 1; ; n++) {
    await expect(status).toHaveText(`Seite ${n}`);
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(PAGE);
    const times = await rows.locator('td:first-child').allInnerTexts();
    firstRows.push(times[0]!);
    seen += count;
    const stamps = times.map(berlinToMs);
    expect(stamps[0]!).toBeLessThanOrEqual(previousLast);
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
    previousLast = stamps.at(-1)!;
    if (await next.isDisabled()) break;
    expect(n).toBeLessThan(100);
    await next.click();
  }
  // The trend counts from the Monday of the period's first week, the list from its first minute.
  expect(seen).toBeGreaterThanOrEqual(1000);
  expect(seen).toBeLessThanOrEqual(total);

  // Back one page: the same rows as before.
  const pages = firstRows.length;
  await page.getByRole('button', { name: 'Vorherige Seite' }).click();
  await expect(status).toHaveText(`Seite ${pages - 1}`);
  await expect(rows.first().locator('td').first()).toHaveText(firstRows[pages - 2]!);

  // A filter starts again at page 1.
  await page.getByLabel('Meldende Behörde', { exact: true }).selectOption({ label: 'Stadtreinigung Lindenbrück' });
  await expect(status).toHaveText('Seite 1');
  await expect(rows).toHaveCount(PAGE);
  await expect(rows.first()).toContainText('Stadtreinigung Lindenbrück');
  await next.click();
  await expect(status).toHaveText('Seite 2');
  await expect(rows).toHaveCount(PAGE);
});

/** "02.12.2026, 10:30" (de-DE, medium date, short time, Berlin wall clock) as a comparable number. */
function berlinToMs(text: string): number {
  const m = /^(\d{2})\.(\d{2})\.(\d{4}), (\d{2}):(\d{2})$/.exec(text.trim());
  expect(m, `a German date and time: ${text}`).not.toBeNull();
  return Date.UTC(Number(m![3]), Number(m![2]) - 1, Number(m![1]), Number(m![4]), Number(m![5]));
}
