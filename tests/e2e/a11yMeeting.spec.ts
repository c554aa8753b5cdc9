// axe on the chair's screens in every theme and state: the runner before and during the SO (paused, the
// "continue or follow-up?" question), the agreement form with errors and privacy warnings, the edit dialog,
// casusregie, evaluation, the closing summary and the printable version; and "Mijn afspraken" of a
// participant. Zero violations of WCAG 2.1 A/AA.
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';

const THEMES = [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }, { forcedColors: 'active' as const }];

async function expectNoViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}

async function next(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.getByRole('button', { name: 'Volgende onderdeel' }).click();
}

for (const media of THEMES) {
  test(`the SO runner and recording have no axe violations in any state (${JSON.stringify(media)})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install({ time: new Date('2026-12-01T09:55:00+01:00') });
    await page.emulateMedia(media);
    await openDemo(page);
    await personaSelect(page).selectOption({ label: 'Voorzitter – Priya Ramdin (Gemeente Maasveld)' });
    await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();
    await page.getByRole('button', { name: 'Casus SO-2026-014 openen' }).click();
    await page.getByRole('tab', { name: 'SO voorzitten' }).click();
    await expect(page.getByRole('button', { name: 'Start het overleg' })).toBeVisible();
    await expectNoViolations(page, 'before the start');

    await page.getByRole('button', { name: 'Start het overleg' }).click();
    await page.getByRole('button', { name: 'Pauzeer' }).click();
    await expect(page.getByRole('button', { name: 'Ga verder' })).toBeVisible();
    await expectNoViolations(page, 'paused, introductions');
    await page.getByRole('button', { name: 'Ga verder' }).click();

    // Overrun: the introductions' time box is long gone after 20 minutes.
    await page.clock.fastForward('20:00');
    await expect(page.getByRole('button', { name: '10 minuten langer doorgaan' })).toBeVisible();
    await expectNoViolations(page, 'continue or follow-up question');
    await page.getByRole('button', { name: '10 minuten langer doorgaan' }).click();

    // The agreement form with errors (nothing filled in) and a privacy warning on "Wat".
    await next(page);
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await expect(page.getByText(/nog niet wie hem oppakt/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Wat' }).fill('Bellen naar 06-12345678 over de huur');
    await expect(page.getByText(/titel van een taak in Planner/).first()).toBeVisible();
    await expectNoViolations(page, 'agreement form with errors and a privacy warning');

    await page.getByRole('combobox', { name: 'Wie' }).selectOption({ label: 'Wouter Dijkman (Woonstichting Thuisveld)' });
    await page.getByRole('textbox', { name: 'Wat' }).fill('Regeling voor de huurachterstand voorstellen');
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    const list = page.getByRole('list', { name: 'Afspraken van dit overleg' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expectNoViolations(page, 'one agreement in the list');

    await list.getByRole('button', { name: /Wijzigen/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, 'edit dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Casusregie, evaluation, closing.
    await next(page, 9);
    await expect(page.getByRole('heading', { name: 'Casusregie en procesregie' })).toBeVisible();
    await page.getByRole('radiogroup', { name: 'Is een procesregisseur nodig?' }).getByRole('radio', { name: 'Ja' }).check();
    await expectNoViolations(page, 'casusregie with procesregie');
    await next(page);
    await page.getByRole('textbox', { name: 'Datum van de evaluatie' }).fill('2026-11-01');
    await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    await expect(page.getByText(/voorbij|verleden/).first()).toBeVisible();
    await expectNoViolations(page, 'evaluation with an error');
    await next(page);
    await page.getByRole('button', { name: 'SO afsluiten' }).click();
    await expect(page.getByRole('dialog', { name: 'Klopt deze samenvatting?' })).toBeVisible();
    await expectNoViolations(page, 'closing summary dialog');
    await page.getByRole('button', { name: 'Terug naar het overleg' }).click();
    await page.getByRole('button', { name: 'Printbare versie' }).click();
    await expect(page.getByRole('dialog', { name: 'Printbare versie van het plan' })).toBeVisible();
    await expectNoViolations(page, 'printable version dialog');
  });

  test(`"Mijn afspraken" has no axe violations (${JSON.stringify(media)})`, async ({ page }) => {
    await page.clock.install({ time: new Date('2026-12-20T09:00:00+01:00') });
    await page.emulateMedia(media);
    await openDemo(page);
    await page.getByRole('tab', { name: 'Mijn afspraken' }).click();
    await expect(page.getByRole('heading', { name: 'Mijn afspraken' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expectNoViolations(page, 'my agreements');
  });
}
