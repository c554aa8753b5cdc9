import { setupServer } from 'msw/node';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../app/errors';
import { startCase } from '../app/cases';
import { createGraphGateway } from '../graph/createGraphGateway';
import { openKvStore } from '../storage/kvStore';
import { takeContractViolations } from '../../tests/setup/contractViolations';
import { createDemoTenant, demoTokenFor, routes } from './demoTenant';
import type { ContractViolationReport, DemoTenant } from './demoTenant';
import { graphHandlers } from './mswGraph';
import { DEMO_PLAN_DRIVE_ID, createSeed } from './seed';

const NOW = new Date('2026-11-22T09:00:00+01:00');
const seed = createSeed();
const caseDirector = seed.users.find((u) => u.persona === 'caseDirector')!;

let tenant: DemoTenant;
let kvFactory: IDBFactory;
const server = setupServer();

function newTenant() {
  return createDemoTenant({ kv: openKvStore('demo-tenant-test', kvFactory), now: () => NOW });
}

function gatewayAs(userId: string) {
  return createGraphGateway({ getToken: async () => demoTokenFor(userId), planDriveId: DEMO_PLAN_DRIVE_ID });
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function useTenant() {
  kvFactory = new IDBFactory();
  tenant = newTenant();
  server.use(...graphHandlers(tenant));
}

describe('demo tenant through the real Graph gateway', () => {
  it('lists the seeded cases from the library columns, with status and next SO', async () => {
    useTenant();
    const cases = await gatewayAs(caseDirector.id).cases.listCases();
    expect(cases.map((c) => c.caseAlias).sort()).toEqual(['SO-2026-014', 'SO-2026-021']);
    const preparing = cases.find((c) => c.caseAlias === 'SO-2026-014')!;
    expect(preparing.status).toBe('preparing');
    expect(preparing.nextMeeting).toMatch(/^2026-12-/);
  });

  it('answers /me for the persona in the token', async () => {
    useTenant();
    const me = await gatewayAs(caseDirector.id).directory.me();
    expect(me).toMatchObject({ id: caseDirector.id, displayName: caseDirector.displayName, mail: caseDirector.mail });
  });

  it('refuses a request without a valid demo token, as Graph does with 401', async () => {
    useTenant();
    const error = await gatewayAs('not-a-user').directory.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('graph-unauthorized');
    expect((error as AppError).status).toBe(401);
    expect((error as AppError).requestId).toMatch(/^demo-/);
  });

  it('creates a case under the next alias, keeps it in IndexedDB, and reset restores the seed', async () => {
    useTenant();
    const gateway = gatewayAs(caseDirector.id);
    const services = { ...gateway, clock: { now: () => NOW }, municipality: 'Maasveld' };
    const created = await startCase(services, await gateway.cases.listCases());
    expect(created).toMatchObject({ caseAlias: 'SO-2026-022', status: 'draft', openAgreements: 0 });

    // A new tenant on the same database is what a reload gives.
    tenant = newTenant();
    server.resetHandlers(...graphHandlers(tenant));
    const afterReload = await gatewayAs(caseDirector.id).cases.listCases();
    expect(afterReload.map((c) => c.caseAlias)).toContain('SO-2026-022');

    const stored = (await tenant.snapshot()).planDrive.items.find((i) => i.name === 'SO-2026-022.json')!;
    expect(JSON.parse(stored.content)).toMatchObject({ caseAlias: 'SO-2026-022', status: 'draft', caseDirectorUserId: caseDirector.id });
    expect(stored.createdByUserId).toBe(caseDirector.id);

    await tenant.reset();
    const afterReset = await gatewayAs(caseDirector.id).cases.listCases();
    expect(afterReset.map((c) => c.caseAlias).sort()).toEqual(['SO-2026-014', 'SO-2026-021']);
  });

  it('refuses a second document under a taken alias with 409, which startCase steps past', async () => {
    useTenant();
    const gateway = gatewayAs(caseDirector.id);
    const conflict = await gateway.cases
      .createCase({ summary: { caseAlias: 'SO-2026-014', status: 'draft', openAgreements: 0 }, content: '{}' })
      .catch((e: unknown) => e);
    expect((conflict as AppError).code).toBe('graph-conflict');
    expect((conflict as AppError).status).toBe(409);

    // The list the user saw is stale: it ends at SO-2026-020, while someone else already holds SO-2026-021.
    const [first] = await gateway.cases.listCases();
    const stale = [{ ...first!, caseAlias: 'SO-2026-020' }];
    const services = { ...gateway, clock: { now: () => NOW }, municipality: 'Maasveld' };
    const created = await startCase(services, stale);
    expect(created.caseAlias).toBe('SO-2026-022');
    const documents = (await tenant.snapshot()).planDrive.items.map((i) => i.name);
    expect(documents.filter((n) => n === 'SO-2026-021.json')).toHaveLength(1);
  });
});

describe('demo tenant, Graph behaviour at the HTTP level', () => {
  const request = (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) => tenant.handle({
    method,
    url: new URL(`https://graph.microsoft.com/v1.0${path}`),
    headers: new Headers({ authorization: `Bearer ${demoTokenFor(caseDirector.id)}`, ...init.headers }),
    body: init.body ?? '',
  });

  it('writes with If-Match only when the eTag is current, and answers 412 otherwise', async () => {
    useTenant();
    const list = await request('GET', `/drives/${DEMO_PLAN_DRIVE_ID}/root:/Samenwerkplannen:/children`);
    const item = (list.body as { value: { id: string; eTag: string }[] }).value[0]!;
    const first = await request('PUT', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`, { body: '{"v":2}', headers: { 'if-match': item.eTag } });
    expect(first.status).toBe(200);
    const newETag = (first.body as { eTag: string }).eTag;
    expect(newETag).not.toBe(item.eTag);

    const stale = await request('PUT', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`, { body: '{"v":3}', headers: { 'if-match': item.eTag } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: { code: 'resourceModified' } });
    const content = await request('GET', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`);
    expect(content.body).toBe('{"v":2}');
  });

  it('answers an unknown drive with itemNotFound and an unknown path with 400', async () => {
    useTenant();
    expect((await request('GET', '/drives/nope/root:/Samenwerkplannen:/children')).status).toBe(404);
    expect((await request('GET', '/unknown/segment')).status).toBe(400);
    expect((await request('DELETE', '/me')).status).toBe(405);
  });

  it('pages /users with @odata.nextLink until every user is seen', async () => {
    useTenant();
    const first = await request('GET', '/users?$top=5&$select=id,displayName');
    const body = first.body as { value: { id: string; displayName: string }[]; '@odata.nextLink'?: string };
    expect(body.value).toHaveLength(5);
    expect(Object.keys(body.value[0]!).sort()).toEqual(['displayName', 'id']);
    const seen = [...body.value];
    let next = body['@odata.nextLink'];
    while (next) {
      const url = new URL(next);
      const page = await request('GET', `${url.pathname.replace('/v1.0', '')}${url.search}`);
      const pageBody = page.body as typeof body;
      seen.push(...pageBody.value);
      next = pageBody['@odata.nextLink'];
    }
    expect(seen.map((u) => u.id).sort()).toEqual(seed.users.map((u) => u.id).sort());
  });
});

describe('demo tenant, state and contract', () => {
  it('replaces stored state of an older version with the seed (mailboxes, groups, Planner)', async () => {
    kvFactory = new IDBFactory();
    const kv = openKvStore('demo-tenant-test', kvFactory);
    await kv.set('tenant-state', { version: 1, users: [], planDrive: { id: 'old', items: [] } });
    const state = await newTenant().snapshot();
    expect(state.version).toBe(2);
    expect(Object.keys(state.mailboxes)).toHaveLength(seed.users.length);
    expect(state.groups.map((g) => g.displayName)).toEqual(['Wijkteam Maasveld-Noord', 'Samenwerken Maasveld-Noord']);
    expect(state.planner.plans).toHaveLength(1);
  });

  it('answers a body that breaks the contract with 400 demoContractViolation, writes nothing, and reports it', async () => {
    kvFactory = new IDBFactory();
    const reports: ContractViolationReport[] = [];
    tenant = createDemoTenant({ kv: openKvStore('demo-tenant-test', kvFactory), now: () => NOW, onContractViolation: (r) => reports.push(r) });
    const response = await tenant.handle({
      method: 'POST',
      url: new URL('https://graph.microsoft.com/v1.0/me/events'),
      headers: new Headers({ authorization: `Bearer ${demoTokenFor(caseDirector.id)}`, 'content-type': 'application/json' }),
      body: JSON.stringify({ subject: 'x', isAllDay: 'yes', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' } }),
    });
    expect(response.status).toBe(400);
    expect(response.headers?.['request-id']).toMatch(/^demo-/);
    expect(response.body).toMatchObject({ error: { code: 'demoContractViolation', innerError: { 'request-id': response.headers?.['request-id'], date: NOW.toISOString() } } });
    expect(reports).toEqual([expect.objectContaining({ direction: 'request', target: 'event', method: 'POST' })]);
    expect(tenant.contractViolations()).toEqual(['POST /me/events request event: $.isAllDay expected Edm.Boolean, got string "yes"']);
    expect((await tenant.snapshot()).mailboxes[caseDirector.id]!.events.some((e) => e.subject === 'x')).toBe(false);
    expect(takeContractViolations()).toHaveLength(1);
  });

  it('reports a response body that breaks the contract, and still answers it', async () => {
    kvFactory = new IDBFactory();
    tenant = newTenant();
    const probe = { method: 'GET', pattern: /^\/me\/probe$/, response: 'user', handle: () => ({ status: 200, body: { id: 'x', displayName: 7, favouriteColour: 'blue' } }) };
    routes.push(probe);
    try {
      const response = await tenant.handle({
        method: 'GET', url: new URL('https://graph.microsoft.com/v1.0/me/probe'),
        headers: new Headers({ authorization: `Bearer ${demoTokenFor(caseDirector.id)}` }), body: '',
      });
      expect(response.status).toBe(200);
    } finally {
      routes.splice(routes.indexOf(probe), 1);
    }
    expect(takeContractViolations().flatMap((r) => r.messages)).toEqual([
      'GET /me/probe response user: $.displayName expected Edm.String, got number 7',
      "GET /me/probe response user: $.favouriteColour unknown property 'favouriteColour' on microsoft.graph.user",
    ]);
    expect(tenant.journal().at(-1)!.contractViolations).toHaveLength(2);
  });

  it('lists only shared plans to the participant persona through the gateway', async () => {
    useTenant();
    const participant = seed.users.find((u) => u.persona === 'participant')!;
    expect(await gatewayAs(participant.id).cases.listCases()).toEqual([]);
    const chair = seed.users.find((u) => u.persona === 'chair')!;
    expect((await gatewayAs(chair.id).cases.listCases()).map((c) => c.caseAlias).sort()).toEqual(['SO-2026-014', 'SO-2026-021']);
  });
});
