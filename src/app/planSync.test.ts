import { describe, expect, it, vi } from 'vitest';
import { addAgreement, createDraftPlan } from '../domain';
import type { Plan } from '../domain';
import { createMemoryStore } from '../storage/memoryStore';
import { AppError } from './errors';
import { backoffMs, createPlanSync, isRetryable, outboxKey } from './planSync';
import type { BoardTask, PlanStorePort, TaskBoardPort } from './ports';

const NOW = '2026-12-01T09:00:00.000Z';
const USER = 'u-chair';

/** A document with eTags (412 on a stale If-Match); `failNext` makes the next writes fail with the given errors. */
function documentStore(initial: Plan) {
  let content = JSON.stringify(initial);
  let version = 1;
  const failures: AppError[] = [];
  const writes: Plan[] = [];
  let gate: Promise<void> | undefined;
  const port: Pick<PlanStorePort, 'read' | 'write'> = {
    read: async () => ({ content, eTag: `"v${version}"` }),
    write: async (_id, next, eTag) => {
      if (gate) await gate;
      const failure = failures.shift();
      if (failure) throw failure;
      if (eTag !== `"v${version}"`) throw new AppError('graph-precondition-failed', { status: 412 });
      content = next;
      version += 1;
      writes.push(JSON.parse(next) as Plan);
      return { eTag: `"v${version}"` };
    },
  };
  return {
    port,
    writes,
    stored: () => JSON.parse(content) as Plan,
    failNext: (...errors: AppError[]) => failures.push(...errors),
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => { release = resolve; });
      return () => { gate = undefined; release(); };
    },
  };
}

function timers() {
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
    pending: () => waiting.filter((t) => !t.cancelled).map((t) => t.ms),
    runPending: () => waiting.splice(0).filter((t) => !t.cancelled).forEach((t) => t.run()),
  };
}

function connectivity(online = true) {
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    onChange: (l: (online: boolean) => void) => { listeners.add(l); return () => { listeners.delete(l); }; },
    set(next: boolean) { online = next; listeners.forEach((l) => l(next)); },
  };
}

const unusedTasks = new Proxy({}, { get: () => () => { throw new Error('no Planner in this test'); } }) as TaskBoardPort;

function setup(options: { plan?: Plan; tasks?: TaskBoardPort; plannerPlanId?: string } = {}) {
  const plan = options.plan ?? createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: USER, now: NOW });
  const doc = documentStore(plan);
  const local = createMemoryStore();
  const net = connectivity();
  const clock = timers();
  const updateSummary = vi.fn(async () => undefined);
  const services = {
    plans: doc.port as PlanStorePort,
    cases: { listCases: async () => [], createCase: async () => { throw new Error('unused'); }, updateSummary },
    clock: { now: () => new Date(NOW) },
    local,
    connectivity: net,
    directory: { me: async () => ({ id: USER, displayName: 'Voorzitter' }), searchPeople: async () => [], searchUsers: async () => [] },
    tasks: options.tasks ?? unusedTasks,
    plannerPlanId: options.plannerPlanId,
  };
  const open = () => createPlanSync(services, 'doc-1', { syncDelayMs: 0, schedule: clock.schedule, random: () => 0 });
  return { doc, local, net, clock, services, updateSummary, open };
}

const PRO: Plan['participants'][number] = { id: 'p-pro', name: 'Bram', role: 'professional', reasons: [], userId: 'u-bram', updatedAt: NOW };

const withName = (text: string) => (plan: Plan): Plan => ({ ...plan, resident: { ...plan.resident, name: text } });

describe('backoff', () => {
  it('waits what the service asked (plus < 250 ms jitter), else grows exponentially with equal jitter up to the ceiling', () => {
    expect(backoffMs(1, () => 0, 5000)).toBe(5000);
    expect(backoffMs(1, () => 0.99, 5000)).toBe(5247);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(20, () => 1, undefined, 60_000)).toBe(60_000);
  });

  it('retries what may pass, not what will not', () => {
    expect(isRetryable(new AppError('network-offline'))).toBe(true);
    expect(isRetryable(new AppError('graph-throttled'))).toBe(true);
    expect(isRetryable(new AppError('graph-failed', { status: 502 }))).toBe(true);
    expect(isRetryable(new AppError('graph-failed', { status: 400 }))).toBe(false);
    for (const code of ['graph-forbidden', 'graph-unauthorized', 'plan-invalid', 'graph-not-found'] as const) expect(isRetryable(new AppError(code))).toBe(false);
  });
});

