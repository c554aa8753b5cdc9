// The demo tenant's view of an HTTP exchange, independent of MSW so it can be tested directly.
import type { DemoTenantState, DemoUser } from '../tenantState';

export interface TenantRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Raw request body text ('' when none). */
  body: string;
}

export interface TenantResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, or a string sent as-is (file content). */
  body?: unknown;
  contentType?: string;
  /** The client gets no answer at all (a network error): injected offline or lost-response faults. */
  networkError?: boolean;
}

export interface RouteContext {
  state: DemoTenantState;
  me: DemoUser;
  request: TenantRequest;
  params: string[];
  now: Date;
  requestId: string;
  /** Serves a request through the whole pipeline (auth, faults, contract, journal); $batch passes the sub-request's id. */
  dispatch(request: TenantRequest, batchRequestId?: string): Promise<TenantResponse>;
}

export type RouteHandler = (ctx: RouteContext) => TenantResponse | Promise<TenantResponse>;

export interface Route {
  method: string;
  pattern: RegExp;
  handle: RouteHandler;
  /** Contract of the request body: a type ('plannerTask') or a bound action ('event.forward'). Unset: not JSON. */
  request?: string;
  /** Contract of a successful JSON response: a type, 'Collection(type)', or the action (its return type). */
  response?: string;
}

/** Graph's error envelope. */
export function graphError(status: number, code: string, message: string, requestId: string, now: Date): TenantResponse {
  return {
    status,
    body: { error: { code, message, innerError: { 'request-id': requestId, 'client-request-id': requestId, date: now.toISOString() } } },
    headers: { 'request-id': requestId },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): TenantResponse {
  return { status, body, headers };
}

export function parseJsonBody(request: TenantRequest): unknown {
  if (!request.body) return undefined;
  return JSON.parse(request.body) as unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's JSON object body ({} when empty); a SyntaxError becomes Graph's 400 in the router. */
export function jsonObjectBody(request: TenantRequest): Record<string, unknown> {
  const body = parseJsonBody(request);
  if (body === undefined) return {};
  if (!isRecord(body)) throw new SyntaxError('the request body is not a JSON object');
  return body;
}

/** A property read case-insensitively, as Graph reads action parameters (ToRecipients, toRecipients). */
export function prop(source: unknown, name: string): unknown {
  if (!isRecord(source)) return undefined;
  if (name in source) return source[name];
  const key = Object.keys(source).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : source[key];
}

export function noContent(status = 204, headers: Record<string, string> = {}): TenantResponse {
  return { status, headers };
}

/** An id shaped like the service's: a fixed prefix and random characters. */
export function newId(prefix = '', length = 24): string {
  let out = '';
  while (out.length < length) out += crypto.randomUUID().replace(/-/g, '');
  return `${prefix}${out.slice(0, length)}`;
}

/** Applies OData $select to the top-level properties, keeping annotations and expanded navigation. */
export function applySelect<T extends Record<string, unknown>>(entity: T, select: string | null, keep: string[] = []): Partial<T> {
  if (!select) return entity;
  const wanted = new Set([...select.split(',').map((s) => s.trim()).filter(Boolean), ...keep]);
  return Object.fromEntries(Object.entries(entity).filter(([key]) => key.startsWith('@') || wanted.has(key))) as Partial<T>;
}

/** Pages a collection with $top and an opaque $skiptoken, as Graph does with @odata.nextLink. */
export function page<T>(request: TenantRequest, all: T[], defaultSize: number): { value: T[]; '@odata.nextLink'?: string } {
  const top = Number(request.url.searchParams.get('$top') ?? defaultSize);
  const size = Number.isInteger(top) && top > 0 ? Math.min(top, 999) : defaultSize;
  const skip = Number(request.url.searchParams.get('$skiptoken') ?? 0);
  const value = all.slice(skip, skip + size);
  if (skip + size >= all.length) return { value };
  const next = new URL(request.url);
  next.searchParams.set('$skiptoken', String(skip + size));
  return { value, '@odata.nextLink': next.toString() };
}
