// Planner as the task board: one bucket per case (named after the alias), one task per agreement
// owned by a professional in the tenant. Creates and updates travel in $batch, 20 per round trip.
import { AppError } from '../app/errors';
import type { BoardTask, TaskBoardPort, TaskUpsert, TaskUpsertResult } from '../app/ports';
import type { BatchItem, GraphRequester } from './graphClient';
import { isAmbiguousFailure, toGraphAppError } from './graphClient';
import { seg } from './odata';

interface GraphBucket {
  id: string;
  name: string;
}

interface GraphTask {
  id: string;
  '@odata.etag'?: string;
}

interface GraphTaskRead extends GraphTask {
  planId?: string | null;
  bucketId?: string | null;
  title?: string | null;
  percentComplete?: number | null;
  dueDateTime?: string | null;
  assignments?: Record<string, unknown> | null;
}

export function toBoardTask(task: GraphTaskRead): BoardTask {
  const board: BoardTask = {
    taskId: task.id,
    etag: task['@odata.etag'] ?? '',
    title: task.title ?? '',
    percentComplete: task.percentComplete ?? 0,
    // Assignment values are null on a removal in flight; only real assignments count.
    assigneeUserIds: Object.entries(task.assignments ?? {}).filter(([key, value]) => !key.includes('@') && value !== null).map(([key]) => key),
    planId: task.planId ?? '',
  };
  if (task.bucketId) board.bucketId = task.bucketId;
  if (task.dueDateTime) board.dueDateTime = task.dueDateTime;
  return board;
}

/** Planner's "put it first / no preference" order hint. */
const ORDER_HINT = ' !';

function assignments(item: TaskUpsert): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const userId of item.assigneeUserIds) {
    result[userId] = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ORDER_HINT };
  }
  // null removes an assignment.
  for (const userId of item.unassignUserIds ?? []) result[userId] = null;
  return Object.keys(result).length > 0 ? result : undefined;
}

export function toBatchItem(item: TaskUpsert, id: string): BatchItem {
  const body: Record<string, unknown> = { title: item.title };
  if (item.dueDateTime !== undefined) body.dueDateTime = item.dueDateTime;
  if (item.percentComplete !== undefined) body.percentComplete = item.percentComplete;
  const assigned = assignments(item);
  if (assigned) body.assignments = assigned;
  if (!item.taskId) {
    return { id, method: 'POST', url: '/planner/tasks', body: { planId: item.planId, bucketId: item.bucketId, ...body } };
  }
  if (!item.etag) throw new RangeError(`task ${item.taskId} is updated without its etag`);
  return {
    id,
    method: 'PATCH',
    url: `/planner/tasks/${seg(item.taskId)}`,
    // If-Match: never overwrite a change we have not seen. return=representation: we need the new etag.
    headers: { 'If-Match': item.etag, Prefer: 'return=representation' },
    body,
  };
}

export function createTaskBoardAdapter(graph: GraphRequester): TaskBoardPort {
  const buckets = new Map<string, Map<string, string>>();

  async function listBuckets(planId: string): Promise<Map<string, string>> {
    const all = await graph.getAll<GraphBucket>(`/planner/plans/${seg(planId)}/buckets`);
    const byName = new Map(all.map((b) => [b.name, b.id] as const));
    buckets.set(planId, byName);
    return byName;
  }

  async function currentEtag(taskId: string): Promise<string> {
    const task = await graph.get<GraphTask>(`/planner/tasks/${seg(taskId)}`);
    const etag = task['@odata.etag'];
    if (!etag) throw new AppError('graph-failed', { detail: 'planner task without @odata.etag' });
    return etag;
  }

  return {
    async ensureBucket(planId, caseAlias) {
      const cached = buckets.get(planId)?.get(caseAlias);
      if (cached) return { bucketId: cached };
      const existing = (await listBuckets(planId)).get(caseAlias);
      if (existing) return { bucketId: existing };
      try {
        const bucket = await graph.post<GraphBucket>('/planner/buckets', { name: caseAlias, planId, orderHint: ORDER_HINT });
        buckets.get(planId)?.set(caseAlias, bucket.id);
        return { bucketId: bucket.id };
      } catch (error) {
        const appError = toGraphAppError(error);
        if (!isAmbiguousFailure(appError)) throw appError;
        // It may have been created: look before anyone creates a second one.
        const created = (await listBuckets(planId)).get(caseAlias);
        if (created) return { bucketId: created };
        throw appError;
      }
    },

    async upsertTasks(items) {
      if (items.length === 0) return [];
      const batchItems = items.map((item, index) => toBatchItem(item, String(index + 1)));
      const results = await graph.batch(batchItems);
      const answers: TaskUpsertResult[] = [];
      const missingEtag: number[] = [];
      results.forEach((result, index) => {
        const item = items[index]!;
        if (result.error) {
          answers.push({ key: item.key, ok: false, error: result.error });
          return;
        }
        const task = result.body as GraphTask | undefined;
        const taskId = item.taskId ?? task?.id;
        if (!taskId) {
          answers.push({ key: item.key, ok: false, error: new AppError('graph-failed', { status: result.status, detail: 'planner answered without a task id' }) });
          return;
        }
        const etag = task?.['@odata.etag'] ?? '';
        if (!etag) missingEtag.push(index);
        answers.push({ key: item.key, ok: true, taskId, etag, created: !item.taskId });
      });
      // A 204 (Prefer ignored) carries no etag: read those tasks, again batched.
      if (missingEtag.length > 0) {
        const reads = await graph.batch(missingEtag.map((index) => {
          const answer = answers[index] as Extract<TaskUpsertResult, { ok: true }>;
          return { id: String(index + 1), method: 'GET' as const, url: `/planner/tasks/${seg(answer.taskId)}` };
        }));
        reads.forEach((read, i) => {
          const index = missingEtag[i]!;
          const answer = answers[index] as Extract<TaskUpsertResult, { ok: true }>;
          const etag = (read.body as GraphTask | undefined)?.['@odata.etag'];
          if (etag) answer.etag = etag;
          else answers[index] = { key: answer.key, ok: false, error: read.error ?? new AppError('graph-failed', { detail: 'no etag after write' }) };
        });
      }
      return answers;
    },

    async listBucketTasks(bucketId) {
      // No $select: Planner's list endpoints document no query options; a task is ~1 kB.
      const tasks = await graph.getAll<GraphTaskRead>(`/planner/buckets/${seg(bucketId)}/tasks`);
      return tasks.map(toBoardTask);
    },

    async listMyTasks() {
      const tasks = await graph.getAll<GraphTaskRead>('/me/planner/tasks');
      return tasks.map(toBoardTask);
    },

    async completeTask(taskId, etag) {
      const patch = async (ifMatch: string) => graph.send<GraphTask | undefined>({
        method: 'PATCH',
        path: `/planner/tasks/${seg(taskId)}`,
        body: { percentComplete: 100 },
        headers: { 'If-Match': ifMatch, Prefer: 'return=representation' },
      });
      let reply;
      try {
        reply = await patch(etag);
      } catch (error) {
        // Completion is absolute (100 %) and touches nothing else: safe to apply on the newer version.
        if (!(error instanceof AppError) || error.code !== 'graph-precondition-failed') throw error;
        reply = await patch(await currentEtag(taskId));
      }
      return { etag: reply.body?.['@odata.etag'] ?? (await currentEtag(taskId)) };
    },
  };
}
