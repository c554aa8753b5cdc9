// POST /$batch (JSON batching): at most 20 requests with unique ids and relative URLs; a request with a body
// needs its Content-Type header. Each sub-request runs through the same pipeline as any request (auth, faults,
// contract checks, journal), so single sub-requests can fail — an injected 429 carries its own Retry-After —
// while the batch answers 200. A request whose dependsOn names a failed request gets 424 and does not run.
// Responses come back in an order different from the requests' (Graph promises no order): here, the reverse
// of completion order, so a client that relies on the order fails in the tests.
import { graphError, isRecord, json, parseJsonBody } from './http';
import type { Route, RouteContext, TenantResponse } from './http';

export const MAX_BATCH_REQUESTS = 20;

interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function bad(ctx: RouteContext, message: string): TenantResponse {
  return graphError(400, 'BadRequest', message, ctx.requestId, ctx.now);
}

function readRequests(ctx: RouteContext): SubRequest[] | TenantResponse {
  const body = parseJsonBody(ctx.request);
  if (!isRecord(body) || !Array.isArray(body.requests)) return bad(ctx, 'Invalid batch payload format: expected {"requests": [...]}.');
  if (body.requests.length === 0) return bad(ctx, 'Invalid batch payload format: the batch has no requests.');
  if (body.requests.length > MAX_BATCH_REQUESTS) return bad(ctx, `Invalid batch payload format: a batch can hold at most ${MAX_BATCH_REQUESTS} requests, got ${body.requests.length}.`);
  const out: SubRequest[] = [];
  const ids = new Set<string>();
  for (const raw of body.requests) {
    if (!isRecord(raw)) return bad(ctx, 'Invalid batch payload format: every request must be an object.');
    const id = raw.id;
    if (typeof id !== 'string' || !id) return bad(ctx, 'Invalid batch payload format: every request needs a string id.');
    if (ids.has(id)) return bad(ctx, `Invalid batch payload format: the request id '${id}' is used twice.`);
    ids.add(id);
    if (typeof raw.method !== 'string' || typeof raw.url !== 'string') return bad(ctx, `Invalid batch payload format: request '${id}' needs a method and a url.`);
    if (/^[a-z]+:\/\//i.test(raw.url)) return bad(ctx, `Invalid batch payload format: request '${id}' must use a relative url, got '${raw.url}'.`);
    const headers: Record<string, string> = {};
    if (isRecord(raw.headers)) for (const [k, v] of Object.entries(raw.headers)) headers[k.toLowerCase()] = String(v);
    if (raw.body !== undefined && !headers['content-type']) {
      return bad(ctx, `Invalid batch payload format: request '${id}' has a body but no Content-Type header.`);
    }
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    out.push({ id, method: raw.method.toUpperCase(), url: raw.url, headers, body: raw.body, dependsOn });
  }
  for (const r of out) {
    for (const d of r.dependsOn) {
      if (!ids.has(d) || d === r.id) return bad(ctx, `Invalid batch payload format: request '${r.id}' depends on unknown request '${d}'.`);
    }
  }
  return out;
}

function bodyText(r: SubRequest): string {
  if (r.body === undefined || r.body === null) return '';
  const type = r.headers['content-type'] ?? '';
  if (typeof r.body === 'string' && !/json/i.test(type)) {
    // Non-JSON bodies travel base64-encoded in a JSON batch.
    try {
      return new TextDecoder().decode(Uint8Array.from(atob(r.body), (c) => c.charCodeAt(0)));
    } catch {
      return r.body;
    }
  }
  return typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
}

function encodeBody(response: TenantResponse): unknown {
  if (response.body === undefined) return undefined;
  if (typeof response.body === 'string') {
    // Graph base64-encodes non-JSON content in a batch response.
    const bytes = new TextEncoder().encode(response.body);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }
  return response.body;
}

async function runBatch(ctx: RouteContext): Promise<TenantResponse> {
  const requests = readRequests(ctx);
  if (!Array.isArray(requests)) return requests;
  const results = new Map<string, SubResponse>();
  const pending = [...requests];
  const completed: SubResponse[] = [];
  // Requests run one at a time; a request waits for everything it depends on.
  while (pending.length > 0) {
    const index = pending.findIndex((r) => r.dependsOn.every((d) => results.has(d)));
    const next = pending.splice(index < 0 ? 0 : index, 1)[0]!;
    const failedDependency = next.dependsOn.find((d) => (results.get(d)?.status ?? 424) >= 400);
    let result: SubResponse;
    if (failedDependency !== undefined) {
      const error = graphError(424, 'FailedDependency', `Failed dependency: request '${failedDependency}' failed.`, ctx.requestId, ctx.now);
      result = { id: next.id, status: 424, headers: { 'Content-Type': 'application/json' }, body: error.body };
    } else if (/^\/?\$batch/i.test(next.url)) {
      const error = graphError(400, 'BadRequest', 'A batch cannot contain another batch.', ctx.requestId, ctx.now);
      result = { id: next.id, status: 400, headers: { 'Content-Type': 'application/json' }, body: error.body };
    } else {
      const headers = new Headers(next.headers);
      const authorization = ctx.request.headers.get('authorization');
      if (authorization) headers.set('authorization', authorization);
      const url = new URL(`https://graph.microsoft.com/v1.0/${next.url.replace(/^\//, '')}`);
      const response = await ctx.dispatch({ method: next.method, url, headers, body: bodyText(next) }, next.id);
      const outHeaders: Record<string, string> = { ...response.headers };
      if (response.body !== undefined) outHeaders['Content-Type'] = typeof response.body === 'string' ? response.contentType ?? 'text/plain' : 'application/json';
      result = { id: next.id, status: response.status, headers: outHeaders };
      const body = encodeBody(response);
      if (body !== undefined) result.body = body;
    }
    results.set(next.id, result);
    completed.push(result);
  }
  return json(200, { responses: completed.reverse() });
}

export const batchRoutes: Route[] = [
  { method: 'POST', pattern: /^\/\$batch$/, handle: runBatch },
];
