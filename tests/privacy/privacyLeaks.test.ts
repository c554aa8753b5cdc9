// Privacy leaks (issue 7, item 3): a case whose plan is full of identifiers and special-category words goes
// through the whole journey on the demo tenant (msw/node), through the app's own use cases and sync engine, the
// code the screens call:
//   Plan tab (planSync edits) → SO voorbereiden (sendSoInvitation over the open document, as PreviewSendSection)
//   → Outlook (accept, decline, forward a seat with forwardSeat) → Reacties (forwarded colleague added, decline
//   escalated, reminder, plan shared) → SO voorzitten (notes, agreements, casusregie, evaluation, closing notes,
//   Planner mirror) → Afsluiten (closeMeeting + distributeMeeting, as ClosingSection).
// Then everything that left the plan document is read back — every request body the tenant journalled and every
// event, message and Planner task in the tenant — and must carry none of it:
// - identifiers (BSN, IBAN, phone, e-mail, birth date) nowhere: not in subjects, bodies, locations, task titles,
//   nor in the summary mail to a professional the resident consented to share the plan with;
// - plan details (home address, diagnosis words) nowhere except that summary mail (consent covers the plan);
// - mail with plan content only to professionals with 'sharePlan' consent;
// - the forwarded invitation carries exactly what the original carries, plus the forwarder's own note.
// The checker is proved on planted leaks first, so a broken checker cannot pass.
//
// Planner titles: plannerTaskTitle removes identifiers (scanSensitive) and, from a short list, health words and
// address parts (scanPlanDetails); the professionals' agreements here carry identifiers and a diagnosis word.
import { setupServer } from 'msw/node';
import { parseFragment } from 'parse5';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { distributeMeeting } from '../../src/app/closeMeeting';
import type { OpenPlanDocument } from '../../src/app/closeMeeting';
import { addForwardedParticipant, draftEscalation, escalateDecline, followResponses, invitationForMeeting, remindNonResponders, sendSoInvitation } from '../../src/app/invitations';
import { forwardSeat } from '../../src/app/participant';
import type { PlanAccess } from '../../src/app/planAccess';
import { createPlanSync } from '../../src/app/planSync';
import type { PlanSync } from '../../src/app/planSync';
import { areaChampionsFrom } from '../../src/app/ports/areaChampions';
import type { Services } from '../../src/app/ports';
import { sharePlanWith } from '../../src/app/sharePlan';
import { planCodec } from '../../src/app/savePlan';
import { createDemoTenant, demoTokenFor } from '../../src/demo/demoTenant';
import type { DemoTenant, JournalEntry } from '../../src/demo/demoTenant';
import { graphHandlers } from '../../src/demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../../src/demo/seed';
import { DEMO_PLANNER_PLAN_ID } from '../../src/demo/seedWorkplace';
import type { DemoTenantState } from '../../src/demo/tenantState';
import {
  addAgreement, addLine, addWant, addWellbeing, changeWant, closeMeeting, formatDutchDay, hasConsentFor, planEvaluation, plannerTaskTitle,
  recordConsent, scanSensitive, setCaseDirection, setMeetingNote, updateMeeting,
} from '../../src/domain';
import type { Plan, SensitiveKind } from '../../src/domain';
import { createGraphGateway } from '../../src/graph/createGraphGateway';
import { openKvStore } from '../../src/storage/kvStore';
import { createMemoryStore } from '../../src/storage/memoryStore';
import { IDBFactory } from 'fake-indexeddb';

const seed = createSeed();

// ---------------------------------------------------------------------------------------------------------
// What the plan is full of

/** Valid by the 11-proef: 9·1 + 8·2 + … + 2·8 − 2 = 154 = 14·11. */
const BSN = '123456782';
/** Another one, written the way people do. */
const BSN_GROUPED = '111.222.333';
/** Valid mod-97. */
const IBAN = 'NL91ABNA0417164300';
const IBAN_SPACED = 'NL91 ABNA 0417 1643 00';
const PHONE = '06-12345678';
const PHONE_INTL = '+31 10 4567890';
const EMAIL = 'samira.benali@prive.example';
const BIRTH_DATE = '14-02-1979';
const BIRTH_DATE_WORDS = '3 maart 1980';
const STREET = 'Lindelaan 42';
const POSTCODE = '3012 AB';
const DIAGNOSES = ['depressie', 'schizofrenie', 'verslaving', 'PTSS'];

