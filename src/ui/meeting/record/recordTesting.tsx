// Test support for the recording panel: a plan document held in React state (update applies the recipe and
// records each result), with the sync facts a test chooses. Not imported by production code.
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, vi } from 'vitest';
import type { Services } from '../../../app/ports';
import type { Plan } from '../../../domain';
import { seedPlan014 } from '../../case/prepare/fakeServices';
import { SYNCED_STATUS } from '../../case/usePlanDocument';
import type { PlanDocument } from '../../case/usePlanDocument';
import { renderWithFluent } from '../../testing/renderWithFluent';
import { servicesFor } from '../../testing/servicesFor';
import { RecordPanel } from './RecordPanel';

/** During the SO: 1 December 2026, half an hour in. */
export const DURING_SO = new Date('2026-12-01T10:30:00+01:00');
export const USER_ID = 'f24d582b-f8ad-40cf-acc8-71c316c5bac3';

export function recordServices(extra: Partial<Services> = {}): Services {
  return servicesFor({ clock: { now: () => DURING_SO }, ...extra });
}

export interface Harness {
  update: ReturnType<typeof vi.fn<(recipe: (plan: Plan) => Plan) => void>>;
  latest(): Plan;
  /** Changes the sync facts the panel sees (as the sync engine would). */
  setUnsynced(ids: string[]): void;
  document(): PlanDocument & { plan: Plan };
  /** document.refresh, as the panel called it. */
  refresh: ReturnType<typeof vi.fn<() => void>>;
}

/** `onRefresh`: what the shared plan holds when the panel asks for it again (as the sync engine's read would bring). */
export function renderRecordPanel(options: { plan?: Plan; stepKey?: string; services?: Services; unsynced?: string[]; onRefresh?: (plan: Plan) => Plan } = {}): Harness {
  let current = options.plan ?? seedPlan014();
  let show: (plan: Plan) => void = () => undefined;
  let showUnsynced: (ids: ReadonlySet<string>) => void = () => undefined;
  let lastDocument: (PlanDocument & { plan: Plan }) | undefined;
  const update = vi.fn((recipe: (plan: Plan) => Plan) => {
    current = recipe(current);
    show(current);
  });
  const refresh = vi.fn(() => {
    if (!options.onRefresh) return;
    current = options.onRefresh(current);
    show(current);
  });
  const services = options.services ?? recordServices();
  function Panel() {
    const [plan, setPlan] = useState(current);
    const [unsynced, setUnsynced] = useState<ReadonlySet<string>>(() => new Set(options.unsynced ?? []));
    show = setPlan;
    showUnsynced = setUnsynced;
    const document: PlanDocument & { plan: Plan } = {
      plan,
      save: { kind: 'idle' as const },
      update,
      saveNow: async () => current,
      reload: () => undefined,
      refresh,
      userId: USER_ID,
      sync: { ...SYNCED_STATUS, state: unsynced.size > 0 ? 'local' : 'synced', unsyncedAgreementIds: unsynced, unsyncedCount: unsynced.size },
    };
    lastDocument = document;
    return <RecordPanel services={services} document={document} meetingId="m-1" stepKey={options.stepKey ?? 'agreements'} />;
  }
  guards.push(keepPageVisibleWithoutDialog());
  renderWithFluent(<Panel />);
  return {
    update,
    latest: () => current,
    setUnsynced: (ids) => showUnsynced(new Set(ids)),
    document: () => lastDocument!,
    refresh,
  };
}

/**
 * happy-dom does not let tabster (Fluent's focus manager) see a modal dialog leave, so the aria-hidden it
 * puts on the rest of the page while the dialog is open stays behind, or comes back from a timer after the
 * dialog closed; a browser removes it (the end-to-end axe run checks that). While no dialog is on screen,
 * this takes it away again so role queries see the page.
 */
function keepPageVisibleWithoutDialog(): () => void {
  const reveal = () => {
    if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
    for (const element of document.querySelectorAll('body > [aria-hidden="true"]')) element.removeAttribute('aria-hidden');
  };
  const observer = new MutationObserver(reveal);
  observer.observe(document.body, { attributes: true, attributeFilter: ['aria-hidden'], childList: true, subtree: true });
  return () => observer.disconnect();
}

const guards: (() => void)[] = [];
afterEach(() => { for (const stop of guards.splice(0)) stop(); });

/**
 * Waits for the dialog named `name` and returns it. The same happy-dom/tabster gap as above: on a loaded machine a
 * timer left by an earlier dialog can hide the new dialog's portal (aria-hidden on it or its wrapper), which no
 * browser does; the dialog's own content is what the test then checks.
 */
export async function findDialog(name: string): Promise<HTMLElement> {
  const surface = await waitFor(() => {
    const found = [...document.querySelectorAll('[role="dialog"]')].find((d) => {
      const title = d.getAttribute('aria-labelledby');
      return title !== null && document.getElementById(title)?.textContent === name;
    });
    if (!found) throw new Error(`no dialog "${name}" yet`);
    return found;
  });
  for (let element: Element | null = surface; element; element = element.parentElement) element.removeAttribute('aria-hidden');
  return screen.getByRole('dialog', { name });
}

/** Waits until the dialog is gone and the page is visible to role queries again. */
export async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  for (const element of document.querySelectorAll('body > [aria-hidden="true"]')) element.removeAttribute('aria-hidden');
}
