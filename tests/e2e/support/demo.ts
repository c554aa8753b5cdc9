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
