// The SO invitation use cases end to end against the demo tenant (msw/node): the gateway the browser
// uses, the tenant's Graph contract checks (any violation fails the test, see tests/setup) and its faults.
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTenant, demoTokenFor } from '../demo/demoTenant';
import type { DemoTenant } from '../demo/demoTenant';
import { graphHandlers } from '../demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../demo/seed';
import type { Plan } from '../domain';
import { createGraphGateway } from '../graph/createGraphGateway';
import { openKvStore } from '../storage/kvStore';
import { AppError } from './errors';
import {
  addForwardedParticipant,
  draftEscalation,
  escalateDecline,
  followResponses,
  invitationForMeeting,
  remindNonResponders,
  sendSoInvitation,
  suggestMeetingTimes,
} from './invitations';
import { storedPlanAccess } from './planAccess';
import { openPlan } from './planDocument';
import { areaChampionsFrom } from './ports/areaChampions';
import { alwaysOnline } from './ports/local';
import { createMemoryStore } from '../storage/memoryStore';
import type { Services } from './ports';
import { revokeShare, sharePlanWith } from './sharePlan';

const seed = createSeed();
const user = (given: string) => seed.users.find((u) => u.givenName === given)!;
const esra = user('Esra');
const bram = user('Bram');
const wouter = user('Wouter');
const kofi = user('Kofi');
const linda = user('Linda');
const joris = user('Joris');
const DOC_014 = seed.planDrive.items.find((i) => i.name === 'SO-2026-014.json')!.id;
const champions = seed.areas.map((a) => {
  const u = seed.users.find((x) => x.id === a.championUserId)!;
  return { areaId: a.id, areaName: a.name, name: u.displayName, email: u.mail };
});
const HANDOUT = { name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', bytesBase64: Buffer.from('%PDF-1.7 de vijf principes').toString('base64') };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

let counter = 0;

function world(start = '2026-11-23T09:00:00+01:00') {
  let now = new Date(start);
  const tenant = createDemoTenant({ kv: openKvStore(`so-flow-${(counter += 1)}`, new IDBFactory()), now: () => now });
  server.use(...graphHandlers(tenant));
  const servicesFor = (userId: string): Services => ({
    ...createGraphGateway({ getToken: async () => demoTokenFor(userId), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined } }),
    handout: { load: async () => HANDOUT },
    areaChampions: areaChampionsFrom(champions),
    clock: { now: () => now },
    municipality: 'Gemeente Maasveld',
    local: createMemoryStore(),
    connectivity: alwaysOnline,
  });
  return {
    tenant,
    servicesFor,
    setNow(iso: string) { now = new Date(iso); },
    /** A fresh session for Esra (as after a reload): new gateway, the plan read again. */
    async esraSession() {
      const services = servicesFor(esra.id);
      const access = storedPlanAccess(services, await openPlan(services, DOC_014));
      return { services, access };
    },
  };
}

async function eventsFor(tenant: DemoTenant, transactionId = 'so-SO-2026-014-m-1') {
  const state = await tenant.snapshot();
  const events = state.mailboxes[esra.id]!.events.filter((e) => e.transactionId === transactionId && !e.deleted);
  const requestsTo = (userId: string) =>
    state.mailboxes[userId]!.messages.filter((m) => m.kind === 'eventMessageRequest' && m.meeting?.iCalUId === events[0]?.iCalUId);
  return { state, events, requestsTo };
}

/** An invitee answers in their own calendar, as Outlook would. */
async function reply(w: ReturnType<typeof world>, who: { id: string }, answer: 'accept' | 'decline' | 'tentative', comment = '') {
  const { events, state } = await eventsFor(w.tenant);
  const copy = state.mailboxes[who.id]!.events.find((e) => e.iCalUId === events[0]!.iCalUId && !e.deleted)!;
  await w.servicesFor(who.id).calendar.respond(copy.id, answer, comment);
}

async function sentWorld() {
  const w = world();
  const session = await w.esraSession();
  const outcome = await sendSoInvitation(session.services, session.access, 'm-1');
  expect(outcome.kind).toBe('sent');
  return { ...w, ...session };
}

