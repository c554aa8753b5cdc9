import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER_BUCKET_ID, DEMO_PLANNER_PLAN_ID } from '../seedWorkplace';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, bram, kees, sem } = people;

interface Task { id: string; '@odata.etag': string; title: string; dueDateTime: string | null; percentComplete: number; assignments: Record<string, { '@odata.type': string; assignedDateTime: string }>; completedDateTime: string | null }
interface Collection<T> { value: T[] }

const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };

async function newTask(t: ReturnType<typeof createTestTenant>, assignee = bram.id) {
  const created = await t.call(esra, 'POST', '/planner/tasks', {
    body: { planId: DEMO_PLANNER_PLAN_ID, bucketId: DEMO_PLANNER_BUCKET_ID, title: 'SO-2026-014 · Overzicht van de post maken', dueDateTime: '2026-12-15T17:00:00Z', assignments: { [assignee]: assignment } },
  });
  return { created, task: bodyOf<Task>(created) };
}

describe('Planner: plan, buckets, tasks', () => {
  it('reads the area plan and its buckets, for members of the plan\'s group only', async () => {
    const t = createTestTenant();
    const plan = await t.call(bram, 'GET', `/planner/plans/${DEMO_PLANNER_PLAN_ID}`);
    expect(plan.status).toBe(200);
    expect(bodyOf(plan)).toMatchObject({ title: 'Afspraken Maasveld-Noord', container: { type: 'group' } });
    expect(bodyOf<Collection<{ name: string }>>(await t.call(esra, 'GET', `/planner/plans/${DEMO_PLANNER_PLAN_ID}/buckets`)).value.map((b) => b.name)).toEqual(['Afspraken']);
    expect((await t.call(sem, 'GET', `/planner/plans/${DEMO_PLANNER_PLAN_ID}`)).status).toBe(403);
  });

  it('creates buckets and tasks (201) with @odata.etag and typed assignments', async () => {
    const t = createTestTenant();
    const bucket = await t.call(esra, 'POST', '/planner/buckets', { body: { name: 'SO-2026-014', planId: DEMO_PLANNER_PLAN_ID, orderHint: ' !' } });
    expect(bucket.status).toBe(201);
    expect(bodyOf(bucket)).toMatchObject({ name: 'SO-2026-014', planId: DEMO_PLANNER_PLAN_ID, '@odata.etag': expect.stringMatching(/^W\/"/) });

    const { created, task } = await newTask(t);
    expect(created.status).toBe(201);
    expect(task.assignments[bram.id]).toMatchObject({ '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: expect.any(String) });
    const listed = bodyOf<Collection<Task>>(await t.call(kees, 'GET', `/planner/plans/${DEMO_PLANNER_PLAN_ID}/tasks`)).value;
    expect(listed.map((x) => x.id)).toEqual([task.id]);
    expect(bodyOf<Task>(await t.call(bram, 'GET', `/planner/tasks/${task.id}`))['@odata.etag']).toBe(task['@odata.etag']);
  });

  it('refuses to assign someone outside the plan\'s group (403) and a misspelled property (contract)', async () => {
    const t = createTestTenant();
    const { created } = await newTask(t, sem.id);
    expect(created.status).toBe(403);
    const misspelled = await t.call(esra, 'POST', '/planner/tasks', { body: { planId: DEMO_PLANNER_PLAN_ID, title: 'x', dueDate: '2026-12-15T17:00:00Z' } });
    expect(misspelled.status).toBe(400);
    expect(bodyOf(misspelled)).toMatchObject({ error: { code: 'demoContractViolation', message: expect.stringMatching(/unknown property 'dueDate' on microsoft\.graph\.plannerTask/) } });
    const { takeContractViolations } = await import('../../../tests/setup/contractViolations');
    expect(takeContractViolations().flatMap((r) => r.messages)).toEqual([
      "POST /planner/tasks request plannerTask: $.dueDate unknown property 'dueDate' on microsoft.graph.plannerTask",
    ]);
    const state = await t.tenant.snapshot();
    expect(state.planner.tasks).toEqual([]);
  });

  it('PATCH needs If-Match: missing → 400, stale → 412, current → 204 and a new etag', async () => {
    const t = createTestTenant();
    const { task } = await newTask(t);
    const missing = await t.call(esra, 'PATCH', `/planner/tasks/${task.id}`, { body: { percentComplete: 100 } });
    expect(missing.status).toBe(400);
    expect(bodyOf(missing)).toMatchObject({ error: { message: 'The If-Match header must be specified for this kind of request.' } });

    const ok = await t.call(esra, 'PATCH', `/planner/tasks/${task.id}`, { body: { percentComplete: 100 }, headers: { 'If-Match': task['@odata.etag'] } });
    expect(ok.status).toBe(204);
    expect(ok.body).toBeUndefined();
    const after = bodyOf<Task>(await t.call(esra, 'GET', `/planner/tasks/${task.id}`));
    expect(after['@odata.etag']).not.toBe(task['@odata.etag']);
    expect(after).toMatchObject({ percentComplete: 100, completedDateTime: expect.any(String) });

    const stale = await t.call(esra, 'PATCH', `/planner/tasks/${task.id}`, { body: { title: 'ander' }, headers: { 'If-Match': task['@odata.etag'] } });
    expect(stale.status).toBe(412);
    expect(bodyOf<Task>(await t.call(esra, 'GET', `/planner/tasks/${task.id}`)).title).toBe(task.title);
  });

  it('PATCH with Prefer: return=representation answers 200 with the task; assignments merge, null removes', async () => {
    const t = createTestTenant();
    const { task } = await newTask(t);
    const response = await t.call(esra, 'PATCH', `/planner/tasks/${task.id}`, {
      body: { dueDateTime: null, assignments: { [kees.id]: assignment, [bram.id]: null } },
      headers: { 'If-Match': task['@odata.etag'], Prefer: 'return=representation' },
    });
    expect(response.status).toBe(200);
    const updated = bodyOf<Task>(response);
    expect(updated.dueDateTime).toBeNull();
    expect(Object.keys(updated.assignments)).toEqual([kees.id]);
    expect(updated['@odata.etag']).not.toBe(task['@odata.etag']);
  });

  it('DELETE needs the current etag and answers 204', async () => {
    const t = createTestTenant();
    const { task } = await newTask(t);
    expect((await t.call(esra, 'DELETE', `/planner/tasks/${task.id}`)).status).toBe(400);
    expect((await t.call(esra, 'DELETE', `/planner/tasks/${task.id}`, { headers: { 'If-Match': 'W/"stale"' } })).status).toBe(412);
    expect((await t.call(esra, 'DELETE', `/planner/tasks/${task.id}`, { headers: { 'If-Match': task['@odata.etag'] } })).status).toBe(204);
    expect((await t.call(esra, 'GET', `/planner/tasks/${task.id}`)).status).toBe(404);
  });

  it('refuses a bucket of another plan and a task without a plan', async () => {
    const t = createTestTenant();
    const wrongBucket = await t.call(esra, 'POST', '/planner/tasks', { body: { planId: DEMO_PLANNER_PLAN_ID, bucketId: 'nope', title: 'x' } });
    expect(wrongBucket.status).toBe(400);
    expect((await t.call(esra, 'POST', '/planner/tasks', { body: { title: 'x' } })).status).toBe(400);
    expect((await t.call(esra, 'POST', '/planner/tasks', { body: { planId: 'unknown-plan', title: 'x' } })).status).toBe(404);
  });

  it('lists a bucket\'s tasks (members only, paged) and my assigned tasks across visible plans', async () => {
    const t = createTestTenant();
    const other = bodyOf<{ id: string }>(await t.call(esra, 'POST', '/planner/buckets', { body: { name: 'SO-2026-014', planId: DEMO_PLANNER_PLAN_ID, orderHint: ' !' } }));
    const { task: first } = await newTask(t);
    const { task: second } = await newTask(t, kees.id);
    await t.call(esra, 'POST', '/planner/tasks', { body: { planId: DEMO_PLANNER_PLAN_ID, bucketId: other.id, title: 'SO-2026-014 – elders', assignments: { [bram.id]: assignment } } });

    const listed = await t.call(kees, 'GET', `/planner/buckets/${DEMO_PLANNER_BUCKET_ID}/tasks?$top=1`);
    expect(listed.status).toBe(200);
    const firstPage = bodyOf<Collection<Task> & { '@odata.nextLink'?: string }>(listed);
    expect(firstPage.value.map((x) => x.id)).toEqual([first.id]);
    const next = new URL(firstPage['@odata.nextLink']!);
    const secondPage = bodyOf<Collection<Task>>(await t.call(kees, 'GET', `${next.pathname.replace('/v1.0', '')}${next.search}`));
    expect(secondPage.value.map((x) => x.id)).toEqual([second.id]);
    expect((await t.call(sem, 'GET', `/planner/buckets/${DEMO_PLANNER_BUCKET_ID}/tasks`)).status).toBe(403);
    expect((await t.call(esra, 'GET', '/planner/buckets/unknown/tasks')).status).toBe(404);

    const bramsTasks = bodyOf<Collection<Task>>(await t.call(bram, 'GET', '/me/planner/tasks')).value;
    expect(bramsTasks.map((x) => x.title).sort()).toEqual(['SO-2026-014 · Overzicht van de post maken', 'SO-2026-014 – elders']);
    expect(bodyOf<Collection<Task>>(await t.call(sem, 'GET', '/me/planner/tasks')).value).toEqual([]);
  });
});
