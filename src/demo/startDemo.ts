// Demo mode in the browser: the demo tenant answers Graph through a service worker (MSW),
// and "signing in" means choosing a persona. No MSAL, no tokens.
// When a test installed window.__soSharedTenant, the page runs no tenant of its own: MSW relays every Graph
// request to that binding, so several browser contexts share one tenant (tests/e2e/support/sharedTenant.ts).
import { setupWorker } from 'msw/browser';
import type { AreaChampion, DemoControls, DemoPersona } from '../app/ports';
import { openKvStore } from '../storage/kvStore';
import { createDemoTenant, demoTokenFor } from './demoTenant';
import type { FaultInjector, JournalEntry } from './demoTenant';
import { graphHandlers, relayTo } from './mswGraph';
import type { SharedTenantBinding } from './mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from './seed';
import { DEMO_AREA_GROUP_ID, DEMO_PLANNER_BUCKET_ID, DEMO_PLANNER_PLAN_ID } from './seedWorkplace';
import type { DemoTenantState } from './tenantState';

const PERSONA_KEY = 'persona';
/**
 * A page has one controlling service worker: in a production build MSW runs inside the app's worker, which also
 * keeps the app shell for offline starts (src/sw/serviceWorker.ts); the dev server has only MSW's own.
 */
const DEMO_WORKER_URL = process.env.NODE_ENV === 'production' ? '/sw.js' : '/mockServiceWorker.js';

export interface DemoSession {
  controls: DemoControls & { contractViolations: () => string[] };
  getToken(): Promise<string>;
  planDriveId: string;
  municipality: string;
  /** The area team's Planner plan (and its default bucket) the agreements are mirrored to. */
  plannerPlanId: string;
  plannerBucketId: string;
  /** The Microsoft 365 group that owns the Planner plan. */
  areaGroupId: string;
  /** The area champions (gebiedsaanjagers) of the seed, as configuration would name them in a tenant. */
  areaChampions: AreaChampion[];
}

/** What Playwright reaches as window.__soDemo (demo mode only). */
export interface DemoTestApi {
  journal(): JournalEntry[];
  faults: FaultInjector;
  contractViolations(): string[];
}

declare global {
  interface Window {
    __soDemo?: DemoTestApi;
    /** Set by the Playwright fixture (page.exposeFunction) when GRAPH_JOURNAL names a file. */
    __soJournalSink?: (entry: JournalEntry) => Promise<void>;
    /** Set by the shared-tenant fixture (context.exposeBinding): Graph is answered by one tenant outside the page. */
    __soSharedTenant?: SharedTenantBinding;
    /** Set by the Playwright fixture: seed the demo for this day's week instead of today's (seedTime.ts). */
    __soDemoSeedWeek?: string;
  }
}

export function personasOf(state: DemoTenantState): DemoPersona[] {
  const order = { caseDirector: 0, chair: 1, participant: 2 } as const;
  return state.users
    .filter((u) => u.persona)
    .map((u) => ({ userId: u.id, role: u.persona!, displayName: u.displayName, jobTitle: u.jobTitle, organisation: u.companyName }))
    .sort((a, b) => order[a.role] - order[b.role]);
}

export async function startDemo(): Promise<DemoSession> {
  const kv = openKvStore('samenwerkoverleg-demo');
  const violations: string[] = [];
  const violationListeners = new Set<() => void>();
  // A body that breaks Graph's contract is a bug in the app or the demo: say so loudly in the console.
  const reportViolations = (messages: readonly string[]) => {
    for (const message of messages) console.error(`[demo tenant] Graph contract violation: ${message}`);
    violations.push(...messages);
    violationListeners.forEach((listener) => listener());
  };

  const shared = window.__soSharedTenant;
  const tenant = shared ? undefined : createDemoTenant({
    kv,
    now: () => new Date(),
    // The demo never rots: a first start or "Demo herstellen" seeds it for the current week.
    seedWeekOf: () => new Date(window.__soDemoSeedWeek ?? Date.now()),
    onContractViolation: (report) => reportViolations(report.messages),
    onJournal: (entry) => { void window.__soJournalSink?.(entry); },
  });
  const worker = setupWorker(...graphHandlers(tenant ?? relayTo(shared!, reportViolations)));
  await worker.start({ serviceWorker: { url: DEMO_WORKER_URL }, onUnhandledRequest: 'bypass', quiet: true });

  // With a shared tenant, its journal and faults belong to the test process (the fixture), not to this page.
  if (tenant) {
    window.__soDemo = {
      journal: () => tenant.journal(),
      faults: tenant.faults,
      contractViolations: () => tenant.contractViolations(),
    };
  }

  // The directory (personas, areas) is the seed's in both cases: the shared tenant starts from the same seed.
  const state = tenant ? await tenant.snapshot() : createSeed();
  const personas = personasOf(state);
  const stored = await kv.get<string>(PERSONA_KEY);
  let current = personas.find((p) => p.userId === stored)?.userId ?? personas[0]?.userId ?? '';

  return {
    planDriveId: DEMO_PLAN_DRIVE_ID,
    municipality: state.tenant.municipality,
    plannerPlanId: DEMO_PLANNER_PLAN_ID,
    plannerBucketId: DEMO_PLANNER_BUCKET_ID,
    areaGroupId: DEMO_AREA_GROUP_ID,
    areaChampions: state.areas.flatMap((area) => {
      const champion = state.users.find((u) => u.id === area.championUserId);
      return champion ? [{ areaId: area.id, areaName: area.name, name: champion.displayName, email: champion.mail }] : [];
    }),
    getToken: async () => demoTokenFor(current),
    controls: {
      personas,
      currentPersonaId: () => current,
      async switchPersona(userId) {
        if (!personas.some((p) => p.userId === userId)) throw new Error(`unknown persona ${userId}`);
        current = userId;
        await kv.set(PERSONA_KEY, userId);
      },
      reset: async () => {
        if (!tenant) throw new Error('the shared demo tenant belongs to the test: it resets it, not the page');
        await tenant.reset();
      },
      contractViolations: () => [...violations],
      onContractViolation(listener) {
        violationListeners.add(listener);
        return () => violationListeners.delete(listener);
      },
    },
  };
}
