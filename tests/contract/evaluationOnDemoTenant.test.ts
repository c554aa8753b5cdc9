// The evaluation's invitation against the demo tenant (msw/node), through the open plan as the recording panel
// holds it (the planSync engine): the follow-up SO is planned in the stored plan, one event goes out with the
// hand-out, and it carries the case alias and the goal, none of the plan's details. Any Graph contract
// violation fails the test (tests/setup).
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluationTransactionId, sendEvaluationInvitation } from '../../src/app/evaluationInvitation';
import type { OpenPlanDocument } from '../../src/app/planAccess';
import { createPlanSync } from '../../src/app/planSync';
import type { PlanSync } from '../../src/app/planSync';
import { areaChampionsFrom } from '../../src/app/ports/areaChampions';
import { planCodec } from '../../src/app/savePlan';
import type { Services } from '../../src/app/ports';
import { createDemoTenant, demoTokenFor } from '../../src/demo/demoTenant';
import type { DemoTenant } from '../../src/demo/demoTenant';
import { graphHandlers } from '../../src/demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../../src/demo/seed';
import { addAgreement, evaluationMeetingId, planEvaluation, scanSensitive, updateParticipant } from '../../src/domain';
import type { Plan } from '../../src/domain';
import { createGraphGateway } from '../../src/graph/createGraphGateway';
import { openKvStore } from '../../src/storage/kvStore';
import { createMemoryStore } from '../../src/storage/memoryStore';

const seed = createSeed();
const user = (given: string) => seed.users.find((u) => u.givenName === given)!;
const esra = user('Esra');
const bram = user('Bram');
const wouter = user('Wouter');
const kofi = user('Kofi');
const DOC_014 = seed.planDrive.items.find((i) => i.name === 'SO-2026-014.json')!.id;
const HANDOUT = { name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', bytesBase64: Buffer.from('%PDF-1.7 de vijf principes').toString('base64') };
const NADIA = 'nadia.benali@familie.example';
const AGREEMENT = 'Belt de verhuurder over de huurachterstand van maart; BSN 111222333.';
const TX = evaluationTransactionId({ caseAlias: 'SO-2026-014' }, 'e-1');

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

let counter = 0;

function world() {
  // Right after the SO of 1 December.
  const now = new Date('2026-12-01T12:00:00+01:00');
  const tenant = createDemoTenant({ kv: openKvStore(`evaluation-${(counter += 1)}`, new IDBFactory()), now: () => now });
  server.use(...graphHandlers(tenant));
  const services = (): Services => ({
    ...createGraphGateway({ getToken: async () => demoTokenFor(esra.id), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined } }),
    handout: { load: async () => HANDOUT },
    areaChampions: areaChampionsFrom([]),
    clock: { now: () => now },
    municipality: 'Gemeente Maasveld',
    local: createMemoryStore(),
    connectivity: { isOnline: () => true, onChange: () => () => undefined },
  });
  /** The case screen opened (again): a fresh gateway and outbox, the plan read from the tenant. */
  const session = async () => {
    const s = services();
    const engine = createPlanSync(s, DOC_014, { syncDelayMs: 0 });
    await engine.settled();
    return { services: s, engine, document: openDocument(engine) };
  };
  return { tenant, session };
}

/** The open plan as the recording panel holds it (usePlanDocument on planSync). */
function openDocument(engine: PlanSync): OpenPlanDocument {
  return {
    documentId: engine.documentId,
    get plan() { return engine.getSnapshot().plan!; },
    update: (recipe) => engine.update(recipe),
    saveNow: () => engine.syncNow(),
  };
}

/** The chair records an agreement and the evaluation (in an SO, organised by Esra); Nadia has an address now. */
function record(document: OpenPlanDocument) {
  const at = '2026-12-01T11:20:00+01:00';
  document.update((plan) => addAgreement(plan, { id: 'a-1', who: 'p-wouter', what: AGREEMENT, due: '2027-01-12', meetingId: 'm-1' }, { at, byUserId: esra.id }));
  document.update((plan) => updateParticipant(plan, 'p-sister', { email: NADIA }, { now: at }));
  document.update((plan) => planEvaluation(plan, { id: 'e-1', date: '2027-01-12', organiserParticipantId: 'p-esra', how: 'meeting', meetingId: 'm-1' }, at));
}

async function eventsIn(tenant: DemoTenant) {
  const state = await tenant.snapshot();
  const events = state.mailboxes[esra.id]!.events.filter((e) => e.transactionId === TX && !e.deleted);
  const requestsTo = (userId: string) =>
    state.mailboxes[userId]!.messages.filter((m) => m.kind === 'eventMessageRequest' && m.meeting?.iCalUId === events[0]?.iCalUId);
  const plan: Plan = planCodec.parse(state.planDrive.items.find((i) => i.id === DOC_014)!.content);
  return { events, requestsTo, plan };
}

