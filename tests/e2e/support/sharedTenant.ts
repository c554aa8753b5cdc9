// One demo tenant for several browser contexts: a chair and a note taker on different "devices" editing the same
// plan at the same time need one Graph between them, but the demo tenant normally lives inside each page.
//
// How: the tenant runs here, in the Playwright (Node) process, built with the app's own createDemoTenant on an
// in-memory store. Each browser context gets the binding window.__soSharedTenant (context.exposeBinding, installed
// before any page script runs); startDemo sees it and lets MSW relay every Graph request to it instead of starting a
// tenant in the page (src/demo/mswGraph.ts relayTo). The app's fetch, MSW and the persona switcher stay as they are;
// the persona is per context (its IndexedDB), so choose it in each context.
//
// The fixture fails the test on any contract violation the shared tenant saw, and with GRAPH_JOURNAL=<file> appends
// every exchange to that file (as fixtures.ts does for the in-page tenant), marked with `tenant: 'shared'`.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { createDemoTenant, demoTokenFor } from '../../../src/demo/demoTenant';
import type { DemoTenant, FaultInjector, JournalEntry } from '../../../src/demo/demoTenant';
import type { RelayedRequest, RelayedResponse } from '../../../src/demo/mswGraph';
import { DEMO_PLAN_DRIVE_ID, PLAN_FOLDER } from '../../../src/demo/seed';
import { DEMO_PLANNER_PLAN_ID } from '../../../src/demo/seedWorkplace';
import type { KvStore } from '../../../src/storage/kvStore';
import { migratePlan } from '../../../src/domain';
import type { Plan } from '../../../src/domain';
import { casesTable, personaSelect } from './demo';
import { expect, test as base } from './fixtures';

const GRAPH = 'https://graph.microsoft.com/v1.0';

/** The seed's personas: the user id and the label the persona switcher shows. */
export const PERSONAS = {
  caseDirector: { id: 'f24d582b-f8ad-40cf-acc8-71c316c5bac3', name: 'Esra Aydin', label: 'Casusregisseur – Esra Aydin (Stichting Buurtkracht Maasveld)' },
  chair: { id: '1a620eff-687d-47aa-80a7-2e84f350f055', name: 'Priya Ramdin', label: 'Voorzitter – Priya Ramdin (Gemeente Maasveld)' },
  participant: { id: '07c11fe8-826c-4e86-906e-2a0fb6c231fc', name: 'Bram Hoekstra', label: 'Deelnemer – Bram Hoekstra (Veldwijzer GGZ)' },
} as const;
export type PersonaKey = keyof typeof PERSONAS;

export interface SharedTenantOptions {
  /** The tenant's clock. Default: runs from `startAt` at real speed, as page.clock.install({ time }) does in pages. */
  now?: () => Date;
  /** Where the default clock starts (the demo's weeks are late November 2026). */
  startAt?: Date | string;
}

export interface GraphAnswer<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface PlannerTaskView {
  id: string;
  title: string;
  bucketId: string;
  percentComplete: number;
  dueDateTime?: string | null;
  assignments: Record<string, unknown>;
  '@odata.etag': string;
}

export interface StoredPlanDocument {
  itemId: string;
  eTag: string;
  /** The document as stored (any schema version). */
  raw: unknown;
  /** Migrated to the current schema by the domain, as the app reads it. */
  plan: Plan;
}

