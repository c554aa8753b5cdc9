// The micro-analysis as the case director fills it in and the plan keeps it: cost lines typed as text (an
// amount in Dutch notation, a period), checked line by line without losing what was typed, and stored as
// cents per period. The sums are always computed (microAnalysis.ts), never stored.
import { isCalendarDay } from './calendar';
import { lineTotalCents, microAnalysisOfLines, parseEuro } from './microAnalysis';
import type { MicroAnalysisSummary } from './microAnalysis';
import { COST_PERIODS } from './planSchema';
import type { CostLine, CostPeriod, MicroAnalysisRecord, Plan } from './planSchema';
import { error } from './problem';
import type { Problem } from './problem';
import { cleanText, escapeHtml, htmlText } from './text';

export const COST_GROUPS = ['before', 'after', 'oneOff', 'doNothing'] as const;
export type CostGroup = (typeof COST_GROUPS)[number];

export const COST_GROUP_TITLES: Readonly<Record<CostGroup, string>> = {
  before: 'Kosten per jaar vóór de Samenwerkwijze',
  after: 'Kosten per jaar na de Samenwerkwijze',
  oneOff: 'Eenmalige kosten (ook de tijd van professionals in het overleg)',
  doNothing: 'Kosten per jaar als we niets hadden gedaan',
};

export const COST_PERIOD_LABELS: Readonly<Record<CostPeriod, string>> = { week: 'per week', month: 'per maand', year: 'per jaar', once: 'eenmalig' };

/** A cost line as the form holds it: everything still text, exactly as typed. */
export interface CostLineDraft {
  key: string;
  label: string;
  payer: string;
  amount: string;
  period: string;
}

/** Problems with one line; paths name its fields (`label`, `amount`, `period`). An empty line is no problem. */
export function checkCostLineDraft(line: CostLineDraft, group: CostGroup): Problem[] {
  if ([line.label, line.payer, line.amount].every((v) => v.trim() === '')) return [];
  const problems: Problem[] = [];
  if (cleanText(line.label) === '') problems.push(error('label-missing', 'Schrijf op waar deze kosten voor zijn.', 'label'));
  const amount = parseEuro(line.amount);
  if (!amount.ok) problems.push(error(amount.code, amount.message, 'amount'));
  if (!(COST_PERIODS as readonly string[]).includes(line.period)) problems.push(error('period-invalid', 'Kies of het bedrag per week, per maand, per jaar of eenmalig is.', 'period'));
  else if (group === 'oneOff' && line.period !== 'once') problems.push(error('period-not-once', 'Eenmalige kosten zijn eenmalig. Zet de periode op eenmalig, of zet de regel bij de kosten per jaar.', 'period'));
  else if (group !== 'oneOff' && line.period === 'once') problems.push(error('period-once', 'Hier gaat het om kosten per jaar. Eenmalige kosten horen bij de eenmalige kosten.', 'period'));
  return problems;
}

export function costLineDraft(line: CostLine, key: string, formatAmount: (cents: number) => string): CostLineDraft {
  return { key, label: line.label, payer: line.payer ?? '', amount: formatAmount(line.amountCents), period: line.period ?? 'year' };
}

/** The draft's lines as stored lines; empty lines are dropped. Only call when no line has an error. */
export function toCostLines(lines: readonly CostLineDraft[]): CostLine[] {
  return lines
    .filter((l) => [l.label, l.payer, l.amount].some((v) => v.trim() !== ''))
    .map((l) => {
      const parsed = parseEuro(l.amount);
      if (!parsed.ok) throw new RangeError(`cost line ${l.key} has no valid amount`);
      const line: CostLine = { label: cleanText(l.label), amountCents: parsed.cents, period: l.period as CostPeriod };
      const payer = cleanText(l.payer);
      if (payer !== '') line.payer = payer;
      return line;
    });
}

export type MicroAnalysisDraft = Record<CostGroup, CostLineDraft[]>;

/** Every problem of the draft, with the path `group.key.field`. */
export function checkMicroAnalysisDraft(draft: MicroAnalysisDraft): Problem[] {
  return COST_GROUPS.flatMap((group) => draft[group].flatMap((line) => checkCostLineDraft(line, group).map((p) => ({ ...p, path: `${group}.${line.key}.${p.path ?? ''}` }))));
}

/** The summary of a draft, counting only the lines that read well (the screen shows it while typing). */
export function draftSummary(draft: MicroAnalysisDraft): MicroAnalysisSummary {
  const valid = (group: CostGroup) => toCostLines(draft[group].filter((l) => checkCostLineDraft(l, group).length === 0));
  return microAnalysisOfLines({ before: valid('before'), after: valid('after'), oneOff: valid('oneOff'), doNothing: valid('doNothing') });
}

