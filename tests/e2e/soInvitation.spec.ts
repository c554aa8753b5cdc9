// The SO invitation in the demo, in a real browser, by keyboard: prepare, preview, send once, then follow
// the responses (an invitee accepts and another declines in their own calendar), escalate the decline,
// and see sharing refused without the resident's consent. axe runs on every state; the fixture fails the
// test on any Graph contract violation the demo tenant reports.
import { axeViolations } from './support/axe';
import { backToCases, openDemo } from './support/demo';
import { expect, test } from './support/fixtures';
import { eventCreates, replyAs } from './support/graph';
import { tabTo } from './support/keyboard';

const BRAM = '07c11fe8-826c-4e86-906e-2a0fb6c231fc';
const KOFI = 'be8f1f24-312c-4e79-b642-9a5ca0a28fc2';

// The seed's SO is on 1 December 2026: the demo runs on a clock from before it, whatever today is.
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
});

test('prepare, preview and send the SO invitation by keyboard; follow the responses', async ({ page }) => {
  await openDemo(page);
  await tabTo(page, page.getByRole('button', { name: 'Casus SO-2026-014 openen' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('tab', { name: 'Plan' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '1. Toestemming & doel' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '5. Voorbeeld & versturen' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // A colleague from the directory, with a reason.
  await tabTo(page, page.getByRole('searchbox', { name: 'Zoek een collega' }));
  await page.keyboard.type('Anouk');
  await page.keyboard.press('Enter');
  const invite = page.getByRole('button', { name: 'Uitnodigen: Anouk Peeters' });
  await tabTo(page, invite);
  await page.keyboard.press('Enter');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Anouk Peeters' }) });
  await tabTo(page, card.getByRole('checkbox', { name: 'kennis en kunde over deze vraag' }));
  await page.keyboard.press('Space');
  await expect(card.getByRole('checkbox', { name: 'kennis en kunde over deze vraag' })).toBeChecked();

  // What Anouk will receive.
  await tabTo(page, page.getByRole('button', { name: 'Anouk Peeters', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Anouk Peeters <anouk.peeters@lindehof.example> (verplicht)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tekst van de uitnodiging' })).toContainText('Het doel van dit overleg');
  await expect(page.getByText('Samenwerkwijze - de vijf principes.pdf')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await tabTo(page, page.getByRole('button', { name: 'Versturen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Bel nog: Samira Benali, Nadia Benali, Gerda Visser/)).toBeVisible();
  expect(await eventCreates(page)).toBe(1);
  expect(await axeViolations(page)).toEqual([]);

  // Invitees answer in their own calendars.
  await replyAs(page, { userId: BRAM, caseAlias: 'SO-2026-014' }, 'accept', 'Ik kom.');
  await replyAs(page, { userId: KOFI, caseAlias: 'SO-2026-014' }, 'decline', 'Geen capaciteit deze maand.');

  await tabTo(page, page.getByRole('tab', { name: 'SO voorbereiden' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Reacties van de genodigden' });
  await expect(table.getByRole('row', { name: /Bram Hoekstra/ })).toContainText('Komt (geaccepteerd)');
  await expect(table.getByRole('row', { name: /Kofi Mensah/ })).toContainText('Komt niet (afgeslagen)');
  await expect(table.getByRole('row', { name: /Anouk Peeters/ })).toContainText('Nog geen reactie');
  await expect(table.getByRole('row', { name: /Bram Hoekstra/ })).toContainText('Geen toestemming van de inwoner om het plan met Bram Hoekstra te delen');
  await expect(table.getByRole('button', { name: 'Plan delen met Bram Hoekstra' })).toHaveAttribute('aria-disabled', 'true');
  expect(await axeViolations(page)).toEqual([]);

  // The decline: ask the area champion, by keyboard, with an edited text.
  await tabTo(page, table.getByRole('button', { name: 'Gebiedsaanjager inschakelen voor Kofi Mensah' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Kofi Mensah komt niet/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Joris van Leeuwen');
  expect(await axeViolations(page)).toEqual([]);
  await tabTo(page, dialog.getByRole('textbox', { name: 'Welke reden gaf Kofi Mensah?' }));
  await page.keyboard.type('Geen capaciteit deze maand');
  await expect(dialog.getByRole('textbox', { name: /Bericht/ })).toHaveValue(/De reden die Kofi Mensah gaf: Geen capaciteit deze maand/);
  await tabTo(page, dialog.getByRole('button', { name: 'Versturen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Je bericht aan Joris van Leeuwen is verstuurd.')).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // A reload: the plan knows the invitation went out; nothing is sent again.
  // The address keeps the open case, so the reload opens it again; the list says the SO is planned.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Casus SO-2026-014' })).toBeVisible();
  await backToCases(page);
  await expect(page.getByRole('table', { name: 'Casussen' }).getByRole('row', { name: /SO-2026-014/ })).toContainText('SO gepland');
});

for (const media of [{ colorScheme: 'dark' as const }, { forcedColors: 'active' as const }]) {
  test(`the SO screens have no axe violations (${JSON.stringify(media)})`, async ({ page }) => {
    await page.emulateMedia(media);
    await openDemo(page);
    await page.getByRole('button', { name: 'Casus SO-2026-014 openen' }).click();
    await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '5. Voorbeeld & versturen' })).toBeVisible();
    await page.getByRole('button', { name: 'Zoek tijden' }).click();
    await expect(page.getByRole('radiogroup', { name: 'Voorgestelde tijden' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Reacties' }).click();
    await expect(page.getByText(/Er is nog geen uitnodiging verstuurd/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
