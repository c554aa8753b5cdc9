// The local-first plan document: every edit lands in the draft at once and in this device's outbox
// (LocalStore) right after, so a reload, a crash or an hour offline loses nothing; a sync loop then writes
// the draft to the plan document (If-Match; on 412 reload, merge, write again — savePlan), keeps the case
// index columns in step, and mirrors agreements to Planner. Framework-free: screens subscribe to
// snapshots (useSyncExternalStore); tests drive it directly.
//
// One loop per document, one step at a time: refresh from the store → write the draft → update the index →
// mirror to Planner (which may produce another edit to write). A failure that may pass (offline, throttled,
// unavailable, a 412 that kept changing) waits with backoff and jitter, honouring Retry-After; offline it
// waits for the device to come back. A failure that will not pass by waiting (no access, an unreadable
// stored plan) stops the loop until the user retries (syncNow). Planner failures never block the plan.
import { countUnsyncedChanges, isCaseDirectorOf, mergePlans, planRights, recordDeletes, summarisePlan, unsyncedAgreementIds } from '../domain';
import type { Plan, PlanRights } from '../domain';
import { AppError, toAppError } from './errors';
import type { ErrorCode } from './errors';
import { hasPlannerLinks, mirrorToPlanner, needsMirror } from './plannerSync';
import type { MirrorMode } from './plannerSync';
import { planCodec, savePlan } from './savePlan';
import type { PendingWrite } from './savePlan';
import { currentUserId, UNKNOWN_USER } from './currentUser';
import type { Services } from './ports';

export type SyncState =
  /** Opening: nothing to show yet. */
  | 'loading'
  /** The stored plan holds everything on this device. */
  | 'synced'
  /** Changes saved on this device, about to be written. */
  | 'local'
  /** Writing to the plan document now. */
  | 'syncing'
  /** The device is offline: changes are kept here and written when it is back. */
  | 'offline'
  /** The last attempt failed in a way that may pass; the next attempt is scheduled (`retryAt`). */
  | 'waiting'
  /** Stopped: waiting will not help (no access, the stored plan is unreadable); retry with syncNow. */
  | 'failed';

export interface PlannerSyncStatus {
  state: 'idle' | 'syncing' | 'failed';
  error?: unknown;
}

export interface PlanSyncSnapshot {
  documentId: string;
  /** The plan as on this device (all edits included); undefined while loading or when it could not be opened. */
  plan?: Plan;
  /** Opening failed and there was nothing on this device to show instead. */
  loadError?: unknown;
  state: SyncState;
  /** The last edits are still being written to this device's outbox (a few milliseconds). */
  savingLocally: boolean;
  /** This device's outbox could not be written: edits live only in this page until it can. */
  localError?: unknown;
  /** Agreements that are new or changed here and not yet in the stored plan. */
  unsyncedAgreementIds: ReadonlySet<string>;
  /** How many records differ from the stored plan. */
  unsyncedCount: number;
  /** Why the last attempt failed (states 'waiting' and 'failed'). */
  error?: unknown;
  /** When the next attempt is due (epoch ms), in state 'waiting'. */
  retryAt?: number;
  /** Something was written in this session (and the last write merged others' changes in). */
  written: boolean;
  merged: boolean;
  planner: PlannerSyncStatus;
  /** The signed-in user's id (for edit stamps); undefined until known. */
  userId?: string;
  /**
   * What the user may do with the plan, from what the drive reports for them (domain planRights); undefined
   * while loading. 'read': no edit is accepted (update throws plan-read-only) and nothing is written.
   */
  rights?: PlanRights;
  /** An edit was refused because the plan is read-only (update on a 'read' plan, or a write the drive refused). */
  refused?: AppError;
}

export interface PlanSync {
  readonly documentId: string;
  getSnapshot(): PlanSyncSnapshot;
  /** Calls the listener after every change of the snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /**
   * Applies an edit to the draft now and saves it on this device; the sync follows. Ignored while loading.
   * Throws AppError('plan-read-only') on a read-only plan: nothing reaches the draft or the outbox.
   */
  update(recipe: (plan: Plan) => Plan): void;
  /**
   * Writes what is not yet stored, now (before an action that needs the stored plan, or to retry after a
   * failure). Resolves with the stored plan; rejects with the failure (network-offline when offline).
   */
  syncNow(): Promise<Plan>;
  /**
   * Reads the stored plan again and takes over what others wrote (merged with what is only here). `quiet`: a
   * background poll (the live run reads every few seconds): the state stays as it is while it reads.
   */
  refresh(options?: { quiet?: boolean }): void;
  /** Resolves when nothing is in flight or about to start (scheduled retries do not count). */
  settled(): Promise<void>;
  dispose(): void;
}

