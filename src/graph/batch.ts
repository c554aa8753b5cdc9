// JSON batching: ≤ 20 sub-requests per POST /$batch. Graph answers 200 for the envelope while single
// sub-requests may be throttled (429 with their own Retry-After) — the SDK does not retry those, so
// this helper does: it re-sends only those sub-requests (and whatever failed with 424 because it
// depended on them), keeping their dependsOn links inside the retried group.
import { AppError } from '../app/errors';
import { errorFromParts } from './graphErrors';
import { isIdempotentMethod, isRetriableStatus, retryDelay } from './retryPolicy';
import type { RetryOptions } from './retryPolicy';

export const MAX_BATCH_SIZE = 20;

export interface BatchItem {
  /** Unique within the call. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the version: '/me/events/{id}'. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
  /** May a 503/504 of this sub-request be retried? Default by method (GET/PUT/DELETE). */
  idempotent?: boolean;
}

export interface BatchResult {
  id: string;
  /** The sub-request's status; 0 when the envelope failed or no answer came for it. */
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Set when status is not 2xx. */
  error?: AppError;
  /** The request never left: an earlier batch's envelope failed. Safe to send again. */
  notSent?: true;
}

interface WireResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
}

type PostBatch = (requests: Record<string, unknown>[], idempotent: boolean) => Promise<{ responses?: unknown[] } | undefined>;

/** Splits into groups of ≤ 20 while keeping every dependsOn chain in one group, in the given order. */
export function groupForBatch(items: BatchItem[], size = MAX_BATCH_SIZE): BatchItem[][] {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`duplicate batch id ${item.id}`);
    ids.add(item.id);
  }
  // Union-find over dependsOn: a chain is one unit.
  const parent = new Map(items.map((i) => [i.id, i.id] as const));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const item of items) {
    for (const dep of item.dependsOn ?? []) {
      if (!ids.has(dep)) throw new Error(`batch item ${item.id} depends on unknown ${dep}`);
      parent.set(find(item.id), find(dep));
    }
  }
  const units = new Map<string, BatchItem[]>();
  for (const item of items) {
    const root = find(item.id);
    const unit = units.get(root) ?? [];
    unit.push(item);
    units.set(root, unit);
  }
  const groups: BatchItem[][] = [];
  let current: BatchItem[] = [];
  for (const unit of units.values()) {
    if (unit.length > size) throw new Error(`a dependsOn chain of ${unit.length} requests does not fit in one batch of ${size}`);
    if (current.length + unit.length > size) {
      groups.push(current);
      current = [];
    }
    current.push(...unit);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function toWire(item: BatchItem): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: item.id, method: item.method, url: item.url };
  const headers = { ...item.headers };
  if (item.body !== undefined) {
    wire.body = item.body;
    // Graph requires a Content-Type on every sub-request that has a body.
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  if (Object.keys(headers).length > 0) wire.headers = headers;
  if (item.dependsOn && item.dependsOn.length > 0) wire.dependsOn = item.dependsOn;
  return wire;
}

function headerLookup(headers: Record<string, string>) {
  return (name: string) => {
    const key = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : headers[key];
  };
}

function toResult(id: string, wire: WireResponse | undefined, now: number): BatchResult {
  if (!wire) {
    return { id, status: 0, headers: {}, body: undefined, error: new AppError('graph-failed', { detail: `no answer for batch request ${id}` }) };
  }
  const status = typeof wire.status === 'number' ? wire.status : 0;
  const headers = wire.headers ?? {};
  const result: BatchResult = { id, status, headers, body: wire.body };
  if (status < 200 || status >= 300) result.error = errorFromParts(status, headerLookup(headers), wire.body, now);
  return result;
}

const isIdempotent = (item: BatchItem) => item.idempotent ?? isIdempotentMethod(item.method);

async function sendGroup(post: PostBatch, group: BatchItem[], retry: RetryOptions): Promise<{ done: Map<string, BatchResult>; failure?: AppError }> {
  const done = new Map<string, BatchResult>();
  let pending = group;
  for (let attempt = 1; ; attempt += 1) {
    let envelope: { responses?: unknown[] } | undefined;
    try {
      envelope = await post(pending.map(toWire), pending.every(isIdempotent));
    } catch (error) {
      // The envelope itself failed (after the request path's own retries): what was answered earlier stays.
      const failure = error instanceof AppError ? error : new AppError('graph-failed', { cause: error });
      for (const item of pending) done.set(item.id, { id: item.id, status: 0, headers: {}, body: undefined, error: failure });
      return { done, failure };
    }
    const answers = new Map<string, WireResponse>();
    for (const raw of envelope?.responses ?? []) {
      const wire = raw as WireResponse;
      if (typeof wire.id === 'string') answers.set(wire.id, wire);
    }
    const results = new Map(pending.map((item) => [item.id, toResult(item.id, answers.get(item.id), retry.now())] as const));

    const again = new Set(pending.filter((item) => isRetriableStatus(results.get(item.id)!.status, isIdempotent(item))).map((i) => i.id));
    // A 424 only says "my dependency failed": when that dependency is retried, so is the dependent.
    for (let grew = true; grew;) {
      grew = false;
      for (const item of pending) {
        if (again.has(item.id) || results.get(item.id)!.status !== 424) continue;
        if ((item.dependsOn ?? []).some((d) => again.has(d))) {
          again.add(item.id);
          grew = true;
        }
      }
    }

    for (const item of pending) if (!again.has(item.id)) done.set(item.id, results.get(item.id)!);
    if (again.size === 0) return { done };

    // Wait as long as the most demanding throttled sub-request asked (or back off when none said).
    let delay: number | undefined = 0;
    for (const id of again) {
      const result = results.get(id)!;
      if (result.status === 424) continue;
      const wait = retryDelay(headerLookup(result.headers)('Retry-After'), attempt, retry);
      delay = wait === undefined || delay === undefined ? undefined : Math.max(delay, wait);
    }
    if (attempt >= retry.maxAttempts || delay === undefined) {
      for (const id of again) done.set(id, results.get(id)!);
      return { done };
    }
    await retry.sleep(delay);
    pending = pending
      .filter((item) => again.has(item.id))
      .map((item) => ({ ...item, dependsOn: item.dependsOn?.filter((d) => again.has(d)) }));
  }
}

/**
 * Sends the items in ⌈N/20⌉ batches, one after another; results come back in the items' order.
 * After an envelope failure the later groups are not sent: their results carry notSent and that error.
 */
export async function sendBatch(post: PostBatch, items: BatchItem[], retry: RetryOptions): Promise<BatchResult[]> {
  const results = new Map<string, BatchResult>();
  let failure: AppError | undefined;
  for (const group of groupForBatch(items)) {
    if (failure) {
      for (const item of group) results.set(item.id, { id: item.id, status: 0, headers: {}, body: undefined, error: failure, notSent: true });
      continue;
    }
    const outcome = await sendGroup(post, group, retry);
    for (const [id, result] of outcome.done) results.set(id, result);
    failure = outcome.failure;
  }
  return items.map((item) => results.get(item.id)!);
}
