import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TaskUpsert } from '../app/ports';
import { createGraphRequester, GRAPH_BASE } from './graphClient';
import { createTaskBoardAdapter } from './taskBoardAdapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

interface Task { id: string; planId: string; bucketId: string; title: string; version: number; percentComplete: number; assignments: Record<string, unknown>; dueDateTime?: string }
type Sub = { id: string; method: string; url: string; body?: Record<string, unknown>; headers?: Record<string, string> };

function fakePlanner(options: { ignorePrefer?: boolean } = {}) {
  const buckets = [{ id: 'b-old', name: 'SO-2026-001', planId: 'plan-1' }];
  const tasks = new Map<string, Task>();
  const log: string[] = [];
  const batches: Sub[][] = [];
  let n = 0;
  const etag = (t: Task) => `W/"JzEtVGFzayAg${t.version}"`;
  const taskJson = (t: Task) => ({ '@odata.etag': etag(t), id: t.id, planId: t.planId, bucketId: t.bucketId, title: t.title, percentComplete: t.percentComplete, assignments: t.assignments });

  function createTask(body: Record<string, unknown>) {
    const t: Task = { id: `task-${++n}`, planId: String(body.planId), bucketId: String(body.bucketId), title: String(body.title), version: 1, percentComplete: 0, assignments: (body.assignments as Record<string, unknown>) ?? {} };
    tasks.set(t.id, t);
    return { status: 201, body: taskJson(t) };
  }
  function patchTask(id: string, body: Record<string, unknown>, headers: Record<string, string>) {
    const t = tasks.get(id);
    if (!t) return { status: 404, body: { error: { code: 'NotFound' } } };
    const ifMatch = Object.entries(headers).find(([k]) => k.toLowerCase() === 'if-match')?.[1];
    if (!ifMatch) return { status: 400, body: { error: { code: 'MissingIfMatch' } } };
    if (ifMatch !== etag(t)) return { status: 412, body: { error: { code: 'PreconditionFailed' } } };
    Object.assign(t, body, { version: t.version + 1 });
    const prefer = Object.entries(headers).find(([k]) => k.toLowerCase() === 'prefer')?.[1];
    return prefer === 'return=representation' && !options.ignorePrefer ? { status: 200, body: taskJson(t) } : { status: 204 };
  }

  server.use(
    http.get(`${GRAPH_BASE}/planner/plans/:planId/buckets`, ({ params }) => {
      log.push('GET buckets');
      return HttpResponse.json({ value: buckets.filter((b) => b.planId === params.planId) });
    }),
    http.post(`${GRAPH_BASE}/planner/buckets`, async ({ request }) => {
      const body = (await request.json()) as { name: string; planId: string; orderHint: string };
      log.push(`POST bucket ${body.name} ${JSON.stringify(body.orderHint)}`);
      const bucket = { id: `b-${++n}`, name: body.name, planId: body.planId };
      buckets.push(bucket);
      return HttpResponse.json(bucket, { status: 201 });
    }),
    http.get(`${GRAPH_BASE}/planner/tasks/:id`, ({ params }) => {
      log.push(`GET task ${String(params.id)}`);
      const t = tasks.get(String(params.id));
      return t ? HttpResponse.json(taskJson(t)) : HttpResponse.json({ error: { code: 'NotFound' } }, { status: 404 });
    }),
    http.patch(`${GRAPH_BASE}/planner/tasks/:id`, async ({ request, params }) => {
      log.push(`PATCH task ${String(params.id)}`);
      const answer = patchTask(String(params.id), (await request.json()) as Record<string, unknown>, Object.fromEntries(request.headers));
      return answer.status === 204 ? new HttpResponse(null, { status: 204 }) : HttpResponse.json(answer.body, { status: answer.status });
    }),
    http.post(`${GRAPH_BASE}/$batch`, async ({ request }) => {
      const { requests } = (await request.json()) as { requests: Sub[] };
      batches.push(requests);
      log.push(`BATCH ${requests.length}`);
      const responses = requests.map((sub) => {
        const patch = /^\/planner\/tasks\/([^/]+)$/.exec(sub.url);
        const answer = sub.method === 'POST' && sub.url === '/planner/tasks'
          ? createTask(sub.body ?? {})
          : sub.method === 'PATCH' && patch ? patchTask(patch[1]!, sub.body ?? {}, sub.headers ?? {})
            : sub.method === 'GET' && patch ? (tasks.get(patch[1]!) ? { status: 200, body: taskJson(tasks.get(patch[1]!)!) } : { status: 404 })
              : { status: 400 };
        return { id: sub.id, status: answer.status, headers: {}, body: 'body' in answer ? answer.body : undefined };
      });
      return HttpResponse.json({ responses });
    }),
  );
  return { buckets, tasks, log, batches, etag };
}