export interface PlanSyncOptions {
  /** Wait this long after the first unsynced edit before writing, so typing does not write per key. */
  syncDelayMs?: number;
  /** Read the stored plan again this often while idle, to show what others wrote (unset: never). */
  refreshEveryMs?: number;
  /** The signed-in user's id, when the caller knows it (else asked from the directory, cached on this device). */
  userId?: string;
  /** The backoff ceiling. */
  maxBackoffMs?: number;
  random?: () => number;
  /** A timer; returns its cancel. Tests pass their own to run scheduled retries by hand. */
  schedule?: (run: () => void, ms: number) => () => void;
}

/** What the outbox keeps per user and document: the stored version we started from, and the draft. */
export interface OutboxRecord {
  version: 1;
  documentId: string;
  userId: string;
  base: { plan: Plan; eTag: string };
  /** The draft when it differs from base.plan. */
  local?: Plan;
  savedAt: string;
}

export const outboxKey = (userId: string, documentId: string) => `outbox:${userId}:${documentId}`;
/** What the drive last said this user may do with the document (so a reload offline still knows). */
export const rightsKey = (userId: string, documentId: string) => `rights:${userId}:${documentId}`;
/** Edits the drive refused (403): kept aside on this device, never retried. */
export const refusedKey = (userId: string, documentId: string) => `outbox-refused:${userId}:${documentId}`;
/** The last signed-in user on this device, so the outbox can be found while offline. */

const DEFAULT_SYNC_DELAY_MS = 800;
const DEFAULT_MAX_BACKOFF_MS = 60_000;
const BASE_BACKOFF_MS = 1_000;

/** Failures that waiting will not cure: the loop stops until the user asks again. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'graph-unauthorized', 'graph-forbidden', 'graph-not-found', 'graph-limit-reached', 'plan-invalid',
  'sign-in-failed', 'sign-in-needs-interaction', 'unexpected', 'plan-read-only',
]);

export function isRetryable(error: AppError): boolean {
  if (PERMANENT.has(error.code)) return false;
  // graph-failed covers 4xx answers we do not map (a bad request stays bad) and 5xx ones (may pass).
  if (error.code === 'graph-failed') return error.status === undefined || error.status >= 500;
  return true;
}

/**
 * The wait before attempt `attempt + 1`: what the service asked (Retry-After) plus a little jitter, else
 * exponential with "equal jitter" (half fixed, half random) so devices that failed together spread out.
 */
export function backoffMs(attempt: number, random: () => number, retryAfterMs?: number, maxMs = DEFAULT_MAX_BACKOFF_MS): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(random() * 250);
  const ceiling = Math.min(maxMs, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** JSON with sorted keys: two plans with the same content compare equal whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Field by field (each field is replaced, never mutated, when it changes). */
function sameSnapshot(a: PlanSyncSnapshot, b: PlanSyncSnapshot): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof PlanSyncSnapshot)[]);
  for (const key of keys) if (!Object.is(a[key], b[key])) return false;
  return true;
}

const samePlan = (a: Plan, b: Plan) => a === b || stableJson(a) === stableJson(b);

/** Plans read back from the outbox go through the codec: an older app version may have stored them. */
function parseStoredPlan(value: unknown): Plan {
  return planCodec.parse(JSON.stringify(value));
}

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

const NO_IDS: ReadonlySet<string> = new Set();

type SyncServices = Pick<Services, 'plans' | 'cases' | 'clock' | 'local' | 'connectivity' | 'directory' | 'tasks' | 'plannerPlanId'>;


