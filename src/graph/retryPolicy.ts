// When and how long to wait before sending a request again. Pure, so tests can drive it with
// an injected clock, random source and sleep.

export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** First backoff ceiling when the service gives no Retry-After; doubles per retry. */
  baseDelayMs: number;
  /** Backoff ceiling never grows beyond this. */
  maxBackoffMs: number;
  /**
   * A Retry-After longer than this is not slept through: the call fails with graph-throttled and
   * the error carries retryAfterMs, so the outbox can come back later instead of a frozen screen.
   */
  maxRetryAfterMs: number;
  sleep(ms: number): Promise<void>;
  /** [0, 1) */
  random(): number;
  /** Epoch milliseconds, for Retry-After given as an HTTP date. */
  now(): number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => Date.now(),
};

export function retryOptions(overrides: Partial<RetryOptions> = {}): RetryOptions {
  return { ...DEFAULT_RETRY_OPTIONS, ...overrides };
}

/** 429 is retried for every request: the service did not process it. */
export const THROTTLED = 429;
/** 503 and 504 may come after the service did the work: retried only for idempotent requests. */
export const UNAVAILABLE = [503, 504] as const;

export function isRetriableStatus(status: number, idempotent: boolean): boolean {
  if (status === THROTTLED) return true;
  return idempotent && (UNAVAILABLE as readonly number[]).includes(status);
}

export function isIdempotentMethod(method: string): boolean {
  return ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(method.toUpperCase());
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with full jitter: uniform in [0, min(maxBackoff, base · 2^(retry-1))). */
export function backoffDelay(retry: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxBackoffMs' | 'random'>): number {
  const ceiling = Math.min(options.maxBackoffMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * How long to wait before retry number `retry` (1 = the first retry). The service's Retry-After wins;
 * undefined means "do not retry" (the service asked for longer than we are willing to wait).
 */
export function retryDelay(retryAfterHeader: string | null | undefined, retry: number, options: RetryOptions): number | undefined {
  const asked = parseRetryAfter(retryAfterHeader, options.now());
  if (asked === undefined) return backoffDelay(retry, options);
  return asked > options.maxRetryAfterMs ? undefined : asked;
}
