// Agreements owned by professionals in the tenant are mirrored as Planner tasks on the area team's board
// (a bucket per case). Planner is seen by the whole team, so a task carries the case alias and what is
// to be done, never identifiers. This module only decides; the app does the Graph calls and writes the
// links back. The plan stays the source of truth, except for one thing Planner may tell us: a task was
// completed (or reopened) there.
import { redactPlanDetails } from './planDetails';
import { protectedPeople, redactNames } from './planNames';
import type { ProtectedPerson } from './planNames';
import { changeAgreement } from './agreements';
import { parseInstant } from './calendar';
import type { EditStamp } from './planEdits';
import type { Agreement, Plan } from './planSchema';
import { redactIdentifiers } from './sensitiveData';
import { amsterdamInstant } from './soPreparation';
import { cleanText } from './text';

export interface MirrorTask {
  taskId: string;
  etag: string;
  title: string;
  percentComplete: number;
  dueDateTime?: string;
  assigneeUserIds: string[];
}

export interface MirrorUpsert {
  agreementId: string;
  /** Absent: create a task. */
  taskId?: string;
  etag?: string;
  title: string;
  dueDateTime: string;
  assigneeUserIds: string[];
  unassignUserIds: string[];
  percentComplete: 0 | 100;
}

export interface MirrorPlan {
  upserts: MirrorUpsert[];
  /** Tasks that already exist for an unlinked agreement (a lost response, another device): link, do not create. */
  adopt: { agreementId: string; taskId: string; etag: string }[];
  /** Agreement ids completed in Planner while open in the plan. */
  completedInPlanner: string[];
  /** Agreement ids reopened in Planner while done in the plan. */
  reopenedInPlanner: string[];
}

/** Planner's limit on a task title. */
export const TASK_TITLE_MAX = 255;
/** Separates the case alias from what is to be done in a task title. */
export const TASK_TITLE_SEPARATOR = ' – ';
/**
 * An agreement created on another device is left to that device for this long, so two devices do not
 * both create its task; after that anyone may.
 */
export const CREATE_GRACE_MS = 10 * 60_000;

/**
 * `SO-2026-014 – Belt de inwoner`: names of the resident and the network (`people`) replaced by their role,
 * identifiers and plan details by '…', one line, at most 255 characters. The text is first put on one line in
 * its normalised spelling, then scanned: the title is exactly what was checked.
 */
export function plannerTaskTitle(caseAlias: string, what: string, people: readonly ProtectedPerson[] = []): string {
  const oneLine = cleanText(what).replace(/\s+/g, ' ');
  const safe = redactPlanDetails(redactIdentifiers(redactNames(oneLine, people)));
  const title = `${cleanText(caseAlias)}${TASK_TITLE_SEPARATOR}${safe}`.replace(/\s+/g, ' ').trim();
  return title.length <= TASK_TITLE_MAX ? title : `${title.slice(0, TASK_TITLE_MAX - 1).trimEnd()}…`;
}

/** Planner shows a due date as a day; noon in Amsterdam lands on that day in every Dutch calendar. */
export function plannerDueDateTime(due: string): string {
  const local = amsterdamInstant(`${due}T12:00`);
  const ms = local === undefined ? undefined : parseInstant(local);
  if (ms === undefined) throw new RangeError(`not a calendar day: ${due}`);
  return new Date(ms).toISOString();
}

/** The Entra user id of the agreement's owner, when that is a professional of the tenant; else no task. */
export function agreementTaskOwner(plan: Plan, agreement: Agreement): string | undefined {
  const owner = plan.participants.find((p) => p.id === agreement.who);
  return owner?.role === 'professional' && owner.userId !== undefined && owner.userId !== '' ? owner.userId : undefined;
}

function createdBy(agreement: Agreement): string | undefined {
  return agreement.history.find((h) => h.change === 'created')?.byUserId;
}

const sameDay = (a: string | undefined, b: string) => a !== undefined && parseInstant(a) !== undefined && parseInstant(a) === parseInstant(b);

