import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from './agenda';
import { MAX_EXTEND_MINUTES, nextStepKey, recordRunFact, runEventsOf, runStateOf, runStatus, runSteps, runTransition } from './meetingRun';
import type { RunCommand, RunEvent, RunState, RunStep } from './meetingRun';
import { PlanSchema, RunFactSchema } from './planSchema';
import type { Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const MIN = 60_000;
const T = Date.UTC(2026, 11, 1, 9);
const t = (minutes: number) => T + minutes * MIN;

const steps: RunStep[] = [
  { key: 'introductions', parentKey: 'introductions', title: 'Kennismaken', minutes: 5 },
  { key: 'want-1', parentKey: 'wants', title: 'Ik wil rust', minutes: 10 },
  { key: 'want-2', parentKey: 'wants', title: 'Ik wil overzicht', minutes: 10 },
  { key: 'closingRound', parentKey: 'closingRound', title: 'Afsluiten', minutes: 5 },
];

describe('runSteps', () => {
  it('follows the agenda, with each "ik wil" point as its own step', () => {
    const agenda = buildAgenda({ wants: ['Ik wil rust', 'Ik wil overzicht'], start: '2026-12-01T10:00:00+01:00', durationMinutes: 90, participantCount: 5 });
    const result = runSteps(agenda);
    expect(result.map((s) => s.key)).toEqual(['introductions', 'goalAndRules', 'currentState', 'residentStory', 'want-1', 'want-2', 'can', 'needs', 'agreements', 'caseDirection', 'evaluation', 'closingRound']);
    expect(result[4]).toMatchObject({ parentKey: 'wants', title: 'Ik wil rust' });
    expect(result.reduce((sum, s) => sum + s.minutes, 0)).toBe(90);
  });

  it('keeps the "ik wil" item itself when there are no points yet', () => {
    const agenda = buildAgenda({ wants: [], start: '2026-12-01T10:00:00+01:00', durationMinutes: 60, participantCount: 3 });
    expect(runSteps(agenda).map((s) => s.key)).toContain('wants');
  });
});

describe('nextStepKey', () => {
  it('starts at the first step, walks on, and ends after the last', () => {
    expect(nextStepKey(steps)).toBe('introductions');
    expect(nextStepKey(steps, 'want-1')).toBe('want-2');
    expect(nextStepKey(steps, 'closingRound')).toBeUndefined();
    expect(nextStepKey(steps, 'unknown')).toBeUndefined();
  });
});

describe('runStatus', () => {
  it('has not started before a start event', () => {
    const status = runStatus(steps, [], t(10));
    expect(status).toMatchObject({ started: false, paused: false, elapsedMs: 0, plannedMs: 30 * MIN, overrunMs: 0, askContinueOrFollowUp: false });
    expect(status.currentKey).toBeUndefined();
    expect(status.steps.every((s) => s.state === 'upcoming')).toBe(true);
  });

  it('times the current step against its box, and marks what was done', () => {
    const events: RunEvent[] = [{ type: 'start', at: t(0), stepKey: 'introductions' }, { type: 'goto', at: t(6), stepKey: 'want-1' }];
    const status = runStatus(steps, events, t(9));
    expect(status.currentKey).toBe('want-1');
    expect(status.steps.map((s) => [s.key, s.state, s.elapsedMs / MIN, s.overrunMs / MIN])).toEqual([
      ['introductions', 'done', 6, 1],
      ['want-1', 'current', 3, 0],
      ['want-2', 'upcoming', 0, 0],
      ['closingRound', 'upcoming', 0, 0],
    ]);
    expect(status.elapsedMs).toBe(9 * MIN);
  });

  it('a pause stops every clock, also across a step change during the pause', () => {
    const events: RunEvent[] = [
      { type: 'start', at: t(0), stepKey: 'introductions' },
      { type: 'pause', at: t(3) },
      { type: 'goto', at: t(10), stepKey: 'want-1' },
      { type: 'resume', at: t(20) },
    ];
    const paused = runStatus(steps, events.slice(0, 3), t(15));
    expect(paused).toMatchObject({ paused: true, pausedMs: 12 * MIN, elapsedMs: 3 * MIN, currentKey: 'want-1' });
    const resumed = runStatus(steps, events, t(25));
    expect(resumed).toMatchObject({ paused: false, pausedMs: 17 * MIN, elapsedMs: 8 * MIN });
    expect(resumed.steps.find((s) => s.key === 'introductions')!.elapsedMs).toBe(3 * MIN);
    expect(resumed.steps.find((s) => s.key === 'want-1')!.elapsedMs).toBe(5 * MIN);
  });

  it('asks "continue longer or a follow-up?" from two minutes over, and not while an extension lasts', () => {
    const start: RunEvent[] = [{ type: 'start', at: t(0), stepKey: 'introductions' }];
    expect(runStatus(steps, start, t(6.9)).askContinueOrFollowUp).toBe(false);
    expect(runStatus(steps, start, t(7)).askContinueOrFollowUp).toBe(true);
    const extended: RunEvent[] = [...start, { type: 'extend', at: t(7), stepKey: 'introductions', minutes: 5 }];
    const status = runStatus(steps, extended, t(8));
    expect(status.askContinueOrFollowUp).toBe(false);
    expect(status.steps[0]!.boxMs).toBe(10 * MIN);
    expect(status.plannedMs).toBe(35 * MIN);
    expect(runStatus(steps, extended, t(12)).askContinueOrFollowUp).toBe(true);
  });

  it('asks too when the whole SO is past its planned length, pauses excluded', () => {
    const events: RunEvent[] = [
      { type: 'start', at: t(0), stepKey: 'introductions' },
      { type: 'goto', at: t(6.5), stepKey: 'want-1' },
      { type: 'goto', at: t(18), stepKey: 'want-2' },
      { type: 'goto', at: t(29.5), stepKey: 'closingRound' },
    ];
    // Each step ran less than two minutes over, but together the SO is past its 30 minutes.
    expect(runStatus(steps, events, t(30)).askContinueOrFollowUp).toBe(false);
    const over = runStatus(steps, events, t(31));
    expect(over.overrunMs).toBe(1 * MIN);
    expect(over.askContinueOrFollowUp).toBe(true);
    const withPause = runStatus(steps, [...events, { type: 'pause', at: t(30) }], t(45));
    expect(withPause.askContinueOrFollowUp).toBe(false);
  });

  it('ignores events for unknown steps and events before the start; replays in time order', () => {
    const events: RunEvent[] = [
      { type: 'pause', at: t(-5) },
      { type: 'goto', at: t(2), stepKey: 'nope' },
      { type: 'goto', at: t(4), stepKey: 'want-1' },
      { type: 'start', at: t(0), stepKey: 'introductions' },
    ];
    const status = runStatus(steps, events, t(5));
    expect(status).toMatchObject({ started: true, paused: false, currentKey: 'want-1', elapsedMs: 5 * MIN });
    expect(status.steps[0]!.elapsedMs).toBe(4 * MIN);
  });

  it('accounts for every minute: time on steps plus pauses is the time since the start', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constantFrom('start' as const, 'goto' as const), stepKey: fc.constantFrom(...steps.map((s) => s.key)) }),
      fc.record({ type: fc.constantFrom('pause' as const, 'resume' as const) }),
      fc.record({ type: fc.constant('extend' as const), stepKey: fc.constantFrom(...steps.map((s) => s.key)), minutes: fc.integer({ min: 1, max: 10 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(event, fc.integer({ min: 0, max: 5 * MIN })), { maxLength: 30 }), fc.integer({ min: 0, max: 10 * MIN }), (raw, tail) => {
        let clock = T;
        const events = raw.map(([e, gap]) => ((clock += gap), { ...e, at: clock }) as RunEvent);
        const now = clock + tail;
        const status = runStatus(steps, events, now);
        const firstStart = events.find((e) => e.type === 'start');
        if (firstStart === undefined) {
          expect(status.started).toBe(false);
          return;
        }
        expect(status.elapsedMs + status.pausedMs).toBe(now - firstStart.at);
        expect(status.steps.filter((s) => s.state === 'current')).toHaveLength(1);
        expect(status.overrunMs).toBe(Math.max(0, status.elapsedMs - status.plannedMs));
      }),
    );
  });
});