describe('sending the SO invitation', () => {
  it('sends one event with the hand-out to every invitee with e-mail; network members and the resident without e-mail are called', async () => {
    const w = world();
    const { services, access } = await w.esraSession();
    const before = w.tenant.journal().length;
    const outcome = await sendSoInvitation(services, access, 'm-1');
    if (outcome.kind !== 'sent') throw new Error(`not sent: ${JSON.stringify(outcome)}`);
    expect(outcome.byPhone.map((p) => p.name).sort()).toEqual(['Gerda Visser', 'Nadia Benali', 'Samira Benali']);

    const { events, requestsTo } = await eventsFor(w.tenant);
    expect(events).toHaveLength(1);
    expect(events[0]!.id).toBe(outcome.eventId);
    expect(events[0]!.attendees.map((a) => a.emailAddress.address).sort()).toEqual([bram.mail, kofi.mail, wouter.mail].sort());
    expect(events[0]!.subject).toBe('Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026');
    expect(events[0]!.body.content).toContain('Het doel van dit overleg');
    for (const invitee of [bram, wouter, kofi]) {
      const requests = requestsTo(invitee.id);
      expect(requests, invitee.displayName).toHaveLength(1);
      expect(requests[0]!.attachments.map((a) => a.name)).toEqual([HANDOUT.name]);
    }
    // The body names nobody by anything but their name: no address, no plan details.
    expect(events[0]!.body.content).not.toContain('Ik wil in mijn eigen huis');
    expect(events[0]!.body.content).not.toContain('Hier voel ik me thuis');
    expect(events[0]!.location.displayName).toBe('Bij de inwoner thuis (adres volgt na acceptatie)');

    const stored = (await w.esraSession()).access.current();
    const meeting = stored.meetings.find((m) => m.id === 'm-1')!;
    expect(meeting).toMatchObject({ eventId: outcome.eventId, transactionId: 'so-SO-2026-014-m-1', respondBy: '2026-11-26', soNeededSince: '2026-11-19', sentAt: '2026-11-23T08:00:00.000Z' });
    expect(stored.status).toBe('planned');
    expect(stored.log.at(-1)).toMatchObject({ action: 'invitation.sent', targetId: 'm-1', byUserId: esra.id });
    const creates = w.tenant.journal().slice(before).filter((e) => e.method === 'POST' && new URL(e.url, 'https://x').pathname === '/v1.0/me/events');
    expect(creates).toHaveLength(1);
  });

  it('IDEMPOTENT: a send that failed after the event was created, retried after a reload, invites nobody twice', async () => {
    const w = world();
    const first = await w.esraSession();
    // The create lands but its answer is lost, and the look-up afterwards fails too: the outcome is unclear.
    w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: /^\/me\/events$/ }, times: 1 });
    w.tenant.faults.inject({ kind: 'status', status: 503, match: { method: 'GET', path: '/me/calendarView' }, times: 20 });
    await expect(sendSoInvitation(first.services, first.access, 'm-1')).rejects.toMatchObject({ code: 'send-ambiguous' });
    w.tenant.faults.clear();
    expect((await eventsFor(w.tenant)).events).toHaveLength(1);

    // Reload: a new session reads the transactionId from the stored plan and passes mayExist.
    const second = await w.esraSession();
    expect(second.access.current().meetings[0]!.transactionId).toBe('so-SO-2026-014-m-1');
    expect(second.access.current().meetings[0]!.eventId).toBeUndefined();
    const outcome = await sendSoInvitation(second.services, second.access, 'm-1');
    expect(outcome).toMatchObject({ kind: 'sent', created: false });
    // And once more: the plan knows it was sent.
    expect((await sendSoInvitation(second.services, second.access, 'm-1')).kind).toBe('already-sent');

    const { events, requestsTo } = await eventsFor(w.tenant);
    expect(events).toHaveLength(1);
    for (const invitee of [bram, wouter, kofi]) {
      expect(requestsTo(invitee.id), invitee.displayName).toHaveLength(1);
      expect(requestsTo(invitee.id)[0]!.attachments).toHaveLength(1);
    }
  });

  it('sends nothing without consent for the SO or without a goal, and says why', async () => {
    const w = world();
    const { services, access } = await w.esraSession();
    await access.commit((plan): Plan => ({
      ...plan,
      consents: plan.consents.filter((c) => c.subject !== 'meeting'),
      meetings: plan.meetings.map((m) => ({ ...m, goal: '  ', updatedAt: '2026-11-23T08:00:00Z' })),
    }));
    const before = w.tenant.journal().length;
    const outcome = await sendSoInvitation(services, access, 'm-1');
    if (outcome.kind !== 'blocked') throw new Error('expected blocked');
    expect(outcome.problems.filter((p) => p.severity === 'error').map((p) => p.code).sort()).toEqual(['consent-missing', 'goal-missing']);
    expect(w.tenant.journal().slice(before).filter((e) => e.url.includes('/events'))).toEqual([]);
    expect(access.current().meetings[0]!.transactionId).toBeUndefined();
  });

  it('suggests times in working hours within two weeks of the day the SO turned out to be needed', async () => {
    const w = world();
    const { services, access } = await w.esraSession();
    const found = await suggestMeetingTimes(services, access.current(), 'm-1');
    expect(found.outsideWindow).toBe(false);
    expect(found.lastDay).toBe('2026-12-03');
    expect(found.suggestions.length).toBeGreaterThan(0);
    for (const s of found.suggestions) {
      expect(s.start >= '2026-11-23T09:30' && s.start.slice(0, 10) <= '2026-12-03').toBe(true);
      expect(s.start).toMatch(/\+01:00$/);
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(90 * 60_000);
      const clock = s.start.slice(11, 16);
      expect(clock >= '08:30' && clock <= '15:30').toBe(true);
      expect(s.asked).toBe(3);
    }
  });
});

