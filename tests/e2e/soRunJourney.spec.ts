// Issue 6's acceptance journey, in demo mode on one shared demo tenant (two devices, one Graph): the chair
// runs the whole SO of SO-2026-014 and records 8 agreements; in the middle the chair's device loses the
// network, keeps recording, and is reloaded while Graph is still out of reach; at the same time the note
// taker (the case director, on a second browser context) records 2 more. After reconnecting, the plan holds
// all 10 agreements exactly once, Planner holds exactly one task for each professional-owned agreement, and
// the fixture fails the test if any Graph request or response broke the contract.
import type { Locator, Page } from '@playwright/test';
import { openDemo, showCase } from './support/demo';
import { choosePersona, expect, PERSONAS, test } from './support/sharedTenant';

const CASE = 'SO-2026-014';
// The morning of the SO (1 December 2026, 10:00 at the resident's home).
const SO_MORNING = '2026-12-01T09:55:00+01:00';
test.use({ sharedTenantOptions: { startAt: SO_MORNING } });

const USERS = { esra: PERSONAS.caseDirector.id, bram: '07c11fe8-826c-4e86-906e-2a0fb6c231fc', wouter: 'e2da8b6c-a5bc-4ec6-b486-9d47f454e5f6', kofi: 'be8f1f24-312c-4e79-b642-9a5ca0a28fc2' };

interface Planned { who: string; what: string; userKey?: keyof typeof USERS }

// Who is who in the "Wie" list: professionals are shown with their organisation.
const WHO = {
  samira: 'Samira Benali',
  nadia: 'Nadia Benali',
  gerda: 'Gerda Visser',
  esra: 'Esra Aydin (Stichting Buurtkracht Maasveld)',
  bram: 'Bram Hoekstra (Veldwijzer GGZ)',
  wouter: 'Wouter Dijkman (Woonstichting Thuisveld)',
  kofi: 'Kofi Mensah (Stichting Geldrust)',
};

const CHAIR_ONLINE: Planned[] = [
  { who: WHO.wouter, what: 'Regeling voor de huurachterstand voorstellen aan de inwoner', userKey: 'wouter' },
  { who: WHO.kofi, what: 'Samen met de inwoner alle post en rekeningen ordenen', userKey: 'kofi' },
  { who: WHO.samira, what: 'Alle post in één map bewaren tot het gesprek met Kofi' },
];
const CHAIR_OFFLINE: Planned[] = [
  { who: WHO.bram, what: 'Kennismakingsgesprek over slapen en piekeren plannen', userKey: 'bram' },
  { who: WHO.nadia, what: 'Mee naar het eerste gesprek bij Geldrust' },
  { who: WHO.esra, what: 'Aanmelding voor de buurtkamer op woensdag regelen', userKey: 'esra' },
];
const CHAIR_AFTER_RELOAD: Planned[] = [
  { who: WHO.gerda, what: 'Op dinsdag samen koffie drinken en een rondje wandelen' },
  { who: WHO.kofi, what: 'Vast overzicht van inkomsten en uitgaven per maand maken', userKey: 'kofi' },
];
const NOTE_TAKER: Planned[] = [
  { who: WHO.wouter, what: 'Bevestigen dat de huisuitzetting is stopgezet', userKey: 'wouter' },
  { who: WHO.esra, what: 'Evaluatiegesprek met de inwoner voorbereiden', userKey: 'esra' },
];
const ALL = [...CHAIR_ONLINE, ...CHAIR_OFFLINE, ...CHAIR_AFTER_RELOAD, ...NOTE_TAKER];

function syncStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /gesynchroniseerd|Offline|Synchroniseren/ });
}

async function openRunner(page: Page): Promise<void> {
  await showCase(page, CASE);
  await page.getByRole('tab', { name: 'SO voorzitten' }).click();
  await expect(page.getByRole('form', { name: 'Afspraak vastleggen' })).toBeVisible();
}

function agreementList(page: Page): Locator {
  return page.getByRole('list', { name: 'Afspraken van dit overleg' });
}

/** Records one agreement with the keyboard-friendly form; the due date keeps its default (SO + 6 weeks). */
async function record(page: Page, agreement: Planned): Promise<void> {
  const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
  await form.getByRole('combobox', { name: 'Wie' }).selectOption({ label: agreement.who });
  await form.getByRole('textbox', { name: 'Wat' }).fill(agreement.what);
  await form.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await expect(agreementList(page).getByRole('listitem').filter({ hasText: agreement.what })).toHaveCount(1);
  await expect(form.getByRole('textbox', { name: 'Wat' })).toHaveValue('');
}

async function nextStep(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.getByRole('button', { name: 'Volgende onderdeel' }).click();
}

