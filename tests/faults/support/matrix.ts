// One cell of the fault matrix (a fault × a journey): what was measured, which "musts" it broke, and the
// table that `npm run test:faults` prints and writes (test-results/fault-matrix.md and .json).
// No app imports here: the reporter loads this in the Playwright runner.

export type Journey = 'send' | 'run';

export interface ErrorReport {
  device: string;
  role: string;
  text: string;
  keys: string[];
  wayForward?: string;
  verdict: string;
  problem?: string;
}

export interface CellResult {
  faultId: string;
  fault: string;
  journey: Journey;
  /** What the cell did, including how the fault was applied to this journey. */
  variant: string;
  durationMs: number;
  completed: boolean;
  journeyError?: string;
  /** Journal entries the injected faults answered (or the relay refused: offline device). */
  faultHits: Record<string, number>;
  invitations: { expected: number; created: number; createRequests: number };
  /** Agreements recorded in the UI that are not in the stored plan (run), or the send not recorded in the plan (send). */
  lost: string[];
  agreements?: { recorded: number; stored: number; professional: number; plannerTasks: number };
  duplicates: string[];
  errors: ErrorReport[];
  notes: string[];
  violations: string[];
}

export const JOURNEY_LABEL: Record<Journey, string> = { send: 'send invitation', run: 'run the SO' };

function errorsCell(errors: ErrorReport[]): string {
  if (errors.length === 0) return 'none';
  const byKey = new Map<string, { count: number; way: Set<string>; bad: number }>();
  for (const e of errors) {
    const key = e.keys.filter((k) => !['error.title', 'error.code', 'error.retry'].includes(k)).join('+') || `"${e.text.slice(0, 40)}"`;
    const entry = byKey.get(key) ?? { count: 0, way: new Set<string>(), bad: 0 };
    entry.count += 1;
    if (e.wayForward) entry.way.add(e.wayForward);
    if (e.verdict !== 'ok') entry.bad += 1;
    byKey.set(key, entry);
  }
  return [...byKey.entries()].map(([key, e]) => `${e.bad > 0 ? '✗' : '✓'} ${key}${e.count > 1 ? ` ×${e.count}` : ''}${e.way.size > 0 ? ` → ${[...e.way].join(' / ')}` : ''}`).join('; ');
}

function hitsCell(hits: Record<string, number>): string {
  const entries = Object.entries(hits);
  return entries.length === 0 ? '0' : entries.map(([k, n]) => `${k} ×${n}`).join(', ');
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(cells: CellResult[]): string {
  const head = ['Fault', 'Journey', 'What was done', 'Fault hits', 'Invitations created', 'Agreements lost', 'Duplicates', 'User-visible errors (way forward)', 'Time', 'Result'];
  const rows = cells.map((c) => [
    c.fault,
    JOURNEY_LABEL[c.journey],
    c.variant,
    hitsCell(c.faultHits),
    `${c.invitations.created} (must be ${c.invitations.expected})${c.invitations.createRequests !== c.invitations.created ? `, ${c.invitations.createRequests} create requests` : ''}`,
    c.journey === 'run' ? `${c.lost.length} of ${c.agreements?.recorded ?? '?'}` : `${c.lost.length} (send recorded in plan)`,
    c.duplicates.length === 0 ? '0' : `${c.duplicates.length}: ${c.duplicates.join('; ')}`,
    errorsCell(c.errors),
    `${(c.durationMs / 1000).toFixed(1)} s`,
    c.violations.length === 0 ? 'PASS' : `FAIL: ${c.violations.join('; ')}`,
  ].map((v) => escapeCell(String(v))));
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function notesSection(cells: CellResult[]): string {
  const lines: string[] = [];
  for (const c of cells) {
    const notes = [...c.notes, ...(c.journeyError ? [`journey error: ${c.journeyError}`] : [])];
    const texts = [...new Set(c.errors.map((e) => `${e.device}/${e.role}: "${e.text}"${e.problem ? ` — ${e.problem}` : ''}`))];
    if (notes.length === 0 && texts.length === 0) continue;
    lines.push(`- **${c.fault} × ${JOURNEY_LABEL[c.journey]}**`);
    for (const n of notes) lines.push(`  - ${n}`);
    for (const t of texts) lines.push(`  - seen ${t}`);
  }
  return lines.join('\n');
}

/** The "musts" of a cell; each broken one is a line. */
export function violationsOf(cell: Omit<CellResult, 'violations'>): string[] {
  const out: string[] = [];
  if (!cell.completed) out.push(`journey did not finish${cell.journeyError ? ` (${cell.journeyError.split('\n')[0]})` : ''}`);
  if (Object.keys(cell.faultHits).length === 0) out.push('the fault never hit: this cell tested nothing');
  if (cell.invitations.created !== cell.invitations.expected) out.push(`invitations created ${cell.invitations.created}, must be ${cell.invitations.expected}`);
  if (cell.lost.length > 0) out.push(`lost: ${cell.lost.join(', ')}`);
  if (cell.duplicates.length > 0) out.push(`duplicates: ${cell.duplicates.join(', ')}`);
  for (const e of cell.errors) if (e.verdict !== 'ok') out.push(`message "${e.text.slice(0, 80)}": ${e.problem ?? e.verdict}`);
  return out;
}
