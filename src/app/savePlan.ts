// Saving the Samenwerkplan: write against the version we read (If-Match). When someone else wrote
// first (412), reload, merge by stable ids, and write again — a bounded number of times. The merge
// never drops an agreement; that rule lives in the domain's mergePlans. `savePlanWithMerge` is generic
// (any codec, any merge) so it can be tested on its own; `savePlan` wires the Samenwerkplan.
import { landedBase, mergePlans, migratePlan, nextRevision } from '../domain';
import type { Plan } from '../domain';
import { AppError } from './errors';
import type { PlanStorePort } from './ports';

export interface PlanCodec<P> {
  parse(content: string): P;
  serialize(plan: P): string;
}

/** Three-way merge: the version my edit started from, my edited plan, and what is stored now. */
export type PlanMerge<P> = (input: { base: P; mine: P; theirs: P }) => P;

export interface SavePlanInput<P> {
  store: Pick<PlanStorePort, 'read' | 'write'>;
  documentId: string;
  /** The version my edit started from, as read, with its eTag. */
  base: { plan: P; eTag: string };
  /** The plan with my edits applied. */
  mine: P;
  merge: PlanMerge<P>;
  codec?: PlanCodec<P>;
  /** Writes in total (first one included) before giving up with graph-precondition-failed. */
  maxAttempts?: number;
  /** The document as it is written over `stored` (e.g. its revision counted up). */
  prepare?: (plan: P, stored: P) => P;
  /** The common base for a merge with `theirs` (default: the version the write started from). */
  baseFor?: (base: P, theirs: P) => P;
}

export interface SavePlanResult<P> {
  /** What is stored now (my edits, merged with others' when needed). */
  plan: P;
  eTag: string;
  merged: boolean;
  attempts: number;
}

export const DEFAULT_SAVE_ATTEMPTS = 4;

export function jsonCodec<P>(): PlanCodec<P> {
  return {
    parse(content) {
      try {
        return JSON.parse(content) as P;
      } catch (cause) {
        throw new AppError('plan-invalid', { cause, detail: 'stored plan is not JSON' });
      }
    },
    serialize: (plan) => JSON.stringify(plan, null, 2),
  };
}

export async function savePlanWithMerge<P>(input: SavePlanInput<P>): Promise<SavePlanResult<P>> {
  const codec = input.codec ?? jsonCodec<P>();
  const maxAttempts = input.maxAttempts ?? DEFAULT_SAVE_ATTEMPTS;
  let base = input.base.plan;
  let eTag = input.base.eTag;
  let plan = input.mine;
  let merged = false;
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (input.prepare) plan = input.prepare(plan, base);
      const written = await input.store.write(input.documentId, codec.serialize(plan), eTag);
      return { plan, eTag: written.eTag, merged, attempts: attempt };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'graph-precondition-failed') throw error;
      if (attempt >= maxAttempts) {
        throw new AppError('graph-precondition-failed', { cause: error, status: error.status, requestId: error.requestId, detail: `still changing after ${attempt} writes` });
      }
      // Someone else wrote first: merge my plan into theirs. Their version becomes the new base, so
      // a next round only carries what is still mine.
      const latest = await input.store.read(input.documentId);
      const theirs = codec.parse(latest.content);
      plan = input.merge({ base: input.baseFor ? input.baseFor(base, theirs) : base, mine: plan, theirs });
      base = theirs;
      eTag = latest.eTag;
      merged = true;
    }
  }
}

/** The stored Samenwerkplan: JSON, migrated to the current schema; unreadable → plan-invalid. */
export const planCodec: PlanCodec<Plan> = {
  parse(content) {
    const migrated = migratePlan(jsonCodec<unknown>().parse(content));
    if (!migrated.plan) throw new AppError('plan-invalid', { detail: migrated.problems.map((p) => p.code).join(',') });
    return migrated.plan;
  },
  serialize: (plan) => JSON.stringify(plan, null, 2),
};

export const mergeSamenwerkplan: PlanMerge<Plan> = ({ base, mine, theirs }) => mergePlans(base, mine, theirs);

/** A write whose answer never came: what was sent, and the id it carries in the document's `writes`. */
export interface PendingWrite {
  plan: Plan;
  writeId: string;
}

export interface SavePlanOptions {
  maxAttempts?: number;
  /** The last write whose outcome is unknown (a lost answer): if it landed, it is the common base. */
  pending?: PendingWrite;
  /** Called with every write about to be sent, so the caller can keep it until it hears back. */
  onWriting?: (write: PendingWrite) => void;
  newWriteId?: () => string;
}

const randomWriteId = () => globalThis.crypto?.randomUUID?.() ?? `w-${Math.random().toString(36).slice(2)}`;

/**
 * Saves my edited Samenwerkplan over the version I loaded, merging with whatever others wrote meanwhile. Each
 * write is the stored revision + 1 and carries its own id (see the domain's nextRevision / landedBase).
 */
export function savePlan(
  store: Pick<PlanStorePort, 'read' | 'write'>,
  documentId: string,
  base: { plan: Plan; eTag: string },
  mine: Plan,
  options: SavePlanOptions | number = {},
): Promise<SavePlanResult<Plan>> {
  const opts = typeof options === 'number' ? { maxAttempts: options } : options;
  const newWriteId = opts.newWriteId ?? randomWriteId;
  let pending = opts.pending;
  return savePlanWithMerge({
    store, documentId, base, mine, merge: mergeSamenwerkplan, codec: planCodec, maxAttempts: opts.maxAttempts ?? DEFAULT_SAVE_ATTEMPTS,
    prepare: (plan, stored) => {
      const writeId = newWriteId();
      const next = nextRevision(plan, stored, writeId);
      pending = { plan: next, writeId };
      opts.onWriting?.(pending);
      return next;
    },
    baseFor: (from, theirs) => landedBase(from, theirs, pending),
  });
}
