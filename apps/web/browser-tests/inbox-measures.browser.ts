import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demo, expectAccessible, PASSWORD, signIn } from './helpers';

/**
 * Issue 10, everyone's own work: the inbox (with the reminders the worker delivered from the demo
 * city's plan), a measure moved to in progress, the leadership's Übersicht, answering invitations,
 * the deputy and the calendar feed. The tests build on each other (the Übersicht shows the
 * measure the liaison moved), so they run in order and stop at the first failure.
 */
test.describe.configure({ mode: 'serial' });

const TRADERS = 'Runder Tisch mit Gewerbetreibenden am Bahnhofsvorplatz';
const KITA_WEST = 'Schutzzone Kita Regenbogen: tägliche Reinigung und Kontrollgänge';

async function token(request: APIRequestContext, who: string): Promise<Record<string, string>> {
  const res = await request.post('/api/v1/auth/login', { data: { email: demo(who), password: PASSWORD } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).accessToken}` };
}

/**
 * The demo planned the reminders as at each measure's agreement; what fell due since is in the
 * ledger, and the worker started beside the API (playwright.config.ts) delivers it. Waits until
 * the wanted notification is in the person's inbox instead of guessing a time.
 */
async function delivered(request: APIRequestContext, who: string, title: RegExp): Promise<void> {
  const auth = await token(request, who);
  await expect.poll(async () => {
    const page = await (await request.get('/api/v1/me/notifications?limit=100', { headers: auth })).json();
    return (page.items as Array<{ title: string }>).some((n) => title.test(n.title));
  }, { timeout: 60_000, intervals: [500, 1000, 2000] }).toBe(true);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

test('the responsible liaison opens the overdue reminder from the inbox and moves the measure to in progress, after reloading a colleague\'s change', async ({ page, request }) => {
  await delivered(request, 'ordnungsamt', new RegExp(`^Überfällig: ${TRADERS}$`));
  await signIn(page, 'ordnungsamt');
  // The unread count is in the navigation, in words for screen readers.
  const inboxLink = nav(page).getByRole('link', { name: /^Posteingang \(\d+ ungelesen\)$/ });
  await expect(inboxLink).toBeVisible();
  const unreadBefore = Number(/\((\d+) ungelesen\)/.exec((await inboxLink.getAttribute('aria-label'))!)![1]);
  expect(unreadBefore).toBeGreaterThan(0);

  await inboxLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Posteingang' })).toBeVisible();
  const reminder = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Überfällig: ${TRADERS}` }) });
  await expect(reminder).toContainText('Ungelesen');
  await expect(reminder).toContainText('Sie sind als verantwortliche Person eingetragen.');
  await expectAccessible(page, 'Posteingang');
  await page.screenshot({ path: 'dist/web-test-results/posteingang.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });

  await reminder.getByRole('link', { name: `Öffnen: Überfällig: ${TRADERS}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRADERS })).toBeVisible();
  await expect(page).toHaveURL(/\/massnahmen\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1)!;
  await expect(page.getByText('Status: Geplant')).toBeVisible();
  await expect(page.getByRole('main').getByText(/^\s*Überfällig seit \d+ Tagen$/).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Mia Ordnung' })).toBeVisible(); // responsible
  await expectAccessible(page, 'Maßnahme');

  // Meanwhile a colleague of the same agency blocks it through the API.
  const auth = await token(request, 'ordnungsamt');
  const current = await (await request.get(`/api/v1/measures/${id}`, { headers: auth })).json();
  expect((await request.post(`/api/v1/measures/${id}/status`, { headers: auth, data: { status: 'blocked', reason: 'Termin mit der Wohnungsgesellschaft steht noch aus', version: current.version } })).status()).toBe(200);

  await page.getByLabel('Neuer Status').selectOption({ label: 'In Arbeit' });
  await page.getByRole('button', { name: 'Status ändern' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
  await expect(conflict).toContainText('Jemand anderes hat diesen Eintrag geändert');
  await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
  await expect(page.getByText('Status: Blockiert')).toBeVisible();
  await expect(page.getByText('Termin mit der Wohnungsgesellschaft steht noch aus').first()).toBeVisible();

  await page.getByLabel('Neuer Status').selectOption({ label: 'In Arbeit' });
  await page.getByLabel('Bemerkung').fill('Einladungen an die Gewerbetreibenden sind verschickt.');
  await page.getByRole('button', { name: 'Status ändern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status geändert: In Arbeit' })).toBeVisible();
  await expect(page.getByText('Status: In Arbeit')).toBeVisible();
  const history = page.getByRole('region', { name: 'Verlauf' });
  await expect(history.getByRole('listitem').first()).toContainText('Status geändert: Blockiert → In Arbeit – Einladungen an die Gewerbetreibenden sind verschickt.');
  expect((await (await request.get(`/api/v1/measures/${id}`, { headers: auth })).json()).status).toBe('in_progress');
  await page.screenshot({ path: 'dist/web-test-results/massnahme.png', fullPage: true });
  // On a phone in the street: nothing sticks out sideways at 360 px (tables scroll inside their box).
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The same link in a mail (PUBLIC_URL + /measures/<id>) opens this page too.
  await page.goto(`/measures/${id}`);
  await expect(page).toHaveURL(new RegExp(`/massnahmen/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: TRADERS })).toBeVisible();

  // Opening it read the reminder: the inbox says so and the count went down.
  await nav(page).getByRole('link', { name: /^Posteingang/ }).click();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Überfällig: ${TRADERS}` }) })).not.toContainText('Ungelesen');
  await expect(nav(page).getByRole('link', { name: unreadBefore - 1 ? `Posteingang (${unreadBefore - 1} ungelesen)` : 'Posteingang' })).toBeVisible();
  await page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
  await expect(nav(page).getByRole('link', { name: 'Posteingang', exact: true })).toBeVisible();
  await expect(page.getByText('Keine ungelesenen Benachrichtigungen.')).toBeVisible();

  // The list of the agency's measures: the one just moved, and filters.
  await nav(page).getByRole('link', { name: 'Maßnahmen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen' })).toBeVisible();
  await expect(page.getByLabel('Zuständigkeit')).toHaveValue('agency');
  const row = page.getByRole('row').filter({ hasText: TRADERS });
  await expect(row).toContainText('In Arbeit');
  await expect(row).toContainText(/Überfällig seit \d+ Tagen/);
  await expect(page.getByRole('row').filter({ hasText: KITA_WEST })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Schwerpunktkontrollen' })).toHaveCount(0); // the police's
  await page.getByLabel('Status').selectOption({ label: 'Erledigt' });
  await expect(page.getByText('Keine Maßnahmen für diese Filter.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Alle offenen' });
  await page.getByLabel('Zuständigkeit').selectOption('all');
  await expect(page.getByRole('row').filter({ hasText: 'Schwerpunktkontrollen' })).toBeVisible();
  await expectAccessible(page, 'Maßnahmen');
});

test('leadership sees it on the Übersicht, overdue measures in red with their days, key figures with the displacement watch', async ({ page, request }) => {
  const auth = await token(request, 'leitung');
  const measures = (await (await request.get('/api/v1/measures?limit=100', { headers: auth })).json()).items as Array<{ title: string; daysOverdue: number; overdue: boolean }>;
  const traders = measures.find((m) => m.title === TRADERS)!;
  const kitaWest = measures.find((m) => m.title === KITA_WEST)!;
  expect(traders.overdue && kitaWest.overdue).toBe(true);

  await signIn(page, 'leitung');
  await nav(page).getByRole('link', { name: 'Übersicht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const overdue = page.getByRole('region', { name: 'Überfällige Maßnahmen' });
  const row = overdue.getByRole('row').filter({ hasText: TRADERS });
  await expect(row).toContainText('In Arbeit');
  await expect(row).toContainText(`Überfällig seit ${traders.daysOverdue} Tagen`);
  const west = overdue.getByRole('row').filter({ hasText: KITA_WEST });
  await expect(west).toContainText(`Überfällig seit ${kitaWest.daysOverdue} Tagen`);
  // Red, and said in words (above): the colour is KERN's danger red.
  // (KERN's colours are oklch(): painted once to read them as RGB.)
  const [r, g, b] = await west.locator('.overdue').evaluate((el) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = getComputedStyle(el).color;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  });
  expect(r! > 150 && g! < 80 && b! < 80).toBe(true);

  const status = page.getByRole('region', { name: 'Maßnahmen nach Status' });
  expect(Number(await status.getByRole('row', { name: /^In Arbeit/ }).getByRole('cell').first().textContent())).toBeGreaterThan(0);
  const figures = page.getByRole('region', { name: 'Kennzahlen: Ziel und Ist' });
  await expect(figures.getByRole('row').filter({ hasText: 'Spritzenfunde im Umkreis von 350 m um die Kita Regenbogen' })).toContainText('Verdrängung vermutet');
  await expect(figures.getByRole('row').filter({ hasText: 'Spritzenfunde am Stadtpark Ost' })).toContainText('−50 % gegenüber dem Ausgangswert');
  await expect(page.getByRole('region', { name: 'Offene Eskalationen' })).toContainText('Viele Spritzenfunde');
  const extended = page.getByRole('region', { name: 'Erweiterte Rapporte und ihre Maßnahmen' });
  await expect(extended).toContainText('Erweiterter Drogenrapport: Umfeld Kita Sonnenschein');
  await expectAccessible(page, 'Übersicht');
  await page.screenshot({ path: 'dist/web-test-results/uebersicht.png', fullPage: true });

  // The overdue measure opens from there.
  await row.getByRole('link', { name: TRADERS }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRADERS })).toBeVisible();
  // Leadership of another agency does not carry it: no status form.
  await expect(page.getByRole('button', { name: 'Status ändern' })).toHaveCount(0);
});

test('a liaison does not get the Übersicht', async ({ page }) => {
  await signIn(page, 'jugendamt');
  await expect(nav(page).getByRole('link', { name: 'Übersicht' })).toHaveCount(0);
  await page.goto('/uebersicht');
  await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
});

test('invitations: accept from the inbox; send the deputy once one is named; the calendar address copied and regenerated; notification settings', async ({ page, context, request }) => {
  // Accept the regular rapport from its invitation in the inbox.
  await delivered(request, 'ordnungsamt', /^Einladung: Drogenrapport Lindenbrück /);
  await signIn(page, 'ordnungsamt');
  await nav(page).getByRole('link', { name: /^Posteingang/ }).click();
  const invitation = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Einladung: Drogenrapport Lindenbrück / }) });
  await invitation.first().getByRole('link', { name: /^Öffnen: Einladung/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Drogenrapport Lindenbrück' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Keine Antwort' })).toBeVisible();
  await expectAccessible(page, 'Termin');
  await page.getByRole('button', { name: 'Zusagen', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Antwort gespeichert: Zugesagt' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zusagen', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await nav(page).getByRole('link', { name: 'Meine Termine' }).click();
  // The convened meeting comes first (the series may already have planned the one after it).
  const regular = page.getByRole('region', { name: 'Drogenrapport Lindenbrück' }).first();
  await expect(regular.getByRole('definition').filter({ hasText: 'Zugesagt' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Erweiterter Drogenrapport: Umfeld Kita Sonnenschein' })).toContainText('Ziel:');
  await expectAccessible(page, 'Meine Termine');
  await page.screenshot({ path: 'dist/web-test-results/termine.png', fullPage: true });

  // The police liaison cannot send a deputy before naming one: said next to the answers.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await signIn(page, 'polizei');
  await nav(page).getByRole('link', { name: 'Meine Termine' }).click();
  const card = page.getByRole('region', { name: 'Drogenrapport Lindenbrück' }).first();
  await card.getByRole('button', { name: 'Vertretung schicken' }).click();
  await expect(card.getByRole('group', { name: 'Auf die Einladung antworten:' })).toHaveAccessibleDescription(/Sie haben noch keine Vertretung benannt/);
  await expect(card.getByText('Sie haben noch keine Vertretung benannt. Bitte benennen Sie sie zuerst unter „Mein Konto“.')).toBeVisible();

  // Mein Konto (the link beside the answers leads to the deputy): name one, a person of the own agency.
  await card.getByRole('link', { name: 'Mein Konto' }).click();
  await expect(page).toHaveURL(/\/konto#vertretung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
  await expectAccessible(page, 'Mein Konto');
  await page.getByLabel('Meine Vertretung').selectOption({ label: 'Polizeipräsidentin Anna Weit' });
  await page.getByRole('button', { name: 'Vertretung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vertretung gespeichert' })).toBeVisible();
  await expect(page.getByText('Derzeit vertritt Sie Polizeipräsidentin Anna Weit.')).toBeVisible();
  await expect(page.getByLabel('Meine Vertretung').locator('option')).toHaveText(['Keine Vertretung', 'Polizeipräsidentin Anna Weit']); // the own agency only, not oneself

  await nav(page).getByRole('link', { name: 'Meine Termine' }).click();
  const again = page.getByRole('region', { name: 'Drogenrapport Lindenbrück' }).first();
  await expect(again).toContainText('Ihre Vertretung: Polizeipräsidentin Anna Weit.');
  await again.getByRole('button', { name: 'Vertretung schicken' }).click();
  await expect(again.getByRole('status').filter({ hasText: 'Antwort gespeichert: Vertretung geschickt' })).toBeVisible();
  await expect(again).toContainText('Sie haben Polizeipräsidentin Anna Weit als Vertretung geschickt.');

  // The calendar address: made, copied, fetched; regenerating asks first and retires the old one.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('banner').getByRole('link', { name: 'Mein Konto' }).click();
  const calendar = page.getByRole('region', { name: 'Kalender-Abo' });
  await expect(calendar).toContainText('Sie haben noch keine Kalender-Adresse.');
  await calendar.getByRole('button', { name: 'Kalender-Adresse erzeugen' }).click();
  const address = calendar.getByLabel('Ihre Kalender-Adresse');
  await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(address).toBeFocused();
  const first = await address.inputValue();
  await calendar.getByRole('button', { name: 'Adresse kopieren' }).click();
  await expect(calendar.getByRole('status')).toHaveText('Adresse in die Zwischenablage kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  const feed = await request.get(first);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('SUMMARY:Drogenrapport Lindenbrück');

  await page.reload();
  await expect(calendar).toContainText(/Sie haben eine Kalender-Adresse \(erzeugt am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\)/);
  await calendar.getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Neue Kalender-Adresse erzeugen?' });
  await expect(confirm).toContainText('Die bisherige Adresse funktioniert danach sofort nicht mehr');
  await expect(confirm.getByRole('button', { name: 'Ja, neue Adresse erzeugen' })).toBeFocused();
  await expectAccessible(page, 'Mein Konto (Rückfrage)');
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await request.get(first)).status()).toBe(200); // cancelled: nothing changed
  await calendar.getByRole('button', { name: 'Neue Adresse erzeugen' }).click();
  await page.getByRole('button', { name: 'Ja, neue Adresse erzeugen' }).click();
  await expect(address).not.toHaveValue(first);
  const second = await address.inputValue();
  expect((await request.get(first)).status()).toBe(404);
  expect((await request.get(second)).status()).toBe(200);
  await page.screenshot({ path: 'dist/web-test-results/konto.png', fullPage: true });

  // Notification settings: a save over someone else's change is refused and offers the current state.
  const settings = page.getByRole('region', { name: 'Benachrichtigungen' });
  const measuresMail = settings.getByRole('group', { name: 'Maßnahmen' }).getByLabel('Per E-Mail');
  await expect(measuresMail).toBeChecked();
  const auth = await token(request, 'polizei');
  const mine = await (await request.get('/api/v1/me/notification-settings', { headers: auth })).json();
  expect((await request.put('/api/v1/me/notification-settings', { headers: auth, data: { channels: { ...mine.channels, rapports: ['inbox'] }, mailMode: 'single', version: mine.version } })).status()).toBe(200);
  await measuresMail.uncheck();
  await settings.getByLabel('Einmal täglich gesammelt (Tageszusammenfassung am Morgen)').check();
  await settings.getByRole('button', { name: 'Einstellungen speichern' }).click();
  const conflict = settings.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
  await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
  await expect(settings.getByRole('group', { name: 'Rapporte' }).getByLabel('Per E-Mail')).not.toBeChecked(); // the other change
  await settings.getByRole('group', { name: 'Maßnahmen' }).getByLabel('Per E-Mail').uncheck();
  await settings.getByLabel('Einmal täglich gesammelt (Tageszusammenfassung am Morgen)').check();
  await settings.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Einstellungen gespeichert' })).toBeVisible();
  const saved = await (await request.get('/api/v1/me/notification-settings', { headers: auth })).json();
  expect(saved).toMatchObject({ mailMode: 'daily_digest', channels: { measures: ['inbox'], rapports: ['inbox'] } });
});
