// Fault injection, through real HTTP (msw/node): what a client sees for each fault kind.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoTokenFor } from './demoTenant';
import { graphHandlers } from './mswGraph';
import { DEMO_PLAN_DRIVE_ID } from './seed';
import { createTestTenant, people } from './testHarness';
import type { TestTenant } from './testHarness';

const { esra } = people;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function serve(): TestTenant {
  const t = createTestTenant();
  server.use(...graphHandlers(t.tenant));
  return t;
}

const graph = (path: string, init: RequestInit = {}) => fetch(`https://graph.microsoft.com/v1.0${path}`, {
  ...init,
  headers: { Authorization: `Bearer ${demoTokenFor(esra.id)}`, 'Content-Type': 'application/json', ...init.headers },
});

const newEvent = (transactionId: string) => JSON.stringify({
  subject: 'Samenwerkoverleg SO-2026-014',
  start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' },
  end: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Amsterdam' },
  transactionId,
});

async function eventsWith(t: TestTenant, transactionId: string) {
  return (await t.tenant.snapshot()).mailboxes[esra.id]!.events.filter((e) => e.transactionId === transactionId);
}

describe('fault injection', () => {
  it('429 with Retry-After, once, before the route runs (nothing is written)', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 3, match: { method: 'POST', path: '/me/events' } });
    const throttled = await graph('/me/events', { method: 'POST', body: newEvent('tx-429') });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('3');
    expect(throttled.headers.get('request-id')).toMatch(/^demo-/);
    expect(await throttled.json()).toMatchObject({ error: { code: 'TooManyRequests', innerError: { 'request-id': expect.any(String), date: expect.any(String) } } });
    expect(await eventsWith(t, 'tx-429')).toHaveLength(0);
    expect((await graph('/me/events', { method: 'POST', body: newEvent('tx-429') })).status).toBe(201);
  });

  it('503 only for matching requests, as many times as asked; clear() ends it', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'status', status: 503, match: { method: 'GET', path: /^\/me$/ }, times: 2 });
    expect((await graph('/users?$top=1')).status).toBe(200);
    expect((await graph('/me')).status).toBe(503);
    expect((await graph('/me')).status).toBe(503);
    expect((await graph('/me')).status).toBe(200);
    t.tenant.faults.inject({ kind: 'status', status: 504 });
    expect(t.tenant.faults.active()).toHaveLength(1);
    t.tenant.faults.clear();
    expect((await graph('/me')).status).toBe(200);
  });

  it('412 on the next write, leaving reads alone and the document unchanged', async () => {
    const t = serve();
    const item = (await t.tenant.snapshot()).planDrive.items[0]!;
    t.tenant.faults.inject({ kind: '412-next-write' });
    expect((await graph(`/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}`)).status).toBe(200);
    const write = await graph(`/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`, { method: 'PUT', body: '{"v":2}', headers: { 'If-Match': '*' } });
    expect(write.status).toBe(412);
    expect(await write.json()).toMatchObject({ error: { code: 'resourceModified' } });
    expect((await t.tenant.snapshot()).planDrive.items[0]!.content).toBe(item.content);
    expect((await graph(`/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`, { method: 'PUT', body: '{"v":2}' })).status).toBe(200);
  });

  it('offline: fetch fails with a network error until the fault is used up', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'offline', times: 2 });
    await expect(graph('/me')).rejects.toThrow(TypeError);
    await expect(graph('/me/events', { method: 'POST', body: newEvent('tx-offline') })).rejects.toThrow(TypeError);
    expect(await eventsWith(t, 'tx-offline')).toHaveLength(0);
    expect((await graph('/me')).status).toBe(200);
    expect(t.tenant.journal().filter((e) => e.fault === 'offline').map((e) => e.status)).toEqual([0, 0]);
  });

  it('token expired: 401 InvalidAuthenticationToken', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'token-expired' });
    const expired = await graph('/me');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } });
    expect((await graph('/me')).status).toBe(200);
  });

  it('token expired only for matching requests, when a match is given', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'token-expired', match: { method: 'POST', path: /^\/me\/events$/ }, times: 2 });
    expect((await graph('/me')).status).toBe(200);
    expect((await graph('/me/events', { method: 'POST', body: newEvent('tx-401') })).status).toBe(401);
    expect((await graph('/me/events', { method: 'POST', body: newEvent('tx-401') })).status).toBe(401);
    expect(await eventsWith(t, 'tx-401')).toHaveLength(0);
    expect((await graph('/me/events', { method: 'POST', body: newEvent('tx-401') })).status).toBe(201);
    expect(t.tenant.faults.active()).toEqual([]);
  });

  it('412-periodic: every other matching write fails, starting with the first; reads and other paths are left alone', async () => {
    const t = serve();
    const item = (await t.tenant.snapshot()).planDrive.items[0]!;
    const content = `/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/content`;
    t.tenant.faults.inject({ kind: '412-periodic', every: 2, match: { method: 'PUT', path: /\/content$/ } });
    const put = async (v: number) => (await graph(content, { method: 'PUT', body: JSON.stringify({ v }) })).status;
    expect((await graph(content)).status).toBe(200);
    expect((await graph(`/drives/${DEMO_PLAN_DRIVE_ID}/items/${item.id}/listItem/fields`, { method: 'PATCH', body: '{}' })).status).not.toBe(412);
    expect([await put(1), await put(2), await put(3), await put(4), await put(5)]).toEqual([412, 200, 412, 200, 412]);
    expect((await t.tenant.snapshot()).planDrive.items[0]!.content).toBe('{"v":4}');
    expect(t.tenant.journal().filter((e) => e.fault === '412-periodic')).toHaveLength(3);
    // Until clear(), or as many 412s as `times` says.
    expect(t.tenant.faults.active()).toMatchObject([{ kind: '412-periodic', every: 2 }]);
    t.tenant.faults.clear();
    t.tenant.faults.inject({ kind: '412-periodic', every: 3, times: 1, match: { method: 'PUT' } });
    expect([await put(6), await put(7), await put(8), await put(9)]).toEqual([412, 200, 200, 200]);
    expect(t.tenant.faults.active()).toEqual([]);
    expect(() => t.tenant.faults.inject({ kind: '412-periodic', every: 0 })).toThrow(/every/);
  });

  it('slow responses for matching requests', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'slow', delayMs: 120, match: { path: '/me' } });
    const started = performance.now();
    expect((await graph('/me')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    const fast = performance.now();
    await graph('/users?$top=1');
    expect(performance.now() - fast).toBeLessThan(100);
  });

  it('lose-response: the event IS created but the client sees a network error; retrying with the same transactionId makes no duplicate', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'lose-response', match: { method: 'POST', path: /^\/me\/events$/ } });
    await expect(graph('/me/events', { method: 'POST', body: newEvent('tx-lost') })).rejects.toThrow(TypeError);
    const [created] = await eventsWith(t, 'tx-lost');
    expect(created).toBeDefined();
    const retry = await graph('/me/events', { method: 'POST', body: newEvent('tx-lost') });
    expect(retry.status).toBe(201);
    expect((await retry.json() as { id: string }).id).toBe(created!.id);
    expect(await eventsWith(t, 'tx-lost')).toHaveLength(1);
    expect(t.tenant.journal().find((e) => e.fault === 'lose-response')).toMatchObject({ status: 201, method: 'POST' });
  });

  it('lose-response on a batch sub-request loses the whole batch answer, after running it', async () => {
    const t = serve();
    t.tenant.faults.inject({ kind: 'lose-response', match: { path: '/me/events' } });
    const batch = { requests: [{ id: '1', method: 'POST', url: '/me/events', headers: { 'Content-Type': 'application/json' }, body: JSON.parse(newEvent('tx-batch-lost')) as unknown }] };
    await expect(graph('/$batch', { method: 'POST', body: JSON.stringify(batch) })).rejects.toThrow(TypeError);
    expect(await eventsWith(t, 'tx-batch-lost')).toHaveLength(1);
  });

  it('refuses an unsupported status', () => {
    const t = createTestTenant();
    expect(() => t.tenant.faults.inject({ kind: 'status', status: 500 as 503 })).toThrow(/unsupported/);
  });
});
