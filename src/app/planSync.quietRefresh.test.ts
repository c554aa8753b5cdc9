// The live run's background poll (issue 13): a quiet refresh takes over what another device wrote without
// the sync state passing through 'local', so a status line read every two seconds does not flicker.
import { describe, expect, it, vi } from 'vitest';
import { createDraftPlan } from '../domain';
import type { Plan } from '../domain';
import { createMemoryStore } from '../storage/memoryStore';
import { AppError } from './errors';
import { createPlanSync } from './planSync';
import type { PlanStorePort, Services } from './ports';

const NOW = '2026-12-01T09:00:00.000Z';
const USER = 'u-chair';

function sharedDocument(initial: Plan) {
  let content = JSON.stringify(initial);
  let version = 1;
  const port: Pick<PlanStorePort, 'read' | 'write'> = {
    read: async () => ({ content, eTag: `"v${version}"` }),
    write: async (_id, next, eTag) => {
      if (eTag !== `"v${version}"`) throw new AppError('graph-precondition-failed', { status: 412 });
      content = next;
      version += 1;
      return { eTag: `"v${version}"` };
    },
  };
  return port;
}

function device(plans: Pick<PlanStorePort, 'read' | 'write'>) {
  const services = {
    plans: plans as PlanStorePort,
    cases: { listCases: async () => [], createCase: async () => { throw new Error('unused'); }, updateSummary: vi.fn(async () => undefined) },
    clock: { now: () => new Date(NOW) },
    local: createMemoryStore(),
    connectivity: { isOnline: () => true, onChange: () => () => undefined },
    directory: { me: async () => ({ id: USER, displayName: 'Voorzitter' }), searchPeople: async () => [], searchUsers: async () => [] },
    tasks: {} as Services['tasks'],
  } as unknown as Pick<Services, 'plans' | 'cases' | 'clock' | 'local' | 'connectivity' | 'directory' | 'tasks' | 'plannerPlanId'>;
  return createPlanSync(services, 'doc-1', { syncDelayMs: 0, random: () => 0 });
}

describe('plan sync: the quiet refresh', () => {
  it('takes over another device\'s write, and the state never leaves "synced" for it', async () => {
    const plans = sharedDocument(createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: USER, now: NOW }));
    const chair = device(plans);
    const stage = device(plans);
    await Promise.all([chair.settled(), stage.settled()]);
    chair.update((plan) => ({ ...plan, resident: { ...plan.resident, name: 'Samira' } }));
    await chair.syncNow();

    const seen: string[] = [];
    stage.subscribe(() => seen.push(stage.getSnapshot().state));
    stage.refresh({ quiet: true });
    await vi.waitFor(() => expect(stage.getSnapshot().plan?.resident.name).toBe('Samira'));
    await stage.settled();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['synced']));

    // A refresh that is not quiet (opening, "check the whole plan") still says it is catching up.
    seen.length = 0;
    stage.refresh();
    expect(stage.getSnapshot().state).toBe('local');
    await stage.settled();
    expect(stage.getSnapshot().state).toBe('synced');
    chair.dispose();
    stage.dispose();
  });

  it('asks the store only whether the plan changed when it can: an unchanged plan is not read in full', async () => {
    const plans = sharedDocument(createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: USER, now: NOW }));
    const read = vi.fn(plans.read);
    const readIfChanged = vi.fn(async (id: string, eTag: string) => {
      const stored = await plans.read(id);
      return stored.eTag === eTag ? undefined : stored;
    });
    const chair = device(plans);
    const stage = device({ ...plans, read, readIfChanged } as Pick<PlanStorePort, 'read' | 'write'>);
    await Promise.all([chair.settled(), stage.settled()]);
    read.mockClear();
    const before = stage.getSnapshot();
    stage.refresh({ quiet: true });
    await stage.settled();
    expect(readIfChanged).toHaveBeenCalledTimes(1);
    expect(read).not.toHaveBeenCalled();
    // Nothing changed: the same snapshot, so a screen polling every 2 s does not re-render for it.
    expect(stage.getSnapshot()).toBe(before);
    chair.update((plan) => ({ ...plan, resident: { ...plan.resident, name: 'Samira' } }));
    await chair.syncNow();
    stage.refresh({ quiet: true });
    await vi.waitFor(() => expect(stage.getSnapshot().plan?.resident.name).toBe('Samira'));
    chair.dispose();
    stage.dispose();
  });
});
