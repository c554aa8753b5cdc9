// Rights from the drive in the sync engine: a plan the drive lets the user only read takes no edit (an explicit
// plan-read-only, nothing in the outbox, nothing written), and a write the drive refuses (403) is set aside
// once, never retried — not after a syncNow, not after a reload.
import { describe, expect, it } from 'vitest';
import { createDraftPlan } from '../domain';
import type { Plan } from '../domain';
import { createMemoryStore } from '../storage/memoryStore';
import { AppError } from './errors';
import { createPlanSync, outboxKey, refusedKey, rightsKey } from './planSync';
import type { OutboxRecord } from './planSync';
import type { PlanStorePort, TaskBoardPort } from './ports';

const NOW = '2026-12-01T09:00:00.000Z';
const READER = 'u-bram';
const DIRECTOR = 'u-esra';

const withName = (text: string) => (plan: Plan): Plan => ({ ...plan, resident: { ...plan.resident, name: text } });

function setup(options: { userId?: string; roles?: () => Promise<string[]>; writeFails?: AppError } = {}) {
  const userId = options.userId ?? READER;
  const plan = createDraftPlan({ caseAlias: 'SO-2026-041', municipality: 'Maasveld', caseDirectorUserId: DIRECTOR, now: NOW });
  let content = JSON.stringify(plan);
  let version = 1;
  const writes: string[] = [];
  const rolesAsked: string[] = [];
  const plans: PlanStorePort = {
    read: async () => ({ content, eTag: `"v${version}"` }),
    write: async (_id, next) => {
      writes.push(next);
      if (options.writeFails) throw options.writeFails;
      content = next;
      version += 1;
      return { eTag: `"v${version}"` };
    },
    share: async () => { throw new Error('unused'); },
    revoke: async () => { throw new Error('unused'); },
    rolesOf: async (_id, user) => {
      rolesAsked.push(user);
      return (options.roles ?? (async () => ['read']))();
    },
  };
  const local = createMemoryStore();
  const services = {
    plans,
    cases: { listCases: async () => [], createCase: async () => { throw new Error('unused'); }, updateSummary: async () => undefined },
    clock: { now: () => new Date(NOW) },
    local,
    connectivity: { isOnline: () => true, onChange: () => () => undefined },
    directory: { me: async () => ({ id: userId, displayName: 'Iemand' }), searchPeople: async () => [], searchUsers: async () => [] },
    tasks: new Proxy({}, { get: () => () => { throw new Error('no Planner'); } }) as TaskBoardPort,
  };
  const open = () => createPlanSync(services, 'doc-1', { syncDelayMs: 0, schedule: (run) => { queueMicrotask(run); return () => undefined; }, random: () => 0 });
  return { plan, writes, rolesAsked, local, open, userId };
}

describe('plan sync: rights from the drive', () => {
  it('a reader gets a read-only plan: an edit is refused with plan-read-only, never queued, never written', async () => {
    const s = setup();
    const engine = s.open();
    await engine.settled();
    expect(s.rolesAsked).toEqual([READER]);
    expect(engine.getSnapshot()).toMatchObject({ rights: 'read', state: 'synced' });
    expect(() => engine.update(withName('Samira'))).toThrow(expect.objectContaining({ code: 'plan-read-only' }));
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ rights: 'read', state: 'synced', unsyncedCount: 0, refused: { code: 'plan-read-only' } });
    expect(engine.getSnapshot().plan?.resident.name).toBe(s.plan.resident.name);
    const outbox = await s.local.get<OutboxRecord>(outboxKey(READER, 'doc-1'));
    expect(outbox?.local).toBeUndefined();
    expect(s.writes).toEqual([]);
    expect(await s.local.get(rightsKey(READER, 'doc-1'))).toBe('read');
  });

  it('someone the drive lets write edits and syncs', async () => {
    const s = setup({ userId: DIRECTOR, roles: async () => ['write'] });
    const engine = s.open();
    await engine.settled();
    expect(engine.getSnapshot().rights).toBe('edit');
    engine.update(withName('Samira'));
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ state: 'synced' });
    expect(s.writes).toHaveLength(1);
  });

  it('when the drive cannot be asked: the last answer on this device, else only the case director edits', async () => {
    const offline = async (): Promise<string[]> => { throw new AppError('network-offline'); };
    const reader = setup({ roles: offline });
    const first = reader.open();
    await first.settled();
    expect(first.getSnapshot().rights).toBe('read');
    first.dispose();

    const director = setup({ userId: DIRECTOR, roles: offline });
    const second = director.open();
    await second.settled();
    expect(second.getSnapshot().rights).toBe('edit');
    second.dispose();

    const known = setup({ roles: offline });
    await known.local.set(rightsKey(READER, 'doc-1'), 'edit');
    const third = known.open();
    await third.settled();
    expect(third.getSnapshot().rights).toBe('edit');
  });

  it('a write the drive refuses (403) is a clear plan-read-only, set aside once and never retried', async () => {
    const s = setup({ roles: async () => ['write'], writeFails: new AppError('graph-forbidden', { status: 403, serviceCode: 'accessDenied' }) });
    const engine = s.open();
    await engine.settled();
    engine.update(withName('Samira'));
    await engine.settled();
    const snapshot = engine.getSnapshot();
    expect(snapshot).toMatchObject({ rights: 'read', state: 'synced', unsyncedCount: 0, refused: { code: 'plan-read-only', status: 403 } });
    expect(snapshot.plan?.resident.name).toBe(s.plan.resident.name);
    expect(s.writes).toHaveLength(1);
    // Nothing left in the outbox to retry; what was typed is kept aside on the device.
    expect((await s.local.get<OutboxRecord>(outboxKey(READER, 'doc-1')))?.local).toBeUndefined();
    expect((await s.local.get<{ plan: Plan }>(refusedKey(READER, 'doc-1')))?.plan.resident.name).toBe('Samira');
    // A retry writes nothing.
    await expect(engine.syncNow()).resolves.toMatchObject({ caseAlias: 'SO-2026-041' });
    expect(s.writes).toHaveLength(1);
    expect(() => engine.update(withName('Samira B.'))).toThrow(expect.objectContaining({ code: 'plan-read-only' }));
  });

  it('a reload with edits in the outbox of a plan that became read-only sets them aside instead of writing them', async () => {
    const s = setup();
    const base = { plan: s.plan, eTag: '"v1"' };
    await s.local.set(outboxKey(READER, 'doc-1'), { version: 1, documentId: 'doc-1', userId: READER, base, local: withName('Samira')(s.plan), savedAt: NOW } satisfies OutboxRecord);
    await s.local.set(rightsKey(READER, 'doc-1'), 'read');
    const engine = s.open();
    await engine.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await engine.settled();
    expect(engine.getSnapshot()).toMatchObject({ rights: 'read', unsyncedCount: 0, refused: { code: 'plan-read-only' } });
    expect(s.writes).toEqual([]);
    expect((await s.local.get<{ plan: Plan }>(refusedKey(READER, 'doc-1')))?.plan.resident.name).toBe('Samira');
  });
});
