import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { groupForBatch } from './batch';
import type { BatchItem } from './batch';
import { createGraphRequester, GRAPH_BASE } from './graphClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

interface WireRequest {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

type SubAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A $batch endpoint that answers each sub-request with `answer`, honouring dependsOn like Graph (424). */
function batchEndpoint(answer: (request: WireRequest, round: number) => SubAnswer) {
  const envelopes: WireRequest[][] = [];
  server.use(http.post(`${GRAPH_BASE}/$batch`, async ({ request }) => {
    const { requests } = (await request.json()) as { requests: WireRequest[] };
    envelopes.push(requests);
    const statuses = new Map<string, number>();
    const responses = requests.map((r) => {
      const failedDependency = (r.dependsOn ?? []).some((d) => (statuses.get(d) ?? 0) >= 400);
      const result: SubAnswer = failedDependency ? { status: 424, body: { error: { code: 'FailedDependency', message: 'x' } } } : answer(r, envelopes.length);
      statuses.set(r.id, result.status);
      return { id: r.id, status: result.status, headers: result.headers ?? {}, body: result.body };
    });
    // Graph returns sub-responses in any order.
    return HttpResponse.json({ responses: responses.reverse() });
  }));
  return envelopes;
}

const items = (n: number, method: BatchItem['method'] = 'POST'): BatchItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method, url: '/planner/tasks', body: { title: `t${i + 1}` } }));

