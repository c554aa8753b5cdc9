// The whole SO run with the keyboard alone (after choosing the chair persona in the demo banner): open the
// case, start, step through the fixed agenda, pause and continue, write a note, record an agreement,
// casusregie and evaluation, and close with the summary. Every control is reached with Tab and used with
// Enter, Space or typing; the fixture fails the test on any Graph contract violation.
import type { Locator, Page } from '@playwright/test';
import { openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';
import { tabTo } from './support/keyboard';

const CASE = 'SO-2026-014';

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T09:55:00+01:00') });
});

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

test('the chair runs the whole SO with the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page);
  await personaSelect(page).selectOption({ label: 'Voorzitter – Priya Ramdin (Gemeente Maasveld)' });
  await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();

  await press(page, page.getByRole('button', { name: `Casus ${CASE} openen` }));
  await expect(page.getByRole('heading', { level: 1, name: `Casus ${CASE}` })).toBeVisible();
  // The case's tabs are one Tab stop; the arrow keys move between them (WAI-ARIA tabs pattern).
  await tabTo(page, page.getByRole('tab', { name: 'Plan' }));
  for (let i = 0; i < 5 && !(await page.getByRole('tab', { name: 'SO voorzitten' }).evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('tab', { name: 'SO voorzitten' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'SO voorzitten' })).toHaveAttribute('aria-selected', 'true');

  await press(page, page.getByRole('button', { name: 'Start het overleg' }));
  const next = page.getByRole('button', { name: 'Volgende onderdeel' });
  await expect(next).toBeFocused();
  await expect(page.locator('[aria-current="step"]')).toContainText('Kennismaken');

  // A break for the resident: pause and continue, from the keyboard.
  await press(page, page.getByRole('button', { name: 'Pauzeer' }));
  await expect(page.getByRole('button', { name: 'Ga verder' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pauzeer' })).toBeFocused();

  // Through the agenda in its fixed order to the first "ik wil" point.
  await press(page, next);
  await expect(page.locator('[aria-current="step"]')).toContainText('spelregels');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Enter');
  await expect(page.locator('[aria-current="step"]')).toContainText('Ik wil in mijn eigen huis blijven wonen');

  // A note on this step, and an agreement: choose who by typing, describe it, submit with Enter.
  const notes = page.getByRole('textbox', { name: /Aantekeningen/ });
  await tabTo(page, notes);
  await page.keyboard.type('Samira wil de huurachterstand eerst aanpakken.');
  const who = page.getByRole('form', { name: 'Afspraak vastleggen' }).getByRole('combobox', { name: 'Wie' });
  await tabTo(page, who);
  await page.keyboard.type('Wouter');
  await expect(who.locator('option:checked')).toHaveText('Wouter Dijkman (Woonstichting Thuisveld)');
  await tabTo(page, page.getByRole('textbox', { name: 'Wat' }));
  await page.keyboard.type('Regeling voor de huurachterstand voorstellen');
  await press(page, page.getByRole('button', { name: 'Afspraak toevoegen' }));
  const list = page.getByRole('list', { name: 'Afspraken van dit overleg' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Regeling voor de huurachterstand voorstellen' })).toHaveCount(1);
  await expect(who).toBeFocused();

  // On to casusregie.
  await press(page, next);
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Enter');
  await expect(page.locator('[aria-current="step"]')).toContainText('regie');
  const director = page.getByRole('combobox', { name: 'Casusregisseur' });
  await tabTo(page, director);
  await page.keyboard.type('Esra');
  await expect(director.locator('option:checked')).toHaveText('Esra Aydin (Stichting Buurtkracht Maasveld)');

  // Evaluation: by mail, organised by the case director (the default), stored with Enter.
  await press(page, next);
  await expect(page.locator('[aria-current="step"]')).toContainText('Evaluatie');
  // A radio group is one Tab stop; the arrow keys choose.
  await press(page, page.getByRole('radio', { name: 'In een overleg' }), 'ArrowRight');
  await expect(page.getByRole('radio', { name: 'Per mail' })).toBeChecked();
  await press(page, page.getByRole('button', { name: 'Evaluatie vastleggen' }));
  await expect(page.getByText('Vastgelegd: evaluatie op')).toBeVisible();

  // The closing round, and closing with the summary dialog.
  await press(page, next);
  await expect(page.locator('[aria-current="step"]')).toContainText('Afsluitende ronde');
  await press(page, page.getByRole('button', { name: 'SO afsluiten' }));
  const summary = page.getByRole('dialog', { name: 'Klopt deze samenvatting?' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Afspraken (1)');
  await press(page, summary.getByRole('button', { name: 'Afsluiten en plan verspreiden' }));
  await expect(page.getByText(/Dit overleg is afgesloten op/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Wie het plan krijgt' })).toBeVisible();
});
