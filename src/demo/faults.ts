// Fault injection for tests (Vitest through the tenant, Playwright through window.__soDemo.faults).
// A fault applies before the route runs, so nothing is written — except 'lose-response', where the route runs
// (state changes) and the client gets a network error instead of the answer: the ambiguous failure that
// idempotency (transactionId, If-Match) exists for.

export interface FaultMatch {
  method?: string;
  /** Tested against the path below /v1.0 (e.g. /me/events/AAMk...=): a RegExp, or a substring. */
  path?: RegExp | string;
}

export type Fault =
  | { kind: 'status'; status: 429 | 503 | 504; retryAfterSeconds?: number; match?: FaultMatch; times?: number }
  | { kind: '412-next-write'; match?: FaultMatch }
  /**
   * 412 on every `every`-th matching write (PUT, PATCH, DELETE), starting with the first: with `every: 2`,
   * writes 1, 3, 5, … fail and 2, 4, … go through ("412 on every other write"). `times` counts the 412s.
   */
  | { kind: '412-periodic'; every: number; match?: FaultMatch; times?: number }
  | { kind: 'offline'; times?: number }
  | { kind: 'token-expired'; match?: FaultMatch; times?: number }
  | { kind: 'slow'; delayMs: number; match?: FaultMatch; times?: number }
  | { kind: 'lose-response'; match?: FaultMatch; times?: number };

export type FaultKind = Fault['kind'];

export interface FaultInjector {
  /**
   * Adds a fault. `times` (how many matching requests it hits) defaults to 1 for status, 412-next-write,
   * token-expired and lose-response, and to "until clear()" for offline, slow and 412-periodic.
   */
  inject(fault: Fault): void;
  /** Removes every fault. */
  clear(): void;
  /** The faults still waiting to hit, with their remaining counts. */
  active(): (Fault & { remaining: number })[];
}

/** What the tenant asks of the injector; not part of the public API. */
export interface FaultSource extends FaultInjector {
  /** Takes (and counts down) the first fault of one of the kinds that matches the request. */
  take<K extends FaultKind>(kinds: K[], method: string, path: string): Extract<Fault, { kind: K }> | undefined;
}

const WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return path.includes(match.path);
  match.path.lastIndex = 0;
  return match.path.test(path);
}

function defaultTimes(fault: Fault): number {
  if ('times' in fault && fault.times !== undefined) return fault.times;
  return fault.kind === 'offline' || fault.kind === 'slow' || fault.kind === '412-periodic' ? Number.POSITIVE_INFINITY : 1;
}

type Armed = Fault & { remaining: number; /** 412-periodic: matching writes seen so far. */ writes?: number };

export function createFaultInjector(): FaultSource {
  let faults: Armed[] = [];
  return {
    inject(fault) {
      if (fault.kind === 'status' && ![429, 503, 504].includes(fault.status)) throw new Error(`unsupported fault status ${fault.status}`);
      if (fault.kind === '412-periodic' && !(Number.isInteger(fault.every) && fault.every >= 1)) throw new Error(`412-periodic needs a whole 'every' of 1 or more, got ${fault.every}`);
      faults.push({ ...fault, remaining: defaultTimes(fault) });
    },
    clear() {
      faults = [];
    },
    active: () => faults.map(({ writes: _writes, ...f }) => ({ ...f })),
    take(kinds, method, path) {
      const index = faults.findIndex((f) => {
        if (!(kinds as FaultKind[]).includes(f.kind) || f.remaining <= 0) return false;
        // 412 faults hit writes that could carry If-Match: PUT, PATCH or DELETE.
        if ((f.kind === '412-next-write' || f.kind === '412-periodic') && !WRITES.has(method.toUpperCase())) return false;
        if (!matches('match' in f ? f.match : undefined, method, path)) return false;
        if (f.kind !== '412-periodic') return true;
        // Counted here, so a matching write the fault lets through still moves it on.
        f.writes = (f.writes ?? 0) + 1;
        return (f.writes - 1) % f.every === 0;
      });
      if (index < 0) return undefined;
      const fault = faults[index]!;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.splice(index, 1);
      const { remaining: _remaining, writes: _writes, ...rest } = fault;
      return rest as never;
    },
  };
}
