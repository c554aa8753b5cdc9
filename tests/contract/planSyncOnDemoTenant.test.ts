// The local-first plan sync against the demo tenant (msw/node): the gateway the browser uses, the tenant's
// contract checks (any violation fails the test), its journal (to count requests) and its faults.
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlanSync, outboxKey } from '../../src/app/planSync';
import type { OutboxRecord, PlanSync } from '../../src/app/planSync';
import type { Services } from '../../src/app/ports';
import { planCodec, savePlan } from '../../src/app/savePlan';
import { createDemoTenant, demoTokenFor } from '../../src/demo/demoTenant';
import type { JournalEntry } from '../../src/demo/demoTenant';
import { graphHandlers } from '../../src/demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../../src/demo/seed';
import { DEMO_PLANNER_PLAN_ID } from '../../src/demo/seedWorkplace';
import { addAgreement } from '../../src/domain';
import type { Plan } from '../../src/domain';
import { createGraphGateway } from '../../src/graph/createGraphGateway';
import { openKvStore } from '../../src/storage/kvStore';
import { createMemoryStore } from '../../src/storage/memoryStore';

const seed = createSeed();
const byName = (given: string) => seed.users.find((u) => u.givenName === given)!;
const esra = byName('Esra');
const priya = byName('Priya');
const DOC_014 = seed.planDrive.items.find((i) => i.name === 'SO-2026-014.json')!.id;
/** The professionals of SO-2026-014 (all in the area's Planner group), as plan participant ids. */
const OWNERS = ['p-esra', 'p-bram', 'p-wouter', 'p-kofi'];

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

let counter = 0;

/** Timers the test runs by hand: immediate ones (the sync delay of 0) run at once, backoffs wait. */
function manualTimers() {
  const waiting: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    schedule(run: () => void, ms: number) {
      if (ms <= 0) {
        let cancelled = false;
        queueMicrotask(() => { if (!cancelled) run(); });
        return () => { cancelled = true; };
      }
      const timer = { run, ms, cancelled: false };
      waiting.push(timer);
      return () => { timer.cancelled = true; };
    },
    /** The delays scheduled and still pending. */
    pending: () => waiting.filter((t) => !t.cancelled).map((t) => t.ms),
    runPending() {
      const due = waiting.splice(0).filter((t) => !t.cancelled);
      due.forEach((t) => t.run());
      return due.length;
    },
  };
}

function switchable(online = true) {
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    onChange(listener: (online: boolean) => void) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    set(next: boolean) {
      online = next;
      listeners.forEach((l) => l(next));
    },
  };
}

function world() {
  // Every reading of the clock is a second later: edits on two devices get distinct, ordered times.
  let ms = Date.parse('2026-12-01T10:00:00+01:00');
  const clock = { now: () => new Date((ms += 1000)) };
  const tenant = createDemoTenant({ kv: openKvStore(`plan-sync-${(counter += 1)}`, new IDBFactory()), now: () => new Date(ms) });
  server.use(...graphHandlers(tenant));
  const device = (userId: string, local = createMemoryStore()) => {
    const connectivity = switchable();
    const timers = manualTimers();
    const gateway = createGraphGateway({ getToken: async () => demoTokenFor(userId), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined }, isOnline: connectivity.isOnline });
    const services = { ...gateway, local, connectivity, clock, plannerPlanId: DEMO_PLANNER_PLAN_ID } satisfies Partial<Services>;
    const open = (documentId = DOC_014) => createPlanSync(services, documentId, { syncDelayMs: 0, schedule: timers.schedule, random: () => 0.5 });
    return { userId, local, connectivity, timers, services, open };
  };
  const stored = async (documentId = DOC_014): Promise<Plan> => {
    const state = await tenant.snapshot();
    return planCodec.parse(state.planDrive.items.find((i) => i.id === documentId)!.content);
  };
  const plannerTasks = async () => (await tenant.snapshot()).planner.tasks;
  return { tenant, clock, device, stored, plannerTasks };
}

type World = ReturnType<typeof world>;

function record(engine: PlanSync, w: World, userId: string, id: string, who = 'p-bram', what = `Afspraak ${id}`) {
  engine.update((plan) => addAgreement(plan, { id, who, what, due: '2026-12-15', meetingId: 'm-1' }, { at: w.clock.now().toISOString(), byUserId: userId }));
}

/** Top-level requests (batch sub-requests excluded), as "METHOD /path". */
function requests(entries: JournalEntry[]): string[] {
  return entries.filter((e) => !e.batch).map((e) => `${e.method} ${new URL(e.url, 'https://graph.microsoft.com').pathname.replace('/v1.0', '')}`);
}

const shape = (line: string) => line
  .replace(/\/drives\/[^/]+\/items\/[^/]+\/listItem\/fields$/, '/drives/{d}/items/{id}/listItem/fields')
  .replace(/\/drives\/[^/]+\/items\/[^/]+\/content$/, '/drives/{d}/items/{id}/content')
  .replace(/\/drives\/[^/]+\/items\/[^/]+$/, '/drives/{d}/items/{id}')
  .replace(/\/planner\/plans\/[^/]+\/buckets$/, '/planner/plans/{p}/buckets')
  .replace(/\/planner\/buckets\/[^/]+\/tasks$/, '/planner/buckets/{b}/tasks');