describe('runTransition: the run as a state chart', () => {
  const notStarted: RunState = { name: 'notStarted' };
  const running = (stepKey: string): RunState => ({ name: 'running', stepKey });
  const paused = (stepKey: string): RunState => ({ name: 'paused', stepKey });
  const at = t(3);

  it('starts only with a start on a known step, recording one start fact', () => {
    expect(runTransition(notStarted, { type: 'start', stepKey: 'introductions' }, steps, at)).toEqual({
      state: running('introductions'),
      effects: [{ type: 'recordFact', event: { type: 'start', at, stepKey: 'introductions' } }],
    });
    expect(runTransition(notStarted, { type: 'start', stepKey: 'nope' }, steps, at)).toEqual({ state: notStarted, effects: [] });
  });

  it('before the start, every other command changes nothing and records nothing', () => {
    const commands: RunCommand[] = [{ type: 'next' }, { type: 'goto', stepKey: 'want-1' }, { type: 'pause' }, { type: 'resume' }, { type: 'extend', minutes: 10 }];
    for (const command of commands) expect(runTransition(notStarted, command, steps, at), command.type).toEqual({ state: notStarted, effects: [] });
  });

  it('running: next walks on with a goto fact; on the last step it records nothing', () => {
    expect(runTransition(running('want-1'), { type: 'next' }, steps, at)).toEqual({
      state: running('want-2'),
      effects: [{ type: 'recordFact', event: { type: 'goto', at, stepKey: 'want-2' } }],
    });
    expect(runTransition(running('closingRound'), { type: 'next' }, steps, at)).toEqual({ state: running('closingRound'), effects: [] });
  });

  it('goto moves to another known step; the same step or an unknown one records nothing', () => {
    expect(runTransition(running('introductions'), { type: 'goto', stepKey: 'closingRound' }, steps, at).effects)
      .toEqual([{ type: 'recordFact', event: { type: 'goto', at, stepKey: 'closingRound' } }]);
    expect(runTransition(running('want-1'), { type: 'goto', stepKey: 'want-1' }, steps, at)).toEqual({ state: running('want-1'), effects: [] });
    expect(runTransition(running('want-1'), { type: 'goto', stepKey: 'nope' }, steps, at)).toEqual({ state: running('want-1'), effects: [] });
  });

  it('a second start (another device, a double click) records nothing once the SO runs', () => {
    expect(runTransition(running('want-1'), { type: 'start', stepKey: 'introductions' }, steps, at)).toEqual({ state: running('want-1'), effects: [] });
    expect(runTransition(paused('want-1'), { type: 'start', stepKey: 'introductions' }, steps, at)).toEqual({ state: paused('want-1'), effects: [] });
  });

  it('pause and resume toggle; pausing a pause or resuming a run records nothing', () => {
    expect(runTransition(running('want-1'), { type: 'pause' }, steps, at)).toEqual({ state: paused('want-1'), effects: [{ type: 'recordFact', event: { type: 'pause', at } }] });
    expect(runTransition(paused('want-1'), { type: 'resume' }, steps, at)).toEqual({ state: running('want-1'), effects: [{ type: 'recordFact', event: { type: 'resume', at } }] });
    expect(runTransition(paused('want-1'), { type: 'pause' }, steps, at)).toEqual({ state: paused('want-1'), effects: [] });
    expect(runTransition(running('want-1'), { type: 'resume' }, steps, at)).toEqual({ state: running('want-1'), effects: [] });
  });

  it('during a pause the table may move on: the run stays paused', () => {
    expect(runTransition(paused('want-1'), { type: 'next' }, steps, at)).toEqual({
      state: paused('want-2'),
      effects: [{ type: 'recordFact', event: { type: 'goto', at, stepKey: 'want-2' } }],
    });
  });

  it('extend keeps the state and records the step\'s extension, in whole minutes a fact may hold', () => {
    expect(runTransition(paused('want-2'), { type: 'extend', minutes: 10 }, steps, at)).toEqual({
      state: paused('want-2'),
      effects: [{ type: 'recordFact', event: { type: 'extend', at, stepKey: 'want-2', minutes: 10 } }],
    });
    expect(runTransition(running('want-1'), { type: 'extend', minutes: MAX_EXTEND_MINUTES }, steps, at).effects).toHaveLength(1);
    for (const minutes of [0, -5, 1.5, Number.NaN, MAX_EXTEND_MINUTES + 1]) {
      expect(runTransition(running('want-1'), { type: 'extend', minutes }, steps, at), String(minutes)).toEqual({ state: running('want-1'), effects: [] });
    }
  });

  const command: fc.Arbitrary<RunCommand> = fc.oneof(
    fc.record({ type: fc.constantFrom('start' as const, 'goto' as const), stepKey: fc.constantFrom(...steps.map((s) => s.key), 'nope') }),
    fc.record({ type: fc.constantFrom('next' as const, 'pause' as const, 'resume' as const) }),
    fc.record({ type: fc.constant('extend' as const), minutes: fc.integer({ min: -2, max: 130 }) }),
  );

  it('every device that replays the recorded facts arrives at the state the chart is in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.integer({ min: 0, max: 5 * MIN })), { maxLength: 40 }), (clicks) => {
        let state: RunState = notStarted;
        let clock = T;
        const facts: RunEvent[] = [];
        for (const [c, gap] of clicks) {
          clock += gap;
          const result = runTransition(state, c, steps, clock);
          // A command either records exactly one fact, or leaves the state as it was.
          if (result.effects.length === 0) expect(result.state).toEqual(state);
          expect(result.effects.length).toBeLessThanOrEqual(1);
          facts.push(...result.effects.map((e) => e.event));
          state = result.state;
        }
        expect(runStateOf(steps, facts)).toEqual(state);
        const status = runStatus(steps, facts, clock);
        expect(status.started).toBe(state.name !== 'notStarted');
        if (state.name !== 'notStarted') expect(status).toMatchObject({ currentKey: state.stepKey, paused: state.name === 'paused' });
      }),
    );
  });
});

