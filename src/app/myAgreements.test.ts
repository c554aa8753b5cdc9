import { describe, expect, it, vi } from 'vitest';
import { listMyAgreements, markMyAgreementDone } from './myAgreements';
import type { BoardTask, TaskBoardPort } from './ports';

const task = (over: Partial<BoardTask>): BoardTask => ({ taskId: 't', etag: 'e', title: 'x', percentComplete: 0, assigneeUserIds: ['u1'], planId: 'area-plan', ...over });

describe('my agreements', () => {
  it('reads my tasks of the area plan as agreements: alias and what from the title, the due day in Amsterdam', async () => {
    const tasks = {
      listMyTasks: async () => [
        task({ taskId: 't1', title: 'SO-2026-014 – Belt de huisarts', dueDateTime: '2026-12-15T11:00:00Z' }),
        task({ taskId: 't2', title: 'Iets zonder casus', percentComplete: 100, dueDateTime: '2026-12-31T23:30:00Z' }),
        task({ taskId: 't3', title: 'SO-2026-099 – Van een ander plan', planId: 'other-plan' }),
      ],
    } as unknown as TaskBoardPort;
    const items = await listMyAgreements({ tasks, plannerPlanId: 'area-plan' });
    expect(items).toEqual([
      { key: 't1', taskId: 't1', etag: 'e', caseAlias: 'SO-2026-014', what: 'Belt de huisarts', due: '2026-12-15', done: false },
      { key: 't2', taskId: 't2', etag: 'e', what: 'Iets zonder casus', due: '2027-01-01', done: true },
    ]);
  });

  it('without a Planner plan configured there is nothing to list (and nothing is asked)', async () => {
    const listMyTasks = vi.fn();
    expect(await listMyAgreements({ tasks: { listMyTasks } as unknown as TaskBoardPort, plannerPlanId: undefined })).toEqual([]);
    expect(listMyTasks).not.toHaveBeenCalled();
  });

  it('marks one done by completing its task', async () => {
    const completeTask = vi.fn(async () => ({ etag: 'e2' }));
    await expect(markMyAgreementDone({ tasks: { completeTask } as unknown as TaskBoardPort }, { taskId: 't1', etag: 'e1' })).resolves.toEqual({ etag: 'e2' });
    expect(completeTask).toHaveBeenCalledWith('t1', 'e1');
  });
});
