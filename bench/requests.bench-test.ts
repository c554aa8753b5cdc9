// Graph requests and round trips for recording N = 1, 20 and 50 agreements of the SO of SO-2026-014, every one
// owned by a professional in the tenant (so every one becomes a Planner task): the plan write, then the Planner
// mirror. Runs the app's own sync engine (src/app/planSync.ts) on the gateway, against the demo tenant in Node
// (msw/node), and counts what the tenant journalled from the moment the plan is open until everything is synced.
// Targets (issue 6): ⌈N/20⌉ $batch round trips for the tasks, plus the plan writes (one with the agreements, one
// with the task links). scripts/bench.mjs asserts them from bench-results/requests.json.
//
// And sending the SO invitation of SO-2026-014 the way the "SO voorbereiden" screen does (sendSoInvitation over the
// open plan document: commit = edit the draft and sync now): the invitation itself must take 2 round trips to Graph
// (the event with its attendees, then one $batch with the hand-out and the send) besides the plan's own bookkeeping
// (the transactionId stored before, the event id after). scripts/bench.mjs asserts it from bench-results/send.json.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { sendSoInvitation } from '../src/app/invitations';
import type { PlanAccess } from '../src/app/planAccess';
import { createPlanSync } from '../src/app/planSync';
import type { PlanSync } from '../src/app/planSync';
import type { Services } from '../src/app/ports';
import { demoTokenFor } from '../src/demo/demoTenant';
import type { JournalEntry } from '../src/demo/demoTenant';
import { graphHandlers } from '../src/demo/mswGraph';
import { DEMO_PLAN_DRIVE_ID } from '../src/demo/seed';
import { DEMO_AREA_GROUP_ID, DEMO_PLANNER_PLAN_ID } from '../src/demo/seedWorkplace';
import { createTestTenant, DEMO_NOW, people } from '../src/demo/testHarness';
import { addAgreement, migratePlan } from '../src/domain';
import type { NewAgreement, Plan } from '../src/domain';
import { createGraphGateway } from '../src/graph/createGraphGateway';
import { servicesFor } from '../src/ui/testing/servicesFor';
import { writeBenchPart } from './results';

const CASE = 'SO-2026-014';
const MEETING = 'm-1';
const SIZES = [1, 20, 50];
const ME = people.esra.id;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

/**
 * Records the agreements the way the runner does — each one an edit of the local-first plan document
 * (src/app/planSync.ts, with the app's own sync delay) — and waits until the plan and Planner are in sync.
 */
async function recordAndSync(services: Services, documentId: string, agreements: NewAgreement[], mark: () => void): Promise<Plan> {
  const engine = createPlanSync(services, documentId, { userId: ME });
  try {
    await untilSynced(engine);
    mark();
    const stamp = { at: services.clock.now().toISOString(), byUserId: ME };
    // A burst, as when a note taker types quickly or a device comes back online with the meeting's agreements.
    for (const agreement of agreements) engine.update((plan) => addAgreement(plan, agreement, stamp));
    await untilSynced(engine);
    return engine.getSnapshot().plan!;
  } finally {
    engine.dispose();
  }
}