/** Identifiers: never anywhere outside the plan document. */
const IDENTIFIERS = [BSN, BSN_GROUPED, IBAN, IBAN_SPACED, PHONE, PHONE_INTL, EMAIL, BIRTH_DATE, BIRTH_DATE_WORDS];
/** Plan details: only to professionals the resident consented to share the plan with. */
const PLAN_DETAILS = [STREET, POSTCODE, ...DIAGNOSES];
/** The scanner's kinds that must never be found in what leaves the plan. */
const NEVER: readonly SensitiveKind[] = ['bsn', 'iban', 'phone', 'email', 'birthDate'];

const ID_TEXT = `BSN ${BSN}, rekening ${IBAN}, bel ${PHONE}, geboren op ${BIRTH_DATE}`;
const ID_TEXT_2 = `bsn ${BSN_GROUPED}, IBAN ${IBAN_SPACED}, telefoon ${PHONE_INTL}, mail ${EMAIL}, geboortedatum ${BIRTH_DATE_WORDS}`;
const DETAIL_TEXT = `woont op ${STREET}, ${POSTCODE} Maasveld; ${DIAGNOSES.join(', ')}`;
const FULL = (what: string) => `${what} (${ID_TEXT}; ${ID_TEXT_2}; ${DETAIL_TEXT})`;

// ---------------------------------------------------------------------------------------------------------
// The checker

const SURFACE_KINDS = ['event', 'message', 'task', 'request'] as const;
interface Surface {
  kind: (typeof SURFACE_KINDS)[number];
  /** Where: "event in Bram's calendar: body", "POST /me/sendMail" … */
  where: string;
  text: string;
  /** Plan details are allowed here (mail to professionals with sharePlan consent); identifiers never. */
  consented?: boolean;
}

/** The text a person reads in an HTML body: entities decoded, tags gone. */
function visibleText(html: string): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    const n = node as { nodeName: string; value?: string; childNodes?: unknown[] };
    if (n.nodeName === '#text' && n.value !== undefined) parts.push(n.value);
    else if (n.nodeName === 'br' || n.nodeName === 'p' || n.nodeName === 'li' || n.nodeName === 'td') parts.push(' ');
    for (const child of n.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html));
  return parts.join('');
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/** The addresses of the tenant's people: addressing a message to them is not a leak. */
const TENANT_ADDRESSES = new Set(seed.users.map((u) => u.mail.toLowerCase()));

/** Every planted identifier or detail found in one surface, with the scanner's findings. */
function leaksIn(surface: Surface, appDates: readonly string[] = []): string[] {
  const texts = [surface.text, visibleText(surface.text)].map(squeeze);
  const found = new Set<string>();
  const forbidden = surface.consented === true ? IDENTIFIERS : [...IDENTIFIERS, ...PLAN_DETAILS];
  for (const text of texts) {
    const lower = text.toLowerCase();
    for (const planted of forbidden) if (lower.includes(planted.toLowerCase())) found.add(planted);
    for (const match of scanSensitive(text)) {
      if (!NEVER.includes(match.kind) || (match.kind === 'email' && TENANT_ADDRESSES.has(match.value.toLowerCase()))) continue;
      // A due date the app wrote next to a redacted "geboren op …" reads as a birth date to the scanner.
      if (match.kind === 'birthDate' && appDates.includes(match.value)) continue;
      found.add(`${match.kind}: ${match.value}`);
    }
  }
  return [...found].map((f) => `${surface.where}: ${f}`);
}

/** A JSON body as surfaces, one per string in it (so the scanner never reads across two fields). */
function jsonSurfaces(body: unknown, base: Omit<Surface, 'text' | 'where'> & { where: string }): Surface[] {
  const out: Surface[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ ...base, where: `${base.where} ${path}`, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
  };
  walk(body, '');
  return out;
}

