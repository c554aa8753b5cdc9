// axe (WCAG 2.1 A/AA, as support/axe.ts runs it) on the screens and states the other specs leave out, each in
// light, dark and high contrast (forced colours): the theme is switched in place at every state (the app
// follows the browser's colour scheme live), so each state is set up once and checked three times.
//
// Covered elsewhere and not repeated here: the Plan tab with errors and a dialog (a11y.spec), the SO runner and
// recording (a11yMeeting.spec), the case list and the demo reset dialog (demo.spec), SO voorbereiden with time
// suggestions and the Reacties tab before sending (soInvitation.spec), the invitation list (participant.spec).
//
// Here: the case list after creating a case, from the device copy, and failing; a new case's empty plan while
// offline and while the shared plan waits; SO voorbereiden with blocking problems and a failed send; Reacties
// with answers, the escalation dialog, the forwarded person's form with an error, sharing and its revoke
// button, the reminder and its dialog, and a failed refresh; the participant's empty case list, a failing
// invitation list, the invitation with a failed answer and the forward form with errors and done; "Mijn
// afspraken" with overdue items, a failed and a done mark; the stage view (not started, running, failing);
// a meeting link to an unknown case; the meeting settings page; the Outlook add-in pages outside Outlook;
// the loading shell and the start-up failure.
import type { Page } from '@playwright/test';
import type { Fault } from '../../src/demo/faults';
import { axeViolations } from './support/axe';
import { casesTable, createCase, openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';
import { forwardAs, plannerTaskAs, replyAs } from './support/graph';

const THEMES = [
  { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' }, background: '#ffffff' },
  { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' }, background: '#292929' },
  { name: 'high contrast', media: { colorScheme: 'light', forcedColors: 'active' }, background: '#000000' },
] as const;

const ESRA = 'f24d582b-f8ad-40cf-acc8-71c316c5bac3';
const BRAM = { id: '07c11fe8-826c-4e86-906e-2a0fb6c231fc', persona: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' };
const KOFI = 'be8f1f24-312c-4e79-b642-9a5ca0a28fc2';
const AYESHA = { name: 'Ayesha Mahabier', address: 'ayesha.mahabier@veldwijzer.example' };

/** Every state is checked in the three themes; a failure names the state and the theme, and the walk goes on. */
async function checkThemes(page: Page, state: string): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia(theme.media);
    // The app follows the browser's scheme through a media query listener: wait until it has.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).getPropertyValue('--colorNeutralBackground1').trim())).toBe(theme.background);
    expect.soft(await axeViolations(page), `${state} (${theme.name})`).toEqual([]);
  }
  await page.emulateMedia(THEMES[0].media);
}

async function inject(page: Page, fault: Fault): Promise<void> {
  await page.evaluate((f) => window.__soDemo!.faults.inject(f), fault);
}

async function clearFaults(page: Page): Promise<void> {
  await page.evaluate(() => window.__soDemo!.faults.clear());
}

/** A 429 whose Retry-After is too long to wait for: the request fails at once with graph-throttled. */
function throttled(match: { method?: string; path: string }, times = 1): Fault {
  return { kind: 'status', status: 429, retryAfterSeconds: 600, match, times };
}

async function openCase(page: Page, alias: string): Promise<void> {
  await page.getByRole('button', { name: `Casus ${alias} openen` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Casus ${alias}` })).toBeVisible();
}

async function backToCases(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Terug naar mijn casussen' }).click();
  await expect(casesTable(page)).toBeVisible();
}

test('the case director\'s screens in every state, in light, dark and high contrast', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
  await openDemo(page);

  // Mijn uitnodigingen of the case director: none (she organises, she is not invited).
  await page.getByRole('tab', { name: 'Mijn uitnodigingen' }).click();
  await expect(page.getByText(/^Je hebt de komende \d+ dagen geen uitnodigingen/)).toBeVisible();
  await checkThemes(page, 'empty invitation list');
  await page.getByRole('tab', { name: 'Mijn casussen' }).click();
  await expect(casesTable(page)).toBeVisible();

  // Mijn casussen: a new case (success notice), then the list from this device while Graph is unreachable.
  await createCase(page, { alias: 'SO-2026-022', check: async () => { await checkThemes(page, 'the new case dialog asking for the area'); } });
  await expect(page.getByText('Casus SO-2026-022 is aangemaakt.')).toBeVisible();
  await checkThemes(page, 'a new case, just created');
  await backToCases(page);
  // A successful refresh keeps the list (with the new case) on this device.
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(casesTable(page).getByRole('row', { name: /SO-2026-022/ })).toBeVisible();
  await inject(page, throttled({ method: 'GET', path: ':/children' }));
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(page.getByText(/Dit is de lijst zoals die op dit apparaat stond/)).toBeVisible();
  await checkThemes(page, 'case list from the device copy');

  // A new case: the empty plan, edited offline, then while the shared plan refuses the write.
  await openCase(page, 'SO-2026-022');
  const name = page.getByRole('textbox', { name: 'Naam van de inwoner' });
  await expect(name).toBeVisible();
  await context.setOffline(true);
  await name.fill('Lotte de Wit');
  await expect(page.getByRole('status').filter({ hasText: /^Offline: opgeslagen op dit apparaat/ })).toBeVisible();
  await checkThemes(page, 'empty plan, offline with an unsynchronised change');
  await inject(page, throttled({ method: 'PUT', path: '/content' }));
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: 'Nu synchroniseren' })).toBeVisible();
  await checkThemes(page, 'plan waiting for the shared plan, with "sync now"');
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Alles is opgeslagen/ })).toBeVisible();

  // SO voorbereiden of the new case: a new SO, with every blocking problem listed.
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await page.getByRole('button', { name: 'Nieuw overleg voorbereiden' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '5. Voorbeeld & versturen' })).toBeVisible();
  await expect(page.getByText(/^Versturen kan nog niet/)).toBeVisible();
  await checkThemes(page, 'SO voorbereiden with blocking problems');
  await backToCases(page);

  // SO-2026-014: the answer date, the calendars' suggestions, a send that fails first, then goes out.
  await openCase(page, 'SO-2026-014');
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await page.getByRole('textbox', { name: /Reageren uiterlijk/ }).fill('2026-11-25');
  await page.getByRole('button', { name: 'Zoek tijden' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Voorgestelde tijden' })).toBeVisible({ timeout: 20_000 });
  await inject(page, throttled({ method: 'POST', path: '/me/events' }));
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible({ timeout: 20_000 });
  await checkThemes(page, 'SO voorbereiden with time suggestions, the send failed');
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 20_000 });
  await checkThemes(page, 'SO voorbereiden, sent');

  // The resident lets the plan be shared with Bram (the consent form with its people).
  await page.getByRole('tab', { name: 'Plan' }).click();
  const consent = page.getByRole('group', { name: 'Nieuwe toestemming vastleggen' });
  await consent.getByRole('radio', { name: 'Het plan delen met …' }).check();
  await consent.getByRole('group', { name: 'Met wie mag het plan gedeeld worden?' }).getByRole('checkbox', { name: /^Bram Hoekstra/ }).check();
  await consent.getByRole('radio', { name: 'Schriftelijk', exact: true }).check();
  await checkThemes(page, 'consent form for sharing the plan');
  await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(page.getByText('Het plan mag gedeeld worden met Bram Hoekstra.')).toBeVisible();

  // The invitees answer in their own Outlook: Bram accepts, Kofi declines, Wouter forwards to a colleague.
  await replyAs(page, { userId: BRAM.id, caseAlias: 'SO-2026-014' }, 'accept', 'Ik kom.');
  await replyAs(page, { userId: KOFI, caseAlias: 'SO-2026-014' }, 'decline', 'Geen capaciteit deze maand.');
  await forwardAs(page, { userId: BRAM.id, caseAlias: 'SO-2026-014' }, [AYESHA], 'Ayesha kent slaapproblemen beter.');

  await page.getByRole('tab', { name: 'Reacties' }).click();
  const table = page.getByRole('table', { name: 'Reacties van de genodigden' });
  await expect(table.getByRole('row', { name: /Kofi Mensah/ })).toContainText('Komt niet (afgeslagen)');
  await expect(table.getByRole('row', { name: /Ayesha Mahabier/ })).toContainText('Nieuw (doorgestuurd)');
  await checkThemes(page, 'Reacties with answers and a forwarded newcomer');

  const escalate = table.getByRole('button', { name: 'Gebiedsaanjager inschakelen voor Kofi Mensah' });
  await escalate.click();
  await expect(page.getByRole('dialog', { name: /Kofi Mensah komt niet/ })).toBeVisible();
  await checkThemes(page, 'escalation dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(escalate).toBeFocused();

  await table.getByRole('button', { name: 'Reden opgeven voor Ayesha Mahabier' }).click();
  const reasonForm = page.getByRole('form', { name: 'Waarom Ayesha Mahabier welkom is' });
  await reasonForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(reasonForm.getByText('Kies minstens één reden.')).toBeVisible();
  await checkThemes(page, 'forwarded newcomer\'s form with an error');
  await reasonForm.getByRole('button', { name: 'Annuleren' }).click();

  await table.getByRole('button', { name: 'Plan delen met Bram Hoekstra' }).click();
  await expect(page.getByText('Het plan is gedeeld met Bram Hoekstra: alleen lezen, aanmelden verplicht.')).toBeVisible();
  await expect(table.getByRole('button', { name: 'Delen intrekken voor Bram Hoekstra' })).toBeVisible();
  await checkThemes(page, 'Reacties after sharing, with the revoke button');

  // After the answer date: the reminder and its dialog.
  await page.clock.setSystemTime(new Date('2026-11-26T09:00:00+01:00'));
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(page.getByText('Nog niet iedereen heeft gereageerd')).toBeVisible();
  await page.getByRole('button', { name: 'Herinnering sturen' }).click();
  await expect(page.getByRole('dialog', { name: 'Herinnering sturen' })).toBeVisible();
  await checkThemes(page, 'reminder dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A refresh that fails.
  await inject(page, throttled({ method: 'GET', path: '/me/events/' }));
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await checkThemes(page, 'Reacties, the refresh failed');
  await clearFaults(page);
});


test('the participant\'s screens in every state, in light, dark and high contrast', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
  await openDemo(page);
  // The case director sends the SO invitation; two agreements of an earlier SO are Bram's tasks in Planner.
  await openCase(page, 'SO-2026-014');
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 20_000 });
  await plannerTaskAs(page, ESRA, BRAM.id, 'SO-2026-021 – Belt Henk elke week even op om te horen hoe het gaat', '2026-11-20');
  await plannerTaskAs(page, ESRA, BRAM.id, 'SO-2026-021 – Zoekt een slaapcursus in de buurt', '2026-12-10');

  await personaSelect(page).selectOption({ label: BRAM.persona });
  await expect(page.getByText('Aangemeld als Bram Hoekstra')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Mijn uitnodigingen' })).toHaveAttribute('aria-selected', 'true');

  // Mijn casussen: none; then a refresh fails in a way the device copy cannot stand in for (the sign-in expired).
  await page.getByRole('tab', { name: 'Mijn casussen' }).click();
  await expect(page.getByText('Er zijn nog geen casussen.', { exact: false })).toBeVisible();
  await checkThemes(page, 'empty case list');
  await inject(page, { kind: 'token-expired', times: 2 });
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await checkThemes(page, 'case list, loading failed');
  await clearFaults(page);

  // Mijn uitnodigingen while the calendar cannot be read.
  await inject(page, throttled({ method: 'GET', path: '/me/events' }));
  await page.getByRole('tab', { name: 'Mijn uitnodigingen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await checkThemes(page, 'invitation list, loading failed');
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();

  // The invitation: why I am invited; the forward form with its errors; an answer that fails, then goes through.
  await page.getByRole('button', { name: /^Samenwerkoverleg SO-2026-014 op / }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waarom ben ik uitgenodigd?' })).toBeVisible();
  const forward = page.getByRole('region', { name: 'Plek doorgeven aan een collega' });
  await forward.getByRole('button', { name: 'Plek doorgeven' }).click();
  await expect(forward.getByText('Kies eerst een collega.')).toBeVisible();
  await checkThemes(page, 'invitation with the forward form\'s errors');

  await inject(page, throttled({ method: 'POST', path: '/accept' }));
  await page.getByRole('button', { name: 'Accepteren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await checkThemes(page, 'invitation, the answer failed');
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByText('Je hebt de uitnodiging geaccepteerd.', { exact: false })).toBeVisible();

  await forward.getByRole('searchbox', { name: /Zoek een collega/ }).fill('Ayesha');
  await forward.getByRole('button', { name: 'Zoeken' }).click();
  await forward.getByRole('radio', { name: /Ayesha Mahabier/ }).check();
  await forward.getByRole('textbox', { name: /Waarom past deze collega beter/ }).fill('Ayesha werkt met mensen die slecht slapen.');
  await forward.getByRole('button', { name: 'Plek doorgeven' }).click();
  await expect(forward.getByText('Je plek is doorgegeven aan Ayesha Mahabier.', { exact: false })).toBeVisible();
  await checkThemes(page, 'invitation accepted and the seat passed on');
  await page.getByRole('button', { name: /Terug/ }).click();

  // Mijn afspraken: one overdue, one not; marking one done fails first, then works.
  await page.getByRole('tab', { name: 'Mijn afspraken' }).click();
  const list = page.getByRole('list', { name: 'Mijn afspraken' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByText(/^Te laat: uiterlijk/)).toBeVisible();
  await checkThemes(page, 'my agreements, one overdue');
  await inject(page, throttled({ method: 'PATCH', path: '/planner/tasks/' }));
  await list.getByRole('button', { name: /Belt Henk elke week/ }).click();
  await expect(list.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await checkThemes(page, 'my agreements, marking done failed');
  await list.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(list.getByRole('button', { name: /Belt Henk elke week/ })).toHaveCount(0);
  await expect(list.getByRole('listitem').filter({ hasText: 'Belt Henk elke week' })).toContainText('Klaar');
  await checkThemes(page, 'my agreements, one done');
});

test('the meeting surfaces, the settings page, the add-in pages and the start-up states, in light, dark and high contrast', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date('2026-12-01T09:55:00+01:00') });

  // Start-up: the loading shell while the demo loads, and the failure when it cannot. Both paint once, in the
  // theme of that moment (they do not follow a change), so each theme gets its own page load.
  for (const theme of THEMES) {
    await page.emulateMedia(theme.media);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/js/demo.*.js', async (route) => { await held; await route.abort(); });
    await page.goto('/index.html', { waitUntil: 'commit' });
    await expect(page.getByText('Samenwerkoverleg wordt geladen…').first()).toBeVisible();
    expect.soft(await axeViolations(page), `loading (${theme.name})`).toEqual([]);
    release();
    await expect(page.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
    expect.soft(await axeViolations(page), `start-up failure (${theme.name})`).toEqual([]);
    await page.unroute('**/js/demo.*.js');
  }
  await page.emulateMedia(THEMES[0].media);

  // A meeting tab linked to a case this user cannot see.
  await page.goto('/index.html?surface=meeting&case=SO-2026-999');
  await expect(page.getByText('Casus SO-2026-999 staat niet in jouw casussen.', { exact: false })).toBeVisible();
  await expect(casesTable(page)).toBeVisible();
  await checkThemes(page, 'meeting surface, unknown case');

  // The stage view: before the start, then with the SO running and an agreement recorded on this device.
  await page.goto('/index.html?surface=stage&case=SO-2026-014');
  await expect(page.getByText('Het overleg is nog niet gestart.')).toBeVisible();
  await checkThemes(page, 'stage view, not started');
  await page.goto('/index.html?surface=meeting&case=SO-2026-014');
  await page.getByRole('button', { name: 'Start het overleg' }).click();
  await page.getByRole('button', { name: 'Volgende onderdeel' }).click();
  await page.getByRole('button', { name: 'Volgende onderdeel' }).click();
  const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
  await form.getByRole('combobox', { name: 'Wie' }).selectOption({ label: 'Wouter Dijkman (Woonstichting Thuisveld)' });
  await form.getByRole('textbox', { name: 'Wat' }).fill('Regeling voor de huurachterstand voorstellen');
  await form.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await expect(page.getByRole('list', { name: 'Afspraken van dit overleg' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^Alles is opgeslagen/ })).toBeVisible();
  await page.goto('/index.html?surface=stage&case=SO-2026-014');
  await expect(page.getByText(/^Nu: /)).toBeVisible();
  await expect(page.getByText(/^Wouter Dijkman: Regeling voor de huurachterstand voorstellen/)).toBeVisible();
  await checkThemes(page, 'stage view, running with an agreement');
  // The stage of a case not kept on this device, on a page where the plan cannot be read (the fault is set as
  // soon as the demo tenant exists).
  const failing = await context.newPage();
  await failing.addInitScript((fault) => {
    let api: Window['__soDemo'];
    Object.defineProperty(window, '__soDemo', {
      configurable: true,
      get: () => api,
      set: (value: Window['__soDemo']) => { api = value; value?.faults.inject(fault); },
    });
  }, throttled({ method: 'GET', path: '/content' }, 100));
  await failing.goto('/index.html?surface=stage&case=SO-2026-021');
  await expect(failing.getByRole('alert').filter({ hasText: 'Er ging iets mis' })).toBeVisible();
  await checkThemes(failing, 'stage view, the plan cannot be read');
  await failing.close();

  // The meeting tab's settings page and the Outlook add-in's pages, outside Teams and Outlook.
  await page.goto('/config.html');
  await expect(page.getByRole('combobox', { name: 'Casus' })).toBeVisible();
  await checkThemes(page, 'meeting settings page');
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  for (const mode of ['organizer', 'attendee']) {
    await page.goto(`/addin.html?mode=${mode}`);
    await expect(page.getByText(/Deze pagina hoort bij Outlook/)).toBeVisible();
    await expect(casesTable(page)).toBeVisible();
    await checkThemes(page, `Outlook add-in page (${mode}) outside Outlook`);
  }
});
