// The Planner mirror step of the plan sync: after the plan is stored, agreements owned by professionals in
// the tenant become (or update) tasks in the case's bucket of the area team's plan, and what was completed
// or reopened in Planner comes back into the plan. The domain decides (planMirror); this step does the
// Graph calls — bucket lookup, one task list, ⌈N/20⌉ $batch round trips — and hands back the plan with the
// task links written in, for the sync loop to store like any other edit.
import { agreementTaskOwner, applyMirrorLinks, applyPlannerStatus, planMirror } from '../domain';
import type { MirrorTask, MirrorUpsert, Plan } from '../domain';
import { AppError } from './errors';
import type { BoardTask, Services, TaskUpsert } from './ports';

export type MirrorMode =
  /** Push changed agreements to Planner and pull completions: after the user's own edits were stored. */
  | 'full'
  /** Only take over what was completed or reopened in Planner (no task is created or changed). */
  | 'pull';

export interface MirrorResult {
  /** The plan with the new task links and Planner's status changes; the same object when nothing changed. */
  plan: Plan;
  /** Tasks that could not be created or updated this time (the next run tries again). */
  failures: { agreementId: string; error: AppError }[];
  created: number;
  updated: number;
}

/** Does any agreement wait for its task to be created or brought in step? (Saves the task list when not.) */
export function needsMirror(plan: Plan, planId: string): boolean {
  return plan.agreements.some((a) => {
    if (agreementTaskOwner(plan, a) === undefined) return false;
    if (a.planner === undefined) return true;
    return a.planner.planId === planId && a.updatedAt !== a.planner.syncedUpdatedAt;
  });
}

/** Is there anything Planner could have completed or reopened? */
export function hasPlannerLinks(plan: Plan, planId: string): boolean {
  return plan.agreements.some((a) => a.planner?.planId === planId);
}

const toMirrorTask = (task: BoardTask): MirrorTask => {
  const mirror: MirrorTask = { taskId: task.taskId, etag: task.etag, title: task.title, percentComplete: task.percentComplete, assigneeUserIds: task.assigneeUserIds };
  if (task.dueDateTime !== undefined) mirror.dueDateTime = task.dueDateTime;
  return mirror;
};

function toTaskUpsert(upsert: MirrorUpsert, planId: string, bucketId: string): TaskUpsert {
  const item: TaskUpsert = {
    key: upsert.agreementId,
    planId,
    bucketId,
    title: upsert.title,
    dueDateTime: upsert.dueDateTime,
    assigneeUserIds: upsert.assigneeUserIds,
    percentComplete: upsert.percentComplete,
  };
  if (upsert.unassignUserIds.length > 0) item.unassignUserIds = upsert.unassignUserIds;
  if (upsert.taskId !== undefined) item.taskId = upsert.taskId;
  if (upsert.etag !== undefined) item.etag = upsert.etag;
  return item;
}

/**
 * One mirror run over the stored plan. Failures of single tasks are returned, not thrown; a failure of the
 * bucket lookup or the task list throws (nothing was changed in Planner then).
 */
export async function mirrorToPlanner(
  services: Pick<Services, 'tasks' | 'clock'>,
  input: { plan: Plan; planId: string; userId: string; mode: MirrorMode },
): Promise<MirrorResult> {
  const { plan, planId, userId, mode } = input;
  const now = services.clock.now().toISOString();
  const { bucketId } = await services.tasks.ensureBucket(planId, plan.caseAlias);
  const tasks = await services.tasks.listBucketTasks(bucketId);
  const mirror = planMirror(plan, tasks.map(toMirrorTask), { planId, userId, now });

  const failures: MirrorResult['failures'] = [];
  const links: { agreementId: string; planId: string; taskId: string; etag: string }[] = [];
  let created = 0;
  let updated = 0;
  if (mode === 'full') {
    links.push(...mirror.adopt.map((a) => ({ ...a, planId })));
    // An update needs the task's etag (If-Match); a linked task that is no longer in the bucket has none.
    const sendable = mirror.upserts.filter((u) => {
      if (u.taskId === undefined || u.etag !== undefined) return true;
      failures.push({ agreementId: u.agreementId, error: new AppError('graph-not-found', { detail: 'the linked Planner task is not in the case bucket' }) });
      return false;
    });
    const results = await services.tasks.upsertTasks(sendable.map((u) => toTaskUpsert(u, planId, bucketId)));
    for (const result of results) {
      if (!result.ok) {
        failures.push({ agreementId: result.key, error: result.error });
        continue;
      }
      links.push({ agreementId: result.key, planId, taskId: result.taskId, etag: result.etag });
      if (result.created) created += 1;
      else updated += 1;
    }
  }

  let next = applyMirrorLinks(plan, links);
  if (mirror.completedInPlanner.length > 0 || mirror.reopenedInPlanner.length > 0) {
    next = applyPlannerStatus(next, { done: mirror.completedInPlanner, reopened: mirror.reopenedInPlanner }, { at: now, byUserId: userId });
  }
  return { plan: next, failures, created, updated };
}
