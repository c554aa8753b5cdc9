// Planner: plans belong to a Microsoft 365 group, and only its members see the plan, its buckets and tasks or
// can be assigned (403 otherwise). Every object carries "@odata.etag", which changes on every write.
// PATCH and DELETE need If-Match with the last etag: missing → 400, stale → 412. PATCH answers 204, or 200 with
// the task when `Prefer: return=representation`. Limits as Planner's: 20 assignees per task, 2,400 active tasks
// per plan, 200 buckets per plan (403 with the limit's code).
import type { DemoPlannerBucket, DemoPlannerPlan, DemoPlannerTask, DemoTenantState } from '../tenantState';
import { isGroupMember, userById, userIdentity } from './directory';
import { graphError, isRecord, json, jsonObjectBody, newId, noContent, page } from './http';
import type { Route, RouteContext, TenantResponse } from './http';

const MAX_ASSIGNEES = 20;
const MAX_ACTIVE_TASKS = 2400;
const MAX_BUCKETS = 200;
/** Page size of the task lists (a bucket's, mine): Planner pages long lists with @odata.nextLink. */
const TASK_PAGE = 100;

/** Planner's etag shape: W/"<base64 of a version stamp>". */
export function plannerETag(id: string, version: number): string {
  return `W/"${btoa(`'${version}-${id.slice(0, 12)}'`)}"`;
}

function identity(state: DemoTenantState, userId: string) {
  return userIdentity(state, userId);
}