export function createPlanSync(services: SyncServices, documentId: string, options: PlanSyncOptions = {}): PlanSync {
  const schedule = options.schedule ?? defaultSchedule;
  const random = options.random ?? Math.random;
  const syncDelayMs = options.syncDelayMs ?? DEFAULT_SYNC_DELAY_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const plannerPlanId = services.plannerPlanId;

  // --- state
  let disposed = false;
  let userId: string | undefined;
  let opened = false;
  let loadError: unknown;
  let base: { plan: Plan; eTag: string } | undefined;
  let draft: Plan | undefined;
  /** Bumped by every user edit that changed the draft; `writtenSeq` is the last one stored. */
  let userSeq = 0;
  let writtenSeq = 0;
  /** The user's edits were stored since the last Planner mirror. */
  let mirrorDue = false;
  let needsRefresh = false;
  /** The pending refresh is a background poll: it does not make the state 'local' (no flicker in the status). */
  let refreshQuiet = false;
  let indexDue = false;
  let pullDue = false;
  let readOnly = false;
  let rights: PlanRights | undefined;
  let refused: AppError | undefined;
  let pumping = false;
  let phase: 'idle' | 'write' | 'other' = 'idle';
  let failure: { error: AppError; kind: 'waiting' | 'failed'; retryAt?: number } | undefined;
  let attempt = 0;
  let written = false;
  let merged = false;
  let planner: PlannerSyncStatus = { state: 'idle' };
  let plannerAttempt = 0;
  let plannerBlocked = false;
  let localError: unknown;
  /** The last write whose answer did not come (if it landed, it is the base of the next merge). */
  let pendingWrite: PendingWrite | undefined;
  const onWriting = (write: PendingWrite) => { pendingWrite = write; };
  let persistRunning = false;
  let persistAgain = false;
  let cancelDelay: (() => void) | undefined;
  let cancelRetry: (() => void) | undefined;
  let cancelPlannerRetry: (() => void) | undefined;
  let cancelRefresh: (() => void) | undefined;
  let openPromise: Promise<void> | undefined;
  const waiters: { resolve: (plan: Plan) => void; reject: (error: unknown) => void }[] = [];
  const settledWaiters: (() => void)[] = [];
  const listeners = new Set<() => void>();
  let snapshot: PlanSyncSnapshot | undefined;
  /** The last snapshot handed out: kept when nothing in it changed, so a poll that found nothing re-renders nothing. */
  let lastSnapshot: PlanSyncSnapshot | undefined;
  let unsynced: { base: Plan | undefined; draft: Plan; ids: ReadonlySet<string>; count: number } | undefined;

  // --- snapshots
  function state(): SyncState {
    if (!opened) return 'loading';
    if (failure?.kind === 'failed') return 'failed';
    if (pumping && phase === 'write') return 'syncing';
    if (!services.connectivity.isOnline()) return 'offline';
    if (failure?.kind === 'waiting') return 'waiting';
    if (draft !== base?.plan || (needsRefresh && !refreshQuiet) || indexDue) return 'local';
    return 'synced';
  }

  function unsyncedNow(): { ids: ReadonlySet<string>; count: number } {
    if (!draft || draft === base?.plan) return { ids: NO_IDS, count: 0 };
    if (unsynced?.base !== base?.plan || unsynced?.draft !== draft) {
      unsynced = { base: base?.plan, draft, ids: unsyncedAgreementIds(base?.plan, draft), count: countUnsyncedChanges(base?.plan, draft) };
    }
    return unsynced;
  }

  function build(): PlanSyncSnapshot {
    const { ids, count } = unsyncedNow();
    const next: PlanSyncSnapshot = {
      documentId,
      state: state(),
      savingLocally: persistRunning,
      unsyncedAgreementIds: ids,
      unsyncedCount: count,
      written,
      merged,
      planner,
    };
    if (draft) next.plan = draft;
    if (loadError !== undefined) next.loadError = loadError;
    if (localError !== undefined) next.localError = localError;
    if (failure) next.error = failure.error;
    if (failure?.retryAt !== undefined) next.retryAt = failure.retryAt;
    if (userId !== undefined && userId !== UNKNOWN_USER) next.userId = userId;
    if (opened && rights !== undefined) next.rights = rights;
    if (refused) next.refused = refused;
    return next;
  }

  function emit(): void {
    snapshot = undefined;
    for (const listener of [...listeners]) listener();
    checkSettled();
  }

  function isSettled(): boolean {
    return (opened || loadError !== undefined) && !pumping && !persistRunning && cancelDelay === undefined;
  }

  function checkSettled(): void {
    if (!isSettled() && !disposed) return;
    for (const resolve of settledWaiters.splice(0)) resolve();
  }

  // --- the outbox
  function persist(): void {
    if (!userId || !base || !draft) return;
    if (persistRunning) {
      persistAgain = true;
      return;
    }
    persistRunning = true;
    void (async () => {
      do {
        persistAgain = false;
        const record: OutboxRecord = { version: 1, documentId, userId, base: base!, savedAt: services.clock.now().toISOString() };
        if (draft !== base!.plan) record.local = draft!;
        try {
          await services.local.set(outboxKey(userId, documentId), record);
          localError = undefined;
        } catch (error) {
          // Edits stay in this page; the next edit or sync tries the outbox again.
          localError = error;
        }
      } while (persistAgain);
      persistRunning = false;
      emit();
    })();
  }

  // --- timers
  function clearTimer(which: 'delay' | 'retry' | 'planner' | 'refresh'): void {
    const cancels = { delay: cancelDelay, retry: cancelRetry, planner: cancelPlannerRetry, refresh: cancelRefresh };
    cancels[which]?.();
    if (which === 'delay') cancelDelay = undefined;
    if (which === 'retry') cancelRetry = undefined;
    if (which === 'planner') cancelPlannerRetry = undefined;
    if (which === 'refresh') cancelRefresh = undefined;
  }

  function scheduleSync(ms: number): void {
    if (cancelDelay || disposed) return;
    cancelDelay = schedule(() => {
      cancelDelay = undefined;
      pump();
    }, ms);
  }

  function scheduleRefresh(): void {
    if (options.refreshEveryMs === undefined || disposed) return;
    clearTimer('refresh');
    cancelRefresh = schedule(() => {
      cancelRefresh = undefined;
      if (!needsRefresh) refreshQuiet = true;
      needsRefresh = true;
      pump();
    }, options.refreshEveryMs);
  }

  // --- the loop
  function settleWaiters(outcome: { plan: Plan } | { error: unknown }): void {
    for (const waiter of waiters.splice(0)) {
      if ('plan' in outcome) waiter.resolve(outcome.plan);
      else waiter.reject(outcome.error);
    }
  }

  function isDirty(): boolean {
    if (!draft || !base || draft === base.plan) return false;
    if (samePlan(draft, base.plan)) {
      // Changed and changed back: nothing to write.
      draft = base.plan;
      return false;
    }
    return true;
  }

  async function refreshFromStore(): Promise<void> {
    // Unchanged since our base: one small request (the live run polls every few seconds).
    const stored = base && services.plans.readIfChanged ? await services.plans.readIfChanged(documentId, base.eTag) : await services.plans.read(documentId);
    needsRefresh = false;
    refreshQuiet = false;
    if (!stored || !base || stored.eTag === base.eTag) return;
    const theirs = planCodec.parse(stored.content);
    const previous = base;
    base = { plan: theirs, eTag: stored.eTag };
    // What is only here stays; what they wrote joins it.
    draft = draft === undefined || draft === previous.plan ? theirs : mergePlans(previous.plan, draft, theirs);
    if (samePlan(draft, theirs)) draft = theirs;
    persist();
  }

  async function writeDraft(): Promise<void> {
    const from = base!;
    const snapshotPlan = draft!;
    const seq = userSeq;
    phase = 'write';
    emit();
    let saved;
    try {
      saved = await savePlan(services.plans, documentId, from, snapshotPlan, pendingWrite === undefined ? { onWriting } : { pending: pendingWrite, onWriting });
      pendingWrite = undefined;
    } catch (error) {
      const appError = toAppError(error);
      // Only our own Planner bookkeeping was waiting and we may not write: it was never the user's edit.
      if (appError.code === 'graph-forbidden' && seq === writtenSeq && draft === snapshotPlan) {
        readOnly = true;
        draft = from.plan;
        persist();
        return;
      }
      if (appError.code === 'graph-forbidden') {
        // The drive refuses this user's writes: retrying (now or after a reload) can only fail again.
        await refuseEdits(appError);
        throw refused!;
      }
      throw error;
    }
    const now = services.clock.now().toISOString();
    const before = summarisePlan(from.plan, now);
    const after = summarisePlan(saved.plan, now);
    indexDue = indexDue || saved.merged || stableJson(before) !== stableJson(after);
    base = { plan: saved.plan, eTag: saved.eTag };
    // Edits made while the write was under way stay; what others wrote (merged into `saved`) joins them.
    draft = draft === snapshotPlan ? saved.plan : mergePlans(snapshotPlan, draft!, saved.plan);
    if (draft !== saved.plan && samePlan(draft, saved.plan)) draft = saved.plan;
    if (seq > writtenSeq) {
      writtenSeq = seq;
      mirrorDue = true;
    }
    written = true;
    merged = saved.merged;
    attempt = 0;
    persist();
  }

  async function updateIndex(): Promise<void> {
    phase = 'other';
    await services.cases.updateSummary(documentId, summarisePlan(base!.plan, services.clock.now().toISOString()));
    indexDue = false;
  }

  function plannerWork(): MirrorMode | undefined {
    if (!plannerPlanId || !userId || readOnly || plannerBlocked || cancelPlannerRetry || !base) return undefined;
    if (mirrorDue) return 'full';
    if (pullDue) return 'pull';
    return undefined;
  }

  async function mirror(mode: MirrorMode): Promise<void> {
    const planId = plannerPlanId!;
    const from = base!.plan;
    mirrorDue = false;
    pullDue = false;
    // Nothing waits for a task: no task list either (notes, wants, … are written without any Planner call).
    if (mode === 'full' && !needsMirror(from, planId)) return;
    planner = { state: 'syncing' };
    phase = 'other';
    emit();
    try {
      const result = await mirrorToPlanner(services, { plan: from, planId, userId: userId!, mode });
      if (result.plan !== from) {
        // Links and Planner's status changes are written like an edit (merged with what was typed meanwhile).
        draft = draft === from ? result.plan : mergePlans(from, draft!, result.plan);
        persist();
      }
      if (result.failures.length > 0) plannerFailed(result.failures[0]!.error);
      else {
        planner = { state: 'idle' };
        plannerAttempt = 0;
      }
    } catch (error) {
      plannerFailed(toAppError(error));
    }
  }

  function plannerFailed(error: AppError): void {
    planner = { state: 'failed', error };
    if (!isRetryable(error)) {
      // No access to the board, or a limit: trying after every edit would only fail again.
      plannerBlocked = true;
      return;
    }
    plannerAttempt += 1;
    const delay = backoffMs(plannerAttempt, random, error.retryAfterMs, maxBackoffMs);
    cancelPlannerRetry = schedule(() => {
      cancelPlannerRetry = undefined;
      mirrorDue = true;
      pump();
    }, delay);
  }

  function fail(error: unknown): void {
    const appError = toAppError(error);
    phase = 'idle';
    if (appError.code === 'plan-read-only') {
      // Nothing is left to write (the refused edits are set aside): not a stopped sync, a read-only plan;
      // the snapshot's `refused` says so.
      failure = undefined;
      settleWaiters({ error: appError });
      return;
    }
    if (appError.code === 'network-offline' && !services.connectivity.isOnline()) {
      // The device went offline: wait for it to come back (Connectivity.onChange), not for a timer.
      failure = undefined;
      settleWaiters({ error: appError });
      return;
    }
    if (isRetryable(appError)) {
      attempt += 1;
      const delay = backoffMs(attempt, random, appError.retryAfterMs, maxBackoffMs);
      const retryAt = services.clock.now().getTime() + delay;
      failure = { error: appError, kind: 'waiting', retryAt };
      clearTimer('retry');
      cancelRetry = schedule(() => {
        cancelRetry = undefined;
        pump();
      }, delay);
    } else {
      failure = { error: appError, kind: 'failed' };
    }
    settleWaiters({ error: appError });
  }

  function pump(): void {
    if (pumping || disposed || !opened) return;
    pumping = true;
    emit();
    void (async () => {
      try {
        for (;;) {
          if (disposed) break;
          if (failure?.kind === 'failed' || cancelRetry || cancelDelay) break;
          if (!services.connectivity.isOnline()) {
            settleWaiters({ error: new AppError('network-offline', { detail: 'the device is offline' }) });
            break;
          }
          if (needsRefresh) {
            phase = 'other';
            await refreshFromStore();
            failure = undefined;
            continue;
          }
          if (isDirty()) {
            if (rights === 'read') {
              // Edits from before the plan turned read-only (an old outbox): the drive would refuse them.
              await refuseEdits();
              continue;
            }
            await writeDraft();
            failure = undefined;
            continue;
          }
          if (indexDue) {
            await updateIndex();
            failure = undefined;
            continue;
          }
          failure = undefined;
          attempt = 0;
          settleWaiters({ plan: base!.plan });
          const mode = plannerWork();
          if (mode !== undefined) {
            await mirror(mode);
            continue;
          }
          break;
        }
      } catch (error) {
        fail(error);
      } finally {
        phase = 'idle';
        pumping = false;
        if (!cancelRetry && failure?.kind !== 'failed') scheduleRefresh();
        emit();
      }
    })();
  }

  // --- rights
  /** Asks the drive what the user may do with the plan; keeps the answer on this device for offline reloads. */
  /** The drive's roles for the user; undefined when it could not be asked (offline, service down). */
  function askRoles(): Promise<string[] | undefined> {
    if (!services.plans.rolesOf) return Promise.resolve(undefined);
    return services.plans.rolesOf(documentId, userId!).catch(() => undefined);
  }

  async function readRights(plan: Plan, asked: Promise<string[] | undefined> = askRoles()): Promise<PlanRights> {
    // A store without rights (a memory store in tests) lets everyone edit.
    if (!services.plans.rolesOf) return 'edit';
    const id = userId!;
    const lastKnown = await services.local.get<PlanRights>(rightsKey(id, documentId)).catch(() => undefined);
    // Not known now: the rule decides from what was known before (domain planRights).
    const roles = await asked;
    const decided = planRights({ roles, isCaseDirector: isCaseDirectorOf(plan, id), ...(lastKnown === 'edit' || lastKnown === 'read' ? { lastKnown } : {}) });
    if (roles !== undefined && roles.length > 0) await services.local.set(rightsKey(id, documentId), decided).catch(() => undefined);
    return decided;
  }

  function setRights(next: PlanRights): void {
    rights = next;
    if (next === 'read') readOnly = true;
  }

  /**
   * The plan is read-only for this user: what this device still holds for it is set aside (kept, never
   * retried: the drive would refuse it every time) and the draft is the stored plan again.
   */
  async function refuseEdits(cause?: AppError): Promise<void> {
    setRights('read');
    refused = new AppError('plan-read-only', { detail: 'the drive lets this user only read the plan', ...(cause ? { cause, status: cause.status, ...(cause.requestId ? { requestId: cause.requestId } : {}) } : {}) });
    if (userId) await services.local.set(rightsKey(userId, documentId), 'read').catch(() => undefined);
    if (base && draft && draft !== base.plan) {
      if (userId) await services.local.set(refusedKey(userId, documentId), { documentId, userId, plan: draft, refusedAt: services.clock.now().toISOString() }).catch(() => undefined);
      draft = base.plan;
      userSeq = writtenSeq;
      persist();
    }
    pendingWrite = undefined;
  }

  /** After opening: what the drive says now; a plan turned read-only drops this device's pending edits. */
  async function checkRights(): Promise<void> {
    if (!base) return;
    const next = await readRights(base.plan);
    if (disposed) return;
    if (next === 'read' && draft !== base.plan) await refuseEdits();
    else setRights(next);
    emit();
  }

  // --- opening
  async function open(): Promise<void> {
    userId = options.userId ?? (await currentUserId(services));
    if (disposed) return;
    let record: OutboxRecord | undefined;
    try {
      record = await services.local.get<OutboxRecord>(outboxKey(userId, documentId));
    } catch (error) {
      localError = error;
    }
    if (record) {
      try {
        const storedBase = { plan: parseStoredPlan(record.base.plan), eTag: record.base.eTag };
        base = storedBase;
        draft = record.local === undefined ? storedBase.plan : parseStoredPlan(record.local);
        if (record.local !== undefined) userSeq = 1;
        // Shown at once, offline too; the store is read next to take over what others wrote meanwhile.
        needsRefresh = true;
        const lastKnown = services.plans.rolesOf ? await services.local.get<PlanRights>(rightsKey(userId, documentId)).catch(() => undefined) : 'edit';
        setRights(planRights({ roles: undefined, isCaseDirector: isCaseDirectorOf(storedBase.plan, userId), ...(lastKnown === 'edit' || lastKnown === 'read' ? { lastKnown } : {}) }));
        opened = true;
        // What the drive says now follows (it may have changed since this device last asked).
        void checkRights();
        if (plannerPlanId && record.local === undefined && hasPlannerLinks(storedBase.plan, plannerPlanId)) pullDue = true;
        // pump() emits the first snapshot (so nobody sees "settled" before the loop started).
        pump();
        return;
      } catch (error) {
        // Unreadable by this version: keep it aside (never delete edits), open from the store.
        await services.local.set(`outbox-unreadable:${userId}:${documentId}`, record).catch(() => undefined);
        localError = error;
      }
    }
    try {
      // The rights are asked alongside the read: opening waits for one round trip, not two.
      const asked = askRoles();
      const stored = await services.plans.read(documentId);
      const plan = planCodec.parse(stored.content);
      const opening = await readRights(plan, asked);
      if (disposed) return;
      setRights(opening);
      base = { plan, eTag: stored.eTag };
      draft = plan;
      opened = true;
      loadError = undefined;
      if (plannerPlanId && hasPlannerLinks(plan, plannerPlanId)) pullDue = true;
      persist();
      pump();
    } catch (error) {
      loadError = error;
      emit();
    }
  }

  function start(): void {
    loadError = undefined;
    openPromise = open();
    emit();
  }

  const unsubscribeConnectivity = services.connectivity.onChange((online) => {
    if (disposed) return;
    if (online) {
      // Back online: try at once, with a fresh backoff.
      attempt = 0;
      clearTimer('retry');
      if (failure?.kind === 'waiting') failure = undefined;
      if (!opened && loadError !== undefined) start();
      else pump();
    }
    emit();
  });

  start();

  return {
    documentId,
    getSnapshot() {
      if (!snapshot) {
        const next = build();
        snapshot = lastSnapshot && sameSnapshot(lastSnapshot, next) ? lastSnapshot : next;
        lastSnapshot = snapshot;
      }
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(recipe) {
      if (!opened || !draft || disposed) return;
      if (rights === 'read') {
        // Refused here, never queued: the drive would answer 403 and the edit would wait forever.
        refused = new AppError('plan-read-only', { detail: 'an edit on a read-only plan' });
        emit();
        throw refused;
      }
      const next = recordDeletes(draft, recipe(draft));
      if (next === draft) return;
      draft = next;
      userSeq += 1;
      persist();
      scheduleSync(syncDelayMs);
      emit();
    },
    async syncNow() {
      await openPromise;
      if (!opened || !base) throw loadError ?? new AppError('unexpected', { detail: 'the plan is not open' });
      clearTimer('delay');
      clearTimer('retry');
      clearTimer('planner');
      attempt = 0;
      plannerBlocked = false;
      if (failure) failure = undefined;
      if (planner.state === 'failed') mirrorDue = true;
      if (!services.connectivity.isOnline()) {
        emit();
        throw new AppError('network-offline', { detail: 'the device is offline' });
      }
      const result = new Promise<Plan>((resolve, reject) => waiters.push({ resolve, reject }));
      if (pumping) {
        // The running loop picks up what is pending and settles the waiter.
      } else pump();
      emit();
      return result;
    },
    refresh(options) {
      if (!opened || disposed) return;
      refreshQuiet = options?.quiet === true && (refreshQuiet || !needsRefresh);
      needsRefresh = true;
      pump();
    },
    settled() {
      if (isSettled() || disposed) return Promise.resolve();
      return new Promise<void>((resolve) => settledWaiters.push(resolve));
    },
    dispose() {
      disposed = true;
      unsubscribeConnectivity();
      clearTimer('delay');
      clearTimer('retry');
      clearTimer('planner');
      clearTimer('refresh');
      settleWaiters({ error: new AppError('unexpected', { detail: 'the plan was closed' }) });
      listeners.clear();
      checkSettled();
    },
  };
}
