// The gateway against the demo tenant (msw/node), with the tenant's own fault injection: the same
// contract the browser demo runs on. The tenant checks every body against Graph's metadata.
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SendInvitationRequest } from '../../src/app/ports';
import { createDemoTenant, demoTokenFor } from '../../src/demo/demoTenant';
import type { DemoTenant } from '../../src/demo/demoTenant';
import { graphHandlers } from '../../src/demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../../src/demo/seed';
import { DEMO_PLANNER_PLAN_ID } from '../../src/demo/seedWorkplace';
import { planCodec, savePlan } from '../../src/app/savePlan';
import type { Plan } from '../../src/domain';
import { openKvStore } from '../../src/storage/kvStore';
import { createGraphGateway } from '../../src/graph/createGraphGateway';

const NOW = new Date('2026-11-23T09:00:00+01:00');
const seed = createSeed();
const organizer = seed.users.find((u) => u.persona === 'caseDirector')!;
const colleagues = seed.users.filter((u) => u.id !== organizer.id && u.mail).slice(0, 3);

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function tenantAndGateway(): { tenant: DemoTenant; gateway: ReturnType<typeof createGraphGateway> } {
  const tenant = createDemoTenant({ kv: openKvStore('gateway-on-demo', new IDBFactory()), now: () => NOW });
  server.use(...graphHandlers(tenant));
  const gateway = createGraphGateway({
    getToken: async () => demoTokenFor(organizer.id),
    planDriveId: DEMO_PLAN_DRIVE_ID,
    retry: { sleep: async () => undefined },
  });
  return { tenant, gateway };
}

const HANDOUT = Buffer.from('%PDF-1.7 De principes van de Samenwerkwijze').toString('base64');

const invitation = (): SendInvitationRequest => ({
  transactionId: 'tx-SO-2026-014-demo',
  subject: 'Samenwerkoverleg SO-2026-014',
  html: '<p>Je bent uitgenodigd omdat …</p>',
  start: '2026-12-03T10:00:00',
  end: '2026-12-03T11:30:00',
  timeZone: 'Europe/Amsterdam',
  location: 'Wijkpunt De Kompaan',
  attendees: colleagues.map((u, i) => ({ name: u.displayName, email: u.mail!, type: i === 2 ? 'optional' : 'required' })),
  attachment: { name: 'Principes-Samenwerkwijze.pdf', contentType: 'application/pdf', bytesBase64: HANDOUT },
  sensitivity: 'private',
});

async function invitationsIn(tenant: DemoTenant) {
  const state = await tenant.snapshot();
  const events = state.mailboxes[organizer.id]!.events.filter((e) => e.transactionId === 'tx-SO-2026-014-demo' && !e.deleted);
  const requests = colleagues.map((u) => ({
    to: u.mail!,
    messages: state.mailboxes[u.id]!.messages.filter((m) => m.kind === 'eventMessageRequest' && m.meeting?.iCalUId === events[0]?.iCalUId),
  }));
  return { events, requests };
}

