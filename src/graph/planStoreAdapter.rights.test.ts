// What the drive reports about the signed-in user's rights on a plan, read through the adapter from the demo
// tenant (which lists permissions as Graph does: everything to library members, only their own to others), and
// the tenant's answer to a reader who writes anyway: 403 accessDenied, nothing stored. (The Vitest setup fails a
// test on any contract violation the tenant reports.)
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planRights } from '../domain';
import { createDemoTenant, demoTokenFor } from '../demo/demoTenant';
import { graphHandlers } from '../demo/mswGraph';
import { DEMO_PLAN_DRIVE_ID } from '../demo/seed';
import { DEMO_NOW, people } from '../demo/testHarness';
import type { DemoUser } from '../demo/tenantState';
import { openKvStore } from '../storage/kvStore';
import { createGraphRequester } from './graphClient';
import { createPlanLibraryAdapter } from './planLibraryAdapter';
import { appliesTo, createPlanStoreAdapter } from './planStoreAdapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function tenant() {
  const demo = createDemoTenant({ kv: openKvStore(`rights-${Math.random()}`, new IDBFactory()), now: () => DEMO_NOW });
  server.use(...graphHandlers(demo));
  return demo;
}

const requester = (as: DemoUser) => createGraphRequester(async () => demoTokenFor(as.id), { retry: { sleep: async () => undefined } });
const storeAs = (as: DemoUser) => createPlanStoreAdapter(requester(as), DEMO_PLAN_DRIVE_ID);

async function documentIdOf(alias: string): Promise<string> {
  const cases = await createPlanLibraryAdapter(requester(people.esra), DEMO_PLAN_DRIVE_ID).listCases();
  const entry = cases.find((c) => c.caseAlias === alias);
  if (!entry) throw new Error(`no case ${alias}`);
  return entry.documentId;
}

describe('rights from the drive (demo tenant)', () => {
  it('a library member writes (inherited from the library), even though others hold read permissions', async () => {
    tenant();
    const doc = await documentIdOf('SO-2026-021');
    const roles = await storeAs(people.esra).rolesOf!(doc, people.esra.id);
    expect(roles).toContain('write');
    expect(planRights({ roles, isCaseDirector: true })).toBe('edit');
  });

  it('someone the plan was shared with read-only gets only their own read permission: a read-only plan', async () => {
    tenant();
    const doc = await documentIdOf('SO-2026-021');
    const roles = await storeAs(people.anouk).rolesOf!(doc, people.anouk.id);
    expect(roles).toEqual(['read']);
    expect(planRights({ roles, isCaseDirector: false })).toBe('read');
  });

  it('after the case director shares with Bram: he reads, and his write is refused with 403 and stores nothing', async () => {
    tenant();
    const doc = await documentIdOf('SO-2026-021');
    await expect(storeAs(people.bram).rolesOf!(doc, people.bram.id)).rejects.toMatchObject({ code: 'graph-forbidden', status: 403 });
    await storeAs(people.esra).share(doc, { email: people.bram.mail }, 'Het plan');
    expect(await storeAs(people.bram).rolesOf!(doc, people.bram.id)).toEqual(['read']);
    const before = await storeAs(people.bram).read(doc);
    await expect(storeAs(people.bram).write(doc, '{"changed":true}', before.eTag)).rejects.toMatchObject({ code: 'graph-forbidden', status: 403, serviceCode: 'accessDenied' });
    expect((await storeAs(people.esra).read(doc)).content).toBe(before.content);
  });
});

describe('appliesTo', () => {
  it('keeps the user\'s own, group, inherited and link permissions; drops those granted to someone else', () => {
    expect(appliesTo({ id: '1', roles: ['read'], grantedToV2: { user: { id: 'me' } } }, 'me')).toBe(true);
    expect(appliesTo({ id: '2', roles: ['read'], grantedToV2: { user: { id: 'other' } } }, 'me')).toBe(false);
    expect(appliesTo({ id: '3', roles: ['read'], grantedTo: { user: { id: 'other' } } }, 'me')).toBe(false);
    expect(appliesTo({ id: '4', roles: ['write'], grantedToV2: {} }, 'me')).toBe(true);
    expect(appliesTo({ id: '5', roles: ['read'], grantedToIdentitiesV2: [{ user: { id: 'other' } }] }, 'me')).toBe(false);
    expect(appliesTo({ id: '6', roles: ['read'], grantedToIdentitiesV2: [{ user: { id: 'me' } }] }, 'me')).toBe(true);
  });
});
