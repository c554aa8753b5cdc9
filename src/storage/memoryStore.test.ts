import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memoryStore';

describe('memory store', () => {
  it('stores copies, lists keys by prefix and deletes', async () => {
    const store = createMemoryStore();
    const value = { plan: { agreements: ['a1'] } };
    await store.set('outbox:u1:doc-1', value);
    value.plan.agreements.push('a2');
    expect(await store.get('outbox:u1:doc-1')).toEqual({ plan: { agreements: ['a1'] } });
    const read = await store.get<{ plan: { agreements: string[] } }>('outbox:u1:doc-1');
    read!.plan.agreements.push('x');
    expect(await store.get('outbox:u1:doc-1')).toEqual({ plan: { agreements: ['a1'] } });
    await store.set('outbox:u1:doc-0', 1);
    await store.set('session:me', 2);
    expect(await store.keys!('outbox:')).toEqual(['outbox:u1:doc-0', 'outbox:u1:doc-1']);
    await store.delete('outbox:u1:doc-1');
    expect(await store.get('outbox:u1:doc-1')).toBeUndefined();
    expect(store.size()).toBe(2);
  });
});
