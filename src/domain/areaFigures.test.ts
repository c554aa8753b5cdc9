import { describe, expect, it } from 'vitest';
import { areaTable, areaTableCsv, caseFigures, quarterLabel, quarterOf } from './areaFigures';
import type { CaseFigures } from './areaFigures';

const fig = (patch: Partial<CaseFigures>): CaseFigures => ({ areaId: 'noord', caseStart: '2026-07-06', agreements: 4, agreementsDoneInTime: 3, declines: 0, escalations: 0, ...patch });

describe('the figures one case writes into the index', () => {
  it('reads start, first SO, agreements done within six weeks, scores, escalations and the micro-analysis', () => {
    const figures = caseFigures({
      createdAt: '2026-07-01T09:00:00Z',
      areaId: 'noord',
      meetings: [{ start: '2026-07-14T10:00:00+02:00', status: 'held', soNeededSince: '2026-07-03' }, { start: '2026-08-25T10:00:00+02:00', status: 'planned' }],
      agreements: [
        { status: 'done', createdAt: '2026-07-14T10:20:00Z', doneAt: '2026-08-20T10:00:00Z' },
        { status: 'done', createdAt: '2026-07-14T10:20:00Z', doneAt: '2026-09-20T10:00:00Z' },
        { status: 'open', createdAt: '2026-07-14T10:20:00Z' },
      ],
      wellbeing: [{ score: 6, date: '2026-08-25', moment: 'evaluation' }, { score: 3, date: '2026-07-03', moment: 'start' }],
      evaluations: [{ status: 'done', date: '2026-08-25', completedAt: '2026-08-25T11:00:00Z' }],
      microAnalyses: [{ date: '2026-08-25', before: [{ label: 'a', amountCents: 10_000, period: 'week' }], after: [{ label: 'b', amountCents: 100_000, period: 'year' }], oneOff: [{ label: 'c', amountCents: 5_000, period: 'once' }], doNothing: [] }],
      log: [{ action: 'escalation.sent', targetId: 'p-x' }, { action: 'plan.created' }],
    });
    expect(figures).toEqual({
      areaId: 'noord', caseStart: '2026-07-03', firstSo: '2026-07-14', agreements: 3, agreementsDoneInTime: 1, wellbeingStart: 3, wellbeingEvaluation: 6,
      declines: 1, escalations: 1, evaluatedOn: '2026-08-25', micro: { beforeCents: 420_000, afterCents: 100_000, oneOffCents: 5_000, doNothingCents: 0 },
    });
  });

  it('holds no text from the plan', () => {
    const json = JSON.stringify(caseFigures({ createdAt: '2026-07-01T09:00:00Z', agreements: [{ status: 'open' }] }));
    expect(json).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  });
});

describe('the area table', () => {
  it('groups by quarter of the case start', () => {
    expect(quarterOf('2026-07-06')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterLabel('2026-Q3')).toBe('3e kwartaal 2026');
  });

  it('computes shares over five or more cases and hides every cell under five', () => {
    const noordQ3 = [
      fig({ firstSo: '2026-07-14', wellbeingStart: 4, wellbeingEvaluation: 7, escalations: 1, declines: 1 }),
      fig({ firstSo: '2026-07-30', wellbeingStart: 5, wellbeingEvaluation: 6 }),
      fig({ firstSo: '2026-07-10', wellbeingStart: 3, wellbeingEvaluation: 7 }),
      fig({ firstSo: '2026-07-12', wellbeingStart: 6, wellbeingEvaluation: 6 }),
      fig({ firstSo: '2026-07-20', wellbeingStart: 2, wellbeingEvaluation: 6, agreements: 4, agreementsDoneInTime: 4 }),
    ];
    const haven = [fig({ areaId: 'haven' }), fig({ areaId: 'haven' })];
    const table = areaTable([...noordQ3, ...haven]);
    const noord = table.areas.find((a) => a.areaId === 'noord')!;
    expect(noord.cells[0]).toMatchObject({
      period: '2026-Q3', cases: 5,
      firstSoWithinTwoWeeks: { shown: true, count: 4, of: 5, percent: 80 },
      agreementsDoneInTime: { shown: true, count: 16, of: 20, percent: 80 },
      wellbeingChange: { shown: true, value: 2.4, cases: 5 },
      escalations: { shown: true, value: 1 },
      micro: { shown: false },
    });
    const havenCell = table.areas.find((a) => a.areaId === 'haven')!.cells[0]!;
    expect(havenCell).toMatchObject({ hiddenReason: 'few-cases', firstSoWithinTwoWeeks: { shown: false } });
    expect(havenCell.cases).toBeUndefined();
  });

  it('hides a second quarter when one hidden quarter could be worked out from the total', () => {
    const cases = [
      ...Array.from({ length: 6 }, () => fig({ caseStart: '2026-07-06' })),
      ...Array.from({ length: 7 }, () => fig({ caseStart: '2026-10-06' })),
      ...Array.from({ length: 2 }, () => fig({ caseStart: '2027-01-04' })),
    ];
    const noord = areaTable(cases).areas[0]!;
    expect(noord.total.cases).toBe(15);
    expect(noord.cells.map((c) => [c.period, c.cases ?? c.hiddenReason])).toEqual([['2026-Q3', 'secondary'], ['2026-Q4', 7], ['2027-Q1', 'few-cases']]);
  });

  it('exports CSV for a Dutch spreadsheet with "<5" for hidden cells', () => {
    const cases = Array.from({ length: 5 }, () => fig({ micro: { beforeCents: 979_500, afterCents: 273_000, oneOffCents: 149_250, doNothingCents: 2_800_000 } }));
    const csv = areaTableCsv(areaTable([...cases, fig({ areaId: 'haven' })]), (id) => (id === 'noord' ? 'Maasveld-Noord' : 'Oude Haven'));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]!.split(';')).toHaveLength(13);
    expect(lines.find((l) => l.startsWith('Maasveld-Noord;3e'))).toBe('Maasveld-Noord;3e kwartaal 2026;5;<5;75;<5;0;0;48975;13650;7462,5;27862,5;140000');
    expect(lines).toContain('Oude Haven;Alle kwartalen;<5;<5;<5;<5;<5;<5;<5;<5;<5;<5;<5');
  });
});

describe('declines and escalations from the calendar’s facts', () => {
  it('counts each decliner once and each escalation that went out', () => {
    const figures = caseFigures({
      actions: [
        { kind: 'response', response: 'declined', participantId: 'p-a' },
        { kind: 'response', response: 'declined', participantId: 'p-a' },
        { kind: 'response', response: 'accepted', participantId: 'p-b' },
        { kind: 'escalation', state: 'done', participantId: 'p-a' },
        { kind: 'escalation', state: 'started', participantId: 'p-c' },
      ],
    });
    expect([figures.declines, figures.escalations]).toEqual([1, 1]);
  });
});
