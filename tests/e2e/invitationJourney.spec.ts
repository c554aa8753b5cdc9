// The invitation journey of the acceptance criterion, in demo mode, as the people involved would do it:
// the case director creates a plan with consent, prepares an SO, invites four people with reasons (one
// network member without e-mail) and sends; Bram (the participant persona) finds the invitation with the
// hand-out and his reasons and accepts; a second invitee forwards it to a colleague, who shows on the case
// director's response list as new; a third declines and the case director mails the area champion; the
// plan is shared with the one who accepted, and with nobody else. The others' answers come from their own
// Outlook (the demo tenant's Graph with their token): the app has no screen for someone who is not a persona.
// The fixture fails the test on any Graph contract violation; the invitation is created exactly once.
import type { Locator, Page } from '@playwright/test';
import { DEMO_PLAN_DRIVE_ID, PLAN_FOLDER } from '../../src/demo/seed';
import { casesTable, createCase, openDemo, personaSelect } from './support/demo';
import { expect, test } from './support/fixtures';
import { eventCreates, forwardAs, graphAs, isEventCreate, journalFileMark, journalFileSince, organiserAttendees, pageJournal, replyAs } from './support/graph';

const CASE = 'SO-2026-022';
const ESRA = { id: 'f24d582b-f8ad-40cf-acc8-71c316c5bac3', persona: 'Casusregisseur – Esra Aydin (Stichting Buurtkracht Maasveld)' };
const BRAM = { id: '07c11fe8-826c-4e86-906e-2a0fb6c231fc', name: 'Bram Hoekstra', mail: 'bram.hoekstra@veldwijzer.example', persona: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' };
const ANOUK = { id: 'e2a448a7-84e6-44e7-a03c-0b166b51d970', name: 'Anouk Peeters', mail: 'anouk.peeters@lindehof.example' };
const KOFI = { id: 'be8f1f24-312c-4e79-b642-9a5ca0a28fc2', name: 'Kofi Mensah', mail: 'kofi.mensah@geldrust.example' };
// Anouk's colleague at Wijkzorg Lindehof, who gets the invitation through her forward.
const TOMASZ = { id: 'd2dbd4ef-7ac1-41ec-b7c9-495dd4e2c8c5', name: 'Tomasz Nowak', mail: 'tomasz.nowak@lindehof.example' };
// The area champion (gebiedsaanjager) of Maasveld-Noord.
const JORIS = { id: '8b69bea1-583a-40e0-8b6f-91fbcbf2e215', name: 'Joris van Leeuwen' };
const ILSE = 'Ilse, zus van de inwoner';
const HANDOUT = 'Samenwerkwijze - de vijf principes.pdf';
const GOAL = 'Samen met de inwoner afspreken hoe ze weer grip krijgt op haar dagen en wie haar daarbij steunt.';

const EXPERTISE = 'kennis en kunde over deze vraag';
const THINK_ALONG = 'meedenken over een oplossing';
const CRITICAL_EYE = 'een kritische blik';

// The seed's weeks are late November 2026: the demo runs on a clock from then, whatever today is.
test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+01:00') });
});

function saveStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'Alles is opgeslagen.' });
}

interface StoredPlan {
  areaId?: string;
  resident: { name: string };
  wants: unknown[];
  consents: { subject: string }[];
}

/** The plan document as the library stores it (read as the case director). */
async function storedPlan(page: Page): Promise<{ id: string; plan: StoredPlan }> {
  const { body: listing } = await graphAs<{ value: { id: string; name: string }[] }>(page, ESRA.id, `/drives/${DEMO_PLAN_DRIVE_ID}/root:/${PLAN_FOLDER}:/children?$select=id,name`);
  const item = listing.value.find((i) => i.name === `${CASE}.json`);
  expect(item, `${CASE}.json in the library`).toBeDefined();
  const { status, body } = await graphAs<StoredPlan>(page, ESRA.id, `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item!.id}/content`);
  expect(status).toBe(200);
  return { id: item!.id, plan: body };
}

function inviteeCard(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Genodigden' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
}

