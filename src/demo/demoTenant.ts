// The demo tenant: routes Graph requests over its state, one at a time, and persists every change
// so a reload keeps what the user did. `reset` puts the seed back.
import { isCaseStatus, summarisePlan } from '../domain';
import type { KvStore } from '../storage/kvStore';
import { driveRoutes } from './graph/drive';
import { graphError } from './graph/http';
import type { Route, TenantRequest, TenantResponse } from './graph/http';
import { userRoutes } from './graph/users';
import { createSeed } from './seed';
import { DEMO_STATE_VERSION } from './tenantState';
import type { DemoTenantState } from './tenantState';

export const DEMO_TOKEN_PREFIX = 'demo.';
const STATE_KEY = 'tenant-state';
const routes: Route[] = [...userRoutes, ...driveRoutes];

export interface DemoTenant {
  handle(request: TenantRequest): Promise<TenantResponse>;
  reset(): Promise<void>;
  snapshot(): Promise<DemoTenantState>;
}

/** The demo "access token" names the persona; real tokens never exist in demo mode. */
export function demoTokenFor(userId: string): string {
  return `${DEMO_TOKEN_PREFIX}${userId}`;
}

/** The seed with the library columns filled from each plan, as the app itself would have written them. */
export function seededState(now: Date): DemoTenantState {
  const state = createSeed();
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

export function createDemoTenant(options: { kv: KvStore; now: () => Date }): DemoTenant {
  const { kv, now } = options;
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;

  // One request at a time, as if the tenant were a single server: no lost updates between tabs' requests.
  const serialise = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<DemoTenantState> => {
    const stored = await kv.get<DemoTenantState>(STATE_KEY);
    if (stored && stored.version === DEMO_STATE_VERSION) return stored;
    const fresh = seededState(now());
    await kv.set(STATE_KEY, fresh);
    return fresh;
  };

  return {
    handle: (request) => serialise(async () => {
      const state = await load();
      const at = now();
      counter += 1;
      const requestId = `demo-${at.getTime().toString(36)}-${counter}`;
      const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
      const me = token.startsWith(DEMO_TOKEN_PREFIX) ? state.users.find((u) => u.id === token.slice(DEMO_TOKEN_PREFIX.length)) : undefined;
      if (!me) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.', requestId, at);

      const path = request.url.pathname.replace(/^\/v1\.0/, '');
      const candidates = routes.filter((r) => r.pattern.test(path));
      const route = candidates.find((r) => r.method === request.method);
      if (!route) {
        return candidates.length > 0
          ? graphError(405, 'Request_BadRequest', `Method ${request.method} is not allowed here.`, requestId, at)
          : graphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`, requestId, at);
      }
      const params = (route.pattern.exec(path) ?? []).slice(1);
      let response: TenantResponse;
      try {
        response = route.handle({ state, me, request, params, now: at, requestId });
      } catch (error) {
        if (error instanceof SyntaxError) return graphError(400, 'BadRequest', 'Unable to read JSON request payload.', requestId, at);
        throw error;
      }
      if (request.method !== 'GET' && response.status < 400) await kv.set(STATE_KEY, state);
      return { ...response, headers: { 'request-id': requestId, ...response.headers } };
    }),
    reset: () => serialise(async () => { await kv.set(STATE_KEY, seededState(now())); }),
    snapshot: () => serialise(load),
  };
}
