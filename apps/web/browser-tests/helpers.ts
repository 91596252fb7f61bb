import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'Lindenbrueck-Demo-2026';
export const demo = (who: string) => `${who}@demo.drogenrapport.invalid`;

/** axe-core on the page as it is now: any serious or critical violation fails the test. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} – ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

export async function signIn(page: Page, who: string): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(demo(who));
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lagebild' })).toBeVisible();
}

/** The value of the first option of a select whose text contains `text`. */
export async function optionValue(page: Page, selectName: string, text: string): Promise<string> {
  const value = await page.locator(`select[name="${selectName}"] option`, { hasText: text }).first().getAttribute('value');
  expect(value).toBeTruthy();
  return value!;
}