describe('following the responses', () => {
  it('shows each invitee’s answer, the ones to call, and a newcomer who got a forward; adds them with a reason', async () => {
    const w = await sentWorld();
    await reply(w, bram, 'accept');
    await reply(w, kofi, 'decline', 'Geen tijd');
    const { state, events } = await eventsFor(w.tenant);
    const wouterCopy = state.mailboxes[wouter.id]!.events.find((e) => e.iCalUId === events[0]!.iCalUId)!;
    await w.servicesFor(wouter.id).calendar.forward(wouterCopy.id, { name: linda.displayName, email: linda.mail }, 'Linda kent de regels voor huurachterstand beter.');

    const overview = await followResponses(w.services, w.access.current(), 'm-1');
    const status = Object.fromEntries(overview.invitees.map((i) => [i.name, i.status]));
    expect(status).toEqual({
      'Samira Benali': 'byPhone', 'Nadia Benali': 'byPhone', 'Gerda Visser': 'byPhone', 'Esra Aydin': 'organiser',
      'Bram Hoekstra': 'accepted', 'Wouter Dijkman': 'none', 'Kofi Mensah': 'declined',
    });
    expect(overview.forwarded).toEqual([{ name: linda.displayName, email: linda.mail, status: 'none' }]);
    expect(overview.nonResponders.map((i) => i.name)).toEqual(['Wouter Dijkman']);
    expect(overview.reminderDue).toBe(false);

    await addForwardedParticipant(w.services, w.access, 'm-1', { name: linda.displayName, email: linda.mail, reasons: ['expertise'], expectation: 'Weet wat er kan bij een huurachterstand.' });
    const again = await followResponses(w.services, w.access.current(), 'm-1');
    expect(again.forwarded).toEqual([]);
    expect(again.invitees.find((i) => i.email === linda.mail)).toMatchObject({ status: 'none', viaForward: true });
    const stored = (await w.esraSession()).access.current();
    expect(stored.participants.find((p) => p.email === linda.mail)).toMatchObject({ joinedVia: 'forward', reasons: ['expertise'], userId: linda.id, organisation: 'Woonstichting Thuisveld' });
    expect(stored.log.at(-1)).toMatchObject({ action: 'participant.addedViaForward' });
  });

  it('escalates a decline to the area champion with the edited text; no identifiers or plan details; escaped', async () => {
    const w = await sentWorld();
    // Identifiers and details elsewhere in the plan must stay there.
    await w.access.commit((plan) => ({
      ...plan,
      wants: plan.wants.map((x, i) => (i === 0 ? { ...x, text: `${x.text} BSN 111222333, bel 06-12345678`, updatedAt: '2026-11-23T08:05:00Z' } : x)),
    }));
    await reply(w, kofi, 'decline');
    const draft = draftEscalation(w.services, w.access.current(), 'm-1', 'p-kofi', { organiser: esra.displayName, declineReason: 'Geen capaciteit <deze maand>' });
    expect(draft.champion).toMatchObject({ name: joris.displayName, email: joris.mail });
    expect(draft.message.text).toContain('Kofi Mensah (Stichting Geldrust)');
    expect(draft.message.text).toContain('Geen capaciteit <deze maand>');
    const edited = { ...draft.message, text: `${draft.message.text}\n\nPS: het overleg is bij de inwoner thuis & duurt anderhalf uur.` };
    const outcome = await escalateDecline(w.services, w.access, 'p-kofi', edited);
    expect(outcome.kind).toBe('sent');

    const state = await w.tenant.snapshot();
    const mails = state.mailboxes[joris.id]!.messages.filter((m) => m.folder === 'inbox' && m.kind === 'message');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Samenwerkoverleg SO-2026-014: hulp gevraagd na een afmelding');
    expect(mail.body.content).toContain('SO-2026-014');
    expect(mail.body.content).toContain('Samen met de inwoner zoeken naar rust');
    expect(mail.body.content).toContain('Geen capaciteit &lt;deze maand&gt;');
    expect(mail.body.content).toContain('thuis &amp; duurt');
    for (const secret of ['111222333', '06-12345678', 'Samira', 'huur elke maand', 'Ik wil']) expect(mail.body.content).not.toContain(secret);
    const stored = (await w.esraSession()).access.current();
    expect(stored.log.at(-1)).toMatchObject({ action: 'escalation.sent', targetId: 'p-kofi' });
  });

  it('refuses an escalation text with a BSN, and never resends a mail after an unclear failure', async () => {
    const w = await sentWorld();
    const draft = draftEscalation(w.services, w.access.current(), 'm-1', 'p-kofi', { organiser: esra.displayName });
    const blocked = await escalateDecline(w.services, w.access, 'p-kofi', { ...draft.message, text: `${draft.message.text} BSN 111222333` });
    expect(blocked).toMatchObject({ kind: 'blocked' });

    w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: '/me/sendMail' }, times: 1 });
    const logBefore = w.access.current().log.length;
    await expect(escalateDecline(w.services, w.access, 'p-kofi', draft.message)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'mail-ambiguous');
    const state = await w.tenant.snapshot();
    expect(state.mailboxes[joris.id]!.messages.filter((m) => m.kind === 'message' && m.subject.includes('SO-2026-014'))).toHaveLength(1);
    expect(w.access.current().log).toHaveLength(logBefore);
  });

  it('reminds only those who did not answer, and only after the respond-by date', async () => {
    const w = await sentWorld();
    await reply(w, bram, 'accept');
    await reply(w, kofi, 'decline');
    expect(await remindNonResponders(w.services, w.access, 'm-1')).toEqual({ kind: 'not-due' });

    w.setNow('2026-11-27T09:00:00+01:00');
    const outcome = await remindNonResponders(w.services, w.access, 'm-1');
    expect(outcome).toMatchObject({ kind: 'sent', to: [{ name: wouter.displayName, email: wouter.mail }] });
    const state = await w.tenant.snapshot();
    const reminders = (userId: string) => state.mailboxes[userId]!.messages.filter((m) => m.kind === 'message' && m.subject.startsWith('Herinnering'));
    expect(reminders(wouter.id)).toHaveLength(1);
    expect(reminders(bram.id)).toHaveLength(0);
    expect(reminders(kofi.id)).toHaveLength(0);
    const overview = await followResponses(w.services, w.access.current(), 'm-1');
    expect(overview.lastReminderAt).toBe('2026-11-27T08:00:00.000Z');
  });
});

