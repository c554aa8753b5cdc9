// Demo mode in the browser: the demo tenant answers Graph through a service worker (MSW),
// and "signing in" means choosing a persona. No MSAL, no tokens.
import { setupWorker } from 'msw/browser';
import type { AreaChampion, DemoControls, DemoPersona } from '../app/ports';
import { openKvStore } from '../storage/kvStore';
import { createDemoTenant, demoTokenFor } from './demoTenant';
import type { FaultInjector, JournalEntry } from './demoTenant';
import { graphHandlers } from './mswGraph';
import { DEMO_PLAN_DRIVE_ID } from './seed';
import { DEMO_AREA_GROUP_ID, DEMO_PLANNER_BUCKET_ID, DEMO_PLANNER_PLAN_ID } from './seedWorkplace';
import type { DemoTenantState } from './tenantState';

const PERSONA_KEY = 'persona';

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
  const violationListeners = new Set<() => void>();
  const tenant = createDemoTenant({
    kv,
    now: () => new Date(),
    // A body that breaks Graph's contract is a bug in the app or the demo: say so loudly in the console.
    onContractViolation: (report) => {
      for (const message of report.messages) console.error(`[demo tenant] Graph contract violation: ${message}`);
      violationListeners.forEach((listener) => listener());
    },
    onJournal: (entry) => { void window.__soJournalSink?.(entry); },
  });
  const worker = setupWorker(...graphHandlers(tenant));
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });

  window.__soDemo = {
    journal: () => tenant.journal(),
    faults: tenant.faults,
    contractViolations: () => tenant.contractViolations(),
  };

  const state = await tenant.snapshot();
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
      reset: () => tenant.reset(),
      contractViolations: () => tenant.contractViolations(),
      onContractViolation(listener) {
        violationListeners.add(listener);
        return () => violationListeners.delete(listener);
      },
    },
  };
}
