// The three roles' journeys with the keyboard alone: Tab and Shift+Tab to move, the arrow keys inside tab lists
// and radio groups, Enter and Space to act, typing to fill in. Choosing the demo persona in the banner, and what
// other people do (the case director sending, before the participant's turn), may use the mouse or Graph.
// tabTo (support/keyboard.ts) fails on any Tab stop that cannot be seen; at a few points the focused element must
// also look different from when it is not focused (a visible focus indicator). The chair's whole SO run is in
// soRunKeyboard.spec.ts; here the chair's part adds the agreement edit dialog (focus back after closing) on the
// meeting surface and the stage view.
import type { Locator, Page } from '@playwright/test';
import { casesTable, openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';
import { eventCreates, organiserAttendees, plannerTaskAs } from './support/graph';
import { expectFocusOnVisibleElement, expectVisibleFocusIndicator, tabTo } from './support/keyboard';

const CASE = 'SO-2026-014';
const ESRA = 'f24d582b-f8ad-40cf-acc8-71c316c5bac3';
const BRAM = { id: '07c11fe8-826c-4e86-906e-2a0fb6c231fc', persona: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' };
const CHAIR = 'Voorzitter – Priya Ramdin (Gemeente Maasveld)';

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Moves focus with an arrow key (inside a tab list or a radio group) until `target` has it. */
async function arrowTo(page: Page, target: Locator, key = 'ArrowRight', max = 8): Promise<void> {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press(key);
    await expectFocusOnVisibleElement(page);
  }
  await expect(target).toBeFocused();
}

test('the case director opens a case, adds to the plan, prepares the SO and sends the invitation, by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
  await openDemo(page);

  const open = page.getByRole('button', { name: `Casus ${CASE} openen` });
  await tabTo(page, open);
  await expectVisibleFocusIndicator(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Casus ${CASE}` })).toBeVisible();

  // The plan: a fourth "ik wil" point.
  const newWant = page.getByRole('group', { name: 'Nieuw punt' });
  await tabTo(page, newWant.getByRole('textbox', { name: 'Ik wil …' }));
  await expectVisibleFocusIndicator(page);
  await page.keyboard.type('Ik wil weer naar de naaiclub.');
  await tabTo(page, newWant.getByRole('textbox', { name: 'Hier werk ik naartoe' }));
  await page.keyboard.type('Ik ga elke week, ook als ik er tegenop zie.');
  await press(page, newWant.getByRole('button', { name: 'Punt toevoegen' }));
  await expect(page.getByRole('group', { name: 'Punt 4' }).getByRole('textbox', { name: 'Ik wil …' })).toHaveValue('Ik wil weer naar de naaiclub.');

  // Back up to the case's tabs (one Tab stop; the arrow keys move between them).
  await tabTo(page, page.getByRole('tab', { name: 'Plan' }), 150, { backwards: true });
  await arrowTo(page, page.getByRole('tab', { name: 'SO voorbereiden' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'SO voorbereiden' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: '3. Wie nodig je uit en waarom?' }).or(page.getByRole('heading', { level: 2, name: /^3\. / })).first()).toBeVisible();

  // An invitee from the directory, with a reason and what is expected.
  await tabTo(page, page.getByRole('searchbox', { name: 'Zoek een collega' }));
  await page.keyboard.type('Anouk');
  await page.keyboard.press('Enter');
  await press(page, page.getByRole('button', { name: 'Uitnodigen: Anouk Peeters' }));
  const card = page.getByRole('list', { name: 'Genodigden' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Anouk Peeters' }) });
  const expertise = card.getByRole('checkbox', { name: 'kennis en kunde over deze vraag' });
  await tabTo(page, expertise);
  await expectVisibleFocusIndicator(page);
  await page.keyboard.press('Space');
  await expect(expertise).toBeChecked();
  await tabTo(page, card.getByRole('textbox', { name: 'Wat verwacht je van Anouk Peeters?' }));
  await page.keyboard.type('Kijkt wat de inwoner thuis nodig heeft.');

  // A time from the calendars' suggestions: the radio group is one Tab stop, the arrow keys choose.
  const find = page.getByRole('button', { name: 'Zoek tijden' });
  await press(page, find);
  const suggestions = page.getByRole('radiogroup', { name: 'Voorgestelde tijden' });
  await expect(suggestions).toBeVisible({ timeout: 20_000 });
  await expect(find).toBeFocused();
  const radios = suggestions.getByRole('radio');
  expect(await radios.count()).toBeGreaterThan(1);
  // Tab lands on the chosen time when it is among the suggestions, else on the first one.
  const checked = suggestions.getByRole('radio', { checked: true });
  const before = (await checked.count()) > 0 ? await checked.getAttribute('value') : null;
  await tabTo(page, before === null ? radios.first() : checked);
  await page.keyboard.press('ArrowDown');
  const chosen = suggestions.getByRole('radio', { checked: true });
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toBeFocused();
  const slot = await chosen.getAttribute('value');
  expect(slot).not.toBe(before);
  const label = await chosen.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
  await expect(page.getByText(/^Gekozen: /)).toHaveText(`Gekozen: ${label.split(' · ')[0]}.`);

  // The preview of what Anouk receives, then send.
  await press(page, page.getByRole('button', { name: 'Anouk Peeters', exact: true }));
  await expect(page.getByText('Anouk Peeters <anouk.peeters@lindehof.example> (verplicht)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tekst van de uitnodiging' })).toContainText('Het doel van dit overleg');
  const send = page.getByRole('button', { name: 'Versturen', exact: true });
  await tabTo(page, send);
  await expectVisibleFocusIndicator(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(send).toBeFocused();
  expect(await eventCreates(page)).toBe(1);
  expect((await organiserAttendees(page, ESRA, CASE)).map((a) => a.address)).toContain('anouk.peeters@lindehof.example');
});


test('the participant reads why he is invited, accepts, passes his seat on and marks an agreement done, by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
  // Before his turn: the case director sends the invitation; Bram has two agreements of an earlier SO in Planner.
  await openDemo(page);
  await page.getByRole('button', { name: `Casus ${CASE} openen` }).click();
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 20_000 });
  await plannerTaskAs(page, ESRA, BRAM.id, 'SO-2026-021 – Belt Henk elke week even op om te horen hoe het gaat', '2026-11-20');
  await plannerTaskAs(page, ESRA, BRAM.id, 'SO-2026-021 – Zoekt een slaapcursus in de buurt', '2026-12-10');
  await personaSelect(page).selectOption({ label: BRAM.persona });
  await expect(page.getByText('Aangemeld als Bram Hoekstra')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Mijn uitnodigingen' })).toHaveAttribute('aria-selected', 'true');

  // The invitation: focus goes to its heading; why I am invited.
  const invitation = page.getByRole('button', { name: /^Samenwerkoverleg SO-2026-014 op / });
  await tabTo(page, invitation);
  await expectVisibleFocusIndicator(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Waarom ben ik uitgenodigd?' })).toBeFocused();
  const mine = page.getByRole('region', { name: 'Jouw rol in dit overleg' });
  await expect(mine.getByRole('listitem')).toHaveText(['je kennis en kunde over deze vraag', 'meedenken over een oplossing']);
  await expect(mine).toContainText('Brengt kennis mee over angst en slecht slapen');

  // Answer: accept with a comment.
  await tabTo(page, page.getByRole('textbox', { name: /Bericht aan de organisator/ }));
  await page.keyboard.type('Ik kom en neem het slaapdagboek mee.');
  const accept = page.getByRole('button', { name: 'Accepteren' });
  await press(page, accept);
  await expect(page.getByText('Je hebt de uitnodiging geaccepteerd. Esra Aydin krijgt je antwoord.')).toBeVisible();
  // The button was unavailable while the answer went out, but kept the focus.
  await expect(accept).toBeFocused();

  // Pass the seat to a colleague who fits better.
  const forward = page.getByRole('region', { name: 'Plek doorgeven aan een collega' });
  await tabTo(page, forward.getByRole('searchbox', { name: /Zoek een collega/ }));
  await page.keyboard.type('Ayesha');
  await page.keyboard.press('Enter');
  const ayesha = forward.getByRole('radio', { name: /Ayesha Mahabier/ });
  await tabTo(page, ayesha);
  await page.keyboard.press('Space');
  await expect(ayesha).toBeChecked();
  await tabTo(page, forward.getByRole('textbox', { name: /Waarom past deze collega beter/ }));
  await page.keyboard.type('Ayesha werkt met mensen die slecht slapen.');
  await press(page, forward.getByRole('button', { name: 'Plek doorgeven' }));
  await expect(forward.getByText('Je plek is doorgegeven aan Ayesha Mahabier. Je hebt afgezegd; de organisator leest aan wie en waarom.')).toBeVisible();

  // Back up (Shift+Tab) to the list. Passing the seat declined the invitation, so Outlook took it out of
  // Bram's calendar: it is gone from the list, and focus lands on the list's heading.
  await tabTo(page, page.getByRole('button', { name: '← Terug naar mijn uitnodigingen' }), 150, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(invitation).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn uitnodigingen' })).toBeFocused();

  // Mijn afspraken: the overdue one first; done, and focus moves to the next open one.
  await tabTo(page, page.getByRole('tab', { name: 'Mijn uitnodigingen' }), 150, { backwards: true });
  await arrowTo(page, page.getByRole('tab', { name: 'Mijn afspraken' }));
  await page.keyboard.press('Enter');
  const list = page.getByRole('list', { name: 'Mijn afspraken' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Te laat');
  const done = list.getByRole('button', { name: 'Klaar: Belt Henk elke week even op om te horen hoe het gaat' });
  await tabTo(page, done);
  await expectVisibleFocusIndicator(page);
  await page.keyboard.press('Enter');
  await expect(done).toHaveCount(0);
  await expect(list.getByRole('listitem').filter({ hasText: 'Belt Henk' })).toContainText('Klaar');
  await expect(list.getByRole('button', { name: 'Klaar: Zoekt een slaapcursus in de buurt' })).toBeFocused();
});

test('the chair records and edits an agreement on the meeting surface, and the stage view, by keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: new Date('2026-12-01T09:55:00+01:00') });
  await openDemo(page);
  await personaSelect(page).selectOption({ label: CHAIR });
  await expect(page.getByText('Aangemeld als Priya Ramdin')).toBeVisible();

  // The meeting tab's content page opens the runner of the linked case.
  await page.goto(`/index.html?surface=meeting&case=${CASE}`);
  await press(page, page.getByRole('button', { name: 'Start het overleg' }));
  await expect(page.getByRole('button', { name: 'Volgende onderdeel' })).toBeFocused();
  await expectVisibleFocusIndicator(page);

  const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
  const who = form.getByRole('combobox', { name: 'Wie' });
  await tabTo(page, who);
  await expectVisibleFocusIndicator(page);
  await page.keyboard.type('Wouter');
  await tabTo(page, form.getByRole('textbox', { name: 'Wat' }));
  await page.keyboard.type('Regeling voor de huurachterstand voorstellen');
  await press(page, form.getByRole('button', { name: 'Afspraak toevoegen' }));
  const list = page.getByRole('list', { name: 'Afspraken van dit overleg' });
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // The edit dialog: opened, changed and saved with the keyboard; focus comes back to the button that opened it.
  const edit = list.getByRole('button', { name: 'Wijzigen: Regeling voor de huurachterstand voorstellen' });
  await press(page, edit);
  const dialog = page.getByRole('dialog', { name: 'Afspraak wijzigen' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('textbox', { name: 'Wat' }));
  await page.keyboard.press('End');
  await page.keyboard.type(' met de verhuurder');
  await press(page, dialog.getByRole('button', { name: 'Opslaan' }));
  await expect(dialog).toHaveCount(0);
  const edited = list.getByRole('button', { name: 'Wijzigen: Regeling voor de huurachterstand voorstellen met de verhuurder' });
  await expect(edited).toBeFocused();
  // Escape closes without saving, and focus comes back too.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(edited).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /^Alles is opgeslagen/ })).toBeVisible();

  // The stage view is read only: the skip link leads to it, and every Tab stop on the page can be seen.
  await page.goto(`/index.html?surface=stage&case=${CASE}`);
  await expect(page.getByText(/^Nu: /)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await expectVisibleFocusIndicator(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page.getByRole('main')).toContainText('Regeling voor de huurachterstand voorstellen met de verhuurder');
  const stops: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    await expectFocusOnVisibleElement(page);
    const focused = await page.evaluate(() => (document.activeElement === document.body ? '' : document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    if (focused === '') break;
    stops.push(focused);
  }
  // Nothing on the stage itself takes focus: after the main content the page ends.
  expect(stops).toEqual([]);
  await expect(casesTable(page)).toHaveCount(0);
});
