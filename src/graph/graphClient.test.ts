import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/errors';
import { createGraphRequester, GRAPH_BASE, isAmbiguousFailure, mailboxOf, toGraphAppError } from './graphClient';
import type { RetryOptions } from './retryPolicy';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

const graphError = (status: number, code: string, requestId: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ error: { code, message: 'x', innerError: { 'request-id': requestId, date: '2026-11-22T08:00:00Z' } } }, { status, headers });

/** No waiting, but every wait is recorded. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => { waits.push(ms); } };
}

function requester(retry: Partial<RetryOptions> = {}, token: () => Promise<string> = async () => 'token-1') {
  return createGraphRequester(token, { retry });
}

describe('the request path: retries', () => {
  it('waits exactly Retry-After seconds before it sends a throttled request again (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let calls = 0;
    server.use(http.get(`${GRAPH_BASE}/me`, () => {
      calls += 1;
      return calls === 1 ? graphError(429, 'TooManyRequests', 'r-1', { 'Retry-After': '7' }) : HttpResponse.json({ id: 'u1' });
    }));
    const pending = requester().get<{ id: string }>('/me');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ id: 'u1' });
    expect(calls).toBe(2);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-22T09:00:00Z'));
    let calls = 0;
    server.use(http.get(`${GRAPH_BASE}/me`, () => {
      calls += 1;
      return calls === 1
        ? graphError(503, 'ServiceUnavailable', 'r-1', { 'Retry-After': 'Sun, 22 Nov 2026 09:00:04 GMT' })
        : HttpResponse.json({ id: 'u1' });
    }));
    const pending = requester().get('/me');
    await vi.advanceTimersByTimeAsync(3_999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(calls).toBe(2);
  });

  it('without Retry-After backs off exponentially with full jitter, within its bounds', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    server.use(http.get(`${GRAPH_BASE}/me`, () => {
      calls += 1;
      return calls < 5 ? graphError(429, 'TooManyRequests', `r-${calls}`) : HttpResponse.json({ id: 'u1' });
    }));
    // random() = 0.999…: each wait sits just under its ceiling 1 s, 2 s, 4 s, 8 s.
    await requester({ sleep, random: () => 0.9999, baseDelayMs: 1_000, maxBackoffMs: 30_000 }).get('/me');
    expect(waits).toEqual([999, 1999, 3999, 7999]);
    // random() = 0: full jitter may retry at once.
    calls = 0;
    const zero = recordingSleep();
    await requester({ sleep: zero.sleep, random: () => 0 }).get('/me');
    expect(zero.waits).toEqual([0, 0, 0, 0]);
  });

  it('caps the backoff ceiling', async () => {
    const { waits, sleep } = recordingSleep();
    server.use(http.get(`${GRAPH_BASE}/me`, () => graphError(504, 'GatewayTimeout', 'r')));
    const error = await requester({ sleep, random: () => 0.5, baseDelayMs: 1_000, maxBackoffMs: 3_000, maxAttempts: 5 }).get('/me').catch((e: unknown) => e);
    expect(waits).toEqual([500, 1000, 1500, 1500]);
    expect(error).toMatchObject({ code: 'graph-unavailable', status: 504, requestId: 'r' });
  });

  it('retries 503 and 504 for reads, and gives up after maxAttempts with a typed error', async () => {
    const { waits, sleep } = recordingSleep();
    const seen: number[] = [];
    server.use(http.get(`${GRAPH_BASE}/me/events`, () => {
      seen.push(seen.length);
      return seen.length % 2 ? graphError(503, 'ServiceUnavailable', 'r-503') : graphError(504, 'GatewayTimeout', 'r-504');
    }));
    const error = await requester({ sleep, maxAttempts: 3 }).get('/me/events').catch((e: unknown) => e);
    expect(seen).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'graph-unavailable', status: 503, requestId: 'r-503', serviceCode: 'ServiceUnavailable' });
  });

  it('does not retry a 503 on a POST that could have done the work, but does retry its 429', async () => {
    const { sleep } = recordingSleep();
    let posts = 0;
    server.use(http.post(`${GRAPH_BASE}/me/sendMail`, () => {
      posts += 1;
      return posts === 1 ? graphError(429, 'TooManyRequests', 'r-1', { 'Retry-After': '1' }) : graphError(503, 'ServiceUnavailable', 'r-2');
    }));
    const error = await requester({ sleep }).post('/me/sendMail', {}).catch((e: unknown) => e);
    expect(posts).toBe(2);
    expect(error).toMatchObject({ code: 'graph-unavailable', status: 503 });
  });

  it('does not retry 4xx answers', async () => {
    const { sleep, waits } = recordingSleep();
    let calls = 0;
    server.use(http.get(`${GRAPH_BASE}/me/events/e1`, () => {
      calls += 1;
      return graphError(404, 'ErrorItemNotFound', 'r-404');
    }));
    const error = await requester({ sleep }).get('/me/events/e1').catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ code: 'graph-not-found', status: 404, requestId: 'r-404', serviceCode: 'ErrorItemNotFound' });
  });

  it('fails with graph-throttled (and the wait asked for) when Retry-After is longer than it will wait', async () => {
    const { sleep, waits } = recordingSleep();
    server.use(http.get(`${GRAPH_BASE}/me`, () => graphError(429, 'TooManyRequests', 'r-9', { 'Retry-After': '600' })));
    const error = await requester({ sleep, maxRetryAfterMs: 120_000 }).get('/me').catch((e: unknown) => e);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ code: 'graph-throttled', status: 429, requestId: 'r-9', retryAfterMs: 600_000 });
  });
});

describe('the request path: concurrency, auth, paging, errors', () => {
  it('keeps at most 4 requests in flight per mailbox; other mailboxes have their own 4', async () => {
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    server.use(http.get(`${GRAPH_BASE}/:who/*`, async ({ params, request }) => {
      const mailbox = params.who === 'me' ? 'me' : new URL(request.url).pathname.split('/')[3]!;
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
      peak.set(mailbox, Math.max(peak.get(mailbox) ?? 0, inFlight.get(mailbox)!));
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight.set(mailbox, inFlight.get(mailbox)! - 1);
      return HttpResponse.json({ ok: true });
    }));
    const graph = requester();
    const calls = [
      ...Array.from({ length: 12 }, (_, i) => graph.get(`/me/events/e${i}`)),
      ...Array.from({ length: 6 }, (_, i) => graph.get(`/users/someone/events/e${i}`)),
    ];
    await Promise.all(calls);
    expect(peak.get('me')).toBe(4);
    expect(peak.get('someone')).toBe(4);
  });

  it('gives the slot back while it waits for a retry', async () => {
    let inFlight = 0;
    let peak = 0;
    const tried = new Set<string>();
    server.use(http.get(`${GRAPH_BASE}/me/events/:id`, async ({ params }) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const id = String(params.id);
      if (!tried.has(id)) {
        tried.add(id);
        return graphError(429, 'TooManyRequests', 'r', { 'Retry-After': '0' });
      }
      return HttpResponse.json({ id });
    }));
    const graph = requester();
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => graph.get<{ id: string }>(`/me/events/e${i}`)));
    expect(ids.map((e) => e.id)).toEqual(Array.from({ length: 8 }, (_, i) => `e${i}`));
    expect(peak).toBeLessThanOrEqual(4);
  });

  it('sends the bearer token, and on 401 fetches a fresh one once', async () => {
    const seen: (string | null)[] = [];
    server.use(http.get(`${GRAPH_BASE}/me`, ({ request }) => {
      seen.push(request.headers.get('authorization'));
      return seen.length === 1 ? graphError(401, 'InvalidAuthenticationToken', 'r-401') : HttpResponse.json({ id: 'u1' });
    }));
    const tokens = ['old', 'new'];
    const getToken = vi.fn(async () => tokens.shift() ?? 'none');
    await requester({}, getToken).get('/me');
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(getToken).toHaveBeenNthCalledWith(1, { scopes: ['User.Read'] });
    expect(getToken).toHaveBeenLastCalledWith({ forceRefresh: true, scopes: ['User.Read'] });
  });

  it('surfaces a sign-in failure from the token source as it is', async () => {
    const signIn = new AppError('sign-in-needs-interaction');
    const error = await requester({}, async () => { throw signIn; }).get('/me').catch((e: unknown) => e);
    expect(error).toBe(signIn);
  });

  it('follows @odata.nextLink until the collection is complete', async () => {
    const pages: string[] = [];
    server.use(http.get(`${GRAPH_BASE}/users`, ({ request }) => {
      const url = new URL(request.url);
      pages.push(url.search);
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const value = Array.from({ length: 2 }, (_, i) => ({ id: `u${skip + i}` }));
      const next = skip + 2 < 5 ? `${GRAPH_BASE}/users?$top=2&$skiptoken=${skip + 2}` : undefined;
      return HttpResponse.json({ value: value.filter((u) => Number(u.id.slice(1)) < 5), ...(next ? { '@odata.nextLink': next } : {}) });
    }));
    const users = await requester().getAll<{ id: string }>('/users?$top=2');
    expect(users.map((u) => u.id)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(pages).toHaveLength(3);
  });

  it('maps errors to typed codes with status and request id (from the body, else the header)', async () => {
    server.use(
      http.put(`${GRAPH_BASE}/drives/d/items/i/content`, () => graphError(412, 'resourceModified', 'r-412')),
      http.get(`${GRAPH_BASE}/planner/tasks/t`, () => new HttpResponse('busy', { status: 403, headers: { 'request-id': 'hdr-1' } })),
      http.post(`${GRAPH_BASE}/planner/tasks`, () => graphError(403, 'MaximumTasksInProject', 'r-403')),
    );
    const graph = requester();
    await expect(graph.put('/drives/d/items/i/content', '{}', 'application/json', { 'If-Match': 'e1' }))
      .rejects.toMatchObject({ code: 'graph-precondition-failed', status: 412, requestId: 'r-412', serviceCode: 'resourceModified' });
    await expect(graph.get('/planner/tasks/t')).rejects.toMatchObject({ code: 'graph-forbidden', status: 403, requestId: 'hdr-1' });
    await expect(graph.post('/planner/tasks', {})).rejects.toMatchObject({ code: 'graph-limit-reached', status: 403 });
  });

  it('turns a request that got no answer into network-offline, without retrying a POST', async () => {
    let posts = 0;
    server.use(http.post(`${GRAPH_BASE}/me/events`, () => {
      posts += 1;
      return HttpResponse.error();
    }));
    const error = await requester().post('/me/events', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network-offline' });
    expect(isAmbiguousFailure(error)).toBe(true);
    expect(posts).toBe(1);
  });

  it('fails fast with network-offline while the device is offline: no token, nothing sent, a batch too', async () => {
    let online = false;
    let sent = 0;
    const token = vi.fn(async () => 't');
    server.use(
      http.get(`${GRAPH_BASE}/me`, () => { sent += 1; return HttpResponse.json({ id: 'u1' }); }),
      http.post(`${GRAPH_BASE}/$batch`, () => { sent += 1; return HttpResponse.json({ responses: [] }); }),
    );
    const graph = createGraphRequester(token, { isOnline: () => online });
    await expect(graph.get('/me')).rejects.toMatchObject({ code: 'network-offline' });
    const [result] = await graph.batch([{ id: '1', method: 'GET', url: '/me' }]);
    expect(result!.error).toMatchObject({ code: 'network-offline' });
    expect(sent).toBe(0);
    // Nothing left the device, so a create refused here is certain, not ambiguous (unlike a request without an answer).
    const refused = await graph.post('/me/events', {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'network-offline' });
    expect(isAmbiguousFailure(refused)).toBe(false);
    expect(token).not.toHaveBeenCalled();
    online = true;
    await expect(graph.get('/me')).resolves.toEqual({ id: 'u1' });
    expect(sent).toBe(1);
  });

  it('sends JSON with its content type and text bodies as given', async () => {
    const seen: { type: string | null; body: string }[] = [];
    server.use(
      http.patch(`${GRAPH_BASE}/me/events/e1`, async ({ request }) => {
        seen.push({ type: request.headers.get('content-type'), body: await request.text() });
        return new HttpResponse(null, { status: 204 });
      }),
      http.put(`${GRAPH_BASE}/drives/d/items/i/content`, async ({ request }) => {
        seen.push({ type: request.headers.get('content-type'), body: await request.text() });
        return HttpResponse.json({ id: 'i', eTag: '"2"' });
      }),
    );
    const graph = requester();
    await expect(graph.patch('/me/events/e1', { subject: 'x' })).resolves.toBeUndefined();
    await expect(graph.put('/drives/d/items/i/content', '{"a":1}', 'application/json')).resolves.toEqual({ id: 'i', eTag: '"2"' });
    expect(seen).toEqual([
      { type: 'application/json', body: '{"subject":"x"}' },
      { type: 'application/json', body: '{"a":1}' },
    ]);
  });

  it('counts /me, /users/{id}/… and $batch requests for the right mailbox', () => {
    expect(mailboxOf('/me/events')).toBe('me');
    expect(mailboxOf(`${GRAPH_BASE}/me/calendarView?x=1`)).toBe('me');
    expect(mailboxOf('/users/Ann%40x.nl/events')).toBe('users/ann@x.nl');
    expect(mailboxOf('/drives/d/items/i')).toBe('tenant');
    expect(mailboxOf('/$batch', { requests: [{ url: '/me/events/1/attachments' }] })).toBe('me');
    expect(mailboxOf('/$batch', { requests: [{ url: '/planner/tasks' }] })).toBe('tenant');
  });

  it('keeps AppErrors and maps what the SDK throws', () => {
    const own = new AppError('graph-forbidden');
    expect(toGraphAppError(own)).toBe(own);
    expect(toGraphAppError(new TypeError('fetch failed')).code).toBe('network-offline');
    expect(toGraphAppError('weird').code).toBe('graph-failed');
  });
});
