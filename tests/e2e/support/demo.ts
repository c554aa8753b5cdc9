import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const SEEDED_CASES = ['SO-2026-014', 'SO-2026-021'];

export function casesTable(page: Page) {
  return page.getByRole('table', { name: 'Casussen' });
}

/** Opens a surface in demo mode and waits until the case list is usable. */
export async function openDemo(page: Page, path = '/index.html'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('region', { name: 'Demo-omgeving' })).toBeVisible();
  await expect(casesTable(page)).toBeVisible();
}

export function personaSelect(page: Page) {
  return page.getByRole('combobox', { name: 'Je bent nu' });
}

/** "Nieuwe casus": the dialog asks for the area (`check` looks at it first), then the new case opens on its plan. */
export async function createCase(page: Page, options: { area?: string; alias?: string; check?: (dialog: ReturnType<Page['getByRole']>) => Promise<void> } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe casus' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: options.area ?? 'Maasveld-Noord' }).check();
  if (options.check) await options.check(dialog);
  await dialog.getByRole('button', { name: 'Casus aanmaken' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: options.alias ? `Casus ${options.alias}` : /^Casus SO-/ })).toBeVisible();
}

/**
 * Opens a case from wherever the page is: the address keeps the open case (a reload or a persona switch stays
 * on it), so the case may already be open; otherwise it is opened from the case list.
 */
export async function showCase(page: Page, alias: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name: `Casus ${alias}` });
  await expect(heading.or(casesTable(page)).first()).toBeVisible();
  if (await heading.isVisible()) return;
  await page.getByRole('button', { name: `Casus ${alias} openen` }).click();
  await expect(heading).toBeVisible();
}

/** The case screen's own way back to the list. */
export async function backToCases(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Terug naar mijn casussen' }).click();
  await expect(casesTable(page)).toBeVisible();
}