export interface SharedTenant {
  readonly tenant: DemoTenant;
  readonly faults: FaultInjector;
  /** Every exchange the tenant served (all of them, not only the last 2,000), oldest first. */
  journal(): JournalEntry[];
  /** Every contract violation so far, one line each. */
  contractViolations(): string[];
  /** Returns and clears them: for a test that provokes violations on purpose (the fixture fails on any left). */
  takeContractViolations(): string[];
  /** Installs the relay binding in a context: every page it opens (later) uses this tenant. */
  attach(context: BrowserContext): Promise<void>;
  /** A new browser context (the test's `use` options apply) on this tenant, optionally with its clock set. */
  newContext(browser: Browser, options?: BrowserContextOptions & { clockAt?: Date | string }): Promise<BrowserContext>;
  /** One Graph request as a user, straight to the tenant (as their own Outlook or Planner would send it). */
  call<T = unknown>(userId: string, method: string, pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<GraphAnswer<T>>;
  /** The plan document of a case as `userId` reads it from the library (default: the case director). */
  readPlan(caseAlias: string, userId?: string): Promise<StoredPlanDocument>;
  /** Writes a plan document over the stored one (If-Match on its eTag), as `userId`; returns the new eTag. */
  writePlan(caseAlias: string, plan: Plan, userId?: string): Promise<string>;
  /** The tasks of the area team's Planner plan ("Afspraken Maasveld-Noord"), read by a group member. */
  plannerTasks(userId?: string): Promise<PlannerTaskView[]>;
  /**
   * Cuts one context (one device) off from Graph, or reconnects it; the other contexts keep working. The relay
   * answers that context's requests with a network error, and with `browser` (default) the context itself goes
   * offline too (navigator.onLine, the 'offline' event; page loads fail) — MSW's service worker would otherwise
   * keep answering Graph requests without any network.
   */
  setOffline(context: BrowserContext, offline: boolean, options?: { browser?: boolean }): Promise<void>;
  /** Contexts created with newContext, closed by the fixture. */
  readonly contexts: readonly BrowserContext[];
}

/** A KvStore in memory: the tenant state stays one live object, like a server's. */
function memoryKv(): KvStore {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => { map.set(key, value); },
    delete: async (key) => { map.delete(key); },
    keys: async (prefix) => [...map.keys()].filter((k) => k.startsWith(prefix)).sort(),
  };
}

function runningClock(startAt: Date | string): () => Date {
  const start = new Date(startAt).getTime();
  const t0 = Date.now();
  return () => new Date(start + (Date.now() - t0));
}

export const DEMO_START = '2026-11-23T09:00:00+01:00';

