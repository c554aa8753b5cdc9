// Demo mode in the browser: the demo tenant answers Graph through a service worker (MSW),
// and "signing in" means choosing a persona. No MSAL, no tokens.
import { setupWorker } from 'msw/browser';
import type { DemoControls, DemoPersona } from '../app/ports';
import { openKvStore } from '../storage/kvStore';
import { createDemoTenant, demoTokenFor } from './demoTenant';
import { graphHandlers } from './mswGraph';
import { DEMO_PLAN_DRIVE_ID } from './seed';
import type { DemoTenantState } from './tenantState';

const PERSONA_KEY = 'persona';

export interface DemoSession {
  controls: DemoControls;
  getToken(): Promise<string>;
  planDriveId: string;
  municipality: string;
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
  const tenant = createDemoTenant({ kv, now: () => new Date() });
  const worker = setupWorker(...graphHandlers(tenant));
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });

  const state = await tenant.snapshot();
  const personas = personasOf(state);
  const stored = await kv.get<string>(PERSONA_KEY);
  let current = personas.find((p) => p.userId === stored)?.userId ?? personas[0]?.userId ?? '';

  return {
    planDriveId: DEMO_PLAN_DRIVE_ID,
    municipality: state.tenant.municipality,
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
    },
  };
}
