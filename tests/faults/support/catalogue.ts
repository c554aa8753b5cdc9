// What the user saw, held against the message catalogue (src/ui/messages.ts): is a text made only of Dutch
// catalogue texts (with their {placeholders} filled in), which keys are they, is one of them an error, and does
// the error come with a way forward (a control in reach, or a promise of automatic recovery that was kept)?
import { allCatalogues as catalogues } from '../../../src/ui/messages/allCatalogues';

type Catalogue = Record<string, string>;

/** Texts that tell the user something failed or is held back. */
const FAILURE_KEYS = new Set([
  'sync.offline', 'sync.offlineNothing', 'sync.waiting', 'sync.planner.failed', 'sync.localFailed',
  'cases.offlineCopy', 'run.meetingGone', 'record.meetingMissing',
  'close.outcome.failed', 'close.outcome.ambiguous', 'plan.refused',
]);
/** Parts of the error notice that are no error text of their own. */
const NOTICE_PARTS = new Set(['error.title', 'error.retry', 'error.code']);

/** Failures whose text promises that the app recovers by itself (the cell checks that it did). */
export const AUTO_RECOVERY_KEYS = new Set(['sync.offline', 'sync.offlineNothing', 'sync.waiting', 'sync.planner.failed', 'error.graph-throttled', 'cases.offlineCopy']);

/** Controls that are a way forward after a failure. */
export const WAY_FORWARD_CONTROL_KEYS = [
  'error.retry', 'sync.retryNow', 'sync.planner.retry', 'cases.refresh', 'close.retryFailed', 'close.distributeAgain', 'prepare.send.button',
  'mine.refresh',
] as const;

export function isFailureKey(key: string): boolean {
  return (key.startsWith('error.') && !NOTICE_PARTS.has(key)) || FAILURE_KEYS.has(key);
}

interface Template {
  key: string;
  regex: RegExp;
  literalLength: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function templates(catalogue: Catalogue): Template[] {
  return Object.entries(catalogue)
    .map(([key, value]) => {
      // A plural choice ({count, plural, one {…} other {…}}) shows one of its forms: a placeholder here.
      const parts = value.replace(/\{(\w+), plural,(?:\s*\w+ \{[^{}]*\})+\s*\}/g, '{$1}').split(/\{\w+\}/);
      const literalLength = parts.join('').trim().length;
      // A placeholder inside the text is anything up to the literal that follows it; at the end, one word
      // (a code, a number) — names and counts in the middle of sentences are what placeholders usually hold.
      const source = parts.map(escape).reduce((acc, part, i) => (i === 0 ? part : `${acc}${i === parts.length - 1 && part === '' ? '(\\S+)' : '(.+?)'}${part}`), '');
      return { key, regex: new RegExp(source, 'g'), literalLength };
    })
    // Texts that are (nearly) all placeholder, e.g. '{first} en {last}', would match anything.
    .filter((t) => t.literalLength >= 6)
    .sort((a, b) => b.literalLength - a.literalLength);
}

const compiled = new Map<Catalogue, Template[]>();
function templatesOf(catalogue: Catalogue): Template[] {
  let found = compiled.get(catalogue);
  if (!found) {
    found = templates(catalogue);
    compiled.set(catalogue, found);
  }
  return found;
}

export interface CatalogueMatch {
  /** The catalogue keys the text is made of, in the order found (longest texts first). */
  keys: string[];
  /** What is left when every catalogue text is taken out (letters only count). */
  remainder: string;
  /** Made only of catalogue texts of this language. */
  complete: boolean;
}

export function matchCatalogue(text: string, catalogue: Catalogue): CatalogueMatch {
  let rest = ` ${text.replace(/\s+/g, ' ').trim()} `;
  const keys: string[] = [];
  for (const template of templatesOf(catalogue)) {
    template.regex.lastIndex = 0;
    if (!template.regex.test(rest)) continue;
    template.regex.lastIndex = 0;
    rest = rest.replace(template.regex, () => {
      keys.push(template.key);
      return ' ¦ ';
    });
  }
  const remainder = rest.replace(/¦/g, ' ').replace(/[\s\p{P}\p{S}\d]+/gu, ' ').trim();
  return { keys, remainder, complete: remainder === '' };
}

export type Verdict = 'ok' | 'not-in-catalogue' | 'english' | 'no-way-forward';

export interface SeenMessage {
  text: string;
  /** role=alert, role=status, or a Fluent message bar (any intent). */
  role: string;
  /** Visible, enabled buttons in the message or right next to it (its parent). */
  buttons: string[];
  /** ms since the cell started. */
  at: number;
  /** Which device (browser context) showed it. */
  device: string;
}

export interface ErrorSeen extends SeenMessage {
  keys: string[];
  /** The way forward: a control (its label) or 'automatic' (a recovery the text promises, and that happened). */
  wayForward?: string;
  verdict: Verdict;
  problem?: string;
}

/**
 * Which of the messages seen are user-visible errors, and is each a clear Dutch catalogue text with a way
 * forward. Status texts that are wholly non-failure catalogue texts (progress, "saved") are not errors; an
 * alert or message bar that is not in the catalogue at all is one (it may be English or a bare code).
 */
export function judgeMessages(seen: SeenMessage[], options: { recovered: boolean }): ErrorSeen[] {
  const nl = catalogues.nl as Catalogue;
  const en = catalogues.en as Catalogue;
  const controls = new Map(WAY_FORWARD_CONTROL_KEYS.map((k) => [nl[k]!, k]));
  const out: ErrorSeen[] = [];
  for (const message of seen) {
    const dutch = matchCatalogue(message.text, nl);
    const failures = dutch.keys.filter(isFailureKey);
    if (dutch.complete && failures.length === 0) continue;
    if (!dutch.complete && message.role === 'status') {
      // A live status outside the catalogue: only an error if it reads like one.
      if (!/fout|error|mislukt|failed|niet gelukt|offline|\b[a-z]+(-[a-z]+)+\b/i.test(message.text)) continue;
    }
    const judged: ErrorSeen = { ...message, keys: dutch.keys, verdict: 'ok' };
    if (!dutch.complete) {
      const english = matchCatalogue(message.text, en);
      judged.verdict = english.complete ? 'english' : 'not-in-catalogue';
      judged.problem = english.complete ? 'English text' : `not in the Dutch catalogue: "${dutch.remainder}"`;
      out.push(judged);
      continue;
    }
    const control = message.buttons.find((b) => controls.has(b));
    if (control) judged.wayForward = control;
    else if (failures.some((k) => AUTO_RECOVERY_KEYS.has(k)) && options.recovered) judged.wayForward = 'automatic';
    else {
      judged.verdict = 'no-way-forward';
      judged.problem = failures.some((k) => AUTO_RECOVERY_KEYS.has(k))
        ? 'promises automatic recovery, but the journey did not recover'
        : `no way forward: no ${[...controls.keys()].map((c) => `"${c}"`).join('/')} control next to it`;
    }
    out.push(judged);
  }
  return out;
}
