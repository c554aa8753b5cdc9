// Issue 14's journey after the SO, in demo mode on one shared demo tenant: the chair closes the SO of SO-2026-014
// with four agreements; the demo clock (the browser's and the tenant's) moves six weeks on; the case director sees
// every agreement over its date, overdue first, and reminds their owners — professionals by mail, once, the
// resident in person — which the plan records; a second look the same week finds nobody to remind. Then she runs
// the evaluation on its own agenda: 3 of 4 agreements done, one not (with a note), one extra action (dated, due
// within six weeks), a new welzijnscijfer beside the first; the follow-up list, the printed plan and the resident's
// PDF show the extra action marked with the evaluation's date, and the PDF reads in B1 words (no jargon).
// The fixture fails the test on any Graph request or answer that breaks the contract.
import { inflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { jargonIn } from '../../src/domain/residentPlan';
import { axeViolations } from './support/axe';
import { openDemo, showCase } from './support/demo';
import { choosePersona, expect, test } from './support/sharedTenant';

const CASE = 'SO-2026-014';
const SO_MORNING = '2026-12-01T09:55:00+01:00';
// Six weeks and a day after the SO of 1 December: every agreement with the default due date (12 January) is over it.
const SIX_WEEKS_ON = '2027-01-13T09:30:00+01:00';

// The tenant's clock follows the browsers': it starts at the SO and is moved with them.
let tenantAt = new Date(SO_MORNING).getTime();
let tenantFrom = Date.now();
const tenantNow = () => new Date(tenantAt + (Date.now() - tenantFrom));
function moveTenantClock(to: string): void {
  tenantAt = new Date(to).getTime();
  tenantFrom = Date.now();
}
test.use({ sharedTenantOptions: { now: tenantNow } });

const WHO = {
  samira: 'Samira Benali',
  wouter: 'Wouter Dijkman (Woonstichting Thuisveld)',
  kofi: 'Kofi Mensah (Stichting Geldrust)',
  esra: 'Esra Aydin (Stichting Buurtkracht Maasveld)',
};
const AGREEMENTS = [
  { who: WHO.wouter, what: 'Een betalingsregeling voor de huurachterstand voorstellen', result: 'Gedaan' },
  { who: WHO.kofi, what: 'Met de inwoner de post en rekeningen ordenen', result: 'Gedaan' },
  { who: WHO.samira, what: 'Alle nieuwe post in één map bewaren', result: 'Gedaan' },
  { who: WHO.esra, what: 'Een plek in de buurtkamer op woensdag regelen', result: 'Niet', note: 'De buurtkamer zat vol; er is een wachtlijst.' },
] as const;
// The evaluation was planned in the SO for the last day of its six weeks; its extra actions carry that date.
const ADDED = 'Aanvulling van dinsdag 12 januari 2027';
const EXTRA = { who: WHO.esra, what: 'Een andere ontmoetingsplek in de wijk zoeken' };

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

function syncStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /gesynchroniseerd|Offline|Synchroniseren/ });
}

async function nextStep(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.getByRole('button', { name: 'Volgende onderdeel' }).click();
}

