// Plan details that must not leave the plan through a Planner task title, which the whole area team can read:
// words about health (special-category data under the AVG) and a home address. Not identifiers in the strict
// sense (scanSensitive finds those), but "no plan details" in a title means these too. The list is short on
// purpose: clear diagnosis and health words, matched at the start of a word, so ordinary Dutch stays untouched.

export type PlanDetailKind = 'health' | 'address';

export interface PlanDetailMatch {
  kind: PlanDetailKind;
  start: number;
  end: number;
  value: string;
}

/** Word beginnings: "depressi" finds depressie, depressief, depressieve. */
const HEALTH_STEMS = [
  'depressi', 'schizofre', 'psychose', 'psychotisch', 'verslav', 'verslaafd', 'ptss', 'posttraumatisch', 'trauma',
  'angststoornis', 'paniekstoornis', 'paniekaanval', 'burn-out', 'burnout', 'adhd', 'autis', 'bipolair', 'borderline',
  'persoonlijkheidsstoornis', 'dementie', 'alzheimer', 'suïcid', 'suicid', 'zelfmoord', 'zelfbeschadig', 'eetstoornis',
  'anorexia', 'boulimi', 'dwangstoornis', 'diagnose', 'antidepressiv', 'antipsychotic', 'methadon', 'hiv', 'kanker',
  'chemotherapie', 'diabetes', 'epilepsie', 'verstandelijke beperking', 'lvb',
];

const HEALTH = new RegExp(`(?<![\\p{L}\\p{N}])(?:${HEALTH_STEMS.join('|')})[\\p{L}-]*`, 'giu');
// A Dutch postcode (1234 AB) and a street with a house number (Lindelaan 12, Kerkstraat 4a).
const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3} ?[A-Z]{2}(?![\p{L}\p{N}])/gu;
const STREET = /(?<![\p{L}\p{N}])[\p{L}-]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|erf|park|baan)\s+\d{1,4}(?:\s?[a-zA-Z](?![\p{L}]))?/giu;

function matchesOf(pattern: RegExp, kind: PlanDetailKind, text: string): PlanDetailMatch[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => ({ kind, start: m.index, end: m.index + m[0].length, value: m[0] }));
}

/** Health words and address parts in free text, in text order, without overlaps. */
export function scanPlanDetails(text: string): PlanDetailMatch[] {
  if (typeof text !== 'string' || text === '') return [];
  const all = [...matchesOf(HEALTH, 'health', text), ...matchesOf(STREET, 'address', text), ...matchesOf(POSTCODE, 'address', text)]
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const result: PlanDetailMatch[] = [];
  for (const match of all) {
    const last = result[result.length - 1];
    if (last === undefined || match.start >= last.end) result.push(match);
  }
  return result;
}

/** The text with every plan detail replaced (for a Planner title). */
export function redactPlanDetails(text: string, replacement = '…'): string {
  let out = '';
  let from = 0;
  for (const match of scanPlanDetails(text)) {
    out += `${text.slice(from, match.start)}${replacement}`;
    from = match.end;
  }
  return out + text.slice(from);
}
