import { describe, expect, it } from 'vitest';
import { addAgreement, editAgreement } from './meetingRecord';
import { parseTaskTitle } from './myAgreements';
import { agreementTaskOwner, applyMirrorLinks, applyPlannerStatus, planMirror, plannerDueDateTime, plannerTaskTitle } from './plannerMirror';
import type { MirrorTask } from './plannerMirror';
import type { Plan } from './planSchema';
import { scanSensitive } from './sensitiveData';
import { samplePlan } from './testing/samplePlan';

const NOW = '2026-12-01T10:30:00+01:00';
const options = { planId: 'plan-1', userId: 'u-esra', now: NOW };
const by = (at: string, byUserId = 'u-esra') => ({ at, byUserId });

function recorded(): Plan {
  let plan = samplePlan();
  plan = addAgreement(plan, { id: 'a-bram', who: 'p-bram', what: 'Belt de huisarts over slapen', due: '2027-01-12', meetingId: 'm-1' }, by('2026-12-01T10:20:00+01:00'));
  plan = addAgreement(plan, { id: 'a-sister', who: 'p-sister', what: 'Gaat mee naar de bank', due: '2027-01-12', meetingId: 'm-1' }, by('2026-12-01T10:21:00+01:00'));
  plan = addAgreement(plan, { id: 'a-wouter', who: 'p-wouter', what: 'Regelt een betalingsregeling', due: '2027-01-12', meetingId: 'm-1' }, by('2026-12-01T10:22:00+01:00'));
  return plan;
}

const task = (overrides: Partial<MirrorTask> = {}): MirrorTask => ({
  taskId: 't-1', etag: 'W/"1"', title: 'SO-2026-014 – Belt de huisarts over slapen', percentComplete: 0, dueDateTime: '2027-01-12T11:00:00.000Z', assigneeUserIds: ['u-bram'], ...overrides,
});

describe('plannerTaskTitle', () => {
  it('is the case alias and what, on one line', () => {
    expect(plannerTaskTitle('SO-2026-014', '  Belt de huisarts\nover   slapen ')).toBe('SO-2026-014 – Belt de huisarts over slapen');
  });

  it('replaces identifiers with an ellipsis', () => {
    const title = plannerTaskTitle('SO-2026-014', 'Bel 06-12345678 over BSN 111222333 en IBAN NL91 ABNA 0417 1643 00, mail samira@example.nl');
    expect(title).toBe('SO-2026-014 – Bel … over BSN … en IBAN …, mail …');
    expect(scanSensitive(title)).toEqual([]);
  });

  it('is at most 255 characters', () => {
    const title = plannerTaskTitle('SO-2026-014', 'woord '.repeat(100));
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title.endsWith('…')).toBe(true);
  });

  it('reads back with parseTaskTitle', () => {
    expect(parseTaskTitle(plannerTaskTitle('SO-2026-014', 'Belt – en mailt'))).toEqual({ caseAlias: 'SO-2026-014', what: 'Belt – en mailt' });
  });
});

describe('plannerDueDateTime', () => {
  it('is noon in Amsterdam, in winter and in summer', () => {
    expect(plannerDueDateTime('2027-01-12')).toBe('2027-01-12T11:00:00.000Z');
    expect(plannerDueDateTime('2027-06-12')).toBe('2027-06-12T10:00:00.000Z');
    expect(() => plannerDueDateTime('morgen')).toThrow(RangeError);
  });
});

describe('agreementTaskOwner', () => {
  it('is the user id of a professional in the tenant; nobody else gets a task', () => {
    const plan = recorded();
    expect(plan.agreements.map((a) => agreementTaskOwner(plan, a))).toEqual(['u-bram', undefined, undefined]);
  });
});