describe('plan sync on the demo tenant', () => {
  it.each([1, 20, 50])('recording %i agreements costs the plan writes, one index update, the bucket, one task list and ⌈N/20⌉ batches', async (n) => {
    const w = world();
    const chair = w.device(esra.id);
    const engine = chair.open();
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', userId: esra.id });
    const before = w.tenant.journal().length;

    for (let i = 0; i < n; i += 1) record(engine, w, esra.id, `a-${i}`, OWNERS[i % OWNERS.length]);
    expect(engine.getSnapshot().unsyncedAgreementIds.size).toBe(n);
    await engine.settled();

    const sent = requests(w.tenant.journal().slice(before)).map(shape);
    const batches = Math.ceil(n / 20);
    // The measured figure, for the report and the bench to compare with.
    console.info(`recording ${n} agreement(s): ${sent.length} requests: ${sent.join(', ')}`);
    expect(sent).toEqual([
      'PUT /drives/{d}/items/{id}/content', // the plan with the N agreements
      'PATCH /drives/{d}/items/{id}/listItem/fields', // the case list's columns (open agreements changed)
      'GET /planner/plans/{p}/buckets', // the case's bucket …
      'POST /planner/buckets', // … created the first time
      'GET /planner/buckets/{b}/tasks', // what Planner holds for the case
      ...Array.from({ length: batches }, () => 'POST /$batch'),
      'PUT /drives/{d}/items/{id}/content', // the task links (the index columns did not change)
    ]);

    const snapshot = engine.getSnapshot();
    expect(snapshot).toMatchObject({ state: 'synced', unsyncedCount: 0, planner: { state: 'idle' } });
    const plan = await w.stored();
    expect(plan.agreements).toHaveLength(n);
    expect(plan.agreements.every((a) => a.planner?.taskId !== undefined && a.planner.syncedUpdatedAt === a.updatedAt)).toBe(true);
    const tasks = await w.plannerTasks();
    expect(tasks).toHaveLength(n);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(n);
    expect(new Set(plan.agreements.map((a) => a.planner!.taskId))).toEqual(new Set(tasks.map((t) => t.id)));
    expect(w.tenant.contractViolations()).toEqual([]);
    engine.dispose();
  });

  it('offline: edits stay on the device (outbox), nothing is sent; back online they are written', async () => {
    const w = world();
    const chair = w.device(esra.id);
    const engine = chair.open();
    await engine.settled();
    chair.connectivity.set(false);
    const before = w.tenant.journal().length;
    record(engine, w, esra.id, 'a-1');
    record(engine, w, esra.id, 'a-2', 'p-resident');
    await engine.settled();

    expect(engine.getSnapshot()).toMatchObject({ state: 'offline', unsyncedCount: 2, savingLocally: false });
    expect([...engine.getSnapshot().unsyncedAgreementIds].sort()).toEqual(['a-1', 'a-2']);
    const outbox = await chair.local.get<OutboxRecord>(outboxKey(esra.id, DOC_014));
    expect(outbox?.local?.agreements.map((a) => a.id)).toEqual(['a-1', 'a-2']);
    await expect(engine.syncNow()).rejects.toMatchObject({ code: 'network-offline' });
    expect(w.tenant.journal().length).toBe(before);

    chair.connectivity.set(true);
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', unsyncedCount: 0 });
    expect((await w.stored()).agreements.map((a) => a.id)).toEqual(['a-1', 'a-2']);
    const rebased = await chair.local.get<OutboxRecord>(outboxKey(esra.id, DOC_014));
    expect(rebased?.local).toBeUndefined();
    expect(rebased?.base.plan.agreements.map((a) => a.id)).toEqual(['a-1', 'a-2']);
    engine.dispose();
  });

  it('a reload opens from the outbox while Graph is unreachable, and syncs when it answers again', async () => {
    const w = world();
    const local = createMemoryStore();
    const first = w.device(esra.id, local);
    const before = first.open();
    await before.settled();
    first.connectivity.set(false);
    record(before, w, esra.id, 'a-1');
    await before.settled();
    before.dispose(); // the page is reloaded

    // The network is there but Graph does not answer (the tenant drops every request).
    const second = w.device(esra.id, local);
    w.tenant.faults.inject({ kind: 'offline' });
    const engine = second.open();
    await engine.settled();
    expect(engine.getSnapshot().plan?.agreements.map((a) => a.id)).toEqual(['a-1']);
    expect(engine.getSnapshot()).toMatchObject({ state: 'waiting', error: { code: 'network-offline' }, unsyncedCount: 1, userId: esra.id });
    expect(second.timers.pending()).toEqual([750]); // first backoff: half of 1 s fixed, half jittered (random 0.5)

    w.tenant.faults.clear();
    second.timers.runPending();
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', unsyncedCount: 0 });
    expect((await w.stored()).agreements.map((a) => a.id)).toEqual(['a-1']);
    engine.dispose();
  });

  it('merges with a concurrent writer on 412: both agreements are stored, nothing is lost', async () => {
    const w = world();
    const chair = w.device(esra.id);
    const engine = chair.open();
    await engine.settled();

    // The note taker's tab writes straight to the document meanwhile.
    const other = w.device(priya.id);
    const read = await other.services.plans.read(DOC_014);
    const theirs = planCodec.parse(read.content);
    await savePlan(other.services.plans, DOC_014, { plan: theirs, eTag: read.eTag }, addAgreement(theirs, { id: 'b-1', who: 'p-kofi', what: 'Kofi regelt vervoer', due: '2026-12-10' }, { at: w.clock.now().toISOString(), byUserId: priya.id }));

    record(engine, w, esra.id, 'a-1', 'p-resident');
    await engine.settled();
    const stored = await w.stored();
    expect(stored.agreements.map((a) => a.id).sort()).toEqual(['a-1', 'b-1']);
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', merged: true });
    expect(engine.getSnapshot().plan?.agreements.map((a) => a.id).sort()).toEqual(['a-1', 'b-1']);
    expect(w.tenant.journal().some((e) => e.status === 412)).toBe(true);
    engine.dispose();
  });

  it('two devices recording at once end with the union, once each, and one Planner task per agreement', async () => {
    const w = world();
    const chair = w.device(esra.id);
    const noteTaker = w.device(priya.id);
    const a = chair.open();
    const b = noteTaker.open();
    await Promise.all([a.settled(), b.settled()]);

    for (let i = 0; i < 4; i += 1) {
      record(a, w, esra.id, `chair-${i}`, OWNERS[i]);
      if (i < 2) record(b, w, priya.id, `notes-${i}`, OWNERS[3 - i]);
    }
    await Promise.all([a.settled(), b.settled()]);
    a.refresh();
    b.refresh();
    await Promise.all([a.settled(), b.settled()]);

    const ids = ['chair-0', 'chair-1', 'chair-2', 'chair-3', 'notes-0', 'notes-1'];
    const stored = await w.stored();
    expect(stored.agreements.map((x) => x.id).sort()).toEqual(ids);
    expect(a.getSnapshot().plan!.agreements.map((x) => x.id).sort()).toEqual(ids);
    expect(b.getSnapshot().plan!.agreements.map((x) => x.id).sort()).toEqual(ids);
    expect(a.getSnapshot().state).toBe('synced');
    expect(b.getSnapshot().state).toBe('synced');
    const tasks = await w.plannerTasks();
    expect(tasks.map((t) => t.title).sort()).toEqual(ids.map((id) => `SO-2026-014 – Afspraak ${id}`).sort());
    expect(stored.agreements.every((x) => tasks.some((t) => t.id === x.planner?.taskId))).toBe(true);
    a.dispose();
    b.dispose();
  });

  it('a lost $batch answer creates no duplicate tasks: the retry adopts what Planner already has', async () => {
    const w = world();
    const chair = w.device(esra.id);
    const engine = chair.open();
    await engine.settled();
    w.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: '/$batch' }, times: 1 });
    for (let i = 0; i < 3; i += 1) record(engine, w, esra.id, `a-${i}`, OWNERS[i]);
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', planner: { state: 'failed', error: { code: 'network-offline' } } });
    expect(await w.plannerTasks()).toHaveLength(3);
    expect((await w.stored()).agreements.some((a) => a.planner)).toBe(false);

    expect(chair.timers.runPending()).toBe(1); // the Planner retry
    await engine.settled();
    expect(engine.getSnapshot().planner).toEqual({ state: 'idle' });
    const tasks = await w.plannerTasks();
    expect(tasks).toHaveLength(3);
    const stored = await w.stored();
    expect(stored.agreements.map((a) => a.planner?.taskId).sort()).toEqual(tasks.map((t) => t.id).sort());
    engine.dispose();
  });

  it('takes over a task completed in Planner when the plan is opened', async () => {
    const w = world();
    const chair = w.device(esra.id);
    const first = chair.open();
    await first.settled();
    record(first, w, esra.id, 'a-1', 'p-bram');
    await first.settled();
    first.dispose();
    const taskId = (await w.stored()).agreements[0]!.planner!.taskId;

    // Bram completes it in Planner ("my agreements").
    const bram = w.device(byName('Bram').id);
    const task = (await bram.services.tasks.listMyTasks()).find((t) => t.taskId === taskId)!;
    await bram.services.tasks.completeTask(task.taskId, task.etag);

    const again = chair.open();
    await again.settled();
    const stored = await w.stored();
    expect(stored.agreements[0]).toMatchObject({ status: 'done' });
    expect(stored.agreements[0]!.planner!.syncedUpdatedAt).toBe(stored.agreements[0]!.updatedAt);
    expect(again.getSnapshot()).toMatchObject({ state: 'synced', planner: { state: 'idle' } });
    again.dispose();
  });
});
