// The demo tenant: routes Graph requests over its state, one at a time, and persists every change
// so a reload keeps what the user did. `reset` puts the seed back.
//
// Every request — $batch sub-requests included — goes through one pipeline:
//   auth (the demo token names the persona) → injected faults → route → contract check of the request body
//   (a violation is Graph's 400, code demoContractViolation, and nothing runs) → the route → contract check of
//   the response body (reported) → journal entry → `request-id` header.
// The tenant logic knows nothing of MSW: mswGraph.ts adapts it to fetch.
import { isCaseStatus, summarisePlan } from '../domain';
import type { KvStore } from '../storage/kvStore';
import { validateBody } from './contract/validate';
import { createFaultInjector } from './faults';
import type { FaultInjector } from './faults';
import { batchRoutes } from './graph/batch';
import { scheduleRoutes } from './graph/calendarSchedule';
import { driveRoutes } from './graph/drive';
import { eventRoutes } from './graph/events';
import { graphError } from './graph/http';
import type { Route, RouteContext, TenantRequest, TenantResponse } from './graph/http';
import { mailRoutes } from './graph/mail';
import { peopleRoutes } from './graph/people';
import { permissionRoutes } from './graph/permissions';
import { plannerRoutes } from './graph/planner';
import { userRoutes } from './graph/users';
import { globalDemoTenantHooks } from './hooks';
import type { ContractViolationReport } from './hooks';
import type { JournalEntry, JournaledHeader } from './journal';
import { createSeed } from './seed';
import { DEMO_STATE_VERSION } from './tenantState';
import type { DemoTenantState, DemoUser } from './tenantState';

export type { ContractViolationReport } from './hooks';
export type { JournalEntry } from './journal';
export type { Fault, FaultInjector, FaultMatch } from './faults';

export const DEMO_TOKEN_PREFIX = 'demo.';
const STATE_KEY = 'tenant-state';
const JOURNAL_HEADERS: JournaledHeader[] = ['if-match', 'prefer', 'consistencylevel', 'content-type'];

export const routes: Route[] = [
  ...userRoutes, ...peopleRoutes, ...eventRoutes, ...scheduleRoutes, ...mailRoutes,
  ...driveRoutes, ...permissionRoutes, ...plannerRoutes, ...batchRoutes,
];

export interface DemoTenant {
  handle(request: TenantRequest): Promise<TenantResponse>;
  reset(): Promise<void>;
  snapshot(): Promise<DemoTenantState>;
  /** Fault injection for tests. */
  readonly faults: FaultInjector;
  /** The most recent journal entries (the last 2,000), oldest first. */
  journal(): JournalEntry[];
  /** Every contract violation seen so far, one line each. */
  contractViolations(): string[];
}

export interface DemoTenantOptions {
  kv: KvStore;
  now: () => Date;
  /**
   * The day whose week the seed is moved to when the tenant is (re)seeded, so the demo never rots: the
   * browser demo passes today. Without it the seed stands as written (its anchor week, see seedTime.ts),
   * which is what scenario tests with a fixed clock want.
   */
  seedWeekOf?: () => Date;
  /** Called with each journal entry (also for batch sub-requests and injected faults). */
  onJournal?: (entry: JournalEntry) => void;
  /** Called for each body that breaks Graph's contract; tests throw or record, the browser logs. */
  onContractViolation?: (report: ContractViolationReport) => void;
}

/** The demo "access token" names the persona; real tokens never exist in demo mode. */
export function demoTokenFor(userId: string): string {
  return `${DEMO_TOKEN_PREFIX}${userId}`;
}