export function toGraphPlan(state: DemoTenantState, plan: DemoPlannerPlan): Record<string, unknown> {
  return {
    '@odata.etag': plannerETag(plan.id, plan.version),
    id: plan.id,
    title: plan.title,
    owner: plan.groupId,
    createdDateTime: plan.createdDateTime,
    createdBy: identity(state, plan.createdByUserId),
    container: { containerId: plan.groupId, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${plan.groupId}` },
  };
}

export function toGraphBucket(bucket: DemoPlannerBucket): Record<string, unknown> {
  return { '@odata.etag': plannerETag(bucket.id, bucket.version), id: bucket.id, name: bucket.name, planId: bucket.planId, orderHint: bucket.orderHint };
}

export function toGraphTask(state: DemoTenantState, task: DemoPlannerTask): Record<string, unknown> {
  const assignments: Record<string, unknown> = {};
  for (const [userId, a] of Object.entries(task.assignments)) {
    assignments[userId] = {
      '@odata.type': '#microsoft.graph.plannerAssignment',
      assignedDateTime: a.assignedDateTime,
      orderHint: a.orderHint,
      assignedBy: identity(state, a.assignedByUserId),
    };
  }
  return {
    '@odata.etag': plannerETag(task.id, task.version),
    planId: task.planId,
    bucketId: task.bucketId,
    title: task.title,
    orderHint: task.orderHint,
    assigneePriority: task.assigneePriority,
    percentComplete: task.percentComplete,
    startDateTime: task.startDateTime,
    createdDateTime: task.createdDateTime,
    dueDateTime: task.dueDateTime,
    hasDescription: false,
    previewType: 'automatic',
    completedDateTime: task.completedDateTime,
    completedBy: task.completedByUserId ? identity(state, task.completedByUserId) : null,
    referenceCount: 0,
    checklistItemCount: 0,
    activeChecklistItemCount: 0,
    conversationThreadId: task.conversationThreadId,
    priority: task.priority,
    id: task.id,
    createdBy: identity(state, task.createdByUserId),
    appliedCategories: { ...task.appliedCategories },
    assignments,
  };
}

function denied(ctx: RouteContext): TenantResponse {
  return graphError(403, 'Forbidden', 'You do not have the required permissions to access this item, or the item may not exist.', ctx.requestId, ctx.now);
}

function notFound(ctx: RouteContext): TenantResponse {
  return graphError(404, 'NotFound', 'The requested item is not found.', ctx.requestId, ctx.now);
}

function planFor(ctx: RouteContext, planId: unknown): DemoPlannerPlan | undefined {
  return typeof planId === 'string' ? ctx.state.planner.plans.find((p) => p.id === planId) : undefined;
}

const canUse = (ctx: RouteContext, plan: DemoPlannerPlan) => isGroupMember(ctx.state, plan.groupId, ctx.me.id);

/** If-Match as Planner applies it to PATCH and DELETE. */
function precondition(ctx: RouteContext, id: string, version: number): TenantResponse | undefined {
  const ifMatch = ctx.request.headers.get('if-match');
  if (!ifMatch) return graphError(400, 'BadRequest', 'The If-Match header must be specified for this kind of request.', ctx.requestId, ctx.now);
  if (ifMatch !== plannerETag(id, version)) {
    return graphError(412, 'PreconditionFailed', 'The precondition failed: the If-Match value does not match the current etag of the item.', ctx.requestId, ctx.now);
  }
  return undefined;
}

type AssignmentPatch = Record<string, { orderHint?: string } | null>;

/** Applies an assignments body; returns an error response when an assignee may not be assigned. */
function applyAssignments(ctx: RouteContext, plan: DemoPlannerPlan, task: DemoPlannerTask, patch: unknown): TenantResponse | undefined {
  if (patch === undefined) return undefined;
  if (!isRecord(patch)) return graphError(400, 'BadRequest', 'assignments must be an object keyed by user id.', ctx.requestId, ctx.now);
  const next = { ...task.assignments };
  for (const [userId, value] of Object.entries(patch as AssignmentPatch)) {
    if (userId.includes('@')) continue;
    if (value === null) {
      delete next[userId];
      continue;
    }
    if (!userById(ctx.state, userId)) return graphError(400, 'BadRequest', `The user '${userId}' does not exist in the tenant.`, ctx.requestId, ctx.now);
    if (!isGroupMember(ctx.state, plan.groupId, userId)) {
      return graphError(403, 'Forbidden', `The user '${userId}' is not a member of the group that owns the plan and cannot be assigned.`, ctx.requestId, ctx.now);
    }
    next[userId] = {
      assignedDateTime: task.assignments[userId]?.assignedDateTime ?? ctx.now.toISOString(),
      assignedByUserId: task.assignments[userId]?.assignedByUserId ?? ctx.me.id,
      orderHint: typeof value?.orderHint === 'string' ? plannerOrderHint(value.orderHint) : task.assignments[userId]?.orderHint ?? '8585269235419217847',
    };
  }
  if (Object.keys(next).length > MAX_ASSIGNEES) {
    return graphError(403, 'MaximumAssigneesInTasks', `A task can have at most ${MAX_ASSIGNEES} assignees.`, ctx.requestId, ctx.now);
  }
  task.assignments = next;
  return undefined;
}

/** Planner turns a client's hint (" !" = "first") into a server-made string. */
function plannerOrderHint(hint: string): string {
  return `85${hint.trim() ? String(hint.charCodeAt(hint.length - 1)) : '0'}${Date.now().toString().slice(-10)}`;
}

function applyTaskFields(ctx: RouteContext, plan: DemoPlannerPlan, task: DemoPlannerTask, body: Record<string, unknown>): TenantResponse | undefined {
  if ('title' in body) {
    if (typeof body.title !== 'string' || !body.title.trim()) return graphError(400, 'BadRequest', 'The title must not be empty.', ctx.requestId, ctx.now);
    if (body.title.length > 255) return graphError(400, 'BadRequest', 'The title can be at most 255 characters.', ctx.requestId, ctx.now);
    task.title = body.title;
  }
  if ('bucketId' in body) {
    if (body.bucketId !== null && !ctx.state.planner.buckets.some((b) => b.id === body.bucketId && b.planId === plan.id)) {
      return graphError(400, 'BadRequest', 'The bucket does not belong to the plan.', ctx.requestId, ctx.now);
    }
    task.bucketId = (body.bucketId as string | null) ?? null;
  }
  if ('dueDateTime' in body) task.dueDateTime = (body.dueDateTime as string | null) ?? null;
  if ('startDateTime' in body) task.startDateTime = (body.startDateTime as string | null) ?? null;
  if ('priority' in body && typeof body.priority === 'number') task.priority = body.priority;
  if ('orderHint' in body && typeof body.orderHint === 'string') task.orderHint = plannerOrderHint(body.orderHint);
  if ('assigneePriority' in body && typeof body.assigneePriority === 'string') task.assigneePriority = plannerOrderHint(body.assigneePriority);
  if ('conversationThreadId' in body) task.conversationThreadId = (body.conversationThreadId as string | null) ?? null;
  if ('appliedCategories' in body && isRecord(body.appliedCategories)) {
    for (const [k, v] of Object.entries(body.appliedCategories)) {
      if (k.includes('@')) continue;
      if (v === true) task.appliedCategories[k] = true;
      else delete task.appliedCategories[k];
    }
  }
  if ('percentComplete' in body && typeof body.percentComplete === 'number') {
    const p = Math.max(0, Math.min(100, Math.round(body.percentComplete)));
    task.percentComplete = p;
    if (p === 100) {
      task.completedDateTime ??= ctx.now.toISOString();
      task.completedByUserId ??= ctx.me.id;
    } else {
      task.completedDateTime = null;
      task.completedByUserId = null;
    }
  }
  return applyAssignments(ctx, plan, task, body.assignments);
}

function taskOf(ctx: RouteContext): DemoPlannerTask | undefined {
  const id = decodeURIComponent(ctx.params[0] ?? '');
  return ctx.state.planner.tasks.find((t) => t.id === id);
}

function createTask(ctx: RouteContext): TenantResponse {
  const body = jsonObjectBody(ctx.request);
  if (typeof body.planId !== 'string') return graphError(400, 'BadRequest', 'planId is required.', ctx.requestId, ctx.now);
  const plan = planFor(ctx, body.planId);
  if (!plan) return notFound(ctx);
  if (!canUse(ctx, plan)) return denied(ctx);
  if (typeof body.title !== 'string') return graphError(400, 'BadRequest', 'title is required.', ctx.requestId, ctx.now);
  const active = ctx.state.planner.tasks.filter((t) => t.planId === plan.id && t.percentComplete < 100).length;
  if (active >= MAX_ACTIVE_TASKS) {
    return graphError(403, 'MaximumActiveTasksInProject', `The plan already has ${MAX_ACTIVE_TASKS} active tasks.`, ctx.requestId, ctx.now);
  }
  const task: DemoPlannerTask = {
    id: newId('', 28),
    planId: plan.id,
    bucketId: null,
    title: '',
    orderHint: plannerOrderHint(' !'),
    assigneePriority: '',
    percentComplete: 0,
    priority: 5,
    startDateTime: null,
    dueDateTime: null,
    createdDateTime: ctx.now.toISOString(),
    createdByUserId: ctx.me.id,
    completedDateTime: null,
    completedByUserId: null,
    assignments: {},
    appliedCategories: {},
    conversationThreadId: null,
    version: 1,
  };
  const problem = applyTaskFields(ctx, plan, task, body);
  if (problem) return problem;
  ctx.state.planner.tasks.push(task);
  return json(201, toGraphTask(ctx.state, task), { ETag: plannerETag(task.id, task.version) });
}

/** The task a write addresses, once it exists, the caller may use its plan and If-Match is current. */
function writableTask(ctx: RouteContext): { task: DemoPlannerTask; plan: DemoPlannerPlan } | TenantResponse {
  const task = taskOf(ctx);
  if (!task) return notFound(ctx);
  const plan = planFor(ctx, task.planId);
  if (!plan || !canUse(ctx, plan)) return denied(ctx);
  return precondition(ctx, task.id, task.version) ?? { task, plan };
}

function updateTask(ctx: RouteContext): TenantResponse {
  const target = writableTask(ctx);
  if ('status' in target) return target;
  const { task, plan } = target;
  const body = jsonObjectBody(ctx.request);
  if ('planId' in body && body.planId !== task.planId) return graphError(400, 'BadRequest', 'A task cannot move to another plan.', ctx.requestId, ctx.now);
  const draft = structuredClone(task);
  const problem = applyTaskFields(ctx, plan, draft, body);
  if (problem) return problem;
  Object.assign(task, draft, { version: task.version + 1 });
  const etag = plannerETag(task.id, task.version);
  const prefer = ctx.request.headers.get('prefer') ?? '';
  if (/return=representation/i.test(prefer)) {
    return json(200, toGraphTask(ctx.state, task), { ETag: etag, 'Preference-Applied': 'return=representation' });
  }
  return noContent(204, { ETag: etag });
}

function deleteTask(ctx: RouteContext): TenantResponse {
  const target = writableTask(ctx);
  if ('status' in target) return target;
  const { task } = target;
  ctx.state.planner.tasks = ctx.state.planner.tasks.filter((t) => t.id !== task.id);
  return noContent(204);
}

function withPlan(run: (ctx: RouteContext, plan: DemoPlannerPlan) => TenantResponse) {
  return (ctx: RouteContext): TenantResponse => {
    const plan = planFor(ctx, decodeURIComponent(ctx.params[0] ?? ''));
    if (!plan) return notFound(ctx);
    if (!canUse(ctx, plan)) return denied(ctx);
    return run(ctx, plan);
  };
}

export const plannerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/planner\/plans\/([^/]+)$/,
    response: 'plannerPlan',
    handle: withPlan((ctx, plan) => json(200, toGraphPlan(ctx.state, plan), { ETag: plannerETag(plan.id, plan.version) })),
  },
  {
    method: 'GET',
    pattern: /^\/planner\/plans\/([^/]+)\/buckets$/,
    response: 'Collection(plannerBucket)',
    handle: withPlan((ctx, plan) => json(200, { value: ctx.state.planner.buckets.filter((b) => b.planId === plan.id).map(toGraphBucket) })),
  },
  {
    method: 'GET',
    pattern: /^\/planner\/plans\/([^/]+)\/tasks$/,
    response: 'Collection(plannerTask)',
    handle: withPlan((ctx, plan) => json(200, { value: ctx.state.planner.tasks.filter((t) => t.planId === plan.id).map((t) => toGraphTask(ctx.state, t)) })),
  },
  {
    method: 'POST',
    pattern: /^\/planner\/buckets$/,
    request: 'plannerBucket',
    response: 'plannerBucket',
    handle: (ctx) => {
      const body = jsonObjectBody(ctx.request);
      const plan = planFor(ctx, body.planId);
      if (!plan) return typeof body.planId === 'string' ? notFound(ctx) : graphError(400, 'BadRequest', 'planId is required.', ctx.requestId, ctx.now);
      if (!canUse(ctx, plan)) return denied(ctx);
      if (typeof body.name !== 'string' || !body.name.trim()) return graphError(400, 'BadRequest', 'name is required.', ctx.requestId, ctx.now);
      if (ctx.state.planner.buckets.filter((b) => b.planId === plan.id).length >= MAX_BUCKETS) {
        return graphError(403, 'MaximumBucketsInProject', `A plan can have at most ${MAX_BUCKETS} buckets.`, ctx.requestId, ctx.now);
      }
      const bucket: DemoPlannerBucket = {
        id: newId('', 28),
        planId: plan.id,
        name: body.name,
        orderHint: plannerOrderHint(typeof body.orderHint === 'string' ? body.orderHint : ' !'),
        version: 1,
      };
      ctx.state.planner.buckets.push(bucket);
      return json(201, toGraphBucket(bucket), { ETag: plannerETag(bucket.id, bucket.version) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/planner\/buckets\/([^/]+)\/tasks$/,
    response: 'Collection(plannerTask)',
    handle: (ctx) => {
      const bucket = ctx.state.planner.buckets.find((b) => b.id === decodeURIComponent(ctx.params[0] ?? ''));
      if (!bucket) return notFound(ctx);
      const plan = planFor(ctx, bucket.planId);
      if (!plan || !canUse(ctx, plan)) return denied(ctx);
      const tasks = ctx.state.planner.tasks.filter((t) => t.bucketId === bucket.id).map((t) => toGraphTask(ctx.state, t));
      return json(200, page(ctx.request, tasks, TASK_PAGE));
    },
  },
  {
    // plannerUser.tasks: the tasks assigned to me, in every plan I can still see.
    method: 'GET',
    pattern: /^\/me\/planner\/tasks$/,
    response: 'Collection(plannerTask)',
    handle: (ctx) => {
      const visible = new Set(ctx.state.planner.plans.filter((p) => canUse(ctx, p)).map((p) => p.id));
      const tasks = ctx.state.planner.tasks
        .filter((t) => visible.has(t.planId) && ctx.me.id in t.assignments)
        .map((t) => toGraphTask(ctx.state, t));
      return json(200, page(ctx.request, tasks, TASK_PAGE));
    },
  },
  { method: 'POST', pattern: /^\/planner\/tasks$/, request: 'plannerTask', response: 'plannerTask', handle: createTask },
  {
    method: 'GET',
    pattern: /^\/planner\/tasks\/([^/]+)$/,
    response: 'plannerTask',
    handle: (ctx) => {
      const task = taskOf(ctx);
      if (!task) return notFound(ctx);
      const plan = planFor(ctx, task.planId);
      if (!plan || !canUse(ctx, plan)) return denied(ctx);
      return json(200, toGraphTask(ctx.state, task), { ETag: plannerETag(task.id, task.version) });
    },
  },
  { method: 'PATCH', pattern: /^\/planner\/tasks\/([^/]+)$/, request: 'plannerTask', response: 'plannerTask', handle: updateTask },
  { method: 'DELETE', pattern: /^\/planner\/tasks\/([^/]+)$/, handle: deleteTask },
];
