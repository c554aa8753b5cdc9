// Graph requests and round trips for recording N = 1, 20 and 50 agreements of the SO of SO-2026-014, every one
// owned by a professional in the tenant (so every one becomes a Planner task): the plan write, then the Planner
// mirror. Runs the app's own code on the gateway, against the demo tenant in Node (msw/node), and counts what the
// tenant journalled from the moment the plan is open until everything is synced.
// Targets (issue 6): ⌈N/20⌉ $batch round trips for the tasks, plus the plan writes (one with the agreements, one
// with the task links). scripts/bench.mjs asserts them from bench-results/requests.json.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openPlan, persistPlan } from '../src/app/planDocument';
import type { LoadedPlan } from '../src/app/planDocument';
import type { Services } from '../src/app/ports';
import { demoTokenFor } from '../src/demo/demoTenant';
import type { JournalEntry } from '../src/demo/demoTenant';
import { graphHandlers } from '../src/demo/mswGraph';
import { DEMO_PLAN_DRIVE_ID } from '../src/demo/seed';
import { DEMO_AREA_GROUP_ID, DEMO_PLANNER_PLAN_ID } from '../src/demo/seedWorkplace';
import { createTestTenant, DEMO_NOW, people } from '../src/demo/testHarness';
import { addAgreement, applyMirrorLinks, planMirror } from '../src/domain';
import type { Plan } from '../src/domain';
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
 * Records the agreements and syncs the plan and Planner the way the app does.
 *
 * TODO(planSync): this is the sequence src/app/planSync.ts (helper B) runs after each plan write — persistPlan, then
 * ensureBucket, listBucketTasks, planMirror, upsertTasks, applyMirrorLinks and a second write — built from the same
 * app, domain and gateway functions. When planSync lands, drive it instead: apply the N addAgreement edits to its
 * local draft, wait until its state is 'synced' with the Planner mirror idle, and keep the counting below as it is.
 */
async function recordAndSync(services: Services, loaded: LoadedPlan, agreements: Parameters<typeof addAgreement>[1][]): Promise<Plan> {
  const stamp = { at: services.clock.now().toISOString(), byUserId: ME };
  const mine = agreements.reduce((plan, agreement) => addAgreement(plan, agreement, stamp), loaded.plan);
  const stored = await persistPlan(services, loaded, mine);

  const planId = services.plannerPlanId!;
  const { bucketId } = await services.tasks.ensureBucket(planId, stored.plan.caseAlias);
  const board = await services.tasks.listBucketTasks(bucketId);
  const mirror = planMirror(stored.plan, board.map((t) => ({ ...t, dueDateTime: t.dueDateTime })), { planId, userId: ME, now: services.clock.now().toISOString() });
  const results = await services.tasks.upsertTasks(mirror.upserts.map((u) => ({
    key: u.agreementId, planId, bucketId, title: u.title, dueDateTime: u.dueDateTime, assigneeUserIds: u.assigneeUserIds,
    unassignUserIds: u.unassignUserIds, percentComplete: u.percentComplete, ...(u.taskId ? { taskId: u.taskId, etag: u.etag } : {}),
  })));
  const links = results.flatMap((r) => (r.ok ? [{ agreementId: r.key, planId, taskId: r.taskId, etag: r.etag }] : []));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} Planner upserts failed`);
  const linked = applyMirrorLinks(stored.plan, links);
  return (await persistPlan(services, stored, linked)).plan;
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
  const loaded = await openPlan(services, documentId);
  // Owners: the plan's professionals who are in the area team's Planner group.
  const members = new Set(state.groups.find((g) => g.id === DEMO_AREA_GROUP_ID)!.memberIds);
  const owners = loaded.plan.participants.filter((p) => p.role === 'professional' && p.userId !== undefined && members.has(p.userId));
  expect(owners.length).toBeGreaterThan(1);
  const agreements = Array.from({ length: n }, (_, i) => ({
    id: `bench-${n}-${i + 1}`, who: owners[i % owners.length]!.id, what: `Afspraak ${i + 1} van het overleg`, due: '2027-01-12', meetingId: MEETING,
  }));

  const mark = tenant.journal().length;
  const plan = await recordAndSync(services, loaded, agreements);
  const entries = tenant.journal().slice(mark);

  const topLevel = entries.filter((e) => !e.batch);
  const byKind: Record<string, number> = {};
  for (const e of topLevel) byKind[shape(e)] = (byKind[shape(e)] ?? 0) + 1;
  const tasks = (await tenant.snapshot()).planner.tasks.filter((t) => t.planId === DEMO_PLANNER_PLAN_ID);
  expect(entries.filter((e) => e.status >= 400)).toEqual([]);
  return {
    n,
    pathUnderTest: 'interim: persistPlan + Planner mirror (planSync not landed yet)',
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
