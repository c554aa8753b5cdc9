// The names in the plan: the resident's and those of the network members (family, neighbours, friends).
// They belong to the plan. Everything that leaves it — an invitation and its forwarded copies, a subject, a
// location, a Planner title, a mail to someone the resident did not consent to — says "de inwoner" or
// "iemand uit het netwerk van de inwoner" instead. Professionals are named: they are invited as themselves.
//
// The scan reads the normalised text (normaliseText: the spelling that is sent) and compares letters without
// accents and case, word by word: "Samira", "BENALI", "Samira_Benali", "Sa\u200Bmira" are all found. Name
// particles (van, de, der …) are not names on their own. A few names are also ordinary Dutch words ("Wil",
// "Roos", "Mei"): those count only when written with a capital, so "ik wil" stays ordinary text.
import type { Participant, Plan } from './planSchema';
import { error, warning } from './problem';
import type { Problem } from './problem';
import { cleanText, normaliseText } from './text';

export type ProtectedRole = 'resident' | 'network';

export interface ProtectedPerson {
  name: string;
  role: ProtectedRole;
}

export interface NameMatch {
  role: ProtectedRole;
  /** Offsets in `normaliseText(text)`. */
  start: number;
  end: number;
  value: string;
}

export const RESIDENT_LABEL = 'de inwoner';
export const NETWORK_LABEL = 'iemand uit het netwerk van de inwoner';

/** The resident and the network members of a plan, by name. */
export function protectedPeople(plan: Pick<Plan, 'resident' | 'participants'>): ProtectedPerson[] {
  const people: ProtectedPerson[] = [{ name: plan.resident.name, role: 'resident' }];
  for (const p of plan.participants) if (p.role !== 'professional') people.push({ name: p.name, role: p.role });
  return people.filter((p) => cleanText(p.name) !== '');
}

/** How a participant is named outside the plan: professionals by name, the resident and the network by role. */
export function publicName(participant: Pick<Participant, 'name' | 'role'>): string {
  if (participant.role === 'resident') return RESIDENT_LABEL;
  if (participant.role === 'network') return NETWORK_LABEL;
  return cleanText(participant.name);
}

/** `publicName` at the start of a sentence or line. */
export function publicTitle(participant: Pick<Participant, 'name' | 'role'>): string {
  const name = publicName(participant);
  return participant.role === 'professional' ? name : capitalise(name);
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);

const PARTICLES = new Set([
  'van', 'der', 'den', 'de', 'het', 't', 'ter', 'ten', 'te', 'op', 'in', 'aan', 'bij', 'uit', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das',
  'von', 'zu', 'vom', 'el', 'al', 'bin', 'ben', 'ibn', 'abu', 'bint', 'y', 'e', 'st', 'mc', 'mac', 'o', 'd', 'l',
]);
/** Names that are also common Dutch words: a match needs a capital. */
const ORDINARY_WORDS = new Set([
  'wil', 'kan', 'mag', 'zal', 'roos', 'mei', 'juni', 'april', 'jan', 'hoop', 'bloem', 'rust', 'vos', 'wit', 'zwart', 'groen', 'koning', 'bakker',
  'visser', 'smit', 'mol', 'haan', 'hoek', 'berg', 'dam', 'boer', 'brug', 'kok', 'jong', 'oud', 'lang', 'kort', 'klein', 'groot', 'sterk', 'stil',
  'vrij', 'wijk', 'hof', 'bos', 'veld', 'beek', 'meer', 'zee', 'zon', 'ster', 'dag', 'nacht', 'kind', 'man', 'vrouw', 'fleur', 'lente', 'winter',
  'zomer', 'herfst', 'storm', 'maan', 'tijd', 'lief', 'blij',
]);

