import { describe, expect, it } from 'vitest';
import { checkMicroAnalysisDraft, draftSummary, latestMicroAnalysis, saveMicroAnalysis, summariseMicroAnalysis, toCostLines } from './microAnalysisRecord';
import type { CostLineDraft, MicroAnalysisDraft } from './microAnalysisRecord';
import { samplePlan } from './testing/samplePlan';

const line = (key: string, label: string, amount: string, period: string, payer = ''): CostLineDraft => ({ key, label, payer, amount, period });

/** The handbook's worked example, typed the way a case director would. */
const handbookDraft = (): MicroAnalysisDraft => ({
  before: [line('b1', 'Ambulante ondersteuning, 3,5 uur per week', '227,50', 'week', 'Gemeente'), line('b2', 'Huisarts, 2 keer per maand', '20', 'month', 'Zorgverzekeraar')],
  after: [line('n1', 'Ambulante begeleiding, 1 uur per week', '65,00', 'week', 'Gemeente')],
  oneOff: [line('e1', 'Samenwerkoverleg met 3 professionals', '292,50', 'once', 'Organisaties'), line('e2', 'Verhuizing', '1.200', 'once', 'Woningcorporatie')],
  doNothing: [line('d1', 'Zorg in een woonvorm', '28.000,00', 'year', 'Wlz')],
});

describe('the micro-analysis as entered', () => {
  it('computes the handbook example from typed lines', () => {
    const draft = handbookDraft();
    expect(checkMicroAnalysisDraft(draft)).toEqual([]);
    expect(draftSummary(draft)).toMatchObject({ beforeCents: 979_500, afterCents: 273_000, oneOffCents: 149_250, differenceCents: 557_250, doNothingCents: 2_800_000 });
  });

  it('names each bad field in Dutch and keeps what was typed', () => {
    const draft = handbookDraft();
    draft.before[0] = { ...draft.before[0]!, amount: '227.5' };
    draft.oneOff[1] = { ...draft.oneOff[1]!, period: 'year' };
    draft.after.push(line('n2', '', '10', 'week'));
    const problems = checkMicroAnalysisDraft(draft);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['before.b1.amount', 'amount-invalid'],
      ['after.n2.label', 'label-missing'],
      ['oneOff.e2.period', 'period-not-once'],
    ]);
    expect(draft.before[0]!.amount).toBe('227.5');
    // The summary while typing counts the lines that read well.
    expect(draftSummary(draft).beforeCents).toBe(24_000);
  });

  it('stores cents per period and reads the same totals back', () => {
    const draft = handbookDraft();
    const lines = { before: toCostLines(draft.before), after: toCostLines(draft.after), oneOff: toCostLines(draft.oneOff), doNothing: toCostLines(draft.doNothing) };
    expect(lines.before[0]).toEqual({ label: 'Ambulante ondersteuning, 3,5 uur per week', payer: 'Gemeente', amountCents: 22_750, period: 'week' });
    const plan = saveMicroAnalysis(samplePlan(), { id: 'ma-1', date: '2027-01-12', lines }, '2027-01-12T10:00:00Z');
    const again = saveMicroAnalysis(plan, { id: 'ma-1', date: '2027-01-12', lines, note: 'tweede versie' }, '2027-01-12T11:00:00Z');
    expect(again.microAnalyses).toHaveLength(1);
    expect(summariseMicroAnalysis(latestMicroAnalysis(again)!).differenceCents).toBe(557_250);
  });
});
