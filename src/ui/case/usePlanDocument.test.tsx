// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/errors';
import { outboxKey } from '../../app/planSync';
import type { Services } from '../../app/ports';
import { createDraftPlan } from '../../domain';
import type { Plan } from '../../domain';
import { createMemoryStore } from '../../storage/memoryStore';
import { servicesFor } from '../testing/servicesFor';
import { usePlanDocument } from './usePlanDocument';

const NOW = '2026-11-22T09:00:00.000Z';

function fakeServices(local = createMemoryStore()) {
  let content = JSON.stringify(createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: 'u1', now: NOW }));
  let version = 1;
  const writes: Plan[] = [];
  const services: Services = servicesFor({
    directory: { me: async () => ({ id: 'u1', displayName: 'Esra' }), searchPeople: async () => [], searchUsers: async () => [] },
    plans: {
      read: async () => ({ content, eTag: `"v${version}"` }),
      write: async (_id: string, next: string, eTag: string) => {
        if (eTag !== `"v${version}"`) throw new AppError('graph-precondition-failed', { status: 412 });
        content = next;
        version += 1;
        writes.push(JSON.parse(next) as Plan);
        return { eTag: `"v${version}"` };
      },
      share: async () => ({ permissionId: 'p' }),
      revoke: async () => ({ alreadyGone: false }),
    },
    cases: { listCases: async () => [], createCase: async () => { throw new Error('unused'); }, updateSummary: async () => undefined },
    clock: { now: () => new Date(NOW) },
    local,
  });
  return { services, writes, local };
}

describe('usePlanDocument', () => {
  it('shows a change as pending until its autosave has stored it, then as saved and synced', async () => {
    const { services, writes } = fakeServices();
    const { result } = renderHook(() => usePlanDocument(services, 'doc-1'));
    await waitFor(() => expect(result.current.plan).toBeDefined());
    expect(result.current.userId).toBe('u1');
    act(() => result.current.update((plan) => ({ ...plan, resident: { ...plan.resident, name: 'Samira' } })));
    expect(result.current.save.kind).toBe('pending');
    expect(result.current.sync.unsyncedCount).toBe(1);
    expect(result.current.plan?.resident.name).toBe('Samira');
    expect(writes).toHaveLength(0);
    await waitFor(() => expect(result.current.save.kind).toBe('saved'), { timeout: 3000 });
    expect(result.current.sync).toMatchObject({ state: 'synced', unsyncedCount: 0 });
    expect(writes.at(-1)?.resident.name).toBe('Samira');
  });

  // Changed with local-first: an edit that changes nothing is not an edit, so the state stays idle
  // (it used to show 'pending' until saveNow).
  it('stays idle when an edit changed nothing', async () => {
    const { services, writes } = fakeServices();
    const { result } = renderHook(() => usePlanDocument(services, 'doc-1'));
    await waitFor(() => expect(result.current.plan).toBeDefined());
    act(() => result.current.update((plan) => plan));
    expect(result.current.save.kind).toBe('idle');
    await act(async () => { await result.current.saveNow(); });
    expect(result.current.save.kind).toBe('idle');
    expect(writes).toHaveLength(0);
  });

  it('saveNow writes at once and resolves with the stored plan', async () => {
    const { services, writes } = fakeServices();
    const { result } = renderHook(() => usePlanDocument(services, 'doc-1'));
    await waitFor(() => expect(result.current.plan).toBeDefined());
    act(() => result.current.update((plan) => ({ ...plan, status: 'preparing' })));
    let stored: Plan | undefined;
    await act(async () => { stored = await result.current.saveNow(); });
    expect(stored?.status).toBe('preparing');
    expect(writes).toHaveLength(1);
  });

  it('a reload (a new hook on the same device) shows the edits kept in the outbox', async () => {
    const local = createMemoryStore();
    const first = fakeServices(local);
    await local.set('session:lastUser', { id: 'u1' });
    const draft = createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: 'u1', now: NOW });
    await local.set(outboxKey('u1', 'doc-1'), { version: 1, documentId: 'doc-1', userId: 'u1', base: { plan: draft, eTag: '"v1"' }, local: { ...draft, resident: { ...draft.resident, name: 'Uit de outbox' } }, savedAt: NOW });
    const { result } = renderHook(() => usePlanDocument(first.services, 'doc-1'));
    await waitFor(() => expect(result.current.plan?.resident.name).toBe('Uit de outbox'));
    await waitFor(() => expect(result.current.sync.state).toBe('synced'), { timeout: 3000 });
    expect(first.writes.at(-1)?.resident.name).toBe('Uit de outbox');
  });
});
