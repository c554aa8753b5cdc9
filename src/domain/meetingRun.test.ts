import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from './agenda';
import { nextStepKey, runStatus, runSteps } from './meetingRun';
import type { RunEvent, RunStep } from './meetingRun';

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
