// axe on the case director's Plan tab in every theme and state (errors shown, dialog open), on a seeded case
// with a full plan. The SO and participant screens are checked in their own journeys.
import { axeViolations } from './support/axe';
import { openDemo } from './support/demo';
import { expect, test } from './support/fixtures';

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
});

for (const media of [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }, { forcedColors: 'active' as const }]) {
  test(`the Plan tab has no axe violations, also with errors and a dialog (${JSON.stringify(media)})`, async ({ page }) => {
    await page.emulateMedia(media);
    await openDemo(page);
    await page.getByRole('button', { name: 'Casus SO-2026-021 openen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ik wil' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Toestemming' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // A bad welzijnscijfer stays in the field with a Dutch message.
    const score = page.getByRole('textbox', { name: /Cijfer \(1 tot en met 10\)/ }).or(page.getByRole('spinbutton', { name: /Cijfer \(1 tot en met 10\)/ }));
    await score.fill('11');
    await page.getByRole('button', { name: 'Welzijnscijfer toevoegen' }).click();
    await expect(page.getByText('Het cijfer moet tussen 1 en 10 liggen.')).toBeVisible();
    await expect(score).toHaveValue('11');
    expect(await axeViolations(page)).toEqual([]);

    // A confirmation dialog.
    await page.getByRole('button', { name: 'Toestemming 1 intrekken' }).click();
    await expect(page.getByRole('dialog', { name: 'Toestemming 1 intrekken?' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
}
