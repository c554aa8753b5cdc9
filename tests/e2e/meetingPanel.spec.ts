// Issue 13, item 1: the meeting side panel made for 320 px, and a run bar that stays in view. In a browser
// `?surface=sidePanel&case=…` gives the side panel's layout (Teams gives it with frameContext sidePanel).
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { openDemo, personaSelect, showCase } from './support/demo';
import { expect, test } from './support/fixtures';

const CASE = 'SO-2026-014';
const PANEL = `/index.html?surface=sidePanel&case=${CASE}`;
const THEMES = [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }, { forcedColors: 'active' as const }];

/** The page scrolls sideways when its content is wider than the viewport. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Whether the element is entirely inside the viewport right now. */
async function inViewport(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('button', { name }).boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

const CHAIR = 'Voorzitter – Priya Ramdin (Gemeente Maasveld)';

async function panelShowsTheCase(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: `SO ${CASE}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start het overleg' })).toBeVisible();
}

async function openPanel(page: Page): Promise<void> {
  await page.goto(PANEL);
  await expect(page.getByRole('region', { name: 'Demo-omgeving' })).toBeVisible();
  await personaSelect(page).selectOption({ label: CHAIR });
  // The panel has no "Aangemeld als": the switch is done when the persona list can be used again.
  await expect(personaSelect(page)).toBeEnabled();
  await panelShowsTheCase(page);
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T09:55:00+01:00') });
});

test('the side panel at 320 px: no app header, back link or case tabs; the agenda folds; the run bar stays at the top; nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openPanel(page);
  await expect(page.getByText(/Aangemeld als/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Terug naar mijn casussen' })).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // The agenda is folded away; it opens on demand.
  await expect(page.getByRole('navigation', { name: 'Agenda' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Agenda: 1\d onderdelen$/ }).click();
  await expect(page.getByRole('navigation', { name: 'Agenda' })).toBeVisible();
  await page.getByRole('button', { name: /^Agenda: 1\d onderdelen$/ }).click();
  await expect(page.getByRole('navigation', { name: 'Agenda' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Start het overleg' }).click();
  const bar = page.getByRole('region', { name: 'Het overleg' });
  await expect(bar.getByText(/^1\/1\d Kennismaken/)).toBeVisible();
  await expect(bar.getByRole('timer').first()).toContainText('van 7 min');
  await page.getByRole('button', { name: 'Volgende onderdeel' }).click();

  // Down at the agreement form, typing: the step, its clock and the buttons are still on screen.
  const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
  await form.getByRole('textbox', { name: 'Wat' }).scrollIntoViewIfNeeded();
  await form.getByRole('textbox', { name: 'Wat' }).fill('Een afspraak die we nu typen');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  expect(await inViewport(page, 'Volgende onderdeel')).toBe(true);
  expect(await inViewport(page, 'Pauzeer')).toBe(true);
  await expect(bar.getByRole('timer').first()).toBeInViewport();
  await expect(bar.getByText(/^2\/1\d /)).toBeInViewport();
  // The agreement form fits: nothing scrolls sideways.
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('a persona switch and a reload keep the side panel on the meeting\'s case', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openPanel(page);
  await expect(page).toHaveURL(new RegExp(`[?&]case=${CASE}(&|$)`));
  await page.reload();
  await expect(personaSelect(page).locator('option:checked')).toHaveText(CHAIR);
  await panelShowsTheCase(page);
  await expect(page.getByText(/nog niet aan een casus gekoppeld|staat niet in jouw casussen/)).toHaveCount(0);
});

for (const width of [768, 1366]) {
  test(`the personal tab at ${width} px keeps the run bar in view while the chair types`, async ({ page }) => {
    await page.setViewportSize({ width, height: 768 });
    await openDemo(page);
    await personaSelect(page).selectOption({ label: CHAIR });
    await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();
    await showCase(page, CASE);
    await page.getByRole('tab', { name: 'SO voorzitten' }).click();
    await page.getByRole('button', { name: 'Start het overleg' }).click();
    const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
    await form.getByRole('textbox', { name: 'Wat' }).scrollIntoViewIfNeeded();
    await form.getByRole('textbox', { name: 'Wat' }).fill('Typen terwijl de klok loopt');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    expect(await inViewport(page, 'Volgende onderdeel')).toBe(true);
    await expect(page.getByRole('region', { name: 'Het overleg' }).getByRole('timer').first()).toBeInViewport();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

for (const media of THEMES) {
  test(`the side panel has no axe violations, folded and open, running (${JSON.stringify(media)})`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.emulateMedia(media);
    await openPanel(page);
    expect(await axeViolations(page), 'before the start').toEqual([]);
    await page.getByRole('button', { name: 'Start het overleg' }).click();
    await page.getByRole('button', { name: /^Agenda: onderdeel 1 van/ }).click();
    await expect(page.getByRole('navigation', { name: 'Agenda' })).toBeVisible();
    expect(await axeViolations(page), 'running, agenda open').toEqual([]);
  });
}

test('the side panel works by keyboard: start, next step and the agenda', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openPanel(page);
  await page.getByRole('button', { name: 'Start het overleg' }).focus();
  await page.keyboard.press('Enter');
  // The same button is now "Volgende onderdeel" and keeps the focus.
  await expect(page.getByRole('button', { name: 'Volgende onderdeel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Het overleg' }).getByText(/^2\/1\d /)).toBeVisible();
  await page.getByRole('button', { name: /^Agenda: onderdeel 2 van/ }).focus();
  await page.keyboard.press('Enter');
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  await expect(agenda).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(agenda.getByRole('button').first()).toBeFocused();
});