/** Finds a colleague in the directory and invites them with reasons and what is expected of them. */
async function inviteColleague(page: Page, query: string, name: string, reasons: string[], expectation: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Zoek een collega' }).fill(query);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.getByRole('button', { name: `Uitnodigen: ${name}` }).click();
  await expect(page.getByText(`${name} staat nu bij de genodigden.`)).toBeVisible();
  const card = inviteeCard(page, name);
  for (const reason of reasons) {
    await card.getByRole('checkbox', { name: reason }).check();
    await expect(card.getByRole('checkbox', { name: reason })).toBeChecked();
  }
  await card.getByRole('textbox', { name: `Wat verwacht je van ${name}?` }).fill(expectation);
}

test('case director invites four people; one accepts, one forwards, one declines; the plan goes to the one who accepted', async ({ page }, testInfo) => {
  const journalMark = journalFileMark();

  // ---- 1. Esra creates the case and the plan, with the resident's consent for the Samenwerkwijze.
  await openDemo(page);
  await expect(page.getByText('Aangemeld als Esra Aydin')).toBeVisible();
  // "Nieuwe casus" asks for the area and opens the new plan.
  await createCase(page, { alias: CASE, area: 'Maasveld-Noord' });
  await expect(page.getByText(`Casus ${CASE} is aangemaakt.`)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('textbox', { name: 'Naam van de inwoner' }).fill('Lotte de Wit');
  // The case is in Maasveld-Noord: that area's champion is who helps after a decline.
  await page.getByRole('combobox', { name: 'Gebied' }).selectOption({ label: 'Maasveld-Noord' });
  const newWant = page.getByRole('group', { name: 'Nieuw punt' });
  await newWant.getByRole('textbox', { name: 'Ik wil …' }).fill('Ik wil weer zelf mijn dagen indelen.');
  await newWant.getByRole('textbox', { name: 'Hier werk ik naartoe' }).fill('Ik heb een weekritme dat ik zelf volhoud, met hulp die ik zelf kies.');
  await newWant.getByRole('button', { name: 'Punt toevoegen' }).click();
  await expect(page.getByRole('group', { name: 'Punt 1' }).getByRole('textbox', { name: 'Ik wil …' })).toHaveValue('Ik wil weer zelf mijn dagen indelen.');

  const newConsent = page.getByRole('group', { name: 'Nieuwe toestemming vastleggen' });
  await newConsent.getByRole('radio', { name: 'Werken volgens de Samenwerkwijze' }).check();
  await newConsent.getByRole('radio', { name: 'Mondeling', exact: true }).check();
  await newConsent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Toestemming 1: werken volgens de Samenwerkwijze' })).toBeVisible();
  await expect(page.getByText('Samenwerkwijze: de inwoner gaf toestemming.')).toBeVisible();
  await expect(saveStatus(page)).toBeVisible();
  // "Alles is opgeslagen." also shows while a later edit waits for its autosave: the library has the last word.
  await expect.poll(async () => {
    const { plan } = await storedPlan(page);
    return { area: plan.areaId, name: plan.resident.name, wants: plan.wants.length, consents: plan.consents.map((c) => c.subject) };
  }).toEqual({ area: 'area-maasveld-noord', name: 'Lotte de Wit', wants: 1, consents: ['samenwerkwijze'] });

  // ---- 2. SO voorbereiden: consent, goal, place; four invitees with reasons; a time; then the preview.
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await page.getByRole('button', { name: 'Nieuw overleg voorbereiden' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '1. Toestemming & doel' })).toBeVisible();

  await page.getByRole('radiogroup', { name: 'Hoe gaf de inwoner toestemming?' }).getByRole('radio', { name: 'mondeling', exact: true }).check();
  await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(page.getByText(/De inwoner gaf op .* toestemming voor dit Samenwerkoverleg \(mondeling\)\./)).toBeVisible();
  await page.getByRole('radio', { name: 'Bij de inwoner thuis' }).check();
  await expect(page.getByRole('radio', { name: 'Bij de inwoner thuis' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Doel van het overleg' }).fill(GOAL);

  await inviteColleague(page, 'Bram', BRAM.name, [EXPERTISE, THINK_ALONG], 'Brengt kennis mee over somberheid en denkt mee over steun die bij haar past.');
  await inviteColleague(page, 'Anouk', ANOUK.name, [EXPERTISE], 'Kijkt wat de inwoner thuis nodig heeft bij de zorg voor zichzelf.');
  await inviteColleague(page, 'Kofi', KOFI.name, [EXPERTISE, CRITICAL_EYE], 'Zegt wat Geldrust kan doen voor overzicht in de financiën.');

  // A network member without e-mail: invited by phone, in the plan but not on the event.
  const addPerson = page.getByRole('form', { name: 'Iemand uit het netwerk of de inwoner toevoegen' });
  await addPerson.getByRole('radio', { name: 'Netwerk' }).check();
  await addPerson.getByRole('textbox', { name: 'Naam' }).fill(ILSE);
  await addPerson.getByRole('button', { name: 'Toevoegen' }).click();
  const ilse = inviteeCard(page, ILSE);
  await expect(ilse).toContainText('Geen e-mailadres: uitnodigen per telefoon.');
  await expect(ilse.getByRole('checkbox', { name: 'ervaring met de inwoner' })).toBeChecked();
  await ilse.getByRole('checkbox', { name: THINK_ALONG }).check();
  await ilse.getByRole('textbox', { name: `Wat verwacht je van ${ILSE}?` }).fill('Steunt haar zus en vertelt wat zij zelf kan doen.');

  // The consent recorded before covered nobody yet: the resident agrees to these four, so it is brought up to date.
  await page.getByRole('button', { name: 'Toestemming bijwerken' }).click();
  await expect(page.getByRole('button', { name: 'Toestemming bijwerken' })).toHaveCount(0);

  // When: the calendars' suggestions within the two-week window.
  await expect(page.getByText(/Het SO vindt binnen twee weken plaats: tussen maandag 23 november 2026 en maandag 7 december 2026\./)).toBeVisible();
  await page.getByRole('button', { name: 'Zoek tijden' }).click();
  const suggestions = page.getByRole('radiogroup', { name: 'Voorgestelde tijden' });
  await expect(suggestions).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('De twee weken zijn al voorbij.', { exact: false })).toHaveCount(0);
  // The best-fitting suggestion from tomorrow on (not today: the invitees need time to answer).
  const slots = await suggestions.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));
  const index = slots.findIndex((s) => s >= '2026-11-24');
  expect(index, `a suggestion after today among ${slots.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(slots[index]! < '2026-12-08', `suggested ${slots[index]}`).toBe(true);
  const chosen = suggestions.getByRole('radio').nth(index);
  await chosen.check();
  await expect(chosen).toBeChecked();
  await expect(page.getByText(/^Gekozen: /)).not.toHaveText(/23 november/);

  // Back on the Plan: the resident lets the plan be shared with Bram, and only with him.
  await page.getByRole('tab', { name: 'Plan' }).click();
  const shareConsent = page.getByRole('group', { name: 'Nieuwe toestemming vastleggen' });
  await shareConsent.getByRole('radio', { name: 'Het plan delen met …' }).check();
  const who = shareConsent.getByRole('group', { name: 'Met wie mag het plan gedeeld worden?' });
  await expect(who.getByRole('checkbox')).toHaveCount(4);
  await who.getByRole('checkbox', { name: /^Bram Hoekstra/ }).check();
  await shareConsent.getByRole('radio', { name: 'Schriftelijk', exact: true }).check();
  await shareConsent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(page.getByText('Het plan mag gedeeld worden met Bram Hoekstra.')).toBeVisible();

  // The preview: what Bram gets, with the hand-out; Ilse is called.
  await page.getByRole('tab', { name: 'SO voorbereiden' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '5. Voorbeeld & versturen' })).toBeVisible();
  await expect(page.getByText('Moet:')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Versturen', exact: true })).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: BRAM.name, exact: true }).click();
  await expect(page.getByText(`${BRAM.name} <${BRAM.mail}> (verplicht)`)).toBeVisible();
  await expect(page.getByText(HANDOUT, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tekst van de uitnodiging' })).toContainText(GOAL);
  await expect(page.getByRole('region', { name: 'Tekst van de uitnodiging' })).not.toContainText('Lotte');
  await page.getByRole('button', { name: `${ILSE} – per telefoon` }).click();
  await expect(page.getByText(`Geen e-mail: bel ${ILSE} en vertel wat in deze uitnodiging staat.`)).toBeVisible();

  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  await expect(page.getByText('Uitnodiging verstuurd', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`Bel nog: ${ILSE}.`, { exact: false })).toBeVisible();
  expect(await eventCreates(page)).toBe(1);
  // On the event: the three professionals with e-mail; Ilse is not an attendee.
  expect((await organiserAttendees(page, ESRA.id, CASE)).map((a) => a.address).sort()).toEqual([ANOUK.mail, BRAM.mail, KOFI.mail].sort());

  // ---- 3. Bram: "Mijn uitnodigingen" → the invitation, his reasons, the hand-out → accept.
  await personaSelect(page).selectOption({ label: BRAM.persona });
  await expect(page.getByText('Aangemeld als Bram Hoekstra')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Mijn uitnodigingen' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: new RegExp(`^Samenwerkoverleg ${CASE} op `) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waarom ben ik uitgenodigd?' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Jouw rol in dit overleg' });
  await expect(mine.getByRole('listitem')).toHaveText([`je ${EXPERTISE}`, THINK_ALONG]);
  await expect(mine).toContainText('Brengt kennis mee over somberheid');
  await expect(page.getByRole('region', { name: 'De hand-out' })).toContainText(HANDOUT);
  await expect(page.getByRole('region', { name: 'Het doel van het overleg' })).toContainText(GOAL);
  await page.getByRole('textbox', { name: /Bericht aan de organisator/ }).fill('Ik kom graag.');
  await page.getByRole('button', { name: 'Accepteren' }).click();
  await expect(page.getByText('Je hebt de uitnodiging geaccepteerd. Esra Aydin krijgt je antwoord.')).toBeVisible();

  // ---- 4. Anouk forwards it to a colleague, Kofi declines: each in their own Outlook.
  await forwardAs(page, { userId: ANOUK.id, caseAlias: CASE }, [{ name: TOMASZ.name, address: TOMASZ.mail }], 'Tomasz kent de buurt beter; hij past beter bij deze vraag.');
  await replyAs(page, { userId: KOFI.id, caseAlias: CASE }, 'decline', 'Geen capaciteit deze maand.');

  // ---- 5. Esra: Reacties.
  await personaSelect(page).selectOption({ label: ESRA.persona });
  await expect(page.getByText('Aangemeld als Esra Aydin')).toBeVisible();
  await expect(casesTable(page).getByRole('row', { name: new RegExp(CASE) })).toContainText('SO gepland');
  await page.getByRole('button', { name: `Casus ${CASE} openen` }).click();
  await page.getByRole('tab', { name: 'Reacties' }).click();
  const table = page.getByRole('table', { name: 'Reacties van de genodigden' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
  await expect(row(BRAM.name)).toContainText('Komt (geaccepteerd)');
  await expect(row(ANOUK.name)).toContainText('Nog geen reactie');
  await expect(row(KOFI.name)).toContainText('Komt niet (afgeslagen)');
  await expect(row(ILSE)).toContainText('Per telefoon uitgenodigd');
  await expect(row(TOMASZ.name)).toContainText('Nieuw (doorgestuurd)');
  await expect(row(TOMASZ.name)).toContainText('Eerst een reden opgeven');
  await expect(page.getByText(/1 nieuwe genodigde\(n\) kreeg de uitnodiging doorgestuurd/)).toBeVisible();

  // The newcomer: why he is welcome.
  await row(TOMASZ.name).getByRole('button', { name: `Reden opgeven voor ${TOMASZ.name}` }).click();
  const reasonForm = page.getByRole('form', { name: `Waarom ${TOMASZ.name} welkom is` });
  await reasonForm.getByRole('checkbox', { name: EXPERTISE }).check();
  await reasonForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(`${TOMASZ.name} staat nu bij de genodigden.`)).toBeVisible();
  await expect(row(TOMASZ.name)).toContainText('Kwam via doorsturen');
  await expect(row(TOMASZ.name)).toContainText('Nog geen reactie');

  // The decline: the area champion, with the prefilled message.
  await row(KOFI.name).getByRole('button', { name: `Gebiedsaanjager inschakelen voor ${KOFI.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `${KOFI.name} komt niet: gebiedsaanjager inschakelen` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Aan: ${JORIS.name} (joris.vanleeuwen@buurtkracht.example), gebiedsaanjager Maasveld-Noord.`);
  const message = dialog.getByRole('textbox', { name: /Bericht/ });
  await expect(message).toHaveValue(new RegExp(CASE));
  await expect(message).toHaveValue(/Kofi Mensah/);
  await expect(message).not.toHaveValue(/Lotte/);
  await dialog.getByRole('textbox', { name: `Welke reden gaf ${KOFI.name}?` }).fill('Geen capaciteit deze maand');
  await expect(message).toHaveValue(/Geen capaciteit deze maand/);
  await dialog.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByText(`Je bericht aan ${JORIS.name} is verstuurd.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // Share the plan with Bram; nobody else can get it.
  await row(BRAM.name).getByRole('button', { name: `Plan delen met ${BRAM.name}` }).click();
  await expect(page.getByText(`Het plan is gedeeld met ${BRAM.name}: alleen lezen, aanmelden verplicht.`)).toBeVisible();
  await expect(row(BRAM.name).getByRole('button', { name: `Delen intrekken voor ${BRAM.name}` })).toBeVisible();
  for (const name of [ANOUK.name, KOFI.name, ILSE, TOMASZ.name]) {
    // Not accepted (or no e-mail): no way to share with them on this list.
    await expect(row(name).getByRole('button', { name: `Plan delen met ${name}` })).toHaveCount(0);
  }

  // ---- 6. The audit.
  // The champion got the escalation in his inbox.
  const { status: inboxStatus, body: inbox } = await graphAs<{ value: { subject: string; from: { emailAddress: { address: string } } }[] }>(page, JORIS.id, '/me/messages?$select=subject,from');
  expect(inboxStatus).toBe(200);
  expect(inbox.value).toContainEqual(expect.objectContaining({
    subject: `Samenwerkoverleg ${CASE}: hulp gevraagd na een afmelding`,
    from: { emailAddress: expect.objectContaining({ address: 'esra.aydin@buurtkracht.example' }) },
  }));
  // The plan document is shared with Bram and with none of the other invitees.
  const { id: planItemId } = await storedPlan(page);
  const { status: permStatus, body: permissions } = await graphAs<{ value: unknown[] }>(page, ESRA.id, `/drives/${DEMO_PLAN_DRIVE_ID}/items/${planItemId}/permissions`);
  expect(permStatus).toBe(200);
  const shares = JSON.stringify(permissions.value).toLowerCase();
  expect(shares).toContain(BRAM.mail);
  for (const other of [ANOUK.mail, KOFI.mail, TOMASZ.mail, 'ilse']) expect(shares).not.toContain(other);
  // And so Bram can open it, the other invitees (none of them in the area team) cannot.
  const opens = async (userId: string) => (await graphAs(page, userId, `/drives/${DEMO_PLAN_DRIVE_ID}/items/${planItemId}/content`)).status;
  expect(await opens(BRAM.id)).toBe(200);
  for (const other of [ANOUK, KOFI, TOMASZ]) expect(await opens(other.id), other.name).toBe(403);

  // The invitation was created once in the whole run (this page load had all of it: no reload), and no
  // exchange carried a contract violation (the fixture also fails the test on any reported one).
  const journal = await pageJournal(page);
  expect(journal.length).toBeLessThan(2000);
  expect(journal.filter(isEventCreate)).toHaveLength(1);
  expect(journal.filter((e) => (e.contractViolations ?? []).length > 0)).toEqual([]);
  // The same from the GRAPH_JOURNAL file, which survives reloads (its lines arrive asynchronously).
  if (journalFileSince(journalMark, testInfo) !== undefined) {
    await expect.poll(() => journalFileSince(journalMark, testInfo)!.length).toBeGreaterThanOrEqual(journal.length);
    expect(journalFileSince(journalMark, testInfo)!.filter(isEventCreate)).toHaveLength(1);
  }
});
