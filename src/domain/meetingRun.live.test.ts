// One live run (issue 13): every device derives the step and the clocks from the plan's run facts, whatever
// order the merge brought them in; a device that was offline catches up from the stored plan.
import { describe, expect, it } from 'vitest';
import { applyRunCommand, liveRunOf, runFactTime, runStatus, withRunFacts } from './meetingRun';
import type { RunCommand, RunStep } from './meetingRun';
import { mergePlans } from './mergePlans';
import { PlanSchema } from './planSchema';
import type { Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const MIN = 60_000;
const T = Date.UTC(2026, 11, 1, 9);
const t = (minutes: number) => T + minutes * MIN;
const M = 'm-1';

const steps: RunStep[] = [
  { key: 'introductions', parentKey: 'introductions', title: 'Kennismaken', minutes: 5 },
  { key: 'want-1', parentKey: 'wants', title: 'Ik wil rust', minutes: 10 },
  { key: 'want-2', parentKey: 'wants', title: 'Ik wil overzicht', minutes: 10 },
  { key: 'closingRound', parentKey: 'closingRound', title: 'Afsluiten', minutes: 5 },
];

/** One click of the chair on one device. */
const click = (plan: Plan, clickId: string, command: RunCommand, now: number, byUserId = 'u-esra') =>
  applyRunCommand(plan, { meetingId: M, steps, command, now, clickId, byUserId });

const stepOf = (plan: Plan) => liveRunOf(plan, M, steps).state;

describe('withRunFacts: the clicks a device showed first, put into the plan after the paint', () => {
  it('adds each fact once, in order, whatever arrived in between', () => {
    const base = samplePlan();
    const shown = click(click(base, 'c-1', { type: 'start', stepKey: 'introductions' }, t(0)), 'c-2', { type: 'next' }, t(3)).runFacts;
    let plan = withRunFacts(base, shown.slice(0, 1));
    plan = withRunFacts(plan, shown);
    plan = withRunFacts(plan, shown);
    expect(plan.runFacts.map((f) => f.id)).toEqual(['c-1', 'c-2']);
    expect(stepOf(plan)).toEqual({ name: 'running', stepKey: 'want-1' });
    expect(withRunFacts(plan, [])).toBe(plan);
  });
});

describe('applyRunCommand: the chair\'s click as facts in the plan', () => {
  it('start, next, pause, resume and extend become facts; every step and clock comes from them', () => {
    let plan = samplePlan();
    plan = click(plan, 'c-1', { type: 'start', stepKey: 'introductions' }, t(0));
    plan = click(plan, 'c-2', { type: 'extend', minutes: 10 }, t(4));
    plan = click(plan, 'c-3', { type: 'next' }, t(6));
    plan = click(plan, 'c-4', { type: 'pause' }, t(8));
    plan = click(plan, 'c-5', { type: 'resume' }, t(11));
    expect(() => PlanSchema.parse(plan)).not.toThrow();
    expect(plan.runFacts.map((f) => [f.id, f.type])).toEqual([['c-1', 'start'], ['c-2', 'extend'], ['c-3', 'goto'], ['c-4', 'pause'], ['c-5', 'resume']]);
    const run = liveRunOf(plan, M, steps);
    expect(run.state).toEqual({ name: 'running', stepKey: 'want-1' });
    expect(run.settled.steps.map((s) => s.state)).toEqual(['done', 'current', 'upcoming', 'upcoming']);
    // At 10:15: 6 minutes on the first step, 2 + 4 on the second, the 3-minute pause not counted.
    const status = runStatus(steps, run.events, t(15));
    expect(status.steps[0]).toMatchObject({ elapsedMs: 6 * MIN, boxMs: 15 * MIN });
    expect(status.steps[1]).toMatchObject({ elapsedMs: 6 * MIN });
    expect(status.pausedMs).toBe(3 * MIN);
  });

  it('a click the state does not allow records nothing; the same click applied twice records once', () => {
    const before = samplePlan();
    expect(click(before, 'c-0', { type: 'next' }, t(0))).toBe(before);
    const started = click(before, 'c-1', { type: 'start', stepKey: 'introductions' }, t(0));
    const moved = click(started, 'c-2', { type: 'next' }, t(5));
    // A retried edit: the click's id is in the plan already.
    expect(click(moved, 'c-2', { type: 'next' }, t(5))).toBe(moved);
    expect(stepOf(moved)).toEqual({ name: 'running', stepKey: 'want-1' });
  });

  it('a fact is never placed before one the device already has, even when its clock runs behind', () => {
    expect(runFactTime([{ type: 'start', at: t(10), stepKey: 'introductions' }], t(9))).toBe(t(10) + 1);
    expect(runFactTime([{ type: 'start', at: t(10), stepKey: 'introductions' }], t(11))).toBe(t(11));
    expect(runFactTime([], t(3))).toBe(t(3));
    // The chair's laptop moved on at 10:10; the phone's clock says 10:09 when it presses "next" after seeing that.
    let plan = click(samplePlan(), 'laptop-1', { type: 'start', stepKey: 'introductions' }, t(0));
    plan = click(plan, 'laptop-2', { type: 'next' }, t(10));
    plan = click(plan, 'phone-1', { type: 'next' }, t(9));
    expect(stepOf(plan)).toEqual({ name: 'running', stepKey: 'want-2' });
  });
});

describe('liveRunOf: two devices, one run', () => {
  const base = click(samplePlan(), 'c-start', { type: 'start', stepKey: 'introductions' }, t(0));

  it('facts from two devices merged in either order give every device the same step and the same clocks', () => {
    // The chair's laptop moves on; the chair's phone extends the step a moment later; neither saw the other yet.
    const laptop = click(base, 'laptop-1', { type: 'next' }, t(6));
    const phone = click(base, 'phone-1', { type: 'extend', minutes: 10 }, t(7));
    const atLaptop = mergePlans(base, laptop, phone);
    const atPhone = mergePlans(base, phone, laptop);
    expect(atLaptop.runFacts.map((f) => f.id).sort()).toEqual(['c-start', 'laptop-1', 'phone-1']);
    expect(liveRunOf(atLaptop, M, steps)).toEqual(liveRunOf(atPhone, M, steps));
    // The phone's extension was meant for the step on its screen, and it lands there: on "Kennismaken".
    expect(stepOf(atLaptop)).toEqual({ name: 'running', stepKey: 'want-1' });
    const now = t(20);
    expect(runStatus(steps, liveRunOf(atLaptop, M, steps).events, now)).toEqual(runStatus(steps, liveRunOf(atPhone, M, steps).events, now));
  });

  it('"Start" pressed on two devices starts the SO once they share facts: both facts kept, one run', () => {
    const a = click(samplePlan(), 'a-start', { type: 'start', stepKey: 'introductions' }, t(0));
    const b = click(samplePlan(), 'b-start', { type: 'start', stepKey: 'introductions' }, t(0) + 500);
    const merged = mergePlans(samplePlan(), a, b);
    expect(merged.runFacts).toHaveLength(2);
    const status = runStatus(steps, liveRunOf(merged, M, steps).events, t(3));
    expect(status).toMatchObject({ started: true, currentKey: 'introductions', elapsedMs: 3 * MIN });
    // Once merged, a third "Start" is not a fact any more.
    expect(click(merged, 'c-start-2', { type: 'start', stepKey: 'want-2' }, t(4))).toBe(merged);
  });

  it('a device that was offline catches up: its stale plan merged with the stored one shows the chair\'s step and clock', () => {
    // The note taker's device went offline before the start and typed a note meanwhile.
    const stale: Plan = { ...samplePlan(), meetingNotes: [{ id: `${M}:introductions`, meetingId: M, itemKey: 'introductions', text: 'Nadia later', updatedAt: new Date(t(2)).toISOString() }] };
    let stored = base;
    stored = click(stored, 'c-2', { type: 'next' }, t(5));
    stored = click(stored, 'c-3', { type: 'pause' }, t(12));
    stored = click(stored, 'c-4', { type: 'resume' }, t(14));
    stored = click(stored, 'c-5', { type: 'next' }, t(20));
    expect(stepOf(stale)).toEqual({ name: 'notStarted' });
    const caughtUp = mergePlans(samplePlan(), stale, stored);
    expect(stepOf(caughtUp)).toEqual(stepOf(stored));
    expect(stepOf(caughtUp)).toEqual({ name: 'running', stepKey: 'want-2' });
    expect(caughtUp.meetingNotes.map((n) => n.text)).toEqual(['Nadia later']);
    const now = t(23);
    expect(runStatus(steps, liveRunOf(caughtUp, M, steps).events, now)).toEqual(runStatus(steps, liveRunOf(stored, M, steps).events, now));
    expect(runStatus(steps, liveRunOf(caughtUp, M, steps).events, now)).toMatchObject({ elapsedMs: 21 * MIN, pausedMs: 2 * MIN });
  });

  it('the chair\'s device that was offline for two steps: its facts join, and everyone agrees again', () => {
    // Offline from 10:05: two "next" clicks kept on the device; the stage saw nothing of them.
    const offline = click(click(base, 'off-1', { type: 'next' }, t(5)), 'off-2', { type: 'next' }, t(15));
    const stage = base;
    expect(stepOf(stage)).toEqual({ name: 'running', stepKey: 'introductions' });
    // Back online: the sync writes the device's draft over the stored plan (a merge when someone else wrote).
    const stored = mergePlans(base, offline, stage);
    const stageCaughtUp = mergePlans(stage, stage, stored);
    expect(stepOf(stageCaughtUp)).toEqual({ name: 'running', stepKey: 'want-2' });
    expect(liveRunOf(stageCaughtUp, M, steps)).toEqual(liveRunOf(offline, M, steps));
  });
});
