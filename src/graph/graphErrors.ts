// Graph failures as typed AppErrors: an app error code, the HTTP status, Graph's request id and
// error code, and Retry-After when the service gave one. Nothing is swallowed on the way.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { AppError } from '../app/errors';
import type { ErrorCode } from '../app/errors';
import { parseRetryAfter } from './retryPolicy';

const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'graph-unauthorized',
  403: 'graph-forbidden',
  404: 'graph-not-found',
  409: 'graph-conflict',
  412: 'graph-precondition-failed',
  429: 'graph-throttled',
  502: 'graph-unavailable',
  503: 'graph-unavailable',
  504: 'graph-unavailable',
};

export function errorCodeFor(status: number, serviceCode?: string): ErrorCode {
  // Planner and others report reached limits as 403 with codes like MaximumTasksInProject.
  if (status === 403 && serviceCode && /^Maximum/i.test(serviceCode)) return 'graph-limit-reached';
  return STATUS_CODES[status] ?? 'graph-failed';
}

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> };
}

type HeaderLookup = (name: string) => string | null | undefined;

/** Graph's error envelope (or whatever came instead) as a typed AppError: code, status, request id. */
export function errorFromParts(status: number, header: HeaderLookup, body: unknown, now = Date.now()): AppError {
  const error = (body as GraphErrorBody | undefined)?.error;
  const inner = error?.innerError ?? error?.innererror;
  const innerId = inner?.['request-id'];
  const requestId = (typeof innerId === 'string' ? innerId : undefined) ?? header('request-id') ?? header('client-request-id') ?? undefined;
  const serviceCode = typeof error?.code === 'string' ? error.code : undefined;
  const retryAfterMs = parseRetryAfter(header('Retry-After'), now);
  return new AppError(errorCodeFor(status, serviceCode), {
    status,
    requestId,
    serviceCode,
    retryAfterMs,
    detail: `${status}${serviceCode ? ` ${serviceCode}` : ''}`,
  });
}

/** A failure before any HTTP answer, or the SDK's GraphError, as an AppError. */
export function toGraphAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof GraphError) {
    // statusCode -1 is the SDK's way of saying the request never got an answer.
    if (error.statusCode === -1 || error.statusCode === 0) return new AppError('network-offline', { cause: error });
    const serviceCode = error.code ?? undefined;
    return new AppError(errorCodeFor(error.statusCode, serviceCode), {
      cause: error,
      status: error.statusCode,
      requestId: error.requestId ?? error.headers?.get('request-id') ?? undefined,
      serviceCode,
      detail: serviceCode,
    });
  }
  if (error instanceof TypeError) return new AppError('network-offline', { cause: error });
  return new AppError('graph-failed', { cause: error });
}

/**
 * Could the service have done the work although we got no success? (No answer at all, or a 5xx.)
 * For creating calls without an idempotency key this means: do not simply send again.
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'network-offline') return !refusedOnDevice.has(error);
  return error.status !== undefined && error.status >= 500;
}

// Requests the device refused to send because it knew it was offline: nothing reached the service, so they
// are certain failures, not ambiguous ones (a send may simply be tried again, and the user told so).
const refusedOnDevice = new WeakSet<AppError>();

/** The error for a request that never left the device because it is offline. */
export function offlineRefusal(): AppError {
  const error = new AppError('network-offline', { detail: 'the device is offline; nothing was sent' });
  refusedOnDevice.add(error);
  return error;
}