test('a full SO with 8 + 2 agreements from two devices, offline and reloaded in the middle, loses and duplicates nothing', async ({ page, context, browser, sharedTenant }) => {
  test.setTimeout(240_000);
  await context.clock.install({ time: new Date(SO_MORNING) });

  // The chair's device.
  await openDemo(page);
  await choosePersona(page, 'chair');
  await openRunner(page);
  await page.getByRole('button', { name: 'Start het overleg' }).click();
  await expect(page.getByRole('button', { name: 'Pauzeer' })).toBeVisible();

  // The note taker's device: the case director, in a second browser context on the same tenant.
  const noteTakerContext = await sharedTenant.newContext(browser, { clockAt: SO_MORNING });
  const noteTaker = await noteTakerContext.newPage();
  await openDemo(noteTaker);
  await expect(noteTaker.getByText(`Aangemeld als ${PERSONAS.caseDirector.name}`)).toBeVisible();
  await openRunner(noteTaker);

  // Introductions, ground rules, the state of affairs, the resident's story: then the "ik wil" points.
  await nextStep(page, 4);
  await record(page, CHAIR_ONLINE[0]!);
  await nextStep(page);
  await record(page, CHAIR_ONLINE[1]!);
  await record(page, CHAIR_ONLINE[2]!);
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 20_000 });

  // The chair's device loses the network (browser offline, Graph out of reach) and keeps recording.
  await sharedTenant.setOffline(context, true);
  await nextStep(page);
  for (const agreement of CHAIR_OFFLINE) await record(page, agreement);
  await expect(syncStatus(page)).toContainText('nog niet gesynchroniseerd');
  for (const agreement of CHAIR_OFFLINE) {
    await expect(agreementList(page).getByRole('listitem').filter({ hasText: agreement.what })).toContainText('nog niet gesynchroniseerd');
  }

  // Meanwhile the note taker records two agreements; they reach the shared plan at once.
  for (const agreement of NOTE_TAKER) await record(noteTaker, agreement);
  await expect(syncStatus(noteTaker)).toContainText('Alles is gesynchroniseerd', { timeout: 20_000 });

  // The chair's page is reloaded while Graph is still unreachable (the browser itself is back, so the page
  // loads; the shared tenant keeps refusing this device): the unsynced agreements come back from the outbox.
  expect((await sharedTenant.readPlan(CASE)).plan.agreements.map((a) => a.what)).not.toContain(CHAIR_OFFLINE[0]!.what);
  await context.setOffline(false);
  await page.reload();
  await openRunner(page);
  for (const agreement of [...CHAIR_ONLINE, ...CHAIR_OFFLINE]) {
    await expect(agreementList(page).getByRole('listitem').filter({ hasText: agreement.what })).toHaveCount(1);
  }
  await expect(syncStatus(page)).toContainText('nog niet gesynchroniseerd');
  // The run itself survived the reload too: the meeting is still under way.
  await expect(page.getByRole('button', { name: /Pauzeer|Ga verder/ })).toBeVisible();

  // Graph is back: the outbox syncs, merging with the note taker's agreements.
  await sharedTenant.setOffline(context, false);
  const retry = page.getByRole('button', { name: 'Nu synchroniseren' });
  if (await retry.isVisible()) await retry.click();
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });

  // The rest of the SO: the "ik kan" and "ik heb nodig" items, two more agreements, casusregie,
  // evaluation, the closing round, and closing with the summary.
  await nextStep(page, 2);
  await record(page, CHAIR_AFTER_RELOAD[0]!);
  await nextStep(page);
  await record(page, CHAIR_AFTER_RELOAD[1]!);
  for (const agreement of NOTE_TAKER) {
    await expect(agreementList(page).getByRole('listitem').filter({ hasText: agreement.what })).toHaveCount(1, { timeout: 70_000 });
  }
  await expect(agreementList(page).getByRole('listitem')).toHaveCount(10);
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });

  // After reconnecting: the plan holds all 10 agreements exactly once …
  await expect.poll(async () => (await sharedTenant.readPlan(CASE)).plan.agreements.length, { timeout: 30_000 }).toBe(10);
  const { plan } = await sharedTenant.readPlan(CASE);
  expect(plan.agreements.map((a) => a.what).sort()).toEqual(ALL.map((a) => a.what).sort());
  expect(new Set(plan.agreements.map((a) => a.id)).size).toBe(10);

  // … and Planner one task per professional-owned agreement (title: case alias + what; the owner assigned).
  const owned = ALL.filter((a) => a.userKey !== undefined);
  await expect.poll(async () => (await sharedTenant.plannerTasks()).filter((task) => task.title.startsWith(`${CASE} `)).length, { timeout: 60_000 }).toBe(owned.length);
  const tasks = (await sharedTenant.plannerTasks()).filter((task) => task.title.startsWith(`${CASE} `));
  for (const agreement of owned) {
    const matching = tasks.filter((task) => task.title.endsWith(agreement.what));
    expect(matching, agreement.what).toHaveLength(1);
    expect(Object.keys(matching[0]!.assignments)).toEqual([USERS[agreement.userKey!]]);
  }
  for (const task of tasks) expect(task.title).not.toMatch(/Samira|Benali|Nadia|Gerda/);
  // Every agreement in the plan points at its task, and network/resident agreements at none. The links are
  // written back in the plan write after the Planner batch, so wait for that write.
  const linked = (agreements: typeof plan.agreements) => agreements.filter((a) => a.planner !== undefined).map((a) => a.what).sort();
  await expect.poll(async () => linked((await sharedTenant.readPlan(CASE)).plan.agreements), { timeout: 30_000 }).toEqual(owned.map((a) => a.what).sort());

  await nextStep(page);
  await expect(page.getByRole('heading', { name: 'Casusregie en procesregie' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Casusregisseur' }).selectOption({ label: WHO.esra });
  await page.getByRole('radiogroup', { name: 'Is een procesregisseur nodig?' }).getByRole('radio', { name: 'Nee' }).check();
  await nextStep(page);
  await page.getByRole('radio', { name: 'In een overleg' }).check();
  await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
  await expect(page.getByText('Vastgelegd: evaluatie op')).toBeVisible();
  await nextStep(page);
  await page.getByRole('button', { name: 'SO afsluiten' }).click();
  const summary = page.getByRole('dialog', { name: 'Klopt deze samenvatting?' });
  await expect(summary).toContainText('Afspraken (10)');
  await summary.getByRole('button', { name: 'Afsluiten en plan verspreiden' }).click();
  // No sharePlan consent in this case yet: nobody is mailed the plan; the printed version is the way forward.
  const outcomes = page.getByRole('list', { name: 'Wie het plan krijgt' });
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Samira Benali' })).toContainText('Geef de inwoner de geprinte versie');
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'Bram Hoekstra' })).toContainText('geen toestemming');
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
  const closed = await sharedTenant.readPlan(CASE);
  expect(closed.plan.meetings.find((m) => m.id === 'm-1')?.status).toBe('held');
  expect(closed.plan.caseDirection.caseDirectorParticipantId).toBe('p-esra');
  expect(closed.plan.evaluations).toHaveLength(1);
  expect(closed.plan.agreements).toHaveLength(10);
  // Nobody was mailed without consent: the one summary mail goes to the case director, who keeps the plan with
  // the resident (she needs no consent), from the chair who closed the SO.
  const mails = sharedTenant.journal().filter((e) => e.method === 'POST' && /\/sendMail$/.test(e.url));
  expect(mails.map((e) => (e.requestBody as { message: { toRecipients: { emailAddress: { address: string } }[] } }).message.toRecipients.map((r) => r.emailAddress.address))).toEqual([['esra.aydin@buurtkracht.example']]);
  await noteTakerContext.close();
});