describe('plan sync', () => {
  it('an edit is in the draft at once and in the outbox before the sync writes it', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', userId: USER, written: false });
    s.net.set(false);
    engine.update(withName('Samira'));
    expect(engine.getSnapshot()).toMatchObject({ savingLocally: true, unsyncedCount: 1 });
    expect(engine.getSnapshot().plan?.resident.name).toBe('Samira');
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ savingLocally: false, state: 'offline' });
    const outbox = await s.local.get<{ local?: Plan }>(outboxKey(USER, 'doc-1'));
    expect(outbox?.local?.resident.name).toBe('Samira');
    expect(s.doc.writes).toHaveLength(0);
    s.net.set(true);
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', written: true, unsyncedCount: 0 });
    expect(s.doc.stored().resident.name).toBe('Samira');
    expect(s.updateSummary).not.toHaveBeenCalled(); // the case list's columns did not change
  });

  it('a change made and undone before the sync writes nothing', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    const original = engine.getSnapshot().plan!.resident.name;
    engine.update(withName('Samira'));
    engine.update(withName(original));
    await engine.settled();
    expect(s.doc.writes).toHaveLength(0);
    expect(engine.getSnapshot().state).toBe('synced');
  });

  it('waits as long as Retry-After says, then writes', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    s.doc.failNext(new AppError('graph-throttled', { status: 429, retryAfterMs: 7000 }));
    engine.update(withName('Samira'));
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'waiting', error: { code: 'graph-throttled' }, retryAt: Date.parse(NOW) + 7000 });
    expect(s.clock.pending()).toEqual([7000]);
    s.clock.runPending();
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', unsyncedCount: 0 });
    expect(s.doc.stored().resident.name).toBe('Samira');
  });

  it('stops on a failure waiting cannot cure, keeps the edit, and retries on syncNow', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    // (A 403 is not such a failure any more: the drive refuses this user's writes, see planSync.rights.test.ts.)
    s.doc.failNext(new AppError('graph-unauthorized', { status: 401 }));
    engine.update(withName('Samira'));
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'failed', error: { code: 'graph-unauthorized' }, unsyncedCount: 1 });
    expect(s.clock.pending()).toEqual([]);
    engine.update(withName('Samira B.'));
    await engine.settled();
    expect(engine.getSnapshot().state).toBe('failed');
    const stored = await engine.syncNow();
    expect(stored.resident.name).toBe('Samira B.');
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced' });
  });

  it('keeps edits made while a write is under way, and writes them next', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    const release = s.doc.hold();
    engine.update((plan) => ({ ...plan, can: { ...plan.can, own: ['Koken'] } }));
    await vi.waitFor(() => expect(engine.getSnapshot().state).toBe('syncing'));
    engine.update((plan) => ({ ...plan, needs: { ...plan.needs, shortTerm: ['Hulp bij post'] } }));
    release();
    await engine.settled();
    expect(engine.getSnapshot().plan).toMatchObject({ can: { own: ['Koken'] }, needs: { shortTerm: ['Hulp bij post'] } });
    expect(s.doc.stored()).toMatchObject({ can: { own: ['Koken'] }, needs: { shortTerm: ['Hulp bij post'] } });
    expect(s.doc.writes).toHaveLength(2);
  });

  it('syncNow resolves with the stored plan, and rejects offline', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    engine.update(withName('Samira'));
    await expect(engine.syncNow()).resolves.toMatchObject({ resident: { name: 'Samira' } });
    s.net.set(false);
    await expect(engine.syncNow()).rejects.toMatchObject({ code: 'network-offline' });
  });

  it('shows the load error when there is no outbox and the store cannot be read, and opens once back online', async () => {
    const s = setup();
    const read = s.doc.port.read;
    s.doc.port.read = async () => { throw new AppError('network-offline'); };
    const engine = s.open();
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'loading', loadError: { code: 'network-offline' } });
    expect(engine.getSnapshot().plan).toBeUndefined();
    s.doc.port.read = read;
    s.net.set(true);
    await vi.waitFor(() => expect(engine.getSnapshot().state).toBe('synced'));
  });

  it('keeps an outbox this version cannot read aside, and opens from the store', async () => {
    const s = setup();
    await s.local.set(outboxKey(USER, 'doc-1'), { version: 1, documentId: 'doc-1', userId: USER, base: { plan: { nonsense: true }, eTag: '"v0"' }, savedAt: NOW });
    const engine = s.open();
    await engine.settled();
    expect(engine.getSnapshot().state).toBe('synced');
    expect(await s.local.get(`outbox-unreadable:${USER}:doc-1`)).toMatchObject({ base: { plan: { nonsense: true } } });
  });

  it('a Planner failure never blocks the plan: it is stored, the mirror is retried later', async () => {
    const plan = createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: USER, now: NOW });
    const withPro: Plan = { ...plan, participants: [PRO] };
    let bucketCalls = 0;
    const tasks: TaskBoardPort = {
      ensureBucket: async () => {
        bucketCalls += 1;
        if (bucketCalls === 1) throw new AppError('graph-unavailable', { status: 503 });
        return { bucketId: 'b-1' };
      },
      listBucketTasks: async () => [],
      listMyTasks: async () => [],
      upsertTasks: async (items) => items.map((i) => ({ key: i.key, ok: true as const, taskId: `t-${i.key}`, etag: 'e1', created: true })),
      completeTask: async () => ({ etag: 'e2' }),
    };
    const s = setup({ plan: withPro, tasks, plannerPlanId: 'plan-1' });
    const engine = s.open();
    await engine.settled();
    engine.update((p) => addAgreement(p, { id: 'a-1', who: 'p-pro', what: 'Belt de huisarts', due: '2026-12-15' }, { at: NOW, byUserId: USER }));
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', planner: { state: 'failed', error: { code: 'graph-unavailable' } } });
    expect(s.doc.stored().agreements.map((a) => a.id)).toEqual(['a-1']);
    expect(s.clock.pending()).toHaveLength(1);
    s.clock.runPending();
    await engine.settled();
    expect(engine.getSnapshot().planner).toEqual({ state: 'idle' });
    expect(s.doc.stored().agreements[0]!.planner).toMatchObject({ planId: 'plan-1', taskId: 't-a-1', etag: 'e1' });
  });

  it('a reader without write access: what Planner completed is not forced into the plan, and no failure shows', async () => {
    const plan = createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: 'u-other', now: NOW });
    const linked = addAgreement({ ...plan, participants: [PRO] },
      { id: 'a-1', who: 'p-pro', what: 'Belt de huisarts', due: '2026-12-15' }, { at: NOW, byUserId: 'u-other' });
    const agreement = linked.agreements[0]!;
    const stored: Plan = { ...linked, agreements: [{ ...agreement, planner: { planId: 'plan-1', taskId: 't-1', etag: 'e1', syncedUpdatedAt: agreement.updatedAt } }] };
    const done: BoardTask = { taskId: 't-1', etag: 'e2', title: 'SO-2026-040 – Belt de huisarts', percentComplete: 100, assigneeUserIds: ['u-bram'], planId: 'plan-1', bucketId: 'b-1' };
    const tasks = { ensureBucket: async () => ({ bucketId: 'b-1' }), listBucketTasks: async () => [done] } as unknown as TaskBoardPort;
    const s = setup({ plan: stored, tasks, plannerPlanId: 'plan-1' });
    s.doc.failNext(new AppError('graph-forbidden', { status: 403 }));
    const engine = s.open();
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced', unsyncedCount: 0 });
    expect(engine.getSnapshot().error).toBeUndefined();
    expect(engine.getSnapshot().plan?.agreements[0]?.status).toBe('open');
  });
});