/** The seed with the library columns filled from each plan, as the app itself would have written them. */
export function seededState(now: Date, seedWeekOf?: Date): DemoTenantState {
  const state = createSeed(seedWeekOf);
  for (const item of state.planDrive.items) {
    if (item.fields || !item.name.endsWith('.json')) continue;
    const plan = JSON.parse(item.content) as { caseAlias: string; status: unknown; meetings?: { start: string; status: string }[]; agreements?: { status: string }[] };
    if (!isCaseStatus(plan.status)) continue;
    const summary = summarisePlan({ ...plan, status: plan.status }, now.toISOString());
    item.fields = {
      SOCaseAlias: summary.caseAlias,
      SOStatus: summary.status,
      SONextMeeting: summary.nextMeeting ?? null,
      SOOpenAgreements: summary.openAgreements,
    };
  }
  return state;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pathOf(url: URL): string {
  return url.pathname.replace(/^\/v1\.0/, '');
}

function journalBody(text: string, contentType: string | null): { requestBody?: unknown; requestBodyLength?: number } {
  if (!text) return {};
  if (!contentType || /json/i.test(contentType)) {
    try {
      return { requestBody: JSON.parse(text) as unknown };
    } catch {
      // not JSON after all
    }
  }
  return { requestBodyLength: text.length };
}

interface Session {
  /** A successful write happened: persist the state. */
  dirty: boolean;
  /** A lose-response fault hit: the route ran, the client gets a network error. */
  loseResponse: boolean;
}

export function createDemoTenant(options: DemoTenantOptions): DemoTenant {
  const { kv, now } = options;
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  const faults = createFaultInjector();
  const journal: JournalEntry[] = [];
  const violations: string[] = [];

  // One request at a time, as if the tenant were a single server: no lost updates between tabs' requests.
  const serialise = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<DemoTenantState> => {
    const stored = await kv.get<DemoTenantState>(STATE_KEY);
    if (stored && stored.version === DEMO_STATE_VERSION) return stored;
    const fresh = seededState(now(), options.seedWeekOf?.());
    await kv.set(STATE_KEY, fresh);
    return fresh;
  };

  const record = (entry: JournalEntry) => {
    journal.push(entry);
    if (journal.length > 2000) journal.splice(0, journal.length - 2000);
    options.onJournal?.(entry);
    for (const hooks of globalDemoTenantHooks()) hooks.onJournal?.(entry);
  };

  const report = (report: ContractViolationReport) => {
    violations.push(...report.messages);
    options.onContractViolation?.(report);
    for (const hooks of globalDemoTenantHooks()) hooks.onContractViolation?.(report);
  };

  const nextRequestId = (at: Date) => {
    counter += 1;
    return `demo-${at.getTime().toString(36)}-${counter}`;
  };

  const check = (target: string, body: unknown, direction: 'request' | 'response', request: TenantRequest, at: Date, requestId: string): string[] => {
    const found = validateBody(target, body, direction);
    if (found.length === 0) return [];
    const path = pathOf(request.url);
    const messages = found.map((v) => `${request.method} ${path} ${direction} ${target}: ${v.path} ${v.message}`);
    report({ at: at.toISOString(), requestId, method: request.method, url: request.url.toString(), direction, target, messages });
    return messages;
  };

  async function dispatch(state: DemoTenantState, request: TenantRequest, session: Session, batch?: { requestId: string; id: string }): Promise<TenantResponse> {
    const at = now();
    const requestId = nextRequestId(at);
    const path = pathOf(request.url);
    const headers: JournalEntry['headers'] = {};
    for (const h of JOURNAL_HEADERS) {
      const v = request.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    let userId = '';
    let fault: string | undefined;
    let contractMessages: string[] = [];

    const finish = (response: TenantResponse): TenantResponse => {
      const out: TenantResponse = { ...response, headers: { 'request-id': requestId, 'client-request-id': request.headers.get('client-request-id') ?? requestId, ...response.headers } };
      const entry: JournalEntry = {
        at: at.toISOString(), requestId, method: request.method, url: request.url.toString(), userId, headers,
        ...journalBody(request.body, request.headers.get('content-type')),
        status: out.status,
      };
      if (typeof out.body === 'string') entry.responseBodyLength = out.body.length;
      else if (out.body !== undefined) entry.responseBody = out.body;
      if (batch) entry.batch = batch;
      if (fault) entry.fault = fault;
      if (contractMessages.length > 0) entry.contractViolations = contractMessages;
      record(entry);
      return out;
    };

    // Authentication: the demo token names a user; faults can expire it.
    if (!batch && faults.take(['token-expired'], request.method, path)) {
      fault = 'token-expired';
      return finish(graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', requestId, at));
    }
    const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    const me: DemoUser | undefined = token.startsWith(DEMO_TOKEN_PREFIX) ? state.users.find((u) => u.id === token.slice(DEMO_TOKEN_PREFIX.length)) : undefined;
    if (!me) return finish(graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.', requestId, at));
    userId = me.id;

    // Injected failures answer before the route runs: nothing is written.
    const status = faults.take(['status'], request.method, path);
    if (status) {
      fault = `status ${status.status}`;
      const codes = { 429: ['TooManyRequests', 'Too many requests. Retry after the period the Retry-After header gives.'], 503: ['serviceNotAvailable', 'The service is temporarily unavailable.'], 504: ['gatewayTimeout', 'The gateway timed out.'] } as const;
      const [code, message] = codes[status.status];
      const response = graphError(status.status, code, message, requestId, at);
      if (status.retryAfterSeconds !== undefined) response.headers = { ...response.headers, 'Retry-After': String(status.retryAfterSeconds) };
      return finish(response);
    }
    const precondition = faults.take(['412-next-write', '412-periodic'], request.method, path);
    if (precondition) {
      fault = precondition.kind;
      return finish(path.startsWith('/drives/')
        ? graphError(412, 'resourceModified', 'ETag does not match current item\'s value', requestId, at)
        : graphError(412, 'PreconditionFailed', 'The precondition failed: the If-Match value does not match the current etag of the item.', requestId, at));
    }

    const candidates = routes.filter((r) => r.pattern.test(path));
    const route = candidates.find((r) => r.method === request.method);
    if (!route) {
      return finish(candidates.length > 0
        ? graphError(405, 'Request_BadRequest', `Method ${request.method} is not allowed here.`, requestId, at)
        : graphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`, requestId, at));
    }

    if (route.request && request.body) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.body) as unknown;
      } catch {
        return finish(graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', requestId, at));
      }
      contractMessages = check(route.request, parsed, 'request', request, at, requestId);
      if (contractMessages.length > 0) {
        return finish(graphError(400, 'demoContractViolation', `The request body breaks Graph's contract: ${contractMessages.join(' | ')}`, requestId, at));
      }
    }

    const loseResponse = faults.take(['lose-response'], request.method, path);
    const params = (route.pattern.exec(path) ?? []).slice(1);
    const ctx: RouteContext = {
      state, me, request, params, now: at, requestId,
      dispatch: (sub, batchRequestId) => dispatch(state, sub, session, batchRequestId === undefined ? undefined : { requestId, id: batchRequestId }),
    };
    let response: TenantResponse;
    try {
      response = await route.handle(ctx);
    } catch (error) {
      if (error instanceof SyntaxError) {
        return finish(graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', requestId, at));
      }
      throw error;
    }
    if (request.method !== 'GET' && response.status < 400) session.dirty = true;
    if (route.response && response.status < 300 && response.body !== undefined && typeof response.body !== 'string') {
      contractMessages = check(route.response, response.body, 'response', request, at, requestId);
    }
    if (loseResponse) {
      fault = 'lose-response';
      session.loseResponse = true;
    }
    return finish(response);
  }

  return {
    faults,
    journal: () => journal.map((e) => ({ ...e })),
    contractViolations: () => [...violations],
    handle: async (request) => {
      const path = pathOf(request.url);
      if (faults.take(['offline'], request.method, path)) {
        const at = now();
        record({
          at: at.toISOString(), requestId: nextRequestId(at), method: request.method, url: request.url.toString(), userId: '',
          headers: {}, ...journalBody(request.body, request.headers.get('content-type')), status: 0, fault: 'offline',
        });
        return { status: 0, networkError: true };
      }
      const slow = faults.take(['slow'], request.method, path);
      if (slow) await sleep(slow.delayMs);
      return serialise(async () => {
        const state = await load();
        const session: Session = { dirty: false, loseResponse: false };
        const response = await dispatch(state, request, session);
        if (session.dirty) await kv.set(STATE_KEY, state);
        return session.loseResponse ? { status: 0, networkError: true } : response;
      });
    },
    reset: () => serialise(async () => { await kv.set(STATE_KEY, seededState(now(), options.seedWeekOf?.())); }),
    snapshot: () => serialise(load),
  };
}