export function planMirror(plan: Plan, tasks: readonly MirrorTask[], options: { planId: string; userId: string; now: string }): MirrorPlan {
  const result: MirrorPlan = { upserts: [], adopt: [], completedInPlanner: [], reopenedInPlanner: [] };
  const nowMs = parseInstant(options.now) ?? Number.NEGATIVE_INFINITY;
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  // A task linked to one agreement is never adopted by another.
  const taken = new Set(plan.agreements.flatMap((a) => (a.planner === undefined ? [] : [a.planner.taskId])));
  const people = protectedPeople(plan);

  for (const agreement of plan.agreements) {
    const owner = agreementTaskOwner(plan, agreement);
    // No task for an agreement without a professional owner; one that already has a task keeps it in
    // step (a new owner outside the tenant: the task is unassigned, not left with the previous owner).
    if (owner === undefined && agreement.planner === undefined) continue;
    const assignees = owner === undefined ? [] : [owner];
    const title = plannerTaskTitle(plan.caseAlias, agreement.what, people);
    const dueDateTime = plannerDueDateTime(agreement.due);
    const percentComplete = agreement.status === 'done' ? 100 : 0;
    const link = agreement.planner;

    if (link !== undefined) {
      // A link to an older board stays as it is: that task lives on in the old plan.
      if (link.planId !== options.planId) continue;
      const task = byId.get(link.taskId);
      // A title that differs from what the plan would write now (a name written before titles left names
      // out, an edit in Planner) is put right: the plan decides what the team reads.
      // (Only once Planner's own news, a completion, has been taken over.)
      const plannerNews = task !== undefined && (task.percentComplete >= 100) !== (agreement.status === 'done');
      if (agreement.updatedAt !== link.syncedUpdatedAt || (task !== undefined && task.title !== title && !plannerNews)) {
        const etag = task?.etag ?? link.etag;
        result.upserts.push({
          agreementId: agreement.id,
          taskId: link.taskId,
          ...(etag === undefined ? {} : { etag }),
          title,
          dueDateTime,
          assigneeUserIds: assignees,
          unassignUserIds: (task?.assigneeUserIds ?? []).filter((u) => u !== owner),
          percentComplete,
        });
      } else if (task !== undefined) {
        if (task.percentComplete >= 100 && agreement.status === 'open') result.completedInPlanner.push(agreement.id);
        else if (task.percentComplete < 100 && agreement.status === 'done') result.reopenedInPlanner.push(agreement.id);
      }
      continue;
    }

    if (owner === undefined) continue;
    const existing = tasks.find((t) => !taken.has(t.taskId) && t.title === title && t.assigneeUserIds.includes(owner));
    if (existing !== undefined) {
      taken.add(existing.taskId);
      const matches = sameDay(existing.dueDateTime, dueDateTime) && (existing.percentComplete >= 100) === (percentComplete === 100) && existing.assigneeUserIds.length === 1;
      if (matches) {
        result.adopt.push({ agreementId: agreement.id, taskId: existing.taskId, etag: existing.etag });
      } else {
        // The task exists but lags behind the agreement (it changed after the lost create): bring it in step.
        result.upserts.push({
          agreementId: agreement.id, taskId: existing.taskId, etag: existing.etag, title, dueDateTime,
          assigneeUserIds: [owner], unassignUserIds: existing.assigneeUserIds.filter((u) => u !== owner), percentComplete,
        });
      }
      continue;
    }

    const created = parseInstant(agreement.createdAt) ?? Number.POSITIVE_INFINITY;
    if (createdBy(agreement) === options.userId || created < nowMs - CREATE_GRACE_MS) {
      result.upserts.push({ agreementId: agreement.id, title, dueDateTime, assigneeUserIds: [owner], unassignUserIds: [], percentComplete });
    }
  }
  return result;
}

/** Writes the task links back. The agreement itself did not change, so its `updatedAt` stays. */
export function applyMirrorLinks(plan: Plan, links: { agreementId: string; planId: string; taskId: string; etag: string }[]): Plan {
  if (links.length === 0) return plan;
  const byAgreement = new Map(links.map((l) => [l.agreementId, l]));
  let changed = false;
  const agreements = plan.agreements.map((a) => {
    const link = byAgreement.get(a.id);
    if (link === undefined) return a;
    changed = true;
    return { ...a, planner: { planId: link.planId, taskId: link.taskId, etag: link.etag, syncedUpdatedAt: a.updatedAt } };
  });
  return changed ? { ...plan, agreements } : plan;
}

/**
 * Takes over what happened in Planner: completed tasks mark their agreement done, reopened ones open it
 * again. The task already shows that state, so the link is in step with the new `updatedAt`.
 */
export function applyPlannerStatus(plan: Plan, change: { done: string[]; reopened: string[] }, stamp: EditStamp): Plan {
  const done = new Set(change.done);
  const reopened = new Set(change.reopened);
  let changed = false;
  const agreements = plan.agreements.map((a) => {
    const status = done.has(a.id) ? 'done' : reopened.has(a.id) ? 'open' : undefined;
    if (status === undefined) return a;
    const next = changeAgreement(a, { status }, stamp);
    if (next === a) return a;
    changed = true;
    return next.planner === undefined ? next : { ...next, planner: { ...next.planner, syncedUpdatedAt: next.updatedAt } };
  });
  return changed ? { ...plan, agreements } : plan;
}
