// One open Samenwerkplan on screen, local first (app/planSync.ts): every edit is in the draft at once and
// saved on this device right after; the sync loop writes it to the shared plan when it can, merging what
// others wrote meanwhile. The screen reads the engine's snapshots through useSyncExternalStore.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { AppError } from '../../app/errors';
import { createPlanSync } from '../../app/planSync';
import type { PlanSync, PlanSyncSnapshot, PlannerSyncStatus, SyncState } from '../../app/planSync';
import type { Services } from '../../app/ports';
import type { Plan, PlanRights } from '../../domain';

export type { SyncState } from '../../app/planSync';

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; merged: boolean } | { kind: 'failed'; error: unknown };

/** Where the open plan stands between this device and the shared plan document. */
export interface PlanSyncStatus {
  state: SyncState;
  /** Agreements new or changed on this device and not yet in the shared plan (mark them on screen). */
  unsyncedAgreementIds: ReadonlySet<string>;
  /** How many records are not yet in the shared plan. */
  unsyncedCount: number;
  /** Why the last attempt failed ('waiting', 'failed'). */
  error?: unknown;
  planner: PlannerSyncStatus;
  /** The last edits are being written to this device (a few milliseconds). */
  savingLocally?: boolean;
  /** This device could not keep the edits (no IndexedDB, quota): they live only in this page. */
  localError?: unknown;
  /** When the next attempt is due (epoch ms), in state 'waiting'. */
  retryAt?: number;
  /** The last write took a colleague's changes in. */
  merged?: boolean;
}

export interface PlanDocument {
  /** The plan document's id in the store (use cases that share it need it). */
  documentId?: string;
  plan?: Plan;
  loadError?: unknown;
  /** The save state as the screens before local-first knew it (derived from `sync`). */
  save: SaveState;
  sync: PlanSyncStatus;
  /** The signed-in user's id, for edit stamps; undefined until known. */
  userId?: string;
  /** What the drive lets the user do with the plan; undefined while loading (and for a plan without an engine). */
  rights?: PlanRights;
  /** An edit was refused because the plan is read-only (shown, never queued). */
  refused?: unknown;
  /** Applies an edit to the draft at once and saves it on this device; the sync follows. */
  update(recipe: (plan: Plan) => Plan): void;
  /** Writes to the shared plan now (before an action that needs the stored plan, or to retry after a failure). */
  saveNow(): Promise<Plan | undefined>;
  reload(): void;
  /**
   * Reads the shared plan again now and takes over what colleagues wrote (what is only on this device stays).
   * Before the user checks the whole plan (the SO's closing summary): the periodic read may be a minute old.
   * `quiet`: a background poll (the live run on screen): the sync state does not show it.
   */
  refresh?(options?: { quiet?: boolean }): void;
}

/** A fully synchronised status, for tests and screens that show a plan without a sync engine. */
export const SYNCED_STATUS: PlanSyncStatus = { state: 'synced', unsyncedAgreementIds: new Set(), unsyncedCount: 0, planner: { state: 'idle' } };

/** Read the shared plan again this often while the screen is open, to show what colleagues wrote. */
const REFRESH_EVERY_MS = 60_000;

const LOADING: PlanSyncSnapshot = {
  documentId: '',
  state: 'loading',
  savingLocally: false,
  unsyncedAgreementIds: new Set(),
  unsyncedCount: 0,
  written: false,
  merged: false,
  planner: { state: 'idle' },
};

export function saveStateOf(snapshot: PlanSyncSnapshot): SaveState {
  switch (snapshot.state) {
    case 'failed': return { kind: 'failed', error: snapshot.error };
    case 'syncing': return { kind: 'saving' };
    case 'local':
    case 'waiting': return { kind: 'pending' };
    case 'offline': return snapshot.unsyncedCount > 0 || snapshot.savingLocally ? { kind: 'pending' } : { kind: 'idle' };
    case 'synced':
      if (snapshot.savingLocally) return { kind: 'pending' };
      return snapshot.written ? { kind: 'saved', merged: snapshot.merged } : { kind: 'idle' };
    case 'loading': return { kind: 'idle' };
  }
}

function syncStatusOf(snapshot: PlanSyncSnapshot): PlanSyncStatus {
  const status: PlanSyncStatus = {
    state: snapshot.state,
    unsyncedAgreementIds: snapshot.unsyncedAgreementIds,
    unsyncedCount: snapshot.unsyncedCount,
    planner: snapshot.planner,
    savingLocally: snapshot.savingLocally,
    merged: snapshot.merged,
  };
  if (snapshot.error !== undefined) status.error = snapshot.error;
  if (snapshot.localError !== undefined) status.localError = snapshot.localError;
  if (snapshot.retryAt !== undefined) status.retryAt = snapshot.retryAt;
  return status;
}

const noSubscription = () => () => undefined;

export function usePlanDocument(services: Services, documentId: string): PlanDocument {
  const [generation, setGeneration] = useState(0);
  const [engine, setEngine] = useState<PlanSync>();

  useEffect(() => {
    const created = createPlanSync(services, documentId, { refreshEveryMs: REFRESH_EVERY_MS });
    setEngine(created);
    return () => created.dispose();
  }, [services, documentId, generation]);

  // Until the effect has replaced it, an engine for another document shows nothing of its plan.
  const current = engine?.documentId === documentId ? engine : undefined;
  const subscribe = useMemo(() => (current ? (listener: () => void) => current.subscribe(listener) : noSubscription), [current]);
  const getSnapshot = useCallback(() => current?.getSnapshot() ?? LOADING, [current]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot);

  const update = useCallback((recipe: (plan: Plan) => Plan) => {
    try {
      current?.update(recipe);
    } catch (error) {
      // A read-only plan refuses the edit: the engine's snapshot carries the refusal (`refused`), the screen shows it.
      if (!(error instanceof AppError) || error.code !== 'plan-read-only') throw error;
    }
  }, [current]);
  const saveNow = useCallback(async (): Promise<Plan | undefined> => {
    if (!current || current.getSnapshot().plan === undefined) return undefined;
    return current.syncNow();
  }, [current]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const refresh = useCallback((options?: { quiet?: boolean }) => { current?.refresh(options); }, [current]);

  return useMemo(() => {
    const document: PlanDocument = { documentId, save: saveStateOf(snapshot), sync: syncStatusOf(snapshot), update, saveNow, reload, refresh };
    if (snapshot.plan) document.plan = snapshot.plan;
    if (snapshot.loadError !== undefined) document.loadError = snapshot.loadError;
    if (snapshot.userId !== undefined) document.userId = snapshot.userId;
    if (snapshot.rights !== undefined) document.rights = snapshot.rights;
    if (snapshot.refused !== undefined) document.refused = snapshot.refused;
    return document;
  }, [documentId, snapshot, update, saveNow, reload, refresh]);
}