export function summariseMicroAnalysis(record: Pick<MicroAnalysisRecord, 'before' | 'after' | 'oneOff' | 'doNothing' | 'remeasurement'>): MicroAnalysisSummary {
  return microAnalysisOfLines(record);
}

/** Stores the micro-analysis (one record per id; a new version replaces the old one). */
export function saveMicroAnalysis(plan: Plan, record: { id: string; date: string; lines: Record<CostGroup, CostLine[]>; note?: string }, at: string): Plan {
  if (!isCalendarDay(record.date)) return plan;
  const stored: MicroAnalysisRecord = { id: record.id, date: record.date, ...record.lines, updatedAt: at };
  const note = cleanText(record.note);
  if (note !== '') stored.note = note;
  const exists = plan.microAnalyses.some((m) => m.id === record.id);
  return {
    ...plan,
    microAnalyses: exists ? plan.microAnalyses.map((m) => (m.id === record.id ? stored : m)) : [...plan.microAnalyses, stored],
  };
}

/** The micro-analysis the plan shows: the latest by date. */
export function latestMicroAnalysis(plan: Pick<Plan, 'microAnalyses'>): MicroAnalysisRecord | undefined {
  return [...plan.microAnalyses].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
}

// ---------------------------------------------------------------------------------------------------------
// The printable micro-analysis (kept with the plan; amounts only, no plan text beyond the cost lines)

const PRINT_STYLE = [
  '@page { margin: 18mm; }',
  'body { font-family: system-ui, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; max-width: 48rem; margin: 0 auto; }',
  'h1 { font-size: 18pt; margin: 0 0 0.25rem; } h2 { font-size: 13pt; margin: 1.25rem 0 0.4rem; }',
  'table { border-collapse: collapse; width: 100%; margin-bottom: 0.8rem; } caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }',
  'th, td { border: 1px solid #555; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; } td.amount, th.amount { text-align: right; white-space: nowrap; }',
].join('\n');

/** The micro-analysis as a whole HTML document to print. Every typed text is escaped. */
export function microAnalysisHtml(plan: Pick<Plan, 'caseAlias'>, record: MicroAnalysisRecord, formatAmount: (cents: number) => string): string {
  const summary = summariseMicroAnalysis(record);
  const groupTable = (group: CostGroup) => {
    const lines = record[group];
    const rows = lines.length === 0
      ? '<tr><td colspan="4">Geen kosten ingevuld.</td></tr>'
      : lines.map((l) => `<tr><td>${htmlText(l.label)}</td><td>${htmlText(l.payer ?? '')}</td><td class="amount">${escapeHtml(formatAmount(l.amountCents))} ${escapeHtml(COST_PERIOD_LABELS[l.period ?? 'year'])}</td><td class="amount">${escapeHtml(formatAmount(lineTotalCents(l)))}</td></tr>`).join('');
    return `<table><caption>${escapeHtml(COST_GROUP_TITLES[group])}</caption><thead><tr><th scope="col">Wat</th><th scope="col">Wie betaalt</th><th scope="col" class="amount">Bedrag</th><th scope="col" class="amount">${group === 'oneOff' ? 'Totaal' : 'Per jaar (42 weken)'}</th></tr></thead><tbody>${rows}</tbody></table>`;
  };
  const summaryRows: [string, number][] = [
    ['Kosten vóór, per jaar', summary.beforeCents],
    ['Kosten na, per jaar', summary.afterCents],
    ['Eenmalige kosten', summary.oneOffCents],
    ['Verschil vóór en na, min de eenmalige kosten', summary.differenceCents],
    ['Kosten als we niets hadden gedaan, per jaar', summary.doNothingCents],
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Micro-analyse ${escapeHtml(plan.caseAlias)}</title>`,
    `<style>${PRINT_STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<h1>Micro-analyse ${escapeHtml(plan.caseAlias)}</h1>`,
    `<p>Ingevuld op ${escapeHtml(record.date)}. Een jaar telt hier 42 weken: vakanties en feestdagen vallen eruit.</p>`,
    ...COST_GROUPS.map(groupTable),
    '<h2>Samenvatting</h2>',
    `<table><caption>Samenvatting</caption><tbody>${summaryRows.map(([label, cents]) => `<tr><th scope="row">${escapeHtml(label)}</th><td class="amount">${escapeHtml(formatAmount(cents))}</td></tr>`).join('')}</tbody></table>`,
    '</main></body>',
    '</html>',
  ].join('\n');
}
