import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openKvStore } from './kvStore';

describe('kvStore', () => {
  it('stores, reads back and deletes structured values', async () => {
    const kv = openKvStore('kv-test', new IDBFactory());
    expect(await kv.get('state')).toBeUndefined();
    await kv.set('state', { a: [1, 2], b: 'x' });
    expect(await kv.get('state')).toEqual({ a: [1, 2], b: 'x' });
    await kv.delete('state');
    expect(await kv.get('state')).toBeUndefined();
  });

  it('lists the keys with a prefix', async () => {
    const kv = openKvStore('kv-keys', new IDBFactory());
    await kv.set('outbox:u1:b', 1);
    await kv.set('outbox:u1:a', 2);
    await kv.set('session:me', 3);
    expect(await kv.keys('outbox:')).toEqual(['outbox:u1:a', 'outbox:u1:b']);
    expect(await kv.keys('nothing')).toEqual([]);
  });

  it('keeps values across connections to the same database', async () => {
    const factory = new IDBFactory();
    await openKvStore('shared', factory).set('k', 42);
    expect(await openKvStore('shared', factory).get('k')).toBe(42);
  });
});