/**
 * Every leak in the surfaces. `appDates`: dates the app itself writes into what it sends (due dates, the SO's
 * day, the evaluation), as the scanner reports them ("29 december 2026"); never a planted birth date.
 */
function leaks(surfaces: readonly Surface[], appDates: readonly string[] = []): string[] {
  expect(appDates.filter((d) => IDENTIFIERS.includes(d))).toEqual([]);
  return surfaces.flatMap((s) => leaksIn(s, appDates));
}

/** The days the plan itself schedules, as the mails spell them out. */
function scheduledDates(plan: Plan): string[] {
  const days = [...plan.agreements.map((a) => a.due), ...plan.evaluations.map((e) => e.date), ...plan.meetings.flatMap((m) => [m.start.slice(0, 10), m.respondBy ?? ''])];
  return [...new Set(days.filter((d) => d !== '').map((d) => formatDutchDay(d).replace(/^\S+ /, '')))];
}

// ---------------------------------------------------------------------------------------------------------
// The world: the demo tenant in Node, the app's gateway per person, the app's sync engine for the open plan

const byGiven = (given: string) => seed.users.find((u) => u.givenName === given)!;
const esra = byGiven('Esra'); // case director, chairs the SO here too
const bram = byGiven('Bram'); // accepts; the resident consents to share the plan with him
const wouter = byGiven('Wouter'); // does not answer; consent to share the plan
const kofi = byGiven('Kofi'); // declines; no consent to share the plan
const ayesha = byGiven('Ayesha'); // Bram's colleague, gets his seat by a forward; no consent either
const DOC_014 = seed.planDrive.items.find((i) => i.name === 'SO-2026-014.json')!.id;
const MEETING = 'm-1';
const CONSENTING = [bram.mail, wouter.mail];
const champions = seed.areas.map((a) => {
  const u = seed.users.find((x) => x.id === a.championUserId)!;
  return { areaId: a.id, areaName: a.name, name: u.displayName, email: u.mail };
});
const HANDOUT = { name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', bytesBase64: Buffer.from('%PDF-1.7 de vijf principes').toString('base64') };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function world() {
  let now = new Date('2026-11-23T09:00:00+01:00');
  const journal: JournalEntry[] = [];
  const tenant = createDemoTenant({
    kv: openKvStore(`privacy-${Math.random().toString(36).slice(2)}`, new IDBFactory()),
    now: () => now,
    onJournal: (entry) => journal.push(entry),
  });
  server.use(...graphHandlers(tenant));
  const clock = { now: () => now };
  const servicesFor = (userId: string): Services => ({
    ...createGraphGateway({ getToken: async () => demoTokenFor(userId), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined } }),
    handout: { load: async () => HANDOUT },
    areaChampions: areaChampionsFrom(champions),
    clock,
    municipality: 'Gemeente Maasveld',
    local: createMemoryStore(),
    connectivity: { isOnline: () => true, onChange: () => () => undefined },
    plannerPlanId: DEMO_PLANNER_PLAN_ID,
  });
  return { tenant, journal, servicesFor, setNow: (iso: string) => { now = new Date(iso); } };
}

/** The open plan as the case screen holds it (usePlanDocument on planSync). */
function openDocument(engine: PlanSync): OpenPlanDocument {
  return {
    documentId: engine.documentId,
    get plan() { return engine.getSnapshot().plan!; },
    update: (recipe) => engine.update(recipe),
    saveNow: () => engine.syncNow(),
  };
}

/** The use cases' access to the open plan, as usePlanEdits builds it: commit = edit the draft, save now. */
function accessOver(engine: PlanSync): PlanAccess {
  return {
    documentId: engine.documentId,
    current: () => engine.getSnapshot().plan!,
    async commit(recipe) {
      engine.update(recipe);
      return engine.syncNow();
    },
  };
}