const board = () => createTaskBoardAdapter(createGraphRequester(async () => 't'));

const newTask = (i: number): TaskUpsert => ({
  key: `agreement-${i}`, planId: 'plan-1', bucketId: 'b-x', title: `SO-2026-014 – afspraak ${i}`, dueDateTime: '2026-12-10T17:00:00+01:00', assigneeUserIds: ['user-a'],
});

describe('task board (Planner)', () => {
  it('finds the case bucket, or creates it once with orderHint " !"', async () => {
    const planner = fakePlanner();
    const tasks = board();
    await expect(tasks.ensureBucket('plan-1', 'SO-2026-001')).resolves.toEqual({ bucketId: 'b-old' });
    const created = await tasks.ensureBucket('plan-1', 'SO-2026-014');
    await expect(tasks.ensureBucket('plan-1', 'SO-2026-014')).resolves.toEqual(created);
    expect(planner.log).toEqual(['GET buckets', 'GET buckets', 'POST bucket SO-2026-014 " !"']);
  });

  it('creates N tasks in ⌈N/20⌉ batches with assignments, and returns ids and etags per agreement', async () => {
    const planner = fakePlanner();
    const results = await board().upsertTasks(Array.from({ length: 45 }, (_, i) => newTask(i)));
    expect(planner.batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(planner.batches[0]![0]).toEqual({
      id: '1', method: 'POST', url: '/planner/tasks', headers: { 'Content-Type': 'application/json' },
      body: { planId: 'plan-1', bucketId: 'b-x', title: 'SO-2026-014 – afspraak 0', dueDateTime: '2026-12-10T17:00:00+01:00',
        assignments: { 'user-a': { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } } },
    });
    expect(results).toHaveLength(45);
    expect(results[44]).toEqual({ key: 'agreement-44', ok: true, taskId: 'task-45', etag: planner.etag(planner.tasks.get('task-45')!), created: true });
  });

  it('updates with If-Match and return=representation; a stale etag fails only that item, typed', async () => {
    const planner = fakePlanner();
    const tasks = board();
    const [a, b] = await tasks.upsertTasks([newTask(1), newTask(2)]);
    if (!a?.ok || !b?.ok) throw new Error('setup');
    const results = await tasks.upsertTasks([
      { ...newTask(1), taskId: a.taskId, etag: a.etag, title: 'SO-2026-014 – nieuw', assigneeUserIds: ['user-b'], unassignUserIds: ['user-a'] },
      { ...newTask(2), taskId: b.taskId, etag: 'W/"stale"' },
    ]);
    const sent = planner.batches[1]!;
    expect(sent[0]).toMatchObject({ method: 'PATCH', url: `/planner/tasks/${a.taskId}`, headers: { 'If-Match': a.etag, Prefer: 'return=representation', 'Content-Type': 'application/json' } });
    expect(sent[0]!.body).toEqual({ title: 'SO-2026-014 – nieuw', dueDateTime: '2026-12-10T17:00:00+01:00', assignments: { 'user-b': { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' }, 'user-a': null } });
    expect(results[0]).toMatchObject({ ok: true, taskId: a.taskId, created: false });
    expect(results[0]!.ok && results[0]!.etag).not.toBe(a.etag);
    expect(results[1]).toMatchObject({ ok: false, key: 'agreement-2', error: { code: 'graph-precondition-failed', status: 412 } });
  });

  it('reads the new etag when the service ignores return=representation (204)', async () => {
    const planner = fakePlanner({ ignorePrefer: true });
    const tasks = board();
    const [a] = await tasks.upsertTasks([newTask(1)]);
    if (!a?.ok) throw new Error('setup');
    const [updated] = await tasks.upsertTasks([{ ...newTask(1), taskId: a.taskId, etag: a.etag }]);
    expect(updated).toMatchObject({ ok: true, etag: planner.etag(planner.tasks.get(a.taskId)!) });
    expect(planner.batches.at(-1)![0]).toMatchObject({ method: 'GET', url: `/planner/tasks/${a.taskId}` });
  });

  it('completes a task at 100 %, re-reading the etag once when it changed', async () => {
    const planner = fakePlanner();
    const tasks = board();
    const [a] = await tasks.upsertTasks([newTask(1)]);
    if (!a?.ok) throw new Error('setup');
    planner.tasks.get(a.taskId)!.version += 1; // someone renamed it in Planner meanwhile
    const { etag } = await tasks.completeTask(a.taskId, a.etag);
    expect(planner.tasks.get(a.taskId)!.percentComplete).toBe(100);
    expect(etag).toBe(planner.etag(planner.tasks.get(a.taskId)!));
    expect(planner.log.slice(-3)).toEqual([`PATCH task ${a.taskId}`, `GET task ${a.taskId}`, `PATCH task ${a.taskId}`]);
  });

  it('lists a bucket\'s tasks and my tasks over every page, as board tasks', async () => {
    const planner = fakePlanner();
    const tasks = board();
    await tasks.upsertTasks([newTask(1), newTask(2), { ...newTask(3), bucketId: 'b-other', assigneeUserIds: ['user-b'] }]);
    planner.tasks.get('task-2')!.percentComplete = 100;
    const seen: string[] = [];
    server.use(
      http.get(`${GRAPH_BASE}/planner/buckets/:bucketId/tasks`, ({ params, request }) => {
        seen.push(new URL(request.url).search);
        const all = [...planner.tasks.values()].filter((t) => t.bucketId === params.bucketId);
        // One task per page, so paging is followed.
        const skip = Number(new URL(request.url).searchParams.get('$skiptoken') ?? 0);
        const next = skip + 1 < all.length ? `${GRAPH_BASE}/planner/buckets/${String(params.bucketId)}/tasks?$skiptoken=${skip + 1}` : undefined;
        return HttpResponse.json({ value: all.slice(skip, skip + 1).map((t) => ({ '@odata.etag': planner.etag(t), ...t, version: undefined, dueDateTime: '2026-12-10T16:00:00Z' })), ...(next ? { '@odata.nextLink': next } : {}) });
      }),
      http.get(`${GRAPH_BASE}/me/planner/tasks`, () => HttpResponse.json({ value: [...planner.tasks.values()].filter((t) => 'user-b' in t.assignments).map((t) => ({ '@odata.etag': planner.etag(t), ...t, bucketId: null })) })),
    );
    const inBucket = await tasks.listBucketTasks('b-x');
    expect(seen).toEqual(['', '?$skiptoken=1']);
    expect(inBucket).toEqual([
      { taskId: 'task-1', etag: planner.etag(planner.tasks.get('task-1')!), title: 'SO-2026-014 – afspraak 1', percentComplete: 0, dueDateTime: '2026-12-10T16:00:00Z', assigneeUserIds: ['user-a'], planId: 'plan-1', bucketId: 'b-x' },
      { taskId: 'task-2', etag: planner.etag(planner.tasks.get('task-2')!), title: 'SO-2026-014 – afspraak 2', percentComplete: 100, dueDateTime: '2026-12-10T16:00:00Z', assigneeUserIds: ['user-a'], planId: 'plan-1', bucketId: 'b-x' },
    ]);
    const mine = await tasks.listMyTasks();
    expect(mine).toEqual([{ taskId: 'task-3', etag: planner.etag(planner.tasks.get('task-3')!), title: 'SO-2026-014 – afspraak 3', percentComplete: 0, assigneeUserIds: ['user-b'], planId: 'plan-1' }]);
  });
});