/** Lower case without accents, one character per character, so offsets stay those of the text. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const bare = ch.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
    const lower = ch.toLocaleLowerCase('nl');
    out += bare.length === ch.length ? bare : lower.length === ch.length ? lower : ch;
  }
  return out;
}

const WORD = /[\p{L}\p{N}'’]+/gu;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}'’]/u.test(c);

function nameWords(name: string): string[] {
  const words = [...fold(normaliseText(name)).matchAll(WORD)].map((m) => m[0].replace(/^['’]+|['’]+$/g, ''));
  return [...new Set(words.filter((w) => w.length >= 2 && !PARTICLES.has(w)))];
}

// Between two parts of one name: one separator, or particles between spaces ("Samira Benali", "Samira_Benali",
// "Henk van der Meulen"). Two names in a list ("Samira / Nadia", "Samira. Nadia") stay two.
const WITHIN_NAME = new RegExp(`^(?:[ ._-]| (?:(?:${[...PARTICLES].join('|')}) )+)$`, 'iu');

/** Every name of a resident or network member in `text` (one match per written name), in text order. */
export function scanNames(text: string, people: readonly ProtectedPerson[]): NameMatch[] {
  if (typeof text !== 'string' || text === '' || people.length === 0) return [];
  const normal = normaliseText(text);
  const folded = fold(normal);
  const words = new Map<number, { role: ProtectedRole; start: number; end: number; people: Set<number> }>();
  people.forEach((person, index) => {
    for (const word of nameWords(person.name)) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
        const end = at + word.length;
        if (isWordChar(folded[at - 1]) || isWordChar(folded[end])) continue;
        if (ORDINARY_WORDS.has(word) && normal[at] === folded[at]) continue;
        const known = words.get(at);
        if (known === undefined) words.set(at, { role: person.role, start: at, end, people: new Set([index]) });
        else known.people.add(index);
      }
    }
  });
  const merged: (NameMatch & { people: Set<number> })[] = [];
  for (const w of [...words.values()].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w.start < last.end) continue;
    const samePerson = last !== undefined && [...w.people].some((i) => last.people.has(i));
    if (last !== undefined && samePerson && WITHIN_NAME.test(normal.slice(last.end, w.start))) {
      // "Nadia Benali": Benali is also the resident's surname, but here it belongs to Nadia.
      const shared = new Set([...w.people].filter((i) => last.people.has(i)));
      last.people = shared;
      last.role = people[[...shared][0]!]!.role;
      last.end = w.end;
      last.value = normal.slice(last.start, last.end);
      continue;
    }
    merged.push({ ...w, value: normal.slice(w.start, w.end) });
  }
  return merged.map(({ people: _people, ...m }) => m);
}

/**
 * The normalised text with every name replaced by "de inwoner" or "iemand uit het netwerk van de inwoner"
 * (capitalised at the start of a sentence): for text that leaves the plan although it was written with names,
 * such as a Planner title.
 */
export function redactNames(text: string, people: readonly ProtectedPerson[]): string {
  const normal = normaliseText(text);
  let out = '';
  let from = 0;
  for (const match of scanNames(normal, people)) {
    const before = out + normal.slice(from, match.start);
    const label = match.role === 'resident' ? RESIDENT_LABEL : NETWORK_LABEL;
    out = before + (before.trim() === '' || /[.!?:]\s*$/.test(before) ? capitalise(label) : label);
    from = match.end;
  }
  return out + normal.slice(from);
}

export interface NameCheckOptions {
  /** Errors (an invitation, a mail outside consent) or warnings (a title the app redacts anyway). */
  severity: 'error' | 'warning';
}

/** A problem (code `name-in-text`) when `text` names the resident or a network member. */
export function checkNoNames(text: string, people: readonly ProtectedPerson[], field: { label: string; path?: string }, options: NameCheckOptions): Problem[] {
  const found = scanNames(text, people);
  if (found.length === 0) return [];
  const who = found.some((m) => m.role === 'resident') ? 'de naam van de inwoner' : 'de naam van iemand uit het netwerk van de inwoner';
  const message =
    `In ${field.label} staat ${who}. Deze tekst komt buiten het plan terecht, bijvoorbeeld als iemand hem doorstuurt. ` +
    (options.severity === 'error' ? 'Schrijf "de inwoner" of "zijn/haar zus" in plaats van de naam.' : 'Daar staat straks "de inwoner" in plaats van de naam.');
  return [options.severity === 'error' ? error('name-in-text', message, field.path) : warning('name-in-text', message, field.path)];
}
