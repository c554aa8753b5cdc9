// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/errors';
import type { Services } from '../../app/ports';
import { createDraftPlan } from '../../domain';
import type { Plan } from '../../domain';
import { usePlanDocument } from './usePlanDocument';

const NOW = '2026-11-22T09:00:00.000Z';

function fakeServices() {
  let content = JSON.stringify(createDraftPlan({ caseAlias: 'SO-2026-040', municipality: 'Maasveld', caseDirectorUserId: 'u1', now: NOW }));
  let version = 1;
  const writes: Plan[] = [];
  const services = {
    plans: {
      read: async () => ({ content, eTag: `"v${version}"` }),
      write: async (_id: string, next: string, eTag: string) => {
        if (eTag !== `"v${version}"`) throw new AppError('graph-precondition-failed', { status: 412 });
        content = next;
        version += 1;
        writes.push(JSON.parse(next) as Plan);
        return { eTag: `"v${version}"` };
      },
    },
    cases: { updateSummary: async () => undefined },
    clock: { now: () => new Date(NOW) },
  } as unknown as Services;
  return { services, writes };
}

describe('usePlanDocument', () => {
  it('shows a change as pending until its autosave has stored it, then as saved', async () => {
    const { services, writes } = fakeServices();
    const { result } = renderHook(() => usePlanDocument(services, 'doc-1'));
    await waitFor(() => expect(result.current.plan).toBeDefined());
    act(() => result.current.update((plan) => ({ ...plan, resident: { ...plan.resident, name: 'Samira' } })));
    expect(result.current.save.kind).toBe('pending');
    expect(writes).toHaveLength(0);
    await waitFor(() => expect(result.current.save.kind).toBe('saved'), { timeout: 3000 });
    expect(writes.at(-1)?.resident.name).toBe('Samira');
  });

  it('returns to idle when an edit changed nothing', async () => {
    const { services, writes } = fakeServices();
    const { result } = renderHook(() => usePlanDocument(services, 'doc-1'));
    await waitFor(() => expect(result.current.plan).toBeDefined());
    act(() => result.current.update((plan) => plan));
    expect(result.current.save.kind).toBe('pending');
    await act(async () => { await result.current.saveNow(); });
    expect(result.current.save.kind).toBe('idle');
    expect(writes).toHaveLength(0);
  });
});
