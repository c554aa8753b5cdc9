import { expect, test } from './support/fixtures';
import { axeViolations } from './support/axe';
import { SEEDED_CASES, backToCases, casesTable, createCase, openDemo, personaSelect } from './support/demo';

test.describe('demo mode in a plain browser', () => {
  test('shows the Demo banner and the seeded cases, and switches persona', async ({ page }) => {
    await openDemo(page);
    for (const alias of SEEDED_CASES) {
      await expect(casesTable(page).getByRole('row', { name: new RegExp(alias) })).toBeVisible();
    }
    await expect(page.getByText('Aangemeld als Esra Aydin')).toBeVisible();

    await personaSelect(page).selectOption({ label: 'Voorzitter – Priya Ramdin (Gemeente Maasveld)' });
    await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();
    await expect(casesTable(page).getByRole('row', { name: /SO-2026-021/ })).toBeVisible();

    await personaSelect(page).selectOption({ label: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' });
    await expect(page.getByText('Aangemeld als Bram Hoekstra')).toBeVisible();
  });

  test('keeps demo data across a reload, and a reset restores the seed', async ({ page }) => {
    await openDemo(page);
    await createCase(page, { alias: 'SO-2026-022' });
    await expect(page.getByText('Casus SO-2026-022 is aangemaakt.')).toBeVisible();
    await backToCases(page);
    await expect(casesTable(page).getByRole('row', { name: /SO-2026-022/ })).toContainText('Concept');

    await personaSelect(page).selectOption({ label: 'Voorzitter – Priya Ramdin (Gemeente Maasveld)' });
    await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();

    await page.reload();
    await expect(casesTable(page).getByRole('row', { name: /SO-2026-022/ })).toBeVisible();
    await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();

    await page.getByRole('button', { name: 'Demo herstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Demo herstellen?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Herstellen' }).click();
    await expect(page.getByText('De demo is hersteld.')).toBeVisible();
    await expect(casesTable(page)).toBeVisible();
    await expect(casesTable(page).getByRole('row', { name: /SO-2026-022/ })).toHaveCount(0);
    for (const alias of SEEDED_CASES) {
      await expect(casesTable(page).getByRole('row', { name: new RegExp(alias) })).toBeVisible();
    }
  });

  test('works with the keyboard alone', async ({ page }) => {
    await openDemo(page);
    // Skip link first, so keyboard users can jump past the banner.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();

    await page.keyboard.press('Tab');
    await expect(personaSelect(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();

    await personaSelect(page).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Demo herstellen' })).toBeFocused();
    // The language switch in the header comes next.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Switch to English' })).toBeFocused();
    // The personal tab's own tabs (Mijn casussen, Mijn uitnodigingen) are one stop; arrows move between them.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tab', { name: 'Mijn casussen' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Nieuwe casus' })).toBeFocused();
    await page.keyboard.press('Enter');
    // The dialog asks for the area: the radio group is one stop, arrows choose; then on to "Casus aanmaken".
    const dialog = page.getByRole('dialog', { name: 'Nieuwe casus' });
    await expect(dialog).toBeVisible();
    const first = dialog.getByRole('radio').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio').nth(1)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Casus aanmaken' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Casus SO-2026-022 is aangemaakt.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Casus SO-2026-022' })).toBeVisible();

    await page.getByRole('button', { name: 'Demo herstellen' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Demo herstellen?' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Demo herstellen' })).toBeFocused();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openDemo(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Demo herstellen' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('has no axe violations in forced colours (high contrast)', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openDemo(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('host detection', () => {
  test('a plain browser session talks only to this site and the Graph endpoint the demo serves', async ({ page, baseURL }) => {
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await openDemo(page);
    await expect(casesTable(page).getByRole('row', { name: /SO-2026-014/ })).toBeVisible();
    expect([...hosts].sort()).toEqual(['graph.microsoft.com', new URL(baseURL!).host].sort());
  });

  test('inside a frame whose parent never answers teams-js, the app falls back to the browser', async ({ page, baseURL }) => {
    await page.route(`${baseURL}/__frame.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="nl"><title>Vreemde pagina</title><iframe title="app" src="/index.html" style="width:100%;height:90vh"></iframe></html>',
    }));
    await page.goto('/__frame.html');
    const app = page.frameLocator('iframe[title="app"]');
    await expect(app.getByRole('region', { name: 'Demo-omgeving' })).toBeVisible({ timeout: 15_000 });
    await expect(app.getByRole('table', { name: 'Casussen' })).toBeVisible();
  });
});

test.describe('other surfaces in a plain browser', () => {
  test('the meeting tab settings page lists the cases and explains it belongs to Teams', async ({ page }) => {
    await page.goto('/config.html');
    await expect(page.getByRole('heading', { name: 'Samenwerkoverleg koppelen aan deze vergadering' })).toBeVisible();
    await expect(page.getByText(/Deze pagina hoort bij Microsoft Teams/)).toBeVisible();
    const select = page.getByRole('combobox', { name: 'Casus' });
    await expect(select.locator('option', { hasText: 'SO-2026-014' })).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the Outlook add-in page does not wait for Office.js outside Outlook', async ({ page }) => {
    // The CDN is unreachable in tests, as it is offline: the page must fall back, not hang.
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto('/addin.html?mode=attendee');
    await expect(page.getByText(/Deze pagina hoort bij Outlook/)).toBeVisible();
    await expect(casesTable(page)).toBeVisible();
  });
});