describe('planMirror', () => {
  it('creates a task for a professional-owned agreement this user created, with nothing personal', () => {
    const result = planMirror(recorded(), [], options);
    expect(result).toEqual({
      upserts: [{ agreementId: 'a-bram', title: 'SO-2026-014 – Belt de huisarts over slapen', dueDateTime: '2027-01-12T11:00:00.000Z', assigneeUserIds: ['u-bram'], unassignUserIds: [], percentComplete: 0 }],
      adopt: [], completedInPlanner: [], reopenedInPlanner: [],
    });
  });

  it('leaves a fresh agreement from another device to that device, for ten minutes', () => {
    const plan = recorded();
    expect(planMirror(plan, [], { ...options, userId: 'u-notes', now: '2026-12-01T10:29:00+01:00' }).upserts).toEqual([]);
    expect(planMirror(plan, [], { ...options, userId: 'u-notes', now: '2026-12-01T10:30:01+01:00' }).upserts.map((u) => u.agreementId)).toEqual(['a-bram']);
  });

  it('adopts a task that already exists (a lost response, another device) instead of creating a second', () => {
    const result = planMirror(recorded(), [task()], options);
    expect(result.upserts).toEqual([]);
    expect(result.adopt).toEqual([{ agreementId: 'a-bram', taskId: 't-1', etag: 'W/"1"' }]);
  });

  it('updates an existing look-alike task that lags behind, instead of adopting it as it is', () => {
    const plan = editAgreement(recorded(), 'a-bram', { due: '2027-01-05' }, by('2026-12-01T10:25:00+01:00'));
    const result = planMirror(plan, [task()], options);
    expect(result.adopt).toEqual([]);
    expect(result.upserts).toEqual([expect.objectContaining({ agreementId: 'a-bram', taskId: 't-1', etag: 'W/"1"', dueDateTime: '2027-01-05T11:00:00.000Z' })]);
  });

  it('does not adopt a task that is linked to another agreement, or assigned to someone else', () => {
    let plan = recorded();
    plan = addAgreement(plan, { id: 'a-twin', who: 'p-bram', what: 'Belt de huisarts over slapen', due: '2027-01-12' }, by('2026-12-01T10:23:00+01:00'));
    plan = applyMirrorLinks(plan, [{ agreementId: 'a-twin', planId: 'plan-1', taskId: 't-1', etag: 'W/"1"' }]);
    expect(planMirror(plan, [task()], options).upserts.map((u) => u.agreementId)).toEqual(['a-bram']);
    expect(planMirror(recorded(), [task({ assigneeUserIds: ['u-esra'] })], options).adopt).toEqual([]);
  });

  it('links without moving updatedAt; a linked agreement in step needs nothing', () => {
    const plan = applyMirrorLinks(recorded(), [{ agreementId: 'a-bram', planId: 'plan-1', taskId: 't-1', etag: 'W/"2"' }]);
    const agreement = plan.agreements[0]!;
    expect(agreement.planner).toEqual({ planId: 'plan-1', taskId: 't-1', etag: 'W/"2"', syncedUpdatedAt: agreement.updatedAt });
    expect(agreement.updatedAt).toBe(recorded().agreements[0]!.updatedAt);
    expect(planMirror(plan, [task({ etag: 'W/"2"' })], options)).toEqual({ upserts: [], adopt: [], completedInPlanner: [], reopenedInPlanner: [] });
  });

  it('updates a linked task after an edit: new owner assigned, the old one unassigned', () => {
    let plan = applyMirrorLinks(recorded(), [{ agreementId: 'a-bram', planId: 'plan-1', taskId: 't-1', etag: 'W/"2"' }]);
    plan = editAgreement(plan, 'a-bram', { who: 'p-esra', status: 'done' }, by('2026-12-02T09:00:00+01:00', 'u-bram'));
    expect(planMirror(plan, [task({ etag: 'W/"3"' })], options).upserts).toEqual([
      { agreementId: 'a-bram', taskId: 't-1', etag: 'W/"3"', title: 'SO-2026-014 – Belt de huisarts over slapen', dueDateTime: '2027-01-12T11:00:00.000Z', assigneeUserIds: ['u-esra'], unassignUserIds: ['u-bram'], percentComplete: 100 },
    ]);
    // The task is not in the list (another bucket page, deleted): the last known etag is used.
    expect(planMirror(plan, [], options).upserts[0]).toMatchObject({ taskId: 't-1', etag: 'W/"2"', unassignUserIds: [] });
  });

  it('unassigns the task when the agreement moves to someone without a task, and creates none for them', () => {
    let plan = applyMirrorLinks(recorded(), [{ agreementId: 'a-bram', planId: 'plan-1', taskId: 't-1', etag: 'W/"2"' }]);
    plan = editAgreement(plan, 'a-bram', { who: 'p-sister' }, by('2026-12-02T09:00:00+01:00'));
    const result = planMirror(plan, [task({ etag: 'W/"2"' })], options);
    expect(result.upserts).toEqual([expect.objectContaining({ agreementId: 'a-bram', taskId: 't-1', assigneeUserIds: [], unassignUserIds: ['u-bram'] })]);
    expect(result.upserts.map((u) => u.agreementId)).not.toContain('a-sister');
  });

  it('leaves a link to an older board alone', () => {
    const plan = editAgreement(applyMirrorLinks(recorded(), [{ agreementId: 'a-bram', planId: 'plan-0', taskId: 't-0', etag: 'x' }]), 'a-bram', { what: 'y' }, by(NOW));
    expect(planMirror(plan, [], options).upserts).toEqual([]);
  });

  it('pulls completion and reopening from Planner, only while the agreement is in step', () => {
    let plan = applyMirrorLinks(recorded(), [{ agreementId: 'a-bram', planId: 'plan-1', taskId: 't-1', etag: 'W/"2"' }]);
    expect(planMirror(plan, [task({ percentComplete: 100 })], options).completedInPlanner).toEqual(['a-bram']);
    expect(planMirror(plan, [task({ percentComplete: 50 })], options).completedInPlanner).toEqual([]);
    // Changed here since: our version goes to Planner, Planner's is not pulled.
    const edited = editAgreement(plan, 'a-bram', { what: 'Belt de huisarts' }, by(NOW));
    const pushed = planMirror(edited, [task({ percentComplete: 100 })], options);
    expect(pushed.completedInPlanner).toEqual([]);
    expect(pushed.upserts).toHaveLength(1);

    plan = applyPlannerStatus(plan, { done: ['a-bram'], reopened: [] }, by('2026-12-03T09:00:00+01:00', 'u-bram'));
    const done = plan.agreements[0]!;
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-12-03T09:00:00+01:00', updatedAt: '2026-12-03T09:00:00+01:00' });
    expect(done.planner!.syncedUpdatedAt).toBe(done.updatedAt);
    expect(planMirror(plan, [task({ percentComplete: 100 })], options)).toEqual({ upserts: [], adopt: [], completedInPlanner: [], reopenedInPlanner: [] });
    expect(planMirror(plan, [task({ percentComplete: 0 })], options).reopenedInPlanner).toEqual(['a-bram']);

    plan = applyPlannerStatus(plan, { done: [], reopened: ['a-bram'] }, by('2026-12-04T09:00:00+01:00', 'u-bram'));
    expect(plan.agreements[0]).toMatchObject({ status: 'open' });
    expect(plan.agreements[0]).not.toHaveProperty('doneAt');
    expect(applyPlannerStatus(plan, { done: [], reopened: ['a-bram', 'unknown'] }, by(NOW))).toBe(plan);
  });
});
