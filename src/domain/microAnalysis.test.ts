import { describe, expect, it } from 'vitest';
import { formatEuro, formatEuroInput, lineTotalCents, meetingCostCents, microAnalysis, microAnalysisOfLines, parseEuro, yearlyCostCents } from './microAnalysis';

describe('micro-analysis', () => {
  it('computes the handbook’s worked example, difference € 5.572,50 (the handbook prints 5.569,50)', () => {
    const ambulant = yearlyCostCents({ hoursPerWeek: 3.5, hourlyRateCents: 6500 });
    const gp = 24 * 1000;
    const so = meetingCostCents({ hours: 1.5, hourlyRateCents: 6500, professionals: 3 });
    const afterSupport = yearlyCostCents({ hoursPerWeek: 1, hourlyRateCents: 6500 });
    expect([ambulant, gp, so, afterSupport]).toEqual([955_500, 24_000, 29_250, 273_000]);

    const summary = microAnalysis({
      before: [
        { label: 'Ambulante ondersteuning (3,5 uur per week)', amountCents: ambulant },
        { label: 'Huisarts, 2 keer per maand', amountCents: gp },
      ],
      oneOff: [
        { label: 'Samenwerkoverleg met 3 professionals', amountCents: so },
        { label: 'Verhuizing', amountCents: 120_000 },
      ],
      after: [{ label: 'Ambulante begeleiding (1 uur per week)', amountCents: afterSupport }],
      remeasurement: [{ label: 'Ambulante begeleiding (1 uur per week)', amountCents: afterSupport }],
      doNothing: [{ label: 'Zorg in een intramurale woonvorm', amountCents: 2_800_000 }],
    });
    expect(summary).toEqual({
      beforeCents: 979_500,
      afterCents: 273_000,
      oneOffCents: 149_250,
      differenceCents: 557_250,
      doNothingCents: 2_800_000,
      remeasurementCents: 273_000,
      differenceAtRemeasurementCents: 557_250,
    });
    expect(formatEuro(summary.differenceCents)).toBe('€ 5.572,50');
    expect(formatEuro(summary.beforeCents)).toBe('€ 9.795,00');
  });

  it('leaves out the re-measurement when there is none', () => {
    const summary = microAnalysis({ before: [{ label: 'a', amountCents: 100 }], after: [], oneOff: [], doNothing: [] });
    expect(summary).toEqual({ beforeCents: 100, afterCents: 0, oneOffCents: 0, differenceCents: 100, doNothingCents: 0 });
    expect('remeasurementCents' in summary).toBe(false);
  });

  it('rounds yearly costs to the nearest cent, washing out floating-point noise', () => {
    // 0.145 × 50 × 42 is exactly 304.5; in floating point it comes out as 304.49999999999994.
    expect(yearlyCostCents({ hoursPerWeek: 0.145, hourlyRateCents: 50 })).toBe(305);
    expect(yearlyCostCents({ hoursPerWeek: 0.1, hourlyRateCents: 333 })).toBe(1399);
  });

  it('refuses amounts that are not whole cents, and negative effort', () => {
    expect(() => microAnalysis({ before: [{ label: 'x', amountCents: 10.5 }], after: [], oneOff: [], doNothing: [] })).toThrow(RangeError);
    expect(() => yearlyCostCents({ hoursPerWeek: -1, hourlyRateCents: 6500 })).toThrow(RangeError);
  });

  it('writes amounts in Dutch notation', () => {
    expect(formatEuro(0)).toBe('€ 0,00');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(123_456_789)).toBe('€ 1.234.567,89');
    expect(formatEuro(-1200)).toBe('-€ 12,00');
  });
});

describe('cost lines with a period', () => {
  // The handbook's example, entered the way the screen takes it: an amount per period.
  const lines = {
    before: [
      { label: 'Ambulante ondersteuning, 3,5 uur per week', payer: 'Gemeente (Wmo)', amountCents: 22_750, period: 'week' as const },
      { label: 'Huisarts, 2 keer per maand', payer: 'Zorgverzekeraar', amountCents: 2_000, period: 'month' as const },
    ],
    oneOff: [
      { label: 'Samenwerkoverleg met 3 professionals', payer: 'Organisaties', amountCents: 29_250, period: 'once' as const },
      { label: 'Verhuizing', payer: 'Woningcorporatie', amountCents: 120_000, period: 'once' as const },
    ],
    after: [{ label: 'Ambulante begeleiding, 1 uur per week', payer: 'Gemeente (Wmo)', amountCents: 6_500, period: 'week' as const }],
    doNothing: [{ label: 'Intramuraal wonen', payer: 'Wlz', amountCents: 2_800_000, period: 'year' as const }],
  };

  it('counts a week 42 times and a month 12 times, and gives the computed difference, not the printed one', () => {
    expect(lineTotalCents(lines.before[0]!)).toBe(955_500);
    expect(lineTotalCents(lines.before[1]!)).toBe(24_000);
    const summary = microAnalysisOfLines(lines);
    expect(summary).toMatchObject({ beforeCents: 979_500, afterCents: 273_000, oneOffCents: 149_250, doNothingCents: 2_800_000, differenceCents: 557_250 });
    expect(formatEuro(summary.differenceCents)).not.toBe('€ 5.569,50');
  });

  it('reads a line without a period as its total', () => {
    expect(lineTotalCents({ label: 'x', amountCents: 1234 })).toBe(1234);
  });
});

describe('parseEuro (Dutch notation)', () => {
  it.each([
    ['1.234,56', 123_456],
    ['1234,56', 123_456],
    ['€ 65', 6_500],
    ['227,5', 22_750],
    ['28.000', 2_800_000],
    [' 0,05 ', 5],
    ['12,', 1_200],
  ])('%s is %i cents', (text, cents) => {
    expect(parseEuro(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'amount-missing'],
    ['abc', 'amount-invalid'],
    ['12.5', 'amount-invalid'],
    ['1.23.456', 'amount-invalid'],
    ['-5', 'amount-negative'],
    ['1,234', 'amount-too-precise'],
  ])('refuses %j with %s and a Dutch message', (text, code) => {
    const result = parseEuro(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/bedrag|komma|min/i);
    }
  });

  it('shows an amount so that it reads back the same', () => {
    for (const cents of [0, 5, 6_500, 123_456, 2_800_000]) {
      const shown = formatEuroInput(cents);
      expect(parseEuro(shown)).toEqual({ ok: true, cents });
    }
    expect(formatEuroInput(123_456)).toBe('1.234,56');
  });
});