export function createSharedTenant(options: SharedTenantOptions & { onJournal?: (entry: JournalEntry) => void } = {}): SharedTenant {
  const entries: JournalEntry[] = [];
  const violations: string[] = [];
  const contexts: BrowserContext[] = [];
  const tenant = createDemoTenant({
    kv: memoryKv(),
    now: options.now ?? runningClock(options.startAt ?? DEMO_START),
    onJournal: (entry) => {
      entries.push(entry);
      options.onJournal?.(entry);
    },
    onContractViolation: (report) => { violations.push(...report.messages); },
  });

  /** The violations of one exchange: its own journal entry and those of its $batch sub-requests. */
  const violationsOf = (requestId: string | undefined): string[] => (requestId === undefined ? [] : entries
    .filter((e) => e.requestId === requestId || e.batch?.requestId === requestId)
    .flatMap((e) => e.contractViolations ?? []));

  const offline = new Set<BrowserContext>();
  const serve = async (request: RelayedRequest, from: BrowserContext): Promise<RelayedResponse> => {
    if (offline.has(from)) return { status: 0, networkError: true };
    const response = await tenant.handle({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body: request.body });
    const found = violationsOf(response.headers?.['request-id']);
    return found.length > 0 ? { ...response, contractViolations: found } : response;
  };

  const call = async <T>(userId: string, method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}): Promise<GraphAnswer<T>> => {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const all: Record<string, string> = { authorization: `Bearer ${demoTokenFor(userId)}`, ...headers };
    if (body !== undefined && typeof body !== 'string' && !Object.keys(all).some((k) => k.toLowerCase() === 'content-type')) all['content-type'] = 'application/json';
    const url = pathAndQuery.startsWith('https://') ? pathAndQuery : `${GRAPH}${pathAndQuery}`;
    const response = await tenant.handle({ method, url: new URL(url), headers: new Headers(all), body: text });
    if (response.networkError) throw new Error(`${method} ${pathAndQuery}: network error (an injected fault?)`);
    const parsed = typeof response.body === 'string' && /json/.test(response.contentType ?? '') ? JSON.parse(response.body) as unknown : response.body;
    return { status: response.status, headers: response.headers ?? {}, body: parsed as T };
  };

  const planItem = async (caseAlias: string, userId: string): Promise<{ id: string; eTag: string }> => {
    const listing = await call<{ value: { id: string; name: string; eTag: string }[] }>(userId, 'GET', `/drives/${DEMO_PLAN_DRIVE_ID}/root:/${PLAN_FOLDER}:/children?$select=id,name,eTag`);
    if (listing.status !== 200) throw new Error(`listing the plan library as ${userId}: ${listing.status}`);
    const item = listing.body.value.find((i) => i.name === `${caseAlias}.json`);
    if (!item) throw new Error(`${caseAlias}.json is not in the library (as ${userId})`);
    return { id: item.id, eTag: item.eTag };
  };

  return {
    tenant,
    faults: tenant.faults,
    contexts,
    journal: () => [...entries],
    contractViolations: () => [...violations],
    takeContractViolations: () => violations.splice(0, violations.length),
    attach: async (context) => {
      await context.exposeBinding('__soSharedTenant', (source, request: RelayedRequest) => serve(request, source.context));
    },
    newContext: async (browser, { clockAt, ...contextOptions } = {}) => {
      const context = await browser.newContext(contextOptions);
      contexts.push(context);
      await context.exposeBinding('__soSharedTenant', (source, request: RelayedRequest) => serve(request, source.context));
      if (clockAt !== undefined) await context.clock.install({ time: new Date(clockAt) });
      return context;
    },
    setOffline: async (context, isOffline, { browser = true } = {}) => {
      if (isOffline) offline.add(context);
      else offline.delete(context);
      if (browser) await context.setOffline(isOffline);
    },
    call,
    readPlan: async (caseAlias, userId = PERSONAS.caseDirector.id) => {
      const { id, eTag } = await planItem(caseAlias, userId);
      const content = await call<unknown>(userId, 'GET', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${id}/content`);
      if (content.status !== 200) throw new Error(`reading ${caseAlias} as ${userId}: ${content.status}`);
      const raw = typeof content.body === 'string' ? JSON.parse(content.body) as unknown : content.body;
      const migrated = migratePlan(raw);
      if (!migrated.plan) throw new Error(`${caseAlias} does not parse: ${JSON.stringify(migrated.problems)}`);
      return { itemId: id, eTag, raw, plan: migrated.plan };
    },
    writePlan: async (caseAlias, plan, userId = PERSONAS.caseDirector.id) => {
      const { id, eTag } = await planItem(caseAlias, userId);
      const put = await call<{ eTag: string }>(userId, 'PUT', `/drives/${DEMO_PLAN_DRIVE_ID}/items/${id}/content`, JSON.stringify(plan), { 'content-type': 'application/json', 'if-match': eTag });
      if (put.status !== 200) throw new Error(`writing ${caseAlias} as ${userId}: ${put.status} ${JSON.stringify(put.body)}`);
      return put.body.eTag;
    },
    plannerTasks: async (userId = PERSONAS.caseDirector.id) => {
      const tasks = await call<{ value: PlannerTaskView[]; '@odata.nextLink'?: string }>(userId, 'GET', `/planner/plans/${DEMO_PLANNER_PLAN_ID}/tasks`);
      if (tasks.status !== 200) throw new Error(`Planner tasks as ${userId}: ${tasks.status}`);
      const all = [...tasks.body.value];
      let next = tasks.body['@odata.nextLink'];
      while (next) {
        const more = await call<{ value: PlannerTaskView[]; '@odata.nextLink'?: string }>(userId, 'GET', next);
        all.push(...more.body.value);
        next = more.body['@odata.nextLink'];
      }
      return all;
    },
  };
}

/** Chooses the persona in this page's context (kept per context) and waits until the app signed in as them. */
export async function choosePersona(page: Page, persona: PersonaKey): Promise<void> {
  const { label, name } = PERSONAS[persona];
  await personaSelect(page).selectOption({ label });
  await expect(page.getByText(`Aangemeld als ${name}`)).toBeVisible();
  await expect(casesTable(page).or(page.getByRole('tab', { name: 'Mijn uitnodigingen' })).first()).toBeVisible();
}

/**
 * Tests on one shared tenant. The default `page`/`context` are attached to it; more contexts come from
 * `sharedTenant.newContext(browser)`. Set the clock with `test.use({ sharedTenantOptions: { startAt } })`.
 */
export const test = base.extend<{ sharedTenantOptions: SharedTenantOptions; sharedTenant: SharedTenant }>({
  sharedTenantOptions: [{}, { option: true }],
  sharedTenant: async ({ sharedTenantOptions, context }, use, testInfo) => {
    const journalFile = process.env.GRAPH_JOURNAL;
    if (journalFile) mkdirSync(path.dirname(journalFile), { recursive: true });
    const testName = testInfo.titlePath.join(' › ');
    const shared = createSharedTenant({
      ...sharedTenantOptions,
      onJournal: journalFile
        ? (entry) => appendFileSync(journalFile, `${JSON.stringify({ runner: 'playwright', tenant: 'shared', test: testName, ...entry })}\n`)
        : undefined,
    });
    await shared.attach(context);
    await use(shared);
    for (const extra of shared.contexts) await extra.close();
    expect(shared.contractViolations(), 'the shared demo tenant saw Graph contract violations').toEqual([]);
  },
});

export { expect };
