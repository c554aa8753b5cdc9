// How a use case reads and changes the open plan. An action that talks to the outside world (send an
// invitation, share the plan) first stores what it is about to do, then does it, then stores the result:
// `commit` is that "store now". The screen's open document and a plan loaded in a test both fit.
import type { Plan } from '../domain';
import { AppError } from './errors';
import { persistPlan } from './planDocument';
import type { LoadedPlan } from './planDocument';
import type { Services } from './ports';

export interface PlanAccess {
  /** The plan document's id in the store (needed to share it). */
  readonly documentId: string;
  /** The plan as it is now, edits not yet stored included. */
  current(): Plan;
  /** Applies the edit and stores the plan (merging with others' changes); resolves with what is stored. */
  commit(recipe: (plan: Plan) => Plan): Promise<Plan>;
}

/** A PlanAccess over a plan read with openPlan: every commit writes with If-Match and merges on 412. */
export function storedPlanAccess(services: Pick<Services, 'plans' | 'cases' | 'clock'>, loaded: LoadedPlan): PlanAccess & { loaded(): LoadedPlan } {
  let state = loaded;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    documentId: loaded.documentId,
    current: () => state.plan,
    loaded: () => state,
    commit(recipe) {
      // One write at a time, each starting from what the previous one stored.
      const run = queue.catch(() => undefined).then(async () => {
        const next = recipe(state.plan);
        if (next === state.plan) return state.plan;
        const saved = await persistPlan(services, state, next);
        state = { documentId: saved.documentId, plan: saved.plan, eTag: saved.eTag };
        return state.plan;
      });
      queue = run;
      return run;
    },
  };
}

/** The open plan as a screen holds it (usePlanDocument): edits go to the draft, saveNow writes them. */
export interface OpenPlanDocument {
  documentId?: string;
  plan: Plan;
  update(recipe: (plan: Plan) => Plan): void;
  saveNow(): Promise<Plan | undefined>;
}

/**
 * A PlanAccess over the screen's open plan, starting from what `saveNow` stored: a commit applies the edit to
 * the draft (and this device's outbox) and resolves once the shared plan holds it.
 */
export function documentAccess(document: OpenPlanDocument, start: Plan): PlanAccess {
  let latest = start;
  return {
    get documentId(): string {
      if (document.documentId === undefined) throw new AppError('unexpected', { detail: 'the plan document has no id to share' });
      return document.documentId;
    },
    current: () => latest,
    async commit(recipe) {
      latest = recipe(latest);
      document.update(recipe);
      const stored = await document.saveNow();
      if (!stored) throw new AppError('unexpected', { detail: 'the plan was not saved' });
      latest = stored;
      return stored;
    },
  };
}

/** A fresh id for a record in the plan (participants, consents): random, so two devices never pick the same. */
export function newRecordId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}
