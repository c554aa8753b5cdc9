// Issue 14, after the SO, in demo mode: the micro-analysis of the handbook's worked example (computed, not the
// printed €5.569,50), typed in Dutch notation with a bad amount on the way, kept through a reload (the address
// keeps the case and the Na het SO tab) and printable; axe in light, dark and forced colours on the whole tab.
// The six weeks' reminders, the evaluation's agenda and the resident's PDF have their journey in sixWeeks.spec.ts.
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { openDemo, showCase } from './support/demo';
import { expect, test } from './support/fixtures';

const THEMES = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' }, background: '#ffffff' },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' }, background: '#292929' },
  { name: 'high contrast', media: { colorScheme: 'light', forcedColors: 'active' }, background: '#000000' },
] as const;

async function checkThemes(page: Page, state: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia(theme.media);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).getPropertyValue('--colorNeutralBackground1').trim())).toBe(theme.background);
    expect.soft(await axeViolations(page), `${state} (${theme.name})`).toEqual([]);
  }
  await page.emulateMedia(THEMES[0].media);
}

async function openAfterTab(page: Page, alias: string): Promise<void> {
  await showCase(page, alias);
  await page.getByRole('tab', { name: 'Na het SO' }).click();
  await expect(page.getByRole('tab', { name: 'Na het SO' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Micro-analyse' })).toBeVisible();
}

/** Fills one cost line (the n-th of its group) by its labelled fields. */
async function fillLine(page: Page, group: string, n: number, line: { what: string; payer: string; amount: string; period: string }): Promise<void> {
  const row = page.getByRole('group', { name: `Regel ${n} van ${group}` });
  if (!(await row.isVisible())) await page.getByRole('button', { name: `Regel toevoegen bij ${group}` }).click();
  await row.getByRole('textbox', { name: 'Wat' }).fill(line.what);
  await row.getByRole('textbox', { name: 'Wie betaalt' }).fill(line.payer);
  await row.getByRole('textbox', { name: /Bedrag in euro/ }).fill(line.amount);
  await row.getByRole('combobox', { name: 'Per' }).selectOption({ label: line.period });
}

const BEFORE = 'Kosten per jaar vóór de Samenwerkwijze';
const AFTER = 'Kosten per jaar na de Samenwerkwijze';
const ONE_OFF = 'Eenmalige kosten (ook de tijd van professionals in het overleg)';
const NOTHING = 'Kosten per jaar als we niets hadden gedaan';

test.describe.configure({ timeout: 300_000 });

test.describe('micro-analysis', () => {
  test('the handbook example gives the computed totals; a bad amount keeps what was typed', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
    await openDemo(page);
    await openAfterTab(page, 'SO-2026-021');
    const micro = page.getByRole('region', { name: 'Micro-analyse' });

    await fillLine(page, BEFORE, 1, { what: 'Ambulante ondersteuning, 3,5 uur per week', payer: 'Gemeente', amount: '227.5', period: 'per week' });
    await fillLine(page, BEFORE, 2, { what: 'Huisarts, twee keer per maand', payer: 'Zorgverzekeraar', amount: '20', period: 'per maand' });
    await fillLine(page, AFTER, 1, { what: 'Ambulante begeleiding, 1 uur per week', payer: 'Gemeente', amount: '65,00', period: 'per week' });
    await fillLine(page, ONE_OFF, 1, { what: 'Samenwerkoverleg met 3 professionals', payer: 'Organisaties', amount: '292,50', period: 'eenmalig' });
    await fillLine(page, ONE_OFF, 2, { what: 'Verhuizing', payer: 'Woningcorporatie', amount: '1.200', period: 'eenmalig' });
    await fillLine(page, NOTHING, 1, { what: 'Zorg in een woonvorm', payer: 'Wlz', amount: '28.000,00', period: 'per jaar' });

    // A line's remove button says which line it removes, and its name starts from what it shows (WCAG 2.5.3).
    const extra = page.getByRole('group', { name: `Regel 2 van ${ONE_OFF}` });
    await expect(extra.getByRole('button', { name: `${ONE_OFF}, regel 2 weghalen`, exact: true })).toHaveText('Regel 2 weghalen');

    // "227.5" is not Dutch notation: a Dutch error next to the field, the text stays, nothing is stored.
    const amount = page.getByRole('group', { name: `Regel 1 van ${BEFORE}` }).getByRole('textbox', { name: /Bedrag in euro/ });
    await expect(micro.getByText('Dit is geen bedrag. Schrijf het zoals 1.234,56')).toBeVisible();
    await micro.getByRole('button', { name: 'Micro-analyse bewaren' }).click();
    await expect(micro.getByText(/Nog niet bewaard: 1 veld/)).toBeVisible();
    await expect(amount).toBeFocused();
    await expect(amount).toHaveValue('227.5');
    await checkThemes(page, 'micro-analysis with a bad amount');

    await amount.fill('227,50');
    await expect(page.getByTestId('micro-before')).toHaveText('€ 9.795,00');
    await expect(page.getByTestId('micro-after')).toHaveText('€ 2.730,00');
    await expect(page.getByTestId('micro-oneOff')).toHaveText('€ 1.492,50');
    await expect(page.getByTestId('micro-difference')).toHaveText('€ 5.572,50');
    await expect(page.getByTestId('micro-doNothing')).toHaveText('€ 28.000,00');
    await expect(micro.getByText('€ 5.569,50')).toHaveCount(0);
    await micro.getByRole('button', { name: 'Micro-analyse bewaren' }).click();
    await expect(micro.getByText('De micro-analyse staat in het plan.')).toBeVisible();
    // The chart came in its own chunk, and it is there.
    await expect(micro.getByTestId('chart').locator('svg').first()).toBeVisible();
    await checkThemes(page, 'micro-analysis saved, with its chart');

    // Kept in the plan: after a reload the lines are back as typed (in Dutch notation).
    // The address keeps the case and the tab (case=…&tab=after).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Casus SO-2026-021' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Na het SO' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('micro-difference')).toHaveText('€ 5.572,50');
    await expect(page.getByRole('group', { name: `Regel 1 van ${BEFORE}` }).getByRole('textbox', { name: /Bedrag in euro/ })).toHaveValue('227,50');

    // Printable.
    await page.getByRole('button', { name: 'Micro-analyse printen' }).click();
    const frame = page.frameLocator('iframe[title]');
    await expect(frame.getByRole('heading', { name: 'Micro-analyse SO-2026-021' })).toBeVisible();
    await expect(frame.getByRole('row', { name: /Verschil vóór en na/ })).toContainText('€ 5.572,50');
    await checkThemes(page, 'micro-analysis print view');
  });
});