/** Until the plan and its Planner mirror are in sync (the sync loop runs on real timers). */
async function untilSynced(engine: PlanSync): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    await engine.settled();
    const s = engine.getSnapshot();
    if (s.state === 'failed' || s.planner.state === 'failed') throw new Error(`sync failed: ${String(s.error ?? s.planner.error)}`);
    if (s.state === 'synced' && s.planner.state === 'idle' && s.unsyncedCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not in sync: ${engine.getSnapshot().state}`);
}

// ---------------------------------------------------------------------------------------------------------
// The plan tab: every free-text field of the plan gets identifiers and details

function fillPlan(plan: Plan, at: string, byUserId: string): Plan {
  const stamp = { at, byUserId };
  let next = plan;
  next = changeWant(next, 'w-1', { text: FULL('Ik wil in mijn eigen huis blijven wonen'), target: FULL('De huur is elke maand betaald') }, at);
  next = changeWant(next, 'w-2', { text: FULL('Ik wil weer rust in mijn hoofd'), target: FULL('Ik slaap door') }, at);
  next = addWant(next, { id: 'w-privacy', text: FULL('Ik wil van mijn verslaving af'), target: FULL('Ik ben drie maanden clean') }, at);
  next = addLine(next, 'can.own', FULL('Ik kan goed koken'));
  next = addLine(next, 'can.offer', FULL('Ik kan buren helpen met naaien'));
  next = addLine(next, 'needs.shortTerm', FULL('Ik heb hulp nodig bij mijn post'));
  next = addLine(next, 'needs.longTerm', FULL('Ik heb een vaste begeleider nodig'));
  next = addWellbeing(next, { id: 'wb-privacy', score: 4, date: '2026-11-23', moment: 'start', comment: FULL('Zwaar weekend gehad') }, at);
  next = recordConsent(next, { id: 'c-privacy-share', subject: 'sharePlan', participantIds: ['p-bram', 'p-wouter'], date: '2026-11-23', how: 'written', note: FULL('Samira tekende thuis') }, stamp);
  next = recordConsent(next, { id: 'c-privacy-sww', subject: 'samenwerkwijze', date: '2026-11-23', how: 'verbal', note: FULL('Nog eens uitgelegd') }, stamp);
  next = updateMeeting(next, MEETING, {
    chairParticipantId: 'p-esra',
    noteTakerParticipantId: 'p-wouter',
    preparation: { priorities: FULL('Eerst de huur'), residentSupport: FULL('Nadia steunt haar'), history: FULL('Eerder aangemeld bij de GGZ') },
  }, { now: at });
  next = {
    ...next,
    microAnalyses: [...next.microAnalyses, {
      id: 'ma-privacy', date: '2026-11-23', before: [{ label: 'Huurachterstand', amountCents: 120_000, note: FULL('Achterstand') }], after: [], oneOff: [], doNothing: [], note: FULL('Berekend met Kofi'), updatedAt: at,
    }],
  };
  return next;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the tenant back

interface Collected {
  surfaces: Surface[];
  state: DemoTenantState;
}

const requestLine = (e: JournalEntry) => `${e.method} ${decodeURIComponent(new URL(e.url, 'https://graph.microsoft.com').pathname).replace(/^\/v1\.0/, '')}`;
/** The plan document itself: the one place all of this belongs. */
const isPlanDocumentWrite = (e: JournalEntry) => e.method === 'PUT' && /\/drives\/[^/]+\/items\/[^/]+\/content$/.test(new URL(e.url, 'https://graph.microsoft.com').pathname);
const recipientsOf = (body: unknown): string[] => {
  const message = (body as { message?: { toRecipients?: { emailAddress: { address: string } }[]; ccRecipients?: { emailAddress: { address: string } }[]; bccRecipients?: { emailAddress: { address: string } }[] } }).message;
  return [...(message?.toRecipients ?? []), ...(message?.ccRecipients ?? []), ...(message?.bccRecipients ?? [])].map((r) => r.emailAddress.address.toLowerCase());
};
const consentedOnly = (addresses: readonly string[]) => addresses.length > 0 && addresses.every((a) => CONSENTING.some((c) => c.toLowerCase() === a));

async function collect(tenant: DemoTenant, journal: readonly JournalEntry[]): Promise<Collected> {
  const state = await tenant.snapshot();
  const nameOf = (userId: string) => state.users.find((u) => u.id === userId)?.displayName ?? userId;
  const surfaces: Surface[] = [];
  for (const entry of journal) {
    if (entry.requestBody === undefined || isPlanDocumentWrite(entry)) continue;
    // A batch's own body holds its sub-requests, each journalled on its own as well.
    if (requestLine(entry) === 'POST /$batch') continue;
    const line = requestLine(entry);
    const consented = line === 'POST /me/sendMail' && consentedOnly(recipientsOf(entry.requestBody));
    surfaces.push(...jsonSurfaces(entry.requestBody, { kind: 'request', where: `${line}:`, consented }));
  }
  for (const [userId, mailbox] of Object.entries(state.mailboxes)) {
    for (const event of mailbox.events) {
      const where = `event "${event.subject}" in the calendar of ${nameOf(userId)}`;
      surfaces.push({ kind: 'event', where: `${where}: subject`, text: event.subject });
      surfaces.push({ kind: 'event', where: `${where}: body`, text: event.body.content });
      surfaces.push(...jsonSurfaces(event.location, { kind: 'event', where: `${where}: location` }));
    }
    for (const message of mailbox.messages) {
      const where = `message "${message.subject}" in the ${message.folder} of ${nameOf(userId)}`;
      const to = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients].map((r) => r.emailAddress.address.toLowerCase());
      const consented = message.kind === 'message' && consentedOnly(to);
      surfaces.push({ kind: 'message', where: `${where}: subject`, text: message.subject, consented });
      surfaces.push({ kind: 'message', where: `${where}: body`, text: message.body.content, consented });
      if (message.meeting) surfaces.push({ kind: 'message', where: `${where}: location`, text: message.meeting.location });
    }
  }
  for (const task of state.planner.tasks) surfaces.push({ kind: 'task', where: `Planner task ${task.id}: title`, text: task.title });
  for (const bucket of state.planner.buckets) surfaces.push({ kind: 'task', where: `Planner bucket ${bucket.id}: name`, text: bucket.name });
  for (const item of state.planDrive.items) {
    surfaces.push(...jsonSurfaces(item.fields ?? {}, { kind: 'request', where: `library item ${item.name}: column` }));
    for (const permission of item.permissions ?? []) surfaces.push(...jsonSurfaces(permission, { kind: 'request', where: `share of ${item.name}:` }));
  }
  return { surfaces, state };
}

// ---------------------------------------------------------------------------------------------------------

describe('privacy: nothing of the plan leaks into invitations, Planner or mail', () => {
  it('the checker finds planted leaks (so it can fail)', () => {
    const clean = '<div lang="nl"><p>Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026</p></div>';
    expect(leaks([{ kind: 'event', where: 'clean', text: clean }])).toEqual([]);
    const planted: Surface[] = [
      { kind: 'event', where: 'escaped body', text: `<p>Het doel: ${'Samira &amp; haar depressie'}</p>` },
      { kind: 'event', where: 'split by tags', text: `<p>BSN <b>${BSN.slice(0, 4)}</b>${BSN.slice(4)}</p>` },
      { kind: 'event', where: 'reformatted BSN', text: 'Nummer 1234 56 782' },
      { kind: 'task', where: 'title', text: 'SO-2026-014 – Intake bij verslavingszorg' },
      { kind: 'task', where: 'unredacted title', text: `SO-2026-014 – Bel Samira op ${PHONE}` },
      { kind: 'message', where: 'consented, with a birth date', text: `Geboren op ${BIRTH_DATE}`, consented: true },
      { kind: 'message', where: 'address, not consented', text: `Adres: ${STREET.replace(' ', '&nbsp;')}` },
      { kind: 'request', where: 'IBAN in JSON', text: JSON.stringify({ title: `rekening ${IBAN.toLowerCase()}` }) },
    ];
    const found = leaks(planted);
    for (const surface of planted) expect(found.some((f) => f.startsWith(`${surface.where}:`)), surface.where).toBe(true);
    // Dates the app schedules are not birth dates; a planted one stays a leak whatever is excused.
    expect(leaks([{ kind: 'message', where: 'due', text: 'geboren op …, Uiterlijk: 29 december 2026' }], ['29 december 2026'])).toEqual([]);
    expect(leaks([{ kind: 'message', where: 'planted', text: `geboren op ${BIRTH_DATE_WORDS}` }], ['29 december 2026']).length).toBeGreaterThan(0);
    // Consented mail may carry plan details, never identifiers.
    expect(leaks([{ kind: 'message', where: 'consented', text: DETAIL_TEXT, consented: true }])).toEqual([]);
    expect(leaks([{ kind: 'message', where: 'consented', text: ID_TEXT, consented: true }]).length).toBeGreaterThan(0);
    // The plan's texts themselves are full of it: every one of them is caught.
    for (const planted of [...IDENTIFIERS, ...PLAN_DETAILS]) expect(leaks([{ kind: 'event', where: 'plan', text: FULL('x') }]).some((f) => f.includes(planted))).toBe(true);
  });

  it('sends the invitation, records and closes the SO: no identifier or plan detail leaves the plan document', { timeout: 60_000 }, async () => {
    const w = world();
    const services = w.servicesFor(esra.id);
    const engine = createPlanSync(services, DOC_014, { syncDelayMs: 0 });
    const document = openDocument(engine);
    try {
      await untilSynced(engine);

      // Plan tab: the case director fills the plan (the screens warn about the identifiers, and let them through).
      engine.update((plan) => fillPlan(plan, services.clock.now().toISOString(), esra.id));
      await untilSynced(engine);
      expect(JSON.stringify(document.plan)).toContain(BSN);

      // SO voorbereiden: the invitation as previewed (its own goal and expectations are clean), then sent.
      const preview = invitationForMeeting(document.plan, MEETING, { organiser: { name: esra.displayName, email: esra.mail }, municipality: services.municipality, now: services.clock.now() });
      expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const sent = await sendSoInvitation(services, accessOver(engine), MEETING);
      if (sent.kind !== 'sent') throw new Error(`not sent: ${JSON.stringify(sent)}`);

      // Outlook: Bram accepts; Kofi passes his seat to Ayesha with a note of his own (passing the seat declines
      // his own copy, so Kofi counts as declined).
      const copyOf = async (userId: string) => {
        const state = await w.tenant.snapshot();
        const iCalUId = state.mailboxes[esra.id]!.events.find((e) => e.id === sent.eventId)!.iCalUId;
        return state.mailboxes[userId]!.events.find((e) => e.iCalUId === iCalUId && !e.deleted)!;
      };
      await w.servicesFor(bram.id).calendar.respond((await copyOf(bram.id)).id, 'accept', 'Ik kom graag.');
      const kofiServices = w.servicesFor(kofi.id);
      await forwardSeat(kofiServices, (await copyOf(kofi.id)).id, { id: ayesha.id, displayName: ayesha.displayName, mail: ayesha.mail }, 'Ayesha kent de wijk beter dan ik.');

      // Reacties: Ayesha is added (no consent to share the plan with her), the decline goes to the area
      // champion, the plan is shared with Bram (accepted + consent) and refused for Kofi (no consent).
      const access = accessOver(engine);
      await addForwardedParticipant(services, access, MEETING, { name: ayesha.displayName, email: ayesha.mail, reasons: ['expertise'], expectation: 'Denkt mee over steun die past.' });
      const overview = await followResponses(services, document.plan, MEETING);
      expect(overview.invitees.find((i) => i.participantId === 'p-bram')?.status).toBe('accepted');
      expect(overview.invitees.find((i) => i.participantId === 'p-kofi')?.status).toBe('declined');
      const kofiId = 'p-kofi';
      const escalation = draftEscalation(services, document.plan, MEETING, kofiId, { organiser: esra.displayName, declineReason: 'Kofi zit die dag in een training.' });
      expect(await escalateDecline(services, access, kofiId, escalation.message)).toMatchObject({ kind: 'sent' });
      expect(await sharePlanWith(services, access, MEETING, 'p-bram')).toMatchObject({ kind: 'shared' });
      expect(await sharePlanWith(services, access, MEETING, kofiId)).toMatchObject({ kind: 'refused' });
      // After the respond-by date: one reminder to whoever did not answer.
      w.setNow('2026-11-30T09:00:00+01:00');
      expect(await remindNonResponders(services, access, MEETING)).toMatchObject({ kind: 'sent' });
      await untilSynced(engine);

      // SO voorzitten: notes on every agenda item, agreements, casusregie, evaluation, closing notes.
      w.setNow('2026-12-01T10:10:00+01:00');
      const at = () => services.clock.now().toISOString();
      const stamp = () => ({ at: at(), byUserId: esra.id });
      for (const itemKey of ['introductions', 'goalAndRules', 'currentState', 'residentStory', 'wants', 'can', 'needs', 'agreements', 'caseDirection', 'evaluation', 'want-1', 'closingRound']) {
        engine.update((plan) => setMeetingNote(plan, { meetingId: MEETING, itemKey, text: FULL(`Notitie bij ${itemKey}`) }, at()));
      }
      // Professionals' agreements (Planner tasks) with identifiers: the screen warns, and lets them through.
      const professional = [
        { id: 'a-priv-1', who: 'p-bram', what: `Bram belt Samira op ${PHONE} over de intake (BSN ${BSN})`, wantId: 'w-2' },
        { id: 'a-priv-2', who: 'p-kofi', what: `Kofi zet de automatische incasso van ${IBAN_SPACED} stop`, wantId: 'w-1' },
        { id: 'a-priv-3', who: 'p-wouter', what: `Wouter vraagt de huurgegevens op (geboren op ${BIRTH_DATE}, bsn ${BSN_GROUPED}, ${PHONE_INTL})` },
        { id: 'a-priv-4', who: 'p-esra', what: `Esra mailt het overzicht naar ${EMAIL}, geboortedatum ${BIRTH_DATE_WORDS}, ${IBAN}` },
        // Everything at once, plan details included: the task title must lose all of it.
        { id: 'a-priv-7', who: 'p-kofi', what: FULL('Kofi regelt budgetbeheer') },
      ];
      // The resident's and the network's (no Planner task): everything, details included.
      const others = [
        { id: 'a-priv-5', who: 'p-resident', what: FULL('Samira meldt zich bij de verslavingszorg'), wantId: 'w-privacy' },
        { id: 'a-priv-6', who: 'p-sister', what: FULL('Nadia gaat mee naar de huisarts over de depressie') },
      ];
      for (const a of [...professional, ...others]) engine.update((plan) => addAgreement(plan, { ...a, due: '2026-12-29', meetingId: MEETING }, stamp()));
      engine.update((plan) => setCaseDirection(plan, { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: true, processDirectorParticipantId: 'p-wouter', aveLevel: 3 }));
      engine.update((plan) => planEvaluation(plan, { id: 'e-privacy', date: '2027-01-05', how: 'meeting', organiserParticipantId: 'p-esra', meetingId: MEETING }, at()));
      engine.update((plan) => ({ ...plan, evaluations: plan.evaluations.map((e) => (e.id === 'e-privacy' ? { ...e, lessonsLearned: FULL('Geleerd') } : e)) }));
      await untilSynced(engine);

      // Afsluiten, as ClosingSection does: close, then hand out the plan.
      engine.update((plan) => closeMeeting(plan, MEETING, stamp()));
      const outcomes = await distributeMeeting(services, document, MEETING);
      await untilSynced(engine);

      // -------------------------------------------------------------------------------------------------
      const stored = planCodec.parse((await w.tenant.snapshot()).planDrive.items.find((i) => i.id === DOC_014)!.content);
      // The journey really ran on a plan full of it.
      expect(JSON.stringify(stored)).toContain(BSN);
      expect(stored.meetings.find((m) => m.id === MEETING)).toMatchObject({ status: 'held', eventId: sent.eventId });
      expect(stored.agreements.filter((a) => a.id.startsWith('a-priv-'))).toHaveLength(7);

      const { surfaces, state } = await collect(w.tenant, w.journal);
      // Every kind of surface was there to look at.
      for (const kind of SURFACE_KINDS) expect(surfaces.some((s) => s.kind === kind), kind).toBe(true);
      const appDates = scheduledDates(stored);
      expect(appDates).toContain('29 december 2026');
      expect(leaks(surfaces, appDates)).toEqual([]);

      // Planner: the professionals' agreements are tasks, their identifiers taken out by plannerTaskTitle.
      const tasks = state.planner.tasks;
      for (const a of professional) {
        const agreement = stored.agreements.find((x) => x.id === a.id)!;
        const task = tasks.find((t) => t.id === agreement.planner?.taskId);
        expect(task?.title, a.id).toBe(plannerTaskTitle('SO-2026-014', a.what));
        expect(task!.title).toContain('…');
      }
      for (const a of others) expect(stored.agreements.find((x) => x.id === a.id)!.planner, a.id).toBeUndefined();

      // Mail with plan content only to the professionals the resident consented to share the plan with.
      expect(outcomes.filter((o) => o.channel === 'mail').map((o) => o.participantId).sort()).toEqual(['p-bram', 'p-wouter']);
      for (const o of outcomes.filter((x) => x.channel === 'mail')) expect(hasConsentFor(stored, 'sharePlan', o.participantId)).toBe(true);
      expect(outcomes.find((o) => o.participantId === kofiId)).toMatchObject({ channel: 'print', printReason: 'no-consent' });
      expect(outcomes.find((o) => o.name === ayesha.displayName)).toMatchObject({ channel: 'print', printReason: 'no-consent' });
      const summaryMails = w.journal.filter((e) => requestLine(e) === 'POST /me/sendMail' && /de afspraken$/.test(String((e.requestBody as { message?: { subject?: string } }).message?.subject)));
      expect(summaryMails.map((e) => recipientsOf(e.requestBody)).flat().sort()).toEqual([...CONSENTING].map((m) => m.toLowerCase()).sort());
      for (const mail of summaryMails) expect(consentedOnly(recipientsOf(mail.requestBody))).toBe(true);
      // Every other mail went to people without consent: it is checked strictly above (no plan details either).
      const otherMail = w.journal.filter((e) => requestLine(e) === 'POST /me/sendMail' && !summaryMails.includes(e));
      expect(otherMail.length).toBeGreaterThanOrEqual(2); // the escalation and the reminder
      // The plan was shared only with the consenting professionals.
      const shares = state.planDrive.items.find((i) => i.id === DOC_014)!.permissions ?? [];
      expect(shares.map((p) => p.email.toLowerCase()).sort()).toEqual([...CONSENTING].map((m) => m.toLowerCase()).sort());
      // The summary mail does tell the agreements (redacted), so it is not empty of content.
      const bramMail = state.mailboxes[bram.id]!.messages.find((m) => m.kind === 'message' && /de afspraken$/.test(m.subject))!;
      expect(visibleText(bramMail.body.content)).toContain('Bram belt Samira op … over de intake');

      // The forwarded invitation: Ayesha's copy says exactly what the original says; the message adds Kofi's note only.
      const original = state.mailboxes[esra.id]!.events.find((e) => e.id === sent.eventId)!;
      const forwarded = state.mailboxes[ayesha.id]!.events.find((e) => e.iCalUId === original.iCalUId)!;
      expect({ subject: forwarded.subject, body: forwarded.body, location: forwarded.location, sensitivity: forwarded.sensitivity })
        .toEqual({ subject: original.subject, body: original.body, location: original.location, sensitivity: original.sensitivity });
      expect(forwarded.attachments.map((a) => a.name)).toEqual(original.attachments.map((a) => a.name));
      const request = state.mailboxes[ayesha.id]!.messages.find((m) => m.kind === 'eventMessageRequest' && m.meeting?.iCalUId === original.iCalUId)!;
      expect(request.subject).toBe(original.subject);
      expect(request.body.content).toBe(`<p>Ayesha kent de wijk beter dan ik.</p>${original.body.content}`);
      expect(request.meeting!.location).toBe(original.location.displayName);
      // … and the original is what the app composed and sent, once.
      const creates = w.journal.filter((e) => requestLine(e) === 'POST /me/events');
      expect(creates).toHaveLength(1);
      expect(original.body.content).toBe((creates[0]!.requestBody as { body: { content: string } }).body.content);
      expect(original.sensitivity).toBe('private');
      expect(original.location.displayName).toBe('Bij de inwoner thuis (adres volgt na acceptatie)');
      expect(w.tenant.contractViolations()).toEqual([]);
    } finally {
      engine.dispose();
    }
  });
});
