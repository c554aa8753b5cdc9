// What an area learns from its cases, without ever opening a plan or naming anyone. Each plan writes a few
// numbers into its case index columns (caseFigures, called where the index is derived); the area view adds
// those up per area and quarter (areaTable). A figure over fewer than five cases is never shown: with so
// few, people in the neighbourhood could recognise whose case it is.
import { addDays, parseInstant, toCalendarDay } from './calendar';
import type { CalendarDay } from './calendar';
import { lineTotalCents } from './microAnalysis';
import type { CostLineInput } from './microAnalysis';

/** Cells (and figures) over fewer cases than this are hidden. */
export const MIN_CASES_PER_CELL = 5;
const SO_WINDOW = 14;
const SIX_WEEKS = 42;

/** The per-case numbers the case index carries for the area view. No names, no text. */
export interface CaseFigures {
  areaId?: string;
  /** The day the case started: when an SO became needed, else when the plan was made. */
  caseStart?: CalendarDay;
  /** The day of the first SO that was held. */
  firstSo?: CalendarDay;
  agreements: number;
  /** Agreements done within six weeks of being made. */
  agreementsDoneInTime: number;
  wellbeingStart?: number;
  /** The latest welzijnscijfer given at an evaluation. */
  wellbeingEvaluation?: number;
  declines: number;
  escalations: number;
  /** The day of the first completed evaluation. */
  evaluatedOn?: CalendarDay;
  micro?: { beforeCents: number; afterCents: number; oneOffCents: number; doNothingCents: number };
}

/** The plan as far as the figures read it: tolerant of the first (v1) documents in the demo seed. */
export interface CaseFiguresInput {
  createdAt?: string;
  areaId?: string;
  meetings?: { start: string; status: string; soNeededSince?: string; closedAt?: string }[];
  agreements?: { status: string; createdAt?: string; doneAt?: string }[];
  wellbeing?: { score: number; date: string; moment: string }[];
  evaluations?: { status: string; date: string; completedAt?: string }[];
  microAnalyses?: { date: string; before: CostLineInput[]; after: CostLineInput[]; oneOff: CostLineInput[]; doNothing: CostLineInput[] }[];
  log?: { action: string; targetId?: string }[];
  /** The SOs' event facts (responses, escalations, …) as the calendar keeps them. */
  actions?: { kind: string; state?: string; participantId?: string; response?: string; by?: string }[];
}

const byDay = <T>(day: (x: T) => string) => (a: T, b: T) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0);

