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