describe('$batch', () => {
  it('sends N requests in ⌈N/20⌉ batches of at most 20, with Content-Type on bodies, results in item order', async () => {
    const envelopes = batchEndpoint((r) => ({ status: 201, body: { id: `task-${r.id}` } }));
    const results = await createGraphRequester(async () => 't').batch(items(45));
    expect(envelopes.map((e) => e.length)).toEqual([20, 20, 5]);
    expect(envelopes[0]![0]).toMatchObject({ id: '1', method: 'POST', url: '/planner/tasks', headers: { 'Content-Type': 'application/json' } });
    expect(results.map((r) => (r.body as { id: string }).id)).toEqual(Array.from({ length: 45 }, (_, i) => `task-${i + 1}`));
    expect(results.every((r) => r.status === 201 && !r.error)).toBe(true);
  });

  it('re-sends only the throttled sub-requests, after their own Retry-After (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const envelopes = batchEndpoint((r, round) =>
      round === 1 && ['3', '7'].includes(r.id)
        ? { status: 429, headers: { 'Retry-After': r.id === '3' ? '2' : '5' }, body: { error: { code: 'TooManyRequests', message: 'x' } } }
        : { status: 201, body: { id: `task-${r.id}` } });
    const pending = createGraphRequester(async () => 't').batch(items(10));
    await vi.advanceTimersByTimeAsync(0);
    expect(envelopes).toHaveLength(1);
    // The longest Retry-After among the throttled ones (5 s) decides.
    await vi.advanceTimersByTimeAsync(4_999);
    expect(envelopes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const results = await pending;
    expect(envelopes).toHaveLength(2);
    expect(envelopes[1]!.map((r) => r.id)).toEqual(['3', '7']);
    expect(results.every((r) => r.status === 201)).toBe(true);
  });

  it('re-sends a dependent that failed with 424 together with its throttled dependency, keeping dependsOn', async () => {
    const envelopes = batchEndpoint((r, round) =>
      round === 1 && r.id === 'a' ? { status: 429, headers: { 'Retry-After': '0' } } : { status: r.method === 'PATCH' ? 200 : 201, body: {} });
    const results = await createGraphRequester(async () => 't').batch([
      { id: 'a', method: 'POST', url: '/me/events/e/attachments', body: {} },
      { id: 'b', method: 'PATCH', url: '/me/events/e', body: {}, dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: '/me' },
    ]);
    expect(envelopes[1]).toEqual([
      expect.objectContaining({ id: 'a' }),
      expect.objectContaining({ id: 'b', dependsOn: ['a'] }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 200, 201]);
  });

  it('reports a 424 whose dependency failed for good, with a typed error, and does not re-send either', async () => {
    const envelopes = batchEndpoint((r) => (r.id === 'a' ? { status: 400, body: { error: { code: 'ErrorInvalidRequest', message: 'x', innerError: { 'request-id': 'sub-1' } } } } : { status: 200 }));
    const results = await createGraphRequester(async () => 't').batch([
      { id: 'a', method: 'POST', url: '/me/events/e/attachments', body: {} },
      { id: 'b', method: 'PATCH', url: '/me/events/e', body: {}, dependsOn: ['a'] },
    ]);
    expect(envelopes).toHaveLength(1);
    expect(results[0]!.error).toMatchObject({ code: 'graph-failed', status: 400, requestId: 'sub-1', serviceCode: 'ErrorInvalidRequest' });
    expect(results[1]).toMatchObject({ status: 424 });
    expect(results[1]!.error).toBeDefined();
  });

  it('retries a 503 sub-request only when it is idempotent', async () => {
    const sleep = vi.fn(async () => undefined);
    const envelopes = batchEndpoint((r, round) => (round === 1 ? { status: 503 } : { status: 200, body: { id: r.id } }));
    const results = await createGraphRequester(async () => 't', { retry: { sleep } }).batch([
      { id: 'read', method: 'GET', url: '/planner/tasks/1' },
      { id: 'create', method: 'POST', url: '/planner/tasks', body: {} },
    ]);
    expect(envelopes[1]!.map((r) => r.id)).toEqual(['read']);
    expect(results.map((r) => r.status)).toEqual([200, 503]);
    expect(results[1]!.error).toMatchObject({ code: 'graph-unavailable' });
  });

  it('gives throttled sub-requests up after maxAttempts, with their 429 as a typed error', async () => {
    const sleep = vi.fn(async () => undefined);
    const envelopes = batchEndpoint(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const results = await createGraphRequester(async () => 't', { retry: { sleep, maxAttempts: 3 } }).batch(items(2));
    expect(envelopes).toHaveLength(3);
    expect(sleep.mock.calls).toEqual([[1000], [1000]]);
    expect(results.every((r) => r.error?.code === 'graph-throttled')).toBe(true);
  });

  it('keeps what earlier groups achieved when a later envelope fails, and marks what was never sent', async () => {
    let envelopes = 0;
    server.use(http.post(`${GRAPH_BASE}/$batch`, async ({ request }) => {
      envelopes += 1;
      if (envelopes === 2) return HttpResponse.error();
      const { requests } = (await request.json()) as { requests: WireRequest[] };
      return HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, status: 201, body: { id: r.id } })) });
    }));
    const results = await createGraphRequester(async () => 't').batch(items(50));
    expect(envelopes).toBe(2);
    expect(results.slice(0, 20).every((r) => r.status === 201)).toBe(true);
    expect(results.slice(20, 40).every((r) => r.error?.code === 'network-offline' && !r.notSent)).toBe(true);
    expect(results.slice(40).every((r) => r.notSent && r.error?.code === 'network-offline')).toBe(true);
  });

  it('groups keep every dependsOn chain together', () => {
    const list: BatchItem[] = [
      ...Array.from({ length: 19 }, (_, i): BatchItem => ({ id: `x${i}`, method: 'GET', url: '/me' })),
      { id: 'a', method: 'POST', url: '/me/events/e/attachments', body: {} },
      { id: 'b', method: 'PATCH', url: '/me/events/e', body: {}, dependsOn: ['a'] },
    ];
    const groups = groupForBatch(list);
    expect(groups.map((g) => g.length)).toEqual([19, 2]);
    expect(() => groupForBatch([{ id: 'a', method: 'GET', url: '/me', dependsOn: ['zz'] }])).toThrow(/unknown/);
    expect(() => groupForBatch([{ id: 'a', method: 'GET', url: '/me' }, { id: 'a', method: 'GET', url: '/me' }])).toThrow(/duplicate/);
  });
});
