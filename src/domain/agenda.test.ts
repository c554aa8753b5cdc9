import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENDA_KEYS, buildAgenda, minimumAgendaMinutes } from './agenda';
import type { AgendaInput } from './agenda';

const wants = ['Ik wil in mijn eigen huis blijven wonen.', 'Ik wil weer rust in mijn hoofd.', 'Ik wil zelf weten hoe het met mijn geld zit.'];
const base: AgendaInput = { wants, start: '2026-12-01T10:00:00+01:00', durationMinutes: 90, participantCount: 7 };
const minutesOf = (input: AgendaInput, key: string) => buildAgenda(input).items.find((i) => i.key === key)?.minutes;

describe('buildAgenda', () => {
  it('follows the fixed structure of the SO, with Dutch titles', () => {
    const { items, problems } = buildAgenda(base);
    expect(problems).toEqual([]);
    expect(items.map((i) => i.key)).toEqual([
      'introductions', 'goalAndRules', 'currentState', 'residentStory', 'wants', 'can', 'needs', 'agreements', 'caseDirection', 'evaluation', 'closingRound',
    ]);
    expect(items.find((i) => i.key === 'residentStory')!.title).toBe('De inwoner vertelt: dit wil ik');
    expect(items.filter((i) => i.children !== undefined).map((i) => i.key)).toEqual(['wants']);
  });

  it('gives every "ik wil" point its own part, in order, in the resident’s words', () => {
    const item = buildAgenda(base).items.find((i) => i.key === 'wants')!;
    expect(item.children!.map((c) => [c.key, c.title])).toEqual([
      ['want-1', wants[0]],
      ['want-2', wants[1]],
      ['want-3', wants[2]],
    ]);
    expect(item.children!.reduce((sum, c) => sum + c.minutes, 0)).toBe(item.minutes);
  });

  it('plans a 90-minute SO sensibly: short introductions, most time for the resident’s story, the wants and the agreements', () => {
    const { items } = buildAgenda(base);
    expect(Object.fromEntries(items.map((i) => [i.key, i.minutes]))).toEqual({
      introductions: 7, goalAndRules: 5, currentState: 7, residentStory: 9, wants: 23, can: 7, needs: 7, agreements: 13, caseDirection: 4, evaluation: 4, closingRound: 4,
    });
  });

  it('times every part from the start, in Amsterdam time, ending exactly at the end', () => {
    const { items } = buildAgenda(base);
    expect(items.map((i) => i.clock)).toEqual(['10:00', '10:07', '10:12', '10:19', '10:28', '10:51', '10:58', '11:05', '11:18', '11:22', '11:26']);
    expect(items.find((i) => i.key === 'wants')!.children!.map((c) => c.clock)).toEqual(['10:28', '10:36', '10:44']);
    const last = items[items.length - 1]!;
    expect(Date.parse(last.startsAt!) + last.minutes * 60_000).toBe(Date.parse(base.start) + 90 * 60_000);
  });

  it('scales the introductions with the number of people, up to a fifth of the meeting', () => {
    expect(minutesOf({ ...base, participantCount: 4 }, 'introductions')).toBe(4);
    expect(minutesOf({ ...base, participantCount: 11 }, 'introductions')).toBe(11);
    expect(minutesOf({ ...base, participantCount: 40 }, 'introductions')).toBe(18);
    fc.assert(
      fc.property(fc.integer({ min: 14, max: 300 }), fc.integer({ min: 1, max: 40 }), (duration, people) => {
        const fewer = minutesOf({ ...base, durationMinutes: duration, participantCount: people }, 'introductions')!;
        const more = minutesOf({ ...base, durationMinutes: duration, participantCount: people + 1 }, 'introductions')!;
        expect(more).toBeGreaterThanOrEqual(fewer);
      }),
    );
  });

  it('always uses whole minutes ≥ 1 that add up exactly to the duration', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: -3, max: 60 }),
        (points, extra, people) => {
          const durationMinutes = minimumAgendaMinutes(points.length) + extra;
          const { items, problems } = buildAgenda({ wants: points, start: base.start, durationMinutes, participantCount: people });
          expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(items.map((i) => i.key)).toEqual([...AGENDA_KEYS]);
          expect(items.reduce((sum, i) => sum + i.minutes, 0)).toBe(durationMinutes);
          for (const item of items) {
            expect(Number.isInteger(item.minutes) && item.minutes >= 1).toBe(true);
            for (const child of item.children ?? []) expect(Number.isInteger(child.minutes) && child.minutes >= 1).toBe(true);
          }
          const wantsItem = items.find((i) => i.key === 'wants')!;
          expect(wantsItem.children).toHaveLength(points.length);
          if (points.length > 0) expect(wantsItem.children!.reduce((sum, c) => sum + c.minutes, 0)).toBe(wantsItem.minutes);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('duration-invalid: an error, and no agenda, for fractional minutes or too little time for every part', () => {
    for (const durationMinutes of [90.5, Number.NaN, 12, 0, -30]) {
      const { items, problems } = buildAgenda({ ...base, durationMinutes });
      expect(items).toEqual([]);
      expect(problems).toContainEqual(expect.objectContaining({ code: 'duration-invalid', severity: 'error', path: 'durationMinutes' }));
    }
    expect(minimumAgendaMinutes(3)).toBe(13);
    expect(buildAgenda({ ...base, durationMinutes: 13 }).items.every((i) => i.minutes === 1 || i.key === 'wants')).toBe(true);
  });

  it('duration-short: a warning below 45 minutes', () => {
    expect(buildAgenda({ ...base, durationMinutes: 44 }).problems).toContainEqual(expect.objectContaining({ code: 'duration-short', severity: 'warning' }));
    expect(buildAgenda({ ...base, durationMinutes: 45 }).problems).toEqual([]);
  });

  it('warns when there are no "ik wil" points yet, and still plans the time', () => {
    const { items, problems } = buildAgenda({ ...base, wants: [] });
    expect(problems.map((p) => p.code)).toEqual(['wants-missing']);
    expect(items.find((i) => i.key === 'wants')!.children).toEqual([]);
    expect(items.reduce((sum, i) => sum + i.minutes, 0)).toBe(90);
  });

  it('reports a start that is not a timestamp, and leaves the times out', () => {
    const { items, problems } = buildAgenda({ ...base, start: 'morgen om tien' });
    expect(problems.map((p) => p.code)).toEqual(['start-invalid']);
    expect(items[0]!.clock).toBeUndefined();
    expect(items.reduce((sum, i) => sum + i.minutes, 0)).toBe(90);
  });
});