describe('run facts in the plan', () => {
  const M = 'm-1';
  const record = (plan: Plan, id: string, event: RunEvent, meetingId = M) => recordRunFact(plan, { id, meetingId, event, byUserId: 'u-esra' });

  it('records facts the plan schema accepts and replays them as the same events', () => {
    const events: RunEvent[] = [
      { type: 'start', at: t(0), stepKey: 'introductions' },
      { type: 'extend', at: t(6), stepKey: 'introductions', minutes: 10 },
      { type: 'pause', at: t(8) },
      { type: 'goto', at: t(9), stepKey: 'want-1' },
      { type: 'resume', at: t(12) },
    ];
    const plan = events.reduce((p, e, i) => record(p, `f-${i}`, e), samplePlan());
    expect(() => PlanSchema.parse(plan)).not.toThrow();
    expect(plan.runFacts.every((f) => RunFactSchema.safeParse(f).success)).toBe(true);
    expect(plan.runFacts[0]).toMatchObject({ id: 'f-0', meetingId: M, type: 'start', stepKey: 'introductions', byUserId: 'u-esra', at: new Date(t(0)).toISOString() });
    expect(plan.runFacts[2]).not.toHaveProperty('stepKey');
    expect(runEventsOf(plan, M)).toEqual(events);
  });

  it('a fact recorded twice (a retried sync) is kept once; other SOs\' facts stay out of this run', () => {
    let plan = record(samplePlan(), 'f-1', { type: 'start', at: t(0), stepKey: 'introductions' });
    const again = record(plan, 'f-1', { type: 'start', at: t(0), stepKey: 'introductions' });
    expect(again).toBe(plan);
    plan = record(plan, 'f-2', { type: 'start', at: t(1), stepKey: 'want-1' }, 'm-2');
    expect(runEventsOf(plan, M)).toEqual([{ type: 'start', at: t(0), stepKey: 'introductions' }]);
    expect(runEventsOf(plan, 'm-2')).toEqual([{ type: 'start', at: t(1), stepKey: 'want-1' }]);
  });

  it('replays in time order, then by id, whatever order the merge left them in; unreadable facts are skipped', () => {
    let plan = samplePlan();
    plan = record(plan, 'f-b', { type: 'goto', at: t(5), stepKey: 'want-2' });
    plan = record(plan, 'f-a', { type: 'goto', at: t(5), stepKey: 'want-1' });
    plan = record(plan, 'f-0', { type: 'start', at: t(0), stepKey: 'introductions' });
    plan = { ...plan, runFacts: [...plan.runFacts, { id: 'f-x', meetingId: M, type: 'goto', at: 'not a time', stepKey: 'closingRound', updatedAt: 'x' }, { id: 'f-y', meetingId: M, type: 'goto', at: new Date(t(6)).toISOString(), updatedAt: 'x' }] };
    expect(runEventsOf(plan, M).map((e) => (e.type === 'goto' || e.type === 'start' ? e.stepKey : e.type))).toEqual(['introductions', 'want-1', 'want-2']);
    // Two devices, the same facts in another order: the same state.
    const reversed = { ...plan, runFacts: [...plan.runFacts].reverse() };
    expect(runStateOf(steps, runEventsOf(reversed, M))).toEqual(runStateOf(steps, runEventsOf(plan, M)));
    expect(runStateOf(steps, runEventsOf(plan, M))).toEqual({ name: 'running', stepKey: 'want-2' });
  });
});