export function caseFigures(plan: CaseFiguresInput): CaseFigures {
  const figures: CaseFigures = { agreements: 0, agreementsDoneInTime: 0, declines: 0, escalations: 0 };
  if (plan.areaId !== undefined && plan.areaId !== '') figures.areaId = plan.areaId;
  const meetings = plan.meetings ?? [];
  const needed = meetings.map((m) => m.soNeededSince).filter((d): d is string => d !== undefined).sort()[0];
  const start = needed ?? toCalendarDay(plan.createdAt);
  if (start !== undefined) figures.caseStart = start;
  const held = meetings.filter((m) => m.status === 'held' || m.closedAt !== undefined).map((m) => toCalendarDay(m.start)).filter((d): d is string => d !== undefined).sort();
  if (held[0] !== undefined) figures.firstSo = held[0];
  for (const a of plan.agreements ?? []) {
    figures.agreements += 1;
    const made = toCalendarDay(a.createdAt);
    const done = toCalendarDay(a.doneAt);
    if (a.status === 'done' && made !== undefined && done !== undefined && done <= addDays(made, SIX_WEEKS)) figures.agreementsDoneInTime += 1;
  }
  const wellbeing = [...(plan.wellbeing ?? [])].sort(byDay((w) => w.date));
  const first = wellbeing.find((w) => w.moment === 'start');
  const evaluated = wellbeing.filter((w) => w.moment === 'evaluation').at(-1);
  if (first !== undefined) figures.wellbeingStart = first.score;
  if (evaluated !== undefined) figures.wellbeingEvaluation = evaluated.score;
  const log = plan.log ?? [];
  const actions = plan.actions ?? [];
  const escalated = actions.filter((a) => a.kind === 'escalation' && a.state !== 'started');
  // Older plans kept an escalation in the log only.
  figures.escalations = escalated.length > 0 ? escalated.length : log.filter((e) => e.action === 'escalation.sent').length;
  // Everyone who declined at least once counts once; an escalation is always about a decline.
  const declinedBy = new Set(actions.filter((a) => a.kind === 'response' && a.response === 'declined').map((a) => a.participantId ?? a.by ?? ''));
  for (const a of escalated) if (a.participantId !== undefined) declinedBy.add(a.participantId);
  if (actions.length === 0) for (const e of log) if (e.action === 'escalation.sent') declinedBy.add(e.targetId ?? `escalation-${declinedBy.size}`);
  figures.declines = declinedBy.size;
  const done = (plan.evaluations ?? []).filter((e) => e.status === 'done').map((e) => toCalendarDay(e.completedAt) ?? e.date).sort()[0];
  if (done !== undefined) figures.evaluatedOn = done;
  const micro = [...(plan.microAnalyses ?? [])].sort(byDay((m) => m.date)).at(-1);
  if (micro !== undefined) {
    const sum = (lines: CostLineInput[]) => lines.reduce((s, l) => s + lineTotalCents(l), 0);
    figures.micro = { beforeCents: sum(micro.before), afterCents: sum(micro.after), oneOffCents: sum(micro.oneOff), doNothingCents: sum(micro.doNothing) };
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------------------
// The area table

/** "2026-Q3": the quarter a day falls in. */
export function quarterOf(day: CalendarDay): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** "3e kwartaal 2026". */
export function quarterLabel(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m === null ? period : `${m[2]}e kwartaal ${m[1]}`;
}

/** A share: how many of how many. Hidden when it is over fewer than five cases. */
export type Share = { shown: true; count: number; of: number; percent: number } | { shown: false };
export type Amount = { shown: true; value: number; cases: number } | { shown: false };

export interface AreaCell {
  areaId: string;
  /** A quarter, or 'all' for the area over every quarter. */
  period: string;
  /** Hidden (undefined) when the cell holds fewer than five cases. */
  cases?: number;
  hiddenReason?: 'few-cases' | 'secondary';
  firstSoWithinTwoWeeks: Share;
  agreementsDoneInTime: Share;
  /** Average change of the welzijnscijfer from start to evaluation, over the cases that have both. */
  wellbeingChange: Amount;
  declines: Amount;
  escalations: Amount;
  micro: { shown: true; cases: number; beforeCents: number; afterCents: number; oneOffCents: number; differenceCents: number; doNothingCents: number } | { shown: false };
}

const HIDDEN = { shown: false } as const;

function share(count: number, of: number, cases: number): Share {
  return cases < MIN_CASES_PER_CELL || of === 0 ? HIDDEN : { shown: true, count, of, percent: Math.round((count / of) * 100) };
}

function cell(areaId: string, period: string, cases: readonly CaseFigures[]): AreaCell {
  const n = cases.length;
  if (n < MIN_CASES_PER_CELL) {
    return { areaId, period, hiddenReason: 'few-cases', firstSoWithinTwoWeeks: HIDDEN, agreementsDoneInTime: HIDDEN, wellbeingChange: HIDDEN, declines: HIDDEN, escalations: HIDDEN, micro: HIDDEN };
  }
  const withSo = cases.filter((c) => c.firstSo !== undefined && c.caseStart !== undefined);
  const inTime = withSo.filter((c) => c.firstSo! <= addDays(c.caseStart!, SO_WINDOW)).length;
  const withAgreements = cases.filter((c) => c.agreements > 0);
  const agreements = withAgreements.reduce((s, c) => s + c.agreements, 0);
  const doneInTime = withAgreements.reduce((s, c) => s + c.agreementsDoneInTime, 0);
  const scored = cases.filter((c) => c.wellbeingStart !== undefined && c.wellbeingEvaluation !== undefined);
  const change = scored.reduce((s, c) => s + (c.wellbeingEvaluation! - c.wellbeingStart!), 0);
  const withMicro = cases.filter((c) => c.micro !== undefined);
  const m = withMicro.reduce((s, c) => ({ before: s.before + c.micro!.beforeCents, after: s.after + c.micro!.afterCents, oneOff: s.oneOff + c.micro!.oneOffCents, doNothing: s.doNothing + c.micro!.doNothingCents }), { before: 0, after: 0, oneOff: 0, doNothing: 0 });
  return {
    areaId,
    period,
    cases: n,
    firstSoWithinTwoWeeks: share(inTime, withSo.length, withSo.length),
    agreementsDoneInTime: share(doneInTime, agreements, withAgreements.length),
    wellbeingChange: scored.length < MIN_CASES_PER_CELL ? HIDDEN : { shown: true, value: Math.round((change / scored.length) * 10) / 10, cases: scored.length },
    declines: { shown: true, value: cases.reduce((s, c) => s + c.declines, 0), cases: n },
    escalations: { shown: true, value: cases.reduce((s, c) => s + c.escalations, 0), cases: n },
    micro:
      withMicro.length < MIN_CASES_PER_CELL
        ? HIDDEN
        : { shown: true, cases: withMicro.length, beforeCents: m.before, afterCents: m.after, oneOffCents: m.oneOff, differenceCents: m.before - m.after - m.oneOff, doNothingCents: m.doNothing },
  };
}

function hide(c: AreaCell, reason: AreaCell['hiddenReason']): AreaCell {
  return { areaId: c.areaId, period: c.period, hiddenReason: reason, firstSoWithinTwoWeeks: HIDDEN, agreementsDoneInTime: HIDDEN, wellbeingChange: HIDDEN, declines: HIDDEN, escalations: HIDDEN, micro: HIDDEN };
}

export interface AreaTable {
  areas: { areaId: string; cells: AreaCell[]; total: AreaCell }[];
  periods: string[];
}

/**
 * Per area, a cell per quarter of the case start, and the area over all quarters. When exactly one quarter
 * of an area is hidden, the total would give it away (total minus the rest): the smallest shown quarter is
 * hidden as well. Cases without an area or a start day count only in no cell at all.
 */
export function areaTable(cases: readonly CaseFigures[], options: { periods?: readonly string[] } = {}): AreaTable {
  const known = cases.filter((c) => c.areaId !== undefined && c.caseStart !== undefined);
  const inPeriod = options.periods === undefined ? known : known.filter((c) => options.periods!.includes(quarterOf(c.caseStart!)));
  const periods = [...new Set(inPeriod.map((c) => quarterOf(c.caseStart!)))].sort();
  const areaIds = [...new Set(inPeriod.map((c) => c.areaId!))].sort();
  const areas = areaIds.map((areaId) => {
    const own = inPeriod.filter((c) => c.areaId === areaId);
    let cells = periods.map((period) => cell(areaId, period, own.filter((c) => quarterOf(c.caseStart!) === period)));
    const total = cell(areaId, 'all', own);
    const hiddenWithCases = cells.filter((c) => c.hiddenReason === 'few-cases' && own.some((x) => quarterOf(x.caseStart!) === c.period));
    if (hiddenWithCases.length === 1 && total.cases !== undefined) {
      const smallest = cells.filter((c) => c.cases !== undefined).sort((a, b) => a.cases! - b.cases!)[0];
      if (smallest !== undefined) cells = cells.map((c) => (c === smallest ? hide(c, 'secondary') : c));
    }
    return { areaId, cells, total };
  });
  return { areas, periods };
}

function csvField(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const decimal = (n: number) => String(n).replace('.', ',');
const euros = (cents: number) => decimal(Math.round(cents) / 100);

/**
 * The table as CSV for a spreadsheet in Dutch: semicolons between fields, a decimal comma, "<5" where a
 * cell is hidden. Area names come in from the caller (the index holds only the area id).
 */
export function areaTableCsv(table: AreaTable, areaName: (areaId: string) => string): string {
  const header = [
    'Gebied', 'Periode', 'Casussen', 'Eerste SO binnen twee weken (%)', 'Afspraken binnen zes weken gedaan (%)', 'Verandering welzijnscijfer',
    'Afmeldingen', 'Escalaties', 'Kosten vóór (EUR)', 'Kosten na (EUR)', 'Eenmalig (EUR)', 'Verschil (EUR)', 'Als we niets doen (EUR)',
  ];
  const rows = table.areas.flatMap((a) => [...a.cells, a.total]).map((c) => {
    const hidden = '<5';
    const pct = (s: Share) => (s.shown ? String(s.percent) : hidden);
    const amount = (x: Amount) => (x.shown ? decimal(x.value) : hidden);
    const micro = c.micro.shown ? [euros(c.micro.beforeCents), euros(c.micro.afterCents), euros(c.micro.oneOffCents), euros(c.micro.differenceCents), euros(c.micro.doNothingCents)] : [hidden, hidden, hidden, hidden, hidden];
    return [
      areaName(c.areaId), c.period === 'all' ? 'Alle kwartalen' : quarterLabel(c.period), c.cases === undefined ? hidden : String(c.cases),
      pct(c.firstSoWithinTwoWeeks), pct(c.agreementsDoneInTime), amount(c.wellbeingChange), amount(c.declines), amount(c.escalations), ...micro,
    ];
  });
  return [header, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

/** A day is in the case index as a date-time column; read back either form. */
export function indexDay(value: unknown): CalendarDay | undefined {
  if (typeof value !== 'string') return undefined;
  return toCalendarDay(value) ?? (parseInstant(value) === undefined ? undefined : toCalendarDay(value));
}
