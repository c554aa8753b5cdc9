import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetriableStatus, parseRetryAfter, retryDelay, retryOptions } from './retryPolicy';

describe('retry policy', () => {
  const now = Date.parse('2026-11-22T09:00:00Z');

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 08:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off with full jitter under a doubling, capped ceiling', () => {
    const options = { baseDelayMs: 1000, maxBackoffMs: 5000 };
    for (const [retry, ceiling] of [[1, 1000], [2, 2000], [3, 4000], [4, 5000], [9, 5000]] as const) {
      expect(backoffDelay(retry, { ...options, random: () => 0 })).toBe(0);
      expect(backoffDelay(retry, { ...options, random: () => 0.999999 })).toBe(ceiling - 1);
      const sample = backoffDelay(retry, { ...options, random: Math.random });
      expect(sample).toBeGreaterThanOrEqual(0);
      expect(sample).toBeLessThan(ceiling);
    }
  });

  it('prefers the service’s Retry-After, and refuses to sleep beyond the limit', () => {
    const options = retryOptions({ now: () => now, random: () => 0.5, maxRetryAfterMs: 60_000 });
    expect(retryDelay('4', 1, options)).toBe(4000);
    expect(retryDelay(null, 2, options)).toBe(1000);
    expect(retryDelay('61', 1, options)).toBeUndefined();
  });

  it('retries 429 always, 503/504 only when a repeat cannot do the work twice', () => {
    expect(isRetriableStatus(429, false)).toBe(true);
    expect(isRetriableStatus(503, false)).toBe(false);
    expect(isRetriableStatus(503, true)).toBe(true);
    expect(isRetriableStatus(504, true)).toBe(true);
    expect(isRetriableStatus(500, true)).toBe(false);
    expect(isRetriableStatus(404, true)).toBe(false);
  });
});