/** Until nothing is pending: the plan written and the Planner mirror done (a failure stops the bench). */
async function untilSynced(engine: PlanSync): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    await engine.settled();
    const snapshot = engine.getSnapshot();
    if (snapshot.state === 'failed' || snapshot.planner.state === 'failed') throw new Error(`sync failed: ${String(snapshot.error ?? snapshot.planner.error)}`);
    if (snapshot.state === 'synced' && snapshot.planner.state === 'idle') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the plan did not get in sync: ${engine.getSnapshot().state}`);
}

/** "PUT /drives/{id}/items/{id}/content" and the like: the kind of request, without ids. */
function shape(entry: JournalEntry): string {
  const url = new URL(entry.url, 'https://graph.microsoft.com');
  const path = decodeURIComponent(url.pathname).replace(/^\/v1\.0/, '')
    .replace(/\/drives\/[^/]+/, '/drives/{drive}')
    .replace(/\/items\/[^/]+/, '/items/{item}')
    .replace(/\/(plans|buckets|tasks)\/[^/]+/g, '/$1/{id}');
  return `${entry.method} ${path}`;
}

interface RequestCount {
  n: number;
  pathUnderTest: string;
  roundTrips: number;
  requests: number;
  batches: number;
  batchedRequests: number;
  planWrites: number;
  byKind: Record<string, number>;
  target: { batches: number; planWrites: number };
  agreementsInPlan: number;
  linkedToPlanner: number;
  tasksInPlanner: number;
}

async function measure(n: number): Promise<RequestCount> {
  const { tenant } = createTestTenant({ now: DEMO_NOW });
  server.use(...graphHandlers(tenant));
  const gateway = createGraphGateway({ getToken: async () => demoTokenFor(ME), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined } });
  const services = servicesFor({ ...gateway, plannerPlanId: DEMO_PLANNER_PLAN_ID, clock: { now: () => DEMO_NOW } });

  const state = await tenant.snapshot();
  const documentId = state.planDrive.items.find((i) => i.name === `${CASE}.json`)!.id;
  const stored = migratePlan(JSON.parse(state.planDrive.items.find((i) => i.id === documentId)!.content) as unknown).plan!;
  // Owners: the plan's professionals who are in the area team's Planner group.
  const members = new Set(state.groups.find((g) => g.id === DEMO_AREA_GROUP_ID)!.memberIds);
  const owners = stored.participants.filter((p) => p.role === 'professional' && p.userId !== undefined && members.has(p.userId));
  expect(owners.length).toBeGreaterThan(1);
  const agreements = Array.from({ length: n }, (_, i): NewAgreement => ({
    id: `bench-${n}-${i + 1}`, who: owners[i % owners.length]!.id, what: `Afspraak ${i + 1} van het overleg`, due: '2027-01-12', meetingId: MEETING,
  }));

  let mark = 0;
  const plan = await recordAndSync(services, documentId, agreements, () => { mark = tenant.journal().length; });
  const entries = tenant.journal().slice(mark);

  const topLevel = entries.filter((e) => !e.batch);
  const byKind: Record<string, number> = {};
  for (const e of topLevel) byKind[shape(e)] = (byKind[shape(e)] ?? 0) + 1;
  const tasks = (await tenant.snapshot()).planner.tasks.filter((t) => t.planId === DEMO_PLANNER_PLAN_ID);
  expect(entries.filter((e) => e.status >= 400)).toEqual([]);
  return {
    n,
    pathUnderTest: 'src/app/planSync.ts (createPlanSync: update × N, then its sync loop and Planner mirror)',
    roundTrips: topLevel.length,
    requests: entries.filter((e) => !(e.method === 'POST' && shape(e) === 'POST /$batch')).length,
    batches: topLevel.filter((e) => shape(e) === 'POST /$batch').length,
    batchedRequests: entries.filter((e) => e.batch).length,
    planWrites: topLevel.filter((e) => e.method === 'PUT' && /\/content$/.test(new URL(e.url).pathname)).length,
    byKind,
    target: { batches: Math.ceil(n / 20), planWrites: 2 },
    agreementsInPlan: plan.agreements.filter((a) => a.id.startsWith(`bench-${n}-`)).length,
    linkedToPlanner: plan.agreements.filter((a) => a.id.startsWith(`bench-${n}-`) && a.planner !== undefined).length,
    tasksInPlanner: tasks.length,
  };
}

it('counts Graph requests and round trips for recording 1, 20 and 50 agreements', async () => {
  const counts: RequestCount[] = [];
  for (const n of SIZES) counts.push(await measure(n));
  writeBenchPart('requests', { case: CASE, sizes: SIZES, counts });
  // The journey itself must have worked for the counts to mean anything.
  for (const c of counts) {
    expect(c.agreementsInPlan, `N=${c.n}: agreements in the plan`).toBe(c.n);
    expect(c.linkedToPlanner, `N=${c.n}: agreements linked to a task`).toBe(c.n);
    expect(c.tasksInPlanner, `N=${c.n}: tasks in Planner`).toBe(c.n);
  }
});

// ---------------------------------------------------------------------------------------------------------
// Sending the invitation

/** The use case's access to the open plan, as the preparation screen builds it (usePlanEdits). */
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

/** The calendar's part of the send: the event and what follows it ($batch), not the plan's bookkeeping. */
const isInvitationRequest = (entry: JournalEntry) => /^POST \/(me\/events(\/|$)|\$batch$)/.test(shape(entry));

it('counts Graph round trips for sending the SO invitation', async () => {
  const { tenant } = createTestTenant({ now: DEMO_NOW });
  server.use(...graphHandlers(tenant));
  const gateway = createGraphGateway({ getToken: async () => demoTokenFor(ME), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined } });
  const handout = { load: async () => ({ name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', bytesBase64: Buffer.from('%PDF-1.7 de vijf principes').toString('base64') }) };
  const services = servicesFor({ ...gateway, plannerPlanId: DEMO_PLANNER_PLAN_ID, handout, clock: { now: () => DEMO_NOW } });
  const documentId = (await tenant.snapshot()).planDrive.items.find((i) => i.name === `${CASE}.json`)!.id;

  const engine = createPlanSync(services, documentId, { userId: ME });
  try {
    await untilSynced(engine);
    // Who I am is known once the screen is open (the header shows it).
    await services.directory.me();
    const mark = tenant.journal().length;
    const outcome = await sendSoInvitation(services, accessOver(engine), MEETING);
    await untilSynced(engine);
    if (outcome.kind !== 'sent') throw new Error(`the invitation was not sent: ${JSON.stringify(outcome)}`);

    const entries = tenant.journal().slice(mark);
    const topLevel = entries.filter((e) => !e.batch);
    expect(entries.filter((e) => e.status >= 400)).toEqual([]);
    const byKind: Record<string, number> = {};
    for (const e of topLevel) byKind[shape(e)] = (byKind[shape(e)] ?? 0) + 1;
    const state = await tenant.snapshot();
    const events = state.mailboxes[ME]!.events.filter((e) => e.transactionId !== undefined && e.transactionId.startsWith(`so-${CASE}-`));
    expect(events).toHaveLength(1);
    writeBenchPart('send', {
      case: CASE,
      pathUnderTest: 'src/app/invitations.ts (sendSoInvitation over the open plan document, src/app/planSync.ts)',
      roundTrips: topLevel.length,
      invitationRoundTrips: topLevel.filter(isInvitationRequest).length,
      batchedRequests: entries.filter((e) => e.batch).length,
      planWrites: topLevel.filter((e) => e.method === 'PUT' && /\/content$/.test(new URL(e.url).pathname)).length,
      byKind,
      target: { invitationRoundTrips: 2 },
      eventsCreated: events.length,
      invitationsDelivered: Object.values(state.mailboxes).reduce((n, m) => n + m.messages.filter((x) => x.kind === 'eventMessageRequest' && x.meeting?.iCalUId === events[0]!.iCalUId).length, 0),
    });
  } finally {
    engine.dispose();
  }
});
