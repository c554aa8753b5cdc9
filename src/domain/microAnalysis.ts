// The micro-analysis (handbook appendix 1): societal costs before and after the Samenwerkwijze, the one-off
// investment, and what doing nothing would cost. Money is integer cents throughout, so sums are exact;
// the handbook's own worked example even prints a wrong difference, and the calculator computes, it
// does not copy.

/** Yearly figures count 42 weeks: holidays and public holidays always take some weeks out. */
export const WEEKS_PER_YEAR = 42;

export interface CostItem {
  label: string;
  amountCents: number;
}

export interface MicroAnalysisInput {
  before: readonly CostItem[];
  after: readonly CostItem[];
  oneOff: readonly CostItem[];
  doNothing: readonly CostItem[];
  remeasurement?: readonly CostItem[];
}

export interface MicroAnalysisSummary {
  beforeCents: number;
  afterCents: number;
  oneOffCents: number;
  /** before − after − one-off: what the Samenwerkwijze saves in the first year. */
  differenceCents: number;
  doNothingCents: number;
  remeasurementCents?: number;
  /** before − re-measurement − one-off. */
  differenceAtRemeasurementCents?: number;
}

// Hours like 3.5 times a rate in cents can land a hair off a whole number in floating point
// (e.g. 1.15 × 100 = 114.99999999999999); twelve significant digits wash that out before rounding.
function roundToCent(value: number): number {
  return Math.round(Number(value.toPrecision(12)));
}

function requireAmount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a non-negative number, got ${value}`);
}

/** A weekly effort as a yearly cost: hours × hourly rate × 42 weeks, rounded to a cent. */
export function yearlyCostCents(input: { hoursPerWeek: number; hourlyRateCents: number }): number {
  requireAmount(input.hoursPerWeek, 'hoursPerWeek');
  requireAmount(input.hourlyRateCents, 'hourlyRateCents');
  return roundToCent(input.hoursPerWeek * input.hourlyRateCents * WEEKS_PER_YEAR);
}

/** Professionals' time for one SO: hours × rate × number of professionals, rounded to a cent. */
export function meetingCostCents(input: { hours: number; hourlyRateCents: number; professionals: number }): number {
  requireAmount(input.hours, 'hours');
  requireAmount(input.hourlyRateCents, 'hourlyRateCents');
  requireAmount(input.professionals, 'professionals');
  return roundToCent(input.hours * input.hourlyRateCents * input.professionals);
}

function total(items: readonly CostItem[]): number {
  return items.reduce((sum, item) => {
    if (!Number.isSafeInteger(item.amountCents)) throw new RangeError(`amountCents of "${item.label}" must be whole cents, got ${item.amountCents}`);
    return sum + item.amountCents;
  }, 0);
}

export function microAnalysis(input: MicroAnalysisInput): MicroAnalysisSummary {
  const beforeCents = total(input.before);
  const afterCents = total(input.after);
  const oneOffCents = total(input.oneOff);
  const summary: MicroAnalysisSummary = {
    beforeCents,
    afterCents,
    oneOffCents,
    differenceCents: beforeCents - afterCents - oneOffCents,
    doNothingCents: total(input.doNothing),
  };
  if (input.remeasurement !== undefined) {
    summary.remeasurementCents = total(input.remeasurement);
    summary.differenceAtRemeasurementCents = beforeCents - summary.remeasurementCents - oneOffCents;
  }
  return summary;
}

/** "€ 5.572,50", "-€ 12,00": Dutch notation, written out by hand so it never depends on ICU data. */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Cost lines as the case director enters them: what, who pays, an amount and the period it is per.

/** A cost line as entered: `amountCents` per `period`. No period: the amount is the line's total. */
export interface CostLineInput {
  label: string;
  amountCents: number;
  payer?: string;
  period?: 'week' | 'month' | 'year' | 'once';
}

/** How many times a period's amount counts in a year: 42 weeks, 12 months. */
export const PERIODS_PER_YEAR = { week: WEEKS_PER_YEAR, month: 12, year: 1, once: 1 } as const;

/** The line's yearly (or, for one-off costs, total) amount in cents. */
export function lineTotalCents(line: CostLineInput): number {
  return line.amountCents * PERIODS_PER_YEAR[line.period ?? 'year'];
}

export interface MicroAnalysisLines {
  before: readonly CostLineInput[];
  after: readonly CostLineInput[];
  oneOff: readonly CostLineInput[];
  doNothing: readonly CostLineInput[];
  remeasurement?: readonly CostLineInput[];
}

/** The summary of stored cost lines: each line counted over its period (42 weeks a year), then summed. */
export function microAnalysisOfLines(lines: MicroAnalysisLines): MicroAnalysisSummary {
  const items = (list: readonly CostLineInput[]): CostItem[] => list.map((l) => ({ label: l.label, amountCents: lineTotalCents(l) }));
  const input: MicroAnalysisInput = { before: items(lines.before), after: items(lines.after), oneOff: items(lines.oneOff), doNothing: items(lines.doNothing) };
  if (lines.remeasurement !== undefined) input.remeasurement = items(lines.remeasurement);
  return microAnalysis(input);
}

/** "1.234,56" (no sign, no euro sign): how an amount is shown in an input, so it reads back the same. */
export function formatEuroInput(cents: number): string {
  return formatEuro(cents).replace('€ ', '');
}

export type EuroParse = { ok: true; cents: number } | { ok: false; code: 'amount-missing' | 'amount-invalid' | 'amount-negative' | 'amount-too-precise'; message: string };

/**
 * An amount typed in Dutch notation: "1.234,56", "1234,5", "€ 65", "227,50". A dot groups thousands (only
 * in groups of three), a comma starts the cents. "12.5" is refused, not guessed: in Dutch it is not 12,50.
 */
export function parseEuro(text: string): EuroParse {
  const trimmed = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^€/, '').replace(/^EUR/i, '');
  if (trimmed === '') return { ok: false, code: 'amount-missing', message: 'Vul een bedrag in, bijvoorbeeld 1.234,56.' };
  if (trimmed.startsWith('-')) return { ok: false, code: 'amount-negative', message: 'Een bedrag kan niet negatief zijn. Vul het bedrag zonder min in.' };
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d*))?$/.exec(trimmed);
  if (match === null) {
    return { ok: false, code: 'amount-invalid', message: 'Dit is geen bedrag. Schrijf het zoals 1.234,56: een punt tussen de duizendtallen en een komma voor de centen.' };
  }
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, code: 'amount-too-precise', message: 'Een bedrag heeft hoogstens twee cijfers na de komma, zoals 12,50.' };
  const euros = Number(match[1]!.replace(/\./g, ''));
  const cents = euros * 100 + Number(decimals.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return { ok: false, code: 'amount-invalid', message: 'Dit bedrag is te groot.' };
  return { ok: true, cents };
}
