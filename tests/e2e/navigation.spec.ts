// Navigation is a URL (issue 11, item 12): the case, its tab and the SO are in the address; Back/Forward
// walk them; a link opens a case; the meeting links keep working.
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { casesTable, openDemo } from './support/demo';
import { expect, test } from './support/fixtures';

const search = (page: Page) => new URL(page.url()).search;
const caseHeading = (page: Page, alias: string) => page.getByRole('heading', { level: 1, name: `Casus ${alias}` });
const selectedTab = (page: Page, name: string) => expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
});

test('Back and Forward walk list → case → tab and back', async ({ page }) => {
  await openDemo(page);
  expect(search(page)).toBe('');

  await page.getByRole('button', { name: 'Casus SO-2026-014 openen' }).click();
  await expect(caseHeading(page, 'SO-2026-014')).toBeVisible();
  await selectedTab(page, 'Plan');
  expect(search(page)).toBe('?case=SO-2026-014');

  await page.getByRole('tab', { name: 'Reacties' }).click();
  await selectedTab(page, 'Reacties');
  expect(search(page)).toBe('?case=SO-2026-014&tab=responses');

  await page.goBack();
  await selectedTab(page, 'Plan');
  expect(search(page)).toBe('?case=SO-2026-014');

  await page.goBack();
  await expect(casesTable(page)).toBeVisible();
  expect(search(page)).toBe('');

  await page.goForward();
  await expect(caseHeading(page, 'SO-2026-014')).toBeVisible();
  await selectedTab(page, 'Plan');

  await page.goForward();
  await selectedTab(page, 'Reacties');
  expect(search(page)).toBe('?case=SO-2026-014&tab=responses');

  // The case screen's own way back is a step forward in history, to the list.
  await page.getByRole('button', { name: '← Terug naar mijn casussen' }).click();
  await expect(casesTable(page)).toBeVisible();
  expect(search(page)).toBe('?tab=cases');
  await page.goBack();
  await selectedTab(page, 'Reacties');

  // The personal home's tabs are addresses too.
  await page.goBack();
  await page.goBack();
  await expect(casesTable(page)).toBeVisible();
  await page.getByRole('tab', { name: 'Mijn uitnodigingen' }).click();
  expect(search(page)).toBe('?tab=invitations');
  await page.goBack();
  await expect(casesTable(page)).toBeVisible();
});

test('a link opens a case on its tab, and survives a reload', async ({ page }) => {
  await page.goto('/index.html?case=SO-2026-014&tab=responses');
  await expect(caseHeading(page, 'SO-2026-014')).toBeVisible();
  await selectedTab(page, 'Reacties');
  await page.reload();
  await expect(caseHeading(page, 'SO-2026-014')).toBeVisible();
  await selectedTab(page, 'Reacties');

  // The case's SO runner, with the SO in the address.
  await page.goto('/index.html?case=SO-2026-014&tab=meeting');
  await expect(caseHeading(page, 'SO-2026-014')).toBeVisible();
  await selectedTab(page, 'SO voorzitten');
  await expect(page.getByRole('button', { name: 'Start het overleg' })).toBeVisible();
});

test('a link to a case that is not mine says so, with the way to my cases (axe clean)', async ({ page }) => {
  await page.goto('/index.html?case=SO-2026-999');
  await expect(page.getByText('Casus SO-2026-999 staat niet in jouw casussen.', { exact: false })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const toCases = page.getByRole('button', { name: 'Naar mijn casussen' });
  await toCases.focus();
  await page.keyboard.press('Enter');
  await expect(casesTable(page)).toBeVisible();
  expect(search(page)).toBe('?tab=cases');
});

test('the meeting link still opens the runner; Back returns to it from the list', async ({ page }) => {
  await page.goto('/index.html?surface=meeting&case=SO-2026-014');
  await expect(caseHeading(page, 'SO-2026-014')).toBeVisible();
  await selectedTab(page, 'SO voorzitten');
  await page.getByRole('tab', { name: 'Plan' }).click();
  expect(search(page)).toBe('?surface=meeting&case=SO-2026-014&tab=plan');
  await page.goBack();
  await selectedTab(page, 'SO voorzitten');
  await page.getByRole('button', { name: '← Terug naar mijn casussen' }).click();
  await expect(casesTable(page)).toBeVisible();
  await page.goBack();
  await selectedTab(page, 'SO voorzitten');
});

test('by keyboard: open a case, change tab, go back', async ({ page }) => {
  await openDemo(page);
  const open = page.getByRole('button', { name: 'Casus SO-2026-021 openen' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(caseHeading(page, 'SO-2026-021')).toBeVisible();
  const planTab = page.getByRole('tab', { name: 'Plan', exact: true });
  await planTab.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await selectedTab(page, 'SO voorbereiden');
  expect(search(page)).toBe('?case=SO-2026-021&tab=prepare');
  // The browser's own Back (its shortcut belongs to the browser, not the page).
  await page.goBack();
  await selectedTab(page, 'Plan');
  await page.getByRole('button', { name: '← Terug naar mijn casussen' }).focus();
  await page.keyboard.press('Enter');
  await expect(casesTable(page)).toBeVisible();
});