describe('the gateway on the demo tenant', () => {
  it('sends the invitation in 2 round trips; every invitee gets it once, with the hand-out; the contract holds', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const before = tenant.journal().length;
    const result = await gateway.calendar.sendInvitation(invitation());
    expect(result.created).toBe(true);
    const topLevel = tenant.journal().slice(before).filter((e) => !e.batch);
    expect(topLevel.map((e) => `${e.method} ${new URL(e.url, 'https://graph.microsoft.com').pathname}`)).toEqual(['POST /v1.0/me/events', 'POST /v1.0/$batch']);
    const subRequests = tenant.journal().slice(before).filter((e) => e.batch);
    expect(subRequests.map((e) => e.method)).toEqual(['POST', 'PATCH']);

    const { events, requests } = await invitationsIn(tenant);
    expect(events).toHaveLength(1);
    for (const r of requests) {
      expect(r.messages, r.to).toHaveLength(1);
      expect(r.messages[0]!.attachments.map((a) => a.name)).toEqual(['Principes-Samenwerkwijze.pdf']);
    }
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('IDEMPOTENCY with the lose-response fault: one event, one invitation each, with the hand-out', async () => {
    const { tenant, gateway } = tenantAndGateway();
    tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: /^\/me\/events$/ } });
    const result = await gateway.calendar.sendInvitation(invitation());
    expect(result.created).toBe(false);

    const { events, requests } = await invitationsIn(tenant);
    expect(events).toHaveLength(1);
    expect(events[0]!.id).toBe(result.eventId);
    for (const r of requests) {
      expect(r.messages, r.to).toHaveLength(1);
      expect(r.messages[0]!.attachments.map((a) => a.name)).toEqual(['Principes-Samenwerkwijze.pdf']);
    }
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('IDEMPOTENCY with a lost $batch response: nobody is invited twice', async () => {
    const { tenant, gateway } = tenantAndGateway();
    tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: '/$batch' } });
    await gateway.calendar.sendInvitation(invitation());
    const { events, requests } = await invitationsIn(tenant);
    expect(events).toHaveLength(1);
    for (const r of requests) expect(r.messages, r.to).toHaveLength(1);
  });

  it('reads responses after an invitee accepts in their own calendar', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const { eventId } = await gateway.calendar.sendInvitation(invitation());
    const invitee = colleagues[0]!;
    const theirs = createGraphGateway({ getToken: async () => demoTokenFor(invitee.id), planDriveId: DEMO_PLAN_DRIVE_ID });
    const state = await tenant.snapshot();
    const organizersEvent = state.mailboxes[organizer.id]!.events.find((e) => e.id === eventId)!;
    const copy = state.mailboxes[invitee.id]!.events.find((e) => e.iCalUId === organizersEvent.iCalUId)!;
    await theirs.calendar.respond(copy.id, 'accept', 'Ik kom');
    const responses = await gateway.calendar.getResponses(eventId);
    expect(responses.find((r) => r.email.toLowerCase() === invitee.mail!.toLowerCase())).toMatchObject({ response: 'accepted' });
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('finds people and users, and sends mail', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const someone = colleagues[0]!;
    const users = await gateway.directory.searchUsers(someone.displayName.slice(0, 4));
    expect(users.map((u) => u.id)).toContain(someone.id);
    const people = await gateway.directory.searchPeople(someone.displayName.split(' ')[0]!);
    expect(Array.isArray(people)).toBe(true);
    await gateway.mail.send({ to: [{ name: someone.displayName, email: someone.mail! }], subject: 'Escalatie', html: '<p>Hulp gevraagd</p>' });
    const state = await tenant.snapshot();
    expect(state.mailboxes[someone.id]!.messages.filter((m) => m.subject === 'Escalatie')).toHaveLength(1);
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('saves a plan with If-Match; the 412-next-write fault is merged away without losing anything', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const [entry] = await gateway.cases.listCases();
    const stored = await gateway.plans.read(entry!.documentId);
    const plan = planCodec.parse(stored.content);
    tenant.faults.inject({ kind: '412-next-write', match: { method: 'PUT' } });
    const mine: Plan = { ...plan, log: [...plan.log, { at: '2026-11-23T09:30:00+01:00', byUserId: organizer.id, action: 'plan.edited' }] };
    const result = await savePlan(gateway.plans, entry!.documentId, { plan, eTag: stored.eTag }, mine);
    expect(result.attempts).toBe(2);
    const after = planCodec.parse((await gateway.plans.read(entry!.documentId)).content);
    expect(after.log.map((l) => l.action)).toContain('plan.edited');
    expect(after.agreements.map((a) => a.id).sort()).toEqual(plan.agreements.map((a) => a.id).sort());
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('shares the plan read-only and revokes it', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const [entry] = await gateway.cases.listCases();
    const { permissionId } = await gateway.plans.share(entry!.documentId, { email: colleagues[1]!.mail! }, 'Het plan, alleen lezen');
    await expect(gateway.plans.revoke(entry!.documentId, permissionId)).resolves.toEqual({ alreadyGone: false });
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('mirrors 25 agreements as Planner tasks in 2 batches and completes one', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const { bucketId } = await gateway.tasks.ensureBucket(DEMO_PLANNER_PLAN_ID, 'SO-2026-099');
    const before = tenant.journal().length;
    const results = await gateway.tasks.upsertTasks(Array.from({ length: 25 }, (_, i) => ({
      key: `a-${i}`, planId: DEMO_PLANNER_PLAN_ID, bucketId, title: `SO-2026-099 – afspraak ${i}`, dueDateTime: '2026-12-17T17:00:00+01:00', assigneeUserIds: [organizer.id],
    })));
    expect(tenant.journal().slice(before).filter((e) => !e.batch).map((e) => e.method)).toEqual(['POST', 'POST']);
    expect(results.every((r) => r.ok)).toBe(true);
    const first = results[0]!;
    if (!first.ok) throw new Error('unreachable');
    const done = await gateway.tasks.completeTask(first.taskId, first.etag);
    expect(done.etag).not.toBe(first.etag);
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('honours a 429 with Retry-After from the tenant and gets through', async () => {
    const { tenant, gateway } = tenantAndGateway();
    tenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 2, match: { method: 'GET', path: '/me' } });
    await expect(gateway.directory.me()).resolves.toMatchObject({ id: organizer.id });
  });

  it('gets a fresh token after token-expired, and reports offline as network-offline', async () => {
    const { tenant, gateway } = tenantAndGateway();
    tenant.faults.inject({ kind: 'token-expired' });
    await expect(gateway.directory.me()).resolves.toMatchObject({ id: organizer.id });
    tenant.faults.inject({ kind: 'offline' });
    await expect(gateway.cases.listCases()).rejects.toMatchObject({ code: 'network-offline' });
    tenant.faults.clear();
  });

  it('forwards a seat: the colleague lands on the organizer\'s event and in their own calendar', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const { eventId } = await gateway.calendar.sendInvitation(invitation());
    const invitee = colleagues[0]!;
    const colleague = seed.users.find((u) => u.mail && u.id !== organizer.id && !colleagues.includes(u))!;
    const theirs = createGraphGateway({ getToken: async () => demoTokenFor(invitee.id), planDriveId: DEMO_PLAN_DRIVE_ID });
    const state = await tenant.snapshot();
    const iCalUId = state.mailboxes[organizer.id]!.events.find((e) => e.id === eventId)!.iCalUId;
    const copy = state.mailboxes[invitee.id]!.events.find((e) => e.iCalUId === iCalUId)!;
    await theirs.calendar.forward(copy.id, { name: colleague.displayName, email: colleague.mail }, 'Zij kent de wijk beter dan ik.');
    const responses = await gateway.calendar.getResponses(eventId);
    expect(responses.map((r) => r.email.toLowerCase())).toContain(colleague.mail.toLowerCase());
    const after = await tenant.snapshot();
    expect(after.mailboxes[colleague.id]!.events.some((e) => e.iCalUId === iCalUId)).toBe(true);
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('declines and tentatively accepts with a comment', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const { eventId } = await gateway.calendar.sendInvitation(invitation());
    const state = await tenant.snapshot();
    const iCalUId = state.mailboxes[organizer.id]!.events.find((e) => e.id === eventId)!.iCalUId;
    for (const [invitee, reply] of [[colleagues[0]!, 'decline'], [colleagues[1]!, 'tentative']] as const) {
      const copy = state.mailboxes[invitee.id]!.events.find((e) => e.iCalUId === iCalUId)!;
      const theirs = createGraphGateway({ getToken: async () => demoTokenFor(invitee.id), planDriveId: DEMO_PLAN_DRIVE_ID });
      await theirs.calendar.respond(copy.id, reply, 'Zie mijn toelichting');
    }
    const responses = await gateway.calendar.getResponses(eventId);
    const byMail = (u: (typeof colleagues)[number]) => responses.find((r) => r.email.toLowerCase() === u.mail.toLowerCase())?.response;
    expect(byMail(colleagues[0]!)).toBe('declined');
    expect(byMail(colleagues[1]!)).toBe('tentative');
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('suggests meeting times and reads free/busy within the working week', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const attendees = colleagues.map((u) => ({ name: u.displayName, email: u.mail, type: 'required' as const }));
    const found = await gateway.calendar.findMeetingTimes({
      attendees,
      windows: [{ start: '2026-11-30T08:30:00', end: '2026-12-04T17:00:00' }],
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 90,
    });
    expect(found.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of found.suggestions) {
      expect(suggestion.start >= '2026-11-30T08:30:00' && suggestion.end <= '2026-12-04T17:00:00').toBe(true);
    }
    const schedules = await gateway.calendar.getSchedule({ emails: attendees.map((a) => a.email), start: '2026-11-30T08:00:00', end: '2026-11-30T18:00:00', timeZone: 'Europe/Amsterdam' });
    expect(schedules.map((s) => s.email.toLowerCase()).sort()).toEqual(attendees.map((a) => a.email.toLowerCase()).sort());
    expect(schedules.every((s) => /^[0-4]+$/.test(s.availabilityView))).toBe(true);
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('creates a case document with its library columns', async () => {
    const { tenant, gateway } = tenantAndGateway();
    const created = await gateway.cases.createCase({ summary: { caseAlias: 'SO-2026-030', status: 'draft', openAgreements: 0 }, content: '{"schemaVersion":2}' });
    expect(created).toMatchObject({ caseAlias: 'SO-2026-030', status: 'draft' });
    expect((await gateway.cases.listCases()).map((c) => c.caseAlias)).toContain('SO-2026-030');
    expect(tenant.contractViolations()).toEqual([]);
  });
});