test('an agreement shows in its owner\'s "Mijn afspraken"; marking it done there completes the Planner task and the plan follows', async ({ page, context, browser, sharedTenant }) => {
  test.setTimeout(120_000);
  await context.clock.install({ time: new Date(SO_MORNING) });
  const what = 'Kennismakingsgesprek over slapen en piekeren plannen';

  // The chair records an agreement for Bram (Veldwijzer GGZ) in the SO.
  await openDemo(page);
  await choosePersona(page, 'chair');
  await openRunner(page);
  await record(page, { who: WHO.bram, what });
  await expect.poll(async () => (await sharedTenant.plannerTasks()).filter((task) => task.title === `${CASE} – ${what}`).length, { timeout: 30_000 }).toBe(1);

  // Bram, on his own device, finds it under "Mijn afspraken" with its due date (SO + 6 weeks) and marks it done.
  const bramContext = await sharedTenant.newContext(browser, { clockAt: SO_MORNING });
  const bram = await bramContext.newPage();
  await openDemo(bram);
  await choosePersona(bram, 'participant');
  await bram.getByRole('tab', { name: 'Mijn afspraken' }).click();
  const mine = bram.getByRole('list', { name: 'Mijn afspraken' }).getByRole('listitem').filter({ hasText: what });
  await expect(mine).toContainText('Casus SO-2026-014');
  await expect(mine).toContainText('Uiterlijk');
  await mine.getByRole('button', { name: `Klaar: ${what}` }).click();
  await expect(bram.getByText(`‘${what}’ staat op klaar.`)).toBeVisible();
  await expect.poll(async () => (await sharedTenant.plannerTasks()).find((task) => task.title === `${CASE} – ${what}`)?.percentComplete).toBe(100);

  // The plan follows: the next time someone who keeps the plan opens it, the agreement is done.
  await page.reload();
  await openRunner(page);
  await expect(agreementList(page).getByRole('listitem').filter({ hasText: what }).getByRole('checkbox', { name: `Klaar: ${what}` })).toBeChecked({ timeout: 20_000 });
  await expect.poll(async () => (await sharedTenant.readPlan(CASE)).plan.agreements.find((a) => a.what === what)?.status, { timeout: 20_000 }).toBe('done');
  await bramContext.close();
});
