import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memoryStore';
import { countPendingEdits } from './pendingEdits';

describe('countPendingEdits', () => {
  it('counts outbox records whose draft is not yet stored, and only those', async () => {
    const local = createMemoryStore();
    expect(await countPendingEdits(local)).toBe(0);
    await local.set('outbox:u1:plan-a', { version: 1, base: { plan: {}, eTag: '"1"' }, savedAt: 'x' });
    await local.set('cases:u1', { cases: [] });
    expect(await countPendingEdits(local)).toBe(0);
    await local.set('outbox:u1:plan-b', { version: 1, base: { plan: {}, eTag: '"1"' }, local: {}, savedAt: 'x' });
    expect(await countPendingEdits(local)).toBe(1);
  });

  it('counts a record it does not understand as pending: when in doubt, a new version waits', async () => {
    const local = createMemoryStore();
    await local.set('outbox:u1:plan-a', 'something a newer version wrote');
    expect(await countPendingEdits(local)).toBe(1);
    expect(await countPendingEdits({ get: local.get })).toBe(1);
  });
});