/** The text a PDF draws: pdf-lib writes Flate-compressed content streams with hex strings in WinAnsi. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) parts.push(Buffer.from(text[1]!, 'hex').toString('latin1'));
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

async function closeTheSo(page: Page): Promise<void> {
  await showCase(page, CASE);
  await page.getByRole('tab', { name: 'SO voorzitten' }).click();
  const form = page.getByRole('form', { name: 'Afspraak vastleggen' });
  await expect(form).toBeVisible();
  await page.getByRole('button', { name: 'Start het overleg' }).click();
  await expect(page.getByRole('button', { name: 'Pauzeer' })).toBeVisible();
  // Introductions, ground rules, the state of affairs, the resident's story: then the "ik wil" points.
  await nextStep(page, 4);
  for (const agreement of AGREEMENTS) {
    await form.getByRole('combobox', { name: 'Wie' }).selectOption({ label: agreement.who });
    await form.getByRole('textbox', { name: 'Wat' }).fill(agreement.what);
    await form.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await expect(page.getByRole('list', { name: 'Afspraken van dit overleg' }).getByRole('listitem').filter({ hasText: agreement.what })).toHaveCount(1);
  }
  await nextStep(page, 6);
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
  await expect(summary).toContainText(`Afspraken (${AGREEMENTS.length})`);
  await summary.getByRole('button', { name: 'Afsluiten en plan verspreiden' }).click();
  await expect(page.getByRole('list', { name: 'Wie het plan krijgt' })).toBeVisible();
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
}

test('six weeks after the SO: overdue agreements, reminders sent once, the evaluation with an extra action and a new score, the plan and the B1 PDF', async ({ page, context, sharedTenant }) => {
  test.setTimeout(300_000);
  moveTenantClock(SO_MORNING);
  await context.clock.install({ time: new Date(SO_MORNING) });

  await openDemo(page);
  await choosePersona(page, 'chair');
  await closeTheSo(page);
  const closed = (await sharedTenant.readPlan(CASE)).plan;
  expect(closed.meetings.find((m) => m.id === 'm-1')?.status).toBe('held');
  const made = closed.agreements.filter((a) => AGREEMENTS.some((x) => x.what === a.what));
  expect(made).toHaveLength(AGREEMENTS.length);
  // The default due date is the last day of the six weeks.
  for (const a of made) expect(a.due).toBe('2027-01-12');

  // Six weeks and a day on. The case director opens the case's "Na het SO".
  moveTenantClock(SIX_WEEKS_ON);
  await page.clock.setSystemTime(new Date(SIX_WEEKS_ON));
  await choosePersona(page, 'caseDirector');
  await showCase(page, CASE);
  await page.getByRole('tab', { name: 'Na het SO' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'De zes weken' })).toBeVisible();
  await expect(page.getByText(`${AGREEMENTS.length} afspraken zijn over de datum.`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Alle afspraken, wat over de datum is bovenaan' });
  for (const agreement of AGREEMENTS) {
    const row = table.getByRole('row').filter({ hasText: agreement.what });
    // Said in words, not only in colour.
    await expect(row).toContainText('Over de datum');
    await expect(row).toContainText('1 dag over de datum');
    await expect(row).toContainText('Nog niet');
  }

  // Reminders: the three professionals by mail (one mail each), the resident in person.
  const mailsBefore = sharedTenant.journal().filter((e) => e.method === 'POST' && /\/sendMail$/.test(e.url)).length;
  await page.getByRole('button', { name: 'Herinnering mailen (3)' }).click();
  await expect(page.getByText(/^Herinnering gemaild aan: /)).toBeVisible();
  const reminderMails = sharedTenant.journal().filter((e) => e.method === 'POST' && /\/sendMail$/.test(e.url)).slice(mailsBefore);
  expect(reminderMails).toHaveLength(3);
  const recipients = reminderMails.map((e) => (e.requestBody as { message: { toRecipients: { emailAddress: { address: string } }[] } }).message.toRecipients.map((r) => r.emailAddress.address)).flat();
  expect(new Set(recipients).size).toBe(3);
  for (const mail of reminderMails) {
    // Nothing that leaves the plan names the resident.
    expect(JSON.stringify(mail.requestBody)).not.toMatch(/Samira|Benali/);
  }
  await page.getByRole('button', { name: 'Ik heb Samira Benali herinnerd' }).click();
  await expect(page.getByText('Niemand hoeft nu een herinnering.', { exact: false })).toBeVisible();
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
  const reminded = (await sharedTenant.readPlan(CASE)).plan;
  expect(reminded.followUpReminders).toHaveLength(4);

  // A reload the same week: the reminders are in the plan, nobody is due again, no mail goes out.
  await page.reload();
  await showCase(page, CASE);
  await page.getByRole('tab', { name: 'Na het SO' }).click();
  await expect(page.getByText('Niemand hoeft nu een herinnering.', { exact: false })).toBeVisible();
  await expect(page.getByText('Herinneringen in dit plan: 4.', { exact: false })).toBeVisible();
  for (const agreement of AGREEMENTS) await expect(table.getByRole('row').filter({ hasText: agreement.what })).not.toContainText('Nog niet');
  expect(sharedTenant.journal().filter((e) => e.method === 'POST' && /\/sendMail$/.test(e.url)).length).toBe(mailsBefore + 3);

  // The evaluation has its own agenda.
  await expect(page.getByRole('heading', { level: 2, name: 'Evaluatie' })).toBeVisible();
  const agenda = page.getByRole('list', { name: 'Agenda van de evaluatie' });
  await expect(agenda).toBeVisible();
  for (const agreement of AGREEMENTS) {
    const item = agenda.getByRole('group', { name: new RegExp(`^${agreement.what}`) });
    if ('note' in agreement) {
      await item.getByRole('textbox', { name: 'Toelichting' }).fill(agreement.note);
    }
    await item.getByRole('radio', { name: agreement.result }).check();
    await expect(item.getByRole('radio', { name: agreement.result })).toBeChecked();
  }
  await expect(page.getByText('4 van 4 afspraken besproken, 3 gedaan. Aanvullingen: 0.')).toBeVisible();

  // One extra action, by keyboard: who, what, the default due date (six weeks after the evaluation).
  const extra = page.getByRole('form', { name: 'Extra actie toevoegen' });
  await extra.getByRole('combobox', { name: 'Wie' }).focus();
  await extra.getByRole('combobox', { name: 'Wie' }).selectOption({ label: EXTRA.who });
  await extra.getByRole('textbox', { name: 'Wat' }).focus();
  await page.keyboard.type(EXTRA.what);
  await page.keyboard.press('Enter');
  const additions = page.getByRole('list', { name: 'Aanvullingen van deze evaluatie' });
  await expect(additions.getByRole('listitem').filter({ hasText: EXTRA.what })).toContainText(ADDED);
  await expect(page.getByText('4 van 4 afspraken besproken, 3 gedaan. Aanvullingen: 1.')).toBeVisible();

  // The welzijnscijfer now, beside the first one.
  const score = page.getByRole('form', { name: '3. Welk cijfer geeft de inwoner nu?' });
  await score.getByRole('textbox', { name: /Welzijnscijfer/ }).fill('7');
  await score.getByRole('textbox', { name: 'Wat de inwoner erover zegt' }).fill('Het gaat beter met de post.');
  await score.getByRole('button', { name: 'Cijfer bewaren' }).click();
  await expect(score.getByText('Cijfer 7 staat in het plan.')).toBeVisible();
  const scores = page.getByRole('table', { name: 'Alle welzijnscijfers' });
  await expect(scores.getByRole('row')).not.toHaveCount(1);
  await expect(scores.getByRole('row').filter({ hasText: 'Evaluatie' }).last()).toContainText('7');

  await page.getByRole('button', { name: 'Evaluatie afronden' }).click();
  await expect(page.getByText('Deze evaluatie is afgerond op woensdag 13 januari 2027.')).toBeVisible();
  await expect(syncStatus(page)).toContainText('Alles is gesynchroniseerd', { timeout: 30_000 });
  await checkThemes(page, 'the completed evaluation');

  // The plan holds it all: the outcomes, the extra action marked as the evaluation's, the score.
  const evaluated = (await sharedTenant.readPlan(CASE)).plan;
  const evaluation = evaluated.evaluations.find((e) => e.status === 'done');
  expect(evaluation?.outcomes?.map((o) => o.result).sort()).toEqual(['done', 'done', 'done', 'not']);
  const added = evaluated.agreements.find((a) => a.what === EXTRA.what);
  expect(added?.evaluationId).toBe(evaluation?.id);
  expect(evaluated.agreements.filter((a) => AGREEMENTS.slice(0, 3).some((x) => x.what === a.what)).map((a) => a.status)).toEqual(['done', 'done', 'done']);
  expect(evaluated.wellbeing.some((w) => w.score === 7 && w.moment === 'evaluation')).toBe(true);

  // The follow-up list marks the extra action with its date, and it is not overdue: it has its own six weeks.
  const extraRow = table.getByRole('row').filter({ hasText: EXTRA.what });
  await expect(extraRow).toContainText(ADDED);
  await expect(extraRow).toContainText('Loopt');

  // The printed plan shows it the same way.
  await page.getByRole('button', { name: 'Plan printen' }).click();
  const print = page.getByRole('dialog');
  const printed = print.frameLocator('iframe').locator('body');
  await expect(printed).toContainText(EXTRA.what);
  await expect(printed.locator('tr.addition')).toContainText(ADDED);
  await print.getByRole('button', { name: 'Sluiten' }).click();
  await expect(print).toHaveCount(0);

  // The resident's PDF: a real PDF, with the extra action and its date, in plain words.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Plan als PDF downloaden' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Samenwerkplan-${CASE}.pdf`);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes);
  expect(text).toContain(EXTRA.what);
  expect(text).toContain(ADDED);
  for (const agreement of AGREEMENTS) expect(text).toContain(agreement.what);
  expect(jargonIn(text), 'jargon in the resident\'s PDF').toEqual([]);
  await expect(page.getByText('De PDF is gedownload.')).toBeVisible();
});
