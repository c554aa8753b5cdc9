// "Mijn afspraken": the agreements I took on in SOs, across cases, read from my tasks in the area team's
// Planner plan (one request, all pages). Marking one done completes the task; the plan follows when its
// case is next opened (the Planner pull in planSync) — the person who did the work often cannot write
// the plan document, but can always complete their own task.
import { amsterdamDay, parseTaskTitle } from '../domain';
import type { MyAgreementItem } from '../domain';
import type { Services } from './ports';

export interface MyAgreement extends MyAgreementItem {
  /** The Planner task (key = taskId). */
  taskId: string;
  etag: string;
}

/** My tasks in the area plan as agreements (unsorted: sortMyAgreements orders them). Without a plan configured: none. */
export async function listMyAgreements(services: Pick<Services, 'tasks' | 'plannerPlanId'>): Promise<MyAgreement[]> {
  const planId = services.plannerPlanId;
  if (planId === undefined) return [];
  const tasks = await services.tasks.listMyTasks();
  return tasks
    .filter((task) => task.planId === planId)
    .map((task) => {
      const { caseAlias, what } = parseTaskTitle(task.title);
      const item: MyAgreement = { key: task.taskId, taskId: task.taskId, etag: task.etag, what, done: task.percentComplete >= 100 };
      if (caseAlias !== undefined) item.caseAlias = caseAlias;
      const dueMs = task.dueDateTime === undefined ? Number.NaN : Date.parse(task.dueDateTime);
      // Planner keeps a due day as an instant; the day is the one in Amsterdam.
      if (!Number.isNaN(dueMs)) item.due = amsterdamDay(dueMs);
      return item;
    });
}

/** Completes the task (100 %); a task changed meanwhile in Planner is completed on its newer version. */
export async function markMyAgreementDone(services: Pick<Services, 'tasks'>, item: Pick<MyAgreement, 'taskId' | 'etag'>): Promise<{ etag: string }> {
  return services.tasks.completeTask(item.taskId, item.etag);
}
