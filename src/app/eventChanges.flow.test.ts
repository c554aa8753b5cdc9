// A sent SO's changes end to end against the demo tenant (msw/node), with lost responses: each change is done
// exactly once, whatever the retries; the answers' words become facts in the plan (issue 11).
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTenant, demoTokenFor } from '../demo/demoTenant';
import type { DemoTenant } from '../demo/demoTenant';
import { graphHandlers } from '../demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../demo/seed';
import { createGraphGateway } from '../graph/createGraphGateway';
import { openKvStore } from '../storage/kvStore';
import { addInvitee, cancelMeeting, moveMeeting, sendAddress } from './eventChanges';
import { followResponses, recordResponses, sendSoInvitation } from './invitations';
import { storedPlanAccess } from './planAccess';
import { openPlan } from './planDocument';
import { areaChampionsFrom } from './ports/areaChampions';
import { alwaysOnline } from './ports/local';
import { createMemoryStore } from '../storage/memoryStore';
import type { Services } from './ports';

const seed = createSeed();
const user = (given: string) => seed.users.find((u) => u.givenName === given)!;
const esra = user('Esra');
const bram = user('Bram');
const wouter = user('Wouter');
const kofi = user('Kofi');
const linda = user('Linda');
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


const requestCount = async (w: ReturnType<typeof world>, userId: string) => (await w.tenant.snapshot()).mailboxes[userId]!.messages.filter((m) => m.kind === 'eventMessageRequest').length;

describe('changing a sent SO', () => {
  it('moves once: after a lost answer the retry reads the event and sends nobody a second update', async () => {
    const w = await sentWorld();
    const before = await Promise.all([bram, wouter, kofi].map((u) => requestCount(w, u.id)));
    w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'PATCH', path: /^\/me\/events\/[^/]+$/ }, times: 1 });
    await expect(moveMeeting(w.services, w.access, 'm-1', '2026-12-02T14:00:00+01:00')).rejects.toBeTruthy();
    w.tenant.faults.clear();
    expect(w.access.current().actions.find((a) => a.kind === 'moved')).toMatchObject({ state: 'unclear', until: '2026-12-02T14:00:00+01:00' });
    // A reload: a fresh session reads the plan; finishing the move checks Outlook first.
    const again = await w.esraSession();
    const outcome = await moveMeeting(again.services, again.access, 'm-1', '2026-12-02T14:00:00+01:00');
    expect(outcome.kind).toBe('done');
    expect(again.access.current().actions.find((a) => a.kind === 'moved')?.state).toBe('done');
    expect(Date.parse(again.access.current().meetings.find((m) => m.id === 'm-1')!.start)).toBe(Date.parse('2026-12-02T14:00:00+01:00'));
    const after = await Promise.all([bram, wouter, kofi].map((u) => requestCount(w, u.id)));
    expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 1]);
    // One PATCH reached the tenant (its answer was lost); the retry only read the event.
    const patches = w.tenant.journal().filter((e) => e.method === 'PATCH' && JSON.stringify(e.requestBody ?? '').includes('"start"'));
    expect(patches).toHaveLength(1);
  });

  it('cancels once, with the message, and a cancelled SO cannot move', async () => {
    const w = await sentWorld();
    w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: /^\/me\/events\/[^/]+\/cancel$/ }, times: 1 });
    await expect(cancelMeeting(w.services, w.access, 'm-1', 'Het overleg gaat niet door.')).rejects.toBeTruthy();
    w.tenant.faults.clear();
    const again = await w.esraSession();
    expect((await cancelMeeting(again.services, again.access, 'm-1', 'Het overleg gaat niet door.')).kind).toBe('done');
    const state = await w.tenant.snapshot();
    const cancellations = state.mailboxes[wouter.id]!.messages.filter((m) => m.meeting?.meetingMessageType === 'meetingCancelled');
    expect(cancellations.map((m) => m.body.content)).toEqual(['Het overleg gaat niet door.']);
    expect(again.access.current().meetings.find((m) => m.id === 'm-1')!.status).toBe('cancelled');
    expect(await moveMeeting(again.services, again.access, 'm-1', '2026-12-03T10:00:00+01:00')).toEqual({ kind: 'nothing', reason: 'cancelled' });
  });

  it('invites one more person by the organiser\'s forward: the hand-out reaches them, nobody else hears of it', async () => {
    const w = await sentWorld();
    const before = await requestCount(w, wouter.id);
    const outcome = await addInvitee(w.services, w.access, 'm-1', { id: 'p-linda', name: linda.displayName, email: linda.mail, role: 'professional', reasons: ['expertise'], userId: linda.id });
    expect(outcome.kind).toBe('done');
    const state = await w.tenant.snapshot();
    const copy = state.mailboxes[linda.id]!.events.find((e) => !e.isOrganizer && e.subject.includes('SO-2026-014'))!;
    expect(copy.attachments.map((a) => a.name)).toEqual([HANDOUT.name]);
    expect(await requestCount(w, wouter.id)).toBe(before);
    expect(w.access.current().actions.find((a) => a.kind === 'invitee-added')).toMatchObject({ state: 'done', participantId: 'p-linda' });
  });
});

describe('the answers\' words and the address', () => {
  it('reads a decline\'s reason from the organiser\'s mailbox and keeps it in the plan once', async () => {
    const w = await sentWorld();
    await reply(w, kofi, 'decline', 'Geen capaciteit deze maand.');
    const overview = await followResponses(w.services, w.access.current(), 'm-1');
    expect(overview.invitees.find((i) => i.name === kofi.displayName)).toMatchObject({ status: 'declined', comment: 'Geen capaciteit deze maand.' });
    await recordResponses(w.services, w.access, 'm-1', overview.messages);
    await recordResponses(w.services, w.access, 'm-1', overview.messages);
    expect(w.access.current().actions.filter((a) => a.kind === 'response')).toEqual([
      expect.objectContaining({ byName: kofi.displayName, response: 'declined', comment: 'Geen capaciteit deze maand.', state: 'done' }),
    ]);
  });

  it('mails the address only after acceptance, only to that participant', async () => {
    const w = await sentWorld();
    await w.access.commit((p) => ({ ...p, meetings: p.meetings.map((m) => (m.id === 'm-1' ? { ...m, address: 'Lindelaan 12, Maasveld' } : m)) }));
    const wouterId = w.access.current().participants.find((p) => p.email === wouter.mail)!.id;
    expect(await sendAddress(w.services, w.access, 'm-1', wouterId, false)).toEqual({ kind: 'refused', reason: 'not-accepted' });
    await reply(w, wouter, 'accept');
    expect((await sendAddress(w.services, w.access, 'm-1', wouterId, true)).kind).toBe('sent');
    const state = await w.tenant.snapshot();
    const withAddress = Object.values(state.mailboxes).filter((m) => m.messages.some((x) => x.folder === 'inbox' && x.body.content.includes('Lindelaan')));
    expect(withAddress.map((m) => m.userId)).toEqual([wouter.id]);
    expect(await sendAddress(w.services, w.access, 'm-1', wouterId, true)).toEqual({ kind: 'refused', reason: 'already-sent' });
  });
});
