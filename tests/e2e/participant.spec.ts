// The invited professional in the demo, in a real browser, by keyboard: the case director sends the SO
// invitation; Bram (the participant persona) finds it under "Mijn uitnodigingen" with the hand-out and his
// reasons, accepts with a comment, and passes his seat to a colleague. axe runs on every state; the fixture
// fails the test on any Graph contract violation the demo tenant reports.
import { axeViolations } from './support/axe';
import { openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';
import { organiserAttendees } from './support/graph';
import { tabTo } from './support/keyboard';

// This journey runs on today's clock with the demo seeded as a user meets it (moved to this week): it proves
// the demo's prepared SO is still ahead, so "Versturen" works on any day.
test.use({ demoSeedWeek: 'today' });
const SUBJECT = /^Samenwerkoverleg SO-2026-014 op (maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} \w+ \d{4}$/;

test('the participant reads why he is invited, accepts, and passes his seat to a colleague, by keyboard', async ({ page }) => {
  // The case director sends the invitation from "SO voorbereiden".
  await openDemo(page);
  const esraId = await page.evaluate(() => (window.__soDemo?.journal() ?? []).find((e) => e.userId)?.userId ?? '');
  await page.getByRole('button', { name: 'Casus SO-2026-014 openen' }).click();
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 60_000 });

  // Bram has no cases: the personal tab opens on his invitations.
  await personaSelect(page).selectOption({ label: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' });
  await expect(page.getByText('Aangemeld als Bram Hoekstra')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Mijn uitnodigingen' })).toHaveAttribute('aria-selected', 'true');
  const open = page.getByRole('button', { name: SUBJECT });
  await expect(open).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Waarom ben ik uitgenodigd?' })).toBeFocused();
  const mine = page.getByRole('region', { name: 'Jouw rol in dit overleg' });
  await expect(mine.getByRole('listitem')).toHaveText(['je kennis en kunde over deze vraag', 'meedenken over een oplossing']);
  await expect(mine).toContainText('Brengt kennis mee over angst en slecht slapen');
  await expect(page.getByRole('region', { name: 'De hand-out' })).toContainText('Samenwerkwijze - de vijf principes.pdf');
  await expect(page.getByRole('region', { name: 'Het doel van het overleg' })).toContainText('Samen met de inwoner zoeken naar rust');
  expect(await axeViolations(page)).toEqual([]);

  // Accept with a comment.
  await tabTo(page, page.getByRole('textbox', { name: /Bericht aan de organisator/ }));
  await page.keyboard.type('Ik kom en neem het slaapdagboek mee.');
  await tabTo(page, page.getByRole('button', { name: 'Accepteren' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Je hebt de uitnodiging geaccepteerd. Esra Aydin krijgt je antwoord.')).toBeVisible();

  // Pass the seat to a colleague: a colleague and a note are required.
  const forward = page.getByRole('region', { name: 'Plek doorgeven aan een collega' });
  await tabTo(page, forward.getByRole('button', { name: 'Plek doorgeven' }));
  await page.keyboard.press('Enter');
  await expect(forward.getByText('Kies eerst een collega.')).toBeVisible();
  await expect(forward.getByText('Schrijf kort waarom deze collega beter past.')).toBeVisible();
  await tabTo(page, forward.getByRole('searchbox', { name: /Zoek een collega/ }));
  await page.keyboard.type('Ayesha');
  await page.keyboard.press('Enter');
  const ayesha = forward.getByRole('radio', { name: /Ayesha Mahabier/ });
  await tabTo(page, ayesha);
  await page.keyboard.press('Space');
  await expect(ayesha).toBeChecked();
  await tabTo(page, forward.getByRole('textbox', { name: /Waarom past deze collega beter/ }));
  await page.keyboard.type('Ayesha werkt met mensen die slecht slapen; zij past beter bij deze vraag.');
  await tabTo(page, forward.getByRole('button', { name: 'Plek doorgeven' }));
  await page.keyboard.press('Enter');
  await expect(forward.getByText('Je plek is doorgegeven aan Ayesha Mahabier. Je hebt afgezegd; de organisator leest aan wie en waarom.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // At 320 px (a side panel) nothing needs sideways scrolling.
  await page.setViewportSize({ width: 320, height: 800 });
  // (Polled: right after the resize the old width lingers for a frame.)
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The case director's event: passing the seat declined Bram's place (he accepted first); Ayesha was added.
  const attendees = await organiserAttendees(page, esraId, 'SO-2026-014');
  expect(attendees).toContainEqual({ address: 'bram.hoekstra@veldwijzer.example', response: 'declined' });
  expect(attendees.map((a) => a.address)).toContain('ayesha.mahabier@veldwijzer.example');
});

test('the participant screens have no axe violations in dark and forced colours', async ({ page }) => {
  await openDemo(page);
  await personaSelect(page).selectOption({ label: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' });
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn uitnodigingen' })).toBeVisible();
  for (const media of [{ colorScheme: 'dark' as const }, { colorScheme: 'light' as const, forcedColors: 'active' as const }]) {
    await page.emulateMedia(media);
    expect(await axeViolations(page), JSON.stringify(media)).toEqual([]);
  }
});
