import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openKvStore } from './kvStore';
import { readSnapshot } from './readSnapshot';

describe('readSnapshot', () => {
  it('reads the entries under a prefix that the owning page wrote', async () => {
    const factory = new IDBFactory();
    const kv = openKvStore('db', factory);
    await kv.set('outbox:u:a', { n: 1 });
    await kv.set('other', 2);
    const snapshot = await readSnapshot(factory, 'db', 'outbox:');
    expect([...snapshot]).toEqual([['outbox:u:a', { n: 1 }]]);
  });

  it('never creates a database that does not exist: the page creates it later, its own way', async () => {
    const factory = new IDBFactory();
    expect((await readSnapshot(factory, 'db', 'outbox:')).size).toBe(0);
    const kv = openKvStore('db', factory);
    await kv.set('outbox:u:a', 1);
    expect(await kv.get('outbox:u:a')).toBe(1);
  });

  it('holds no connection: the page can upgrade the database afterwards', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('db', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv').put(1, 'k');
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    });
    expect([...(await readSnapshot(factory, 'db', ''))]).toEqual([['k', 1]]);
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('db', 2);
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onblocked = () => reject(new Error('blocked'));
      req.onerror = () => reject(req.error);
    });
  });
});