describe('sharing the plan', () => {
  it('refuses without the resident’s consent or before acceptance; shares read-only after both, logs it, and revokes', async () => {
    const w = await sentWorld();
    await reply(w, bram, 'accept');
    const before = w.tenant.journal().length;
    expect(await sharePlanWith(w.services, w.access, 'm-1', 'p-bram')).toEqual({ kind: 'refused', reason: 'no-consent' });
    expect(w.tenant.journal().slice(before).filter((e) => e.url.includes('/invite'))).toEqual([]);

    await w.access.commit((plan) => ({
      ...plan,
      consents: [...plan.consents, { id: 'c-share', subject: 'sharePlan' as const, participantIds: ['p-bram', 'p-wouter'], date: '2026-11-23', how: 'written' as const, recordedByUserId: esra.id, updatedAt: '2026-11-23T08:10:00Z' }],
    }));
    expect(await sharePlanWith(w.services, w.access, 'm-1', 'p-wouter')).toEqual({ kind: 'refused', reason: 'not-accepted' });
    expect(w.tenant.journal().slice(before).filter((e) => e.url.includes('/invite'))).toEqual([]);

    const shared = await sharePlanWith(w.services, w.access, 'm-1', 'p-bram');
    if (shared.kind !== 'shared') throw new Error('expected shared');
    const invite = w.tenant.journal().slice(before).find((e) => e.url.includes('/invite'))!;
    expect(invite.requestBody).toMatchObject({ roles: ['read'], requireSignIn: true, recipients: [{ email: bram.mail }] });
    const item = (await w.tenant.snapshot()).planDrive.items.find((i) => i.id === DOC_014)!;
    expect(item.permissions?.map((p) => p.id)).toContain(shared.permissionId);
    let stored = (await w.esraSession()).access.current();
    expect(stored.participants.find((p) => p.id === 'p-bram')!.share).toMatchObject({ permissionId: shared.permissionId, sharedByUserId: esra.id });
    expect(stored.log.at(-1)).toMatchObject({ action: 'plan.shared', targetId: 'p-bram' });
    // Bram can read it now.
    await expect(w.servicesFor(bram.id).plans.read(DOC_014)).resolves.toBeTruthy();

    expect(await revokeShare(w.services, w.access, 'p-bram')).toMatchObject({ kind: 'revoked', alreadyGone: false });
    stored = (await w.esraSession()).access.current();
    expect(stored.participants.find((p) => p.id === 'p-bram')!.share!.revokedAt).toBeDefined();
    expect(stored.log.at(-1)).toMatchObject({ action: 'plan.shareRevoked', targetId: 'p-bram' });
    await expect(w.servicesFor(bram.id).plans.read(DOC_014)).rejects.toMatchObject({ code: 'graph-forbidden' });
  });
});

describe('invitationForMeeting (for the Outlook add-in too)', () => {
  it('gives the composed invitation with start, end and location strings, optional invitees typed optional', async () => {
    const w = world();
    const { access } = await w.esraSession();
    const plan: Plan = { ...access.current(), meetings: access.current().meetings.map((m) => ({ ...m, optionalParticipantIds: ['p-kofi'] })) };
    const inv = invitationForMeeting(plan, 'm-1', { organiser: { name: esra.displayName, email: esra.mail }, municipality: 'Gemeente Maasveld', now: '2026-11-23T09:00:00+01:00' });
    expect(inv).toMatchObject({
      start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T11:30:00+01:00', startLocal: '2026-12-01T10:00:00', endLocal: '2026-12-01T11:30:00',
      timeZone: 'Europe/Amsterdam', location: 'Bij de inwoner thuis (adres volgt na acceptatie)', respondBy: '2026-11-26',
    });
    expect(inv.attendees.find((a) => a.email === kofi.mail)!.type).toBe('optional');
    expect(inv.attendees.find((a) => a.email === bram.mail)!.type).toBe('required');
    expect(inv.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(inv.text).toContain('Kofi Mensah');
  });
});