describe('the evaluation’s invitation on the demo tenant', () => {
  it('plans the follow-up SO and sends one event with the hand-out to the people of the SO; none of the plan’s details', async () => {
    const w = world();
    const { services, engine, document } = await w.session();
    try {
      record(document);
      const outcome = await sendEvaluationInvitation(services, document, 'e-1');
      expect(outcome).toMatchObject({ kind: 'sent', created: true, meetingId: evaluationMeetingId('e-1') });

      const { events, requestsTo, plan } = await eventsIn(w.tenant);
      expect(events).toHaveLength(1);
      const event = events[0]!;
      expect(event.subject).toBe('Evaluatie Samenwerkoverleg SO-2026-014 – dinsdag 12 januari 2027');
      // The professionals and the network member with e-mail; not the resident, not the sender (she organises).
      expect(event.attendees.map((a) => a.emailAddress.address).sort()).toEqual([bram.mail, kofi.mail, wouter.mail, NADIA].sort());
      expect(event.start.dateTime.startsWith('2027-01-12T10:00:00')).toBe(true);
      expect(event.location.displayName).toBe('Bij de inwoner thuis (adres volgt na acceptatie)');
      for (const invitee of [bram, wouter, kofi]) {
        expect(requestsTo(invitee.id), invitee.displayName).toHaveLength(1);
        expect(requestsTo(invitee.id)[0]!.attachments.map((a) => a.name)).toEqual([HANDOUT.name]);
      }
      // The goal and the alias, nothing of the plan: no agreement, no "ik wil", no resident's name, no identifier.
      const leaving = `${event.subject}\n${event.body.content}\n${event.location.displayName}`;
      expect(leaving).toContain('Samen met de inwoner zoeken naar rust');
      for (const detail of ['huurachterstand', 'Ik wil in mijn eigen huis', 'Hier voel ik me thuis', 'Samira', 'Benali', 'Elke brief op de mat']) {
        expect(leaving, detail).not.toContain(detail);
      }
      expect(scanSensitive(leaving)).toEqual([]);

      const followUp = plan.meetings.find((m) => m.id === evaluationMeetingId('e-1'))!;
      expect(followUp).toMatchObject({ eventId: event.id, transactionId: TX, start: '2027-01-12T10:00:00+01:00', chairParticipantId: 'p-esra', status: 'planned' });
      expect(plan.evaluations.find((e) => e.id === 'e-1')).toMatchObject({ meetingId: 'm-1', how: 'meeting' });
      expect(plan.log.at(-1)).toMatchObject({ action: 'invitation.sent', targetId: followUp.id, byUserId: esra.id });
      // Sent once: asking again sends nothing.
      expect((await sendEvaluationInvitation(services, document, 'e-1')).kind).toBe('already-sent');
      expect((await eventsIn(w.tenant)).events).toHaveLength(1);
    } finally {
      engine.dispose();
    }
  });

  it('IDEMPOTENT: after a lost response, and after a reload mid-send, there is exactly one event and one invitation each', async () => {
    const w = world();
    const first = await w.session();
    record(first.document);
    // The create lands but its answer is lost, and the look-up afterwards fails too: the outcome is unclear.
    w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: /^\/me\/events$/ }, times: 1 });
    w.tenant.faults.inject({ kind: 'status', status: 503, match: { method: 'GET', path: '/me/calendarView' }, times: 20 });
    await expect(sendEvaluationInvitation(first.services, first.document, 'e-1')).rejects.toMatchObject({ code: 'send-ambiguous' });
    first.engine.dispose();
    w.tenant.faults.clear();
    expect((await eventsIn(w.tenant)).events).toHaveLength(1);

    // A reload: the stored plan holds the follow-up SO and its transactionId, not yet the event.
    const second = await w.session();
    try {
      const stored = second.document.plan.meetings.find((m) => m.id === evaluationMeetingId('e-1'))!;
      expect(stored).toMatchObject({ transactionId: TX });
      expect(stored.eventId).toBeUndefined();
      const outcome = await sendEvaluationInvitation(second.services, second.document, 'e-1');
      expect(outcome).toMatchObject({ kind: 'sent', created: false });

      const { events, requestsTo, plan } = await eventsIn(w.tenant);
      expect(events).toHaveLength(1);
      for (const invitee of [bram, wouter, kofi]) {
        expect(requestsTo(invitee.id), invitee.displayName).toHaveLength(1);
        expect(requestsTo(invitee.id)[0]!.attachments).toHaveLength(1);
      }
      expect(plan.meetings.filter((m) => m.id === evaluationMeetingId('e-1'))).toHaveLength(1);
      expect(plan.meetings.find((m) => m.id === evaluationMeetingId('e-1'))!.eventId).toBe(events[0]!.id);
    } finally {
      second.engine.dispose();
    }
  });

  it('a lost response alone is healed in the same attempt: one event', async () => {
    const w = world();
    const { services, engine, document } = await w.session();
    try {
      record(document);
      w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: /^\/me\/events$/ }, times: 1 });
      expect(await sendEvaluationInvitation(services, document, 'e-1')).toMatchObject({ kind: 'sent', created: false });
      expect((await eventsIn(w.tenant)).events).toHaveLength(1);
    } finally {
      engine.dispose();
    }
  });

  it('offline: nothing is planned or sent', async () => {
    const w = world();
    const { services, engine, document } = await w.session();
    try {
      record(document);
      const offline = { ...services, connectivity: { isOnline: () => false, onChange: () => () => undefined } };
      await expect(sendEvaluationInvitation(offline, document, 'e-1')).rejects.toMatchObject({ code: 'network-offline' });
      expect(document.plan.meetings.some((m) => m.id === evaluationMeetingId('e-1'))).toBe(false);
      expect((await eventsIn(w.tenant)).events).toHaveLength(0);
    } finally {
      engine.dispose();
    }
  });
});
