// The one Graph client and its request path. Every adapter goes through `GraphRequester`, so the
// bearer token, retries (429/503/504 with Retry-After), the per-mailbox concurrency limit, paging,
// $batch and error mapping happen in one place. Graph shapes and SDK types stay inside src/graph.
import { Client, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import { AppError } from '../app/errors';
import { sendBatch } from './batch';
import type { BatchItem, BatchResult } from './batch';
import { AuthMiddleware, CallPolicy, ConcurrencyLimiter, OfflineGate, RetryMiddleware } from './middleware';
import type { TokenSource } from './middleware';
import { errorFromParts, toGraphAppError } from './graphErrors';
import { isIdempotentMethod, retryOptions } from './retryPolicy';
import type { RetryOptions } from './retryPolicy';

export type { TokenSource } from './middleware';
export type { BatchItem, BatchResult } from './batch';
export { errorCodeFor, errorFromParts, isAmbiguousFailure, toGraphAppError } from './graphErrors';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

/** Outlook allows 4 concurrent requests per app per mailbox. */
export const MAX_IN_FLIGHT_PER_MAILBOX = 4;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GraphCall {
  method: HttpMethod;
  /** Relative to v1.0 ('/me/events'), or an absolute Graph URL (an @odata.nextLink). Query values already encoded. */
  path: string;
  /** JSON body. */
  body?: unknown;
  /** A non-JSON body, sent as-is. */
  text?: { content: string; contentType: string };
  headers?: Record<string, string>;
  /**
   * May a 503/504 be retried? Default: GET/PUT/DELETE yes, POST/PATCH no (the service may have done
   * the work). 429 is always retried.
   */
  idempotent?: boolean;
  /** 'text' returns the body as a string whatever its content type (file content). */
  responseType?: 'json' | 'text';
}

export interface GraphReply<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface GraphRequester {
  send<T>(call: GraphCall): Promise<GraphReply<T>>;
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  getText(path: string): Promise<string>;
  /** Follows @odata.nextLink until the collection is complete. */
  getAll<T>(path: string, headers?: Record<string, string>): Promise<T[]>;
  post<T>(path: string, body: unknown, options?: { headers?: Record<string, string>; idempotent?: boolean }): Promise<T>;
  put<T>(path: string, body: string, contentType: string, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  delete(path: string, headers?: Record<string, string>): Promise<void>;
  /**
   * POST /$batch in groups of ≤ 20 (dependsOn chains stay in one group), re-sending only the
   * throttled sub-requests (and 503/504 ones when idempotent) after their own Retry-After.
   * Every item gets a result; a failed envelope gives its items that error.
   */
  batch(items: BatchItem[]): Promise<BatchResult[]>;
}

export interface GraphRequesterOptions {
  retry?: Partial<RetryOptions>;
  maxInFlightPerMailbox?: number;
  /** The device's connectivity: while it says offline, every request fails at once with network-offline. */
  isOnline?: () => boolean;
}

const MAX_PAGES = 1000;

export function createGraphRequester(getToken: TokenSource, options: GraphRequesterOptions = {}): GraphRequester {
  const retry = retryOptions(options.retry);
  const client = Client.initWithMiddleware({
    defaultVersion: 'v1.0',
    middleware: [
      new RetryMiddleware(retry),
      new OfflineGate(options.isOnline ?? (() => true)),
      new AuthMiddleware(getToken),
      new ConcurrencyLimiter(options.maxInFlightPerMailbox ?? MAX_IN_FLIGHT_PER_MAILBOX),
      new HTTPMessageHandler(),
    ],
  });

  async function send<T>(call: GraphCall): Promise<GraphReply<T>> {
    const policy = new CallPolicy(call.idempotent ?? isIdempotentMethod(call.method), mailboxOf(call.path, call.body));
    const headers: Record<string, string> = { ...call.headers };
    let payload: unknown = call.body;
    if (call.text) {
      headers['Content-Type'] = call.text.contentType;
      payload = call.text.content;
    }
    const request = client.api(call.path).headers(headers).middlewareOptions([policy]).responseType(ResponseType.RAW);
    let response: Response;
    try {
      switch (call.method) {
        case 'GET': response = (await request.get()) as Response; break;
        case 'POST': response = (await request.post(payload)) as Response; break;
        case 'PUT': response = (await request.put(payload)) as Response; break;
        case 'PATCH': response = (await request.patch(payload)) as Response; break;
        case 'DELETE': response = (await request.delete()) as Response; break;
      }
    } catch (error) {
      throw toGraphAppError(policy.failure ?? error);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return { status: response.status, headers: response.headers, body: (await readBody(response, call.responseType ?? 'json')) as T };
  }

  const requester: GraphRequester = {
    send,
    get: async (path, headers) => (await send<never>({ method: 'GET', path, headers })).body,
    getText: async (path) => (await send<string>({ method: 'GET', path, responseType: 'text' })).body ?? '',
    async getAll<T>(path: string, headers?: Record<string, string>) {
      const items: T[] = [];
      let next: string | undefined = path;
      for (let page = 0; next; page += 1) {
        if (page >= MAX_PAGES) throw new AppError('graph-failed', { detail: `more than ${MAX_PAGES} pages at ${path.split('?')[0]}` });
        const reply: GraphReply<{ value?: T[]; '@odata.nextLink'?: string }> = await send({ method: 'GET', path: next, headers });
        items.push(...(reply.body?.value ?? []));
        next = reply.body?.['@odata.nextLink'];
      }
      return items;
    },
    post: async (path, body, opts = {}) => (await send<never>({ method: 'POST', path, body, headers: opts.headers, idempotent: opts.idempotent })).body,
    put: async (path, body, contentType, headers) => (await send<never>({ method: 'PUT', path, text: { content: body, contentType }, headers })).body,
    patch: async (path, body, headers) => (await send<never>({ method: 'PATCH', path, body, headers })).body,
    delete: async (path, headers) => { await send({ method: 'DELETE', path, headers }); },
    batch: (items) => sendBatch(
      async (requests, idempotent) => (await send<{ responses?: unknown[] }>({ method: 'POST', path: '/$batch', body: { requests }, idempotent })).body,
      items,
      retry,
    ),
  };
  return requester;
}

async function readBody(response: Response, responseType: 'json' | 'text'): Promise<unknown> {
  if (response.status === 204 || response.status === 202 || response.status === 205) {
    response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const text = await response.text();
  if (responseType === 'text') return text;
  if (text === '') return undefined;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AppError('graph-failed', { cause, status: response.status, requestId: response.headers.get('request-id') ?? undefined, detail: 'unreadable JSON' });
  }
}

/**
 * Which mailbox's concurrency slots a request uses: everything under /me is the signed-in user's
 * mailbox, /users/{id}/… is that user's; a $batch counts for the mailbox of its sub-requests.
 */
export function mailboxOf(path: string, body?: unknown): string {
  const relative = path.replace(/^https:\/\/[^/]+\/(v1\.0|beta)/i, '').replace(/^\/?/, '/');
  if (/^\/\$batch(\?|$)/.test(relative)) {
    const requests = (body as { requests?: { url?: unknown }[] } | undefined)?.requests ?? [];
    for (const request of requests) {
      if (typeof request.url !== 'string') continue;
      const mailbox = mailboxOf(request.url);
      if (mailbox !== 'tenant') return mailbox;
    }
    return 'tenant';
  }
  if (/^\/me(\/|\?|$)/i.test(relative)) return 'me';
  const user = /^\/users\/([^/?]+)\//i.exec(relative);
  if (user?.[1]) return `users/${decodeURIComponent(user[1]).toLowerCase()}`;
  return 'tenant';
}

async function errorFromResponse(response: Response): Promise<AppError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  return errorFromParts(response.status, (name) => response.headers.get(name), body);
}
