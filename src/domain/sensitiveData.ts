// The privacy scan: the single place that decides what counts as a personal identifier in free text.
// Invitations, subjects, locations and task titles get forwarded and show up in shared calendars, so
// every flow that writes such text asks this module first.
//
// What it finds, and where it stops:
// - BSN: 9 digits passing the 11-proef. Digits may be grouped with "." or "-" (which bind a number
//   together) or single spaces (which may also just separate two numbers). A run of digits joined by "."
//   or "-" is one number: "12.123.456.782" is not a BSN. Space-separated groups are tried in every
//   consecutive combination that makes 9 digits. Old 8-digit BSNs written without their leading zero
//   are not found.
// - IBAN: two letters, two check digits, 11–30 letters/digits (spaces allowed), passing mod-97, of a
//   country in the IBAN registry and that country's length. An IBAN split in odd places (e.g. over a line break) is missed.
// - Phone: Dutch numbers only — 10 digits starting with 0 (06…, 010…, 0412…, "(020) …") or +31/0031 and
//   9 digits. Foreign numbers and short service numbers (14 0412, 112) are not found.
// - E-mail: the usual local@domain.tld shape.
// - Birth date: a date (12-03-1985, 12/3/85, 1985-03-12, 12 maart 1985) within a few words of "geboren",
//   "geb." or "geboortedatum". A bare date elsewhere is not personal by itself: SOs and due dates are dates.
//
// Every scan reads the text as normaliseText spells it (text.ts): NFKC, invisible characters gone, digits of
// any script as 0–9, every kind of space one space. Offsets refer to that spelling, and redactIdentifiers
// returns it: what was checked is exactly what is sent. Between the groups of a number, "/" and "_" count
// like "." and "-", and a line break like a space.
import { warning, error } from './problem';
import type { Problem } from './problem';
import { normaliseText } from './text';

export type SensitiveKind = 'bsn' | 'iban' | 'phone' | 'email' | 'birthDate';

export interface SensitiveMatch {
  kind: SensitiveKind;
  /** Offset of the first character in `normaliseText(text)`, the spelling that is scanned and sent. */
  start: number;
  /** Offset just past the last character (so `normaliseText(text).slice(start, end) === value`). */
  end: number;
  value: string;
}

// ---------------------------------------------------------------------------------------------------------
// BSN

function passesElevenTest(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** A BSN: 9 digits (optionally grouped with ".", "-" or spaces), passing the 11-proef, not 000000000. */
export function isValidBsn(value: string): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (!/^\d(?:[. /_-]?\d){8}$/.test(normaliseText(trimmed))) return false;
  const digits = normaliseText(trimmed).replace(/\D/g, '');
  return digits !== '000000000' && passesElevenTest(digits);
}

// Numbers whose groups are joined by ".", "-", "/" or "_" (spaced or not), and runs of those separated by
// single spaces.
const LOOSE_NUMBER_RUN = /\d+(?: ?[./_-] ?\d+)*(?: \d+(?: ?[./_-] ?\d+)*)*/g;
const TIGHT_NUMBER = /\d+(?: ?[./_-] ?\d+)*/g;

function findBsns(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  for (const run of text.matchAll(LOOSE_NUMBER_RUN)) {
    const chunks = [...run[0].matchAll(TIGHT_NUMBER)].map((m) => ({
      start: run.index + m.index,
      end: run.index + m.index + m[0].length,
      digits: m[0].replace(/\D/g, ''),
    }));
    for (let first = 0; first < chunks.length; first += 1) {
      let digits = '';
      for (let last = first; last < chunks.length && digits.length < 9; last += 1) {
        digits += chunks[last]!.digits;
        if (digits.length === 9 && digits !== '000000000' && passesElevenTest(digits)) {
          const start = chunks[first]!.start;
          const end = chunks[last]!.end;
          found.push({ kind: 'bsn', start, end, value: text.slice(start, end) });
        }
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// IBAN

// The IBAN registry's countries and their lengths (SWIFT, 2024), plus Morocco's national IBAN, which many
// residents' accounts use. Two letters that are no IBAN country are not an IBAN: "cj 878992108 …" in a note
// passes mod-97 by chance about once in 97 and must not block a text.
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MA: 28, MC: 27, MD: 24, ME: 22, MK: 19,
  MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24,
  RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder;
}

function isCompactIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  if (compact.length !== IBAN_LENGTHS[compact.slice(0, 2)]) return false;
  return mod97(compact) === 1;
}

/** An IBAN (any case, spaces allowed) of a registry country, with its length and a valid mod-97 check. */
export function isValidIban(value: string): boolean {
  return typeof value === 'string' && isCompactIban(normaliseText(value).replace(/[ ./_-]/g, '').toUpperCase());
}

const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}(?=[ ./_-]?\d[ ./_-]?\d)/g;
const IBAN_SEPARATOR = /[ ./_-]/;
const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

function findIbans(text: string): SensitiveMatch[] {
  const found: SensitiveMatch[] = [];
  for (const startMatch of text.matchAll(IBAN_START)) {
    const start = startMatch.index;
    // Walk on over letters and digits (single spaces allowed), remembering every place it could end.
    const ends: { end: number; compact: string }[] = [];
    let compact = '';
    let i = start;
    while (i < text.length && compact.length < 34) {
      const c = text[i]!;
      if (isAlnum(c)) {
        compact += c.toUpperCase();
        i += 1;
        if (!isAlnum(text[i])) ends.push({ end: i, compact });
      } else if (compact.length > 0 && IBAN_SEPARATOR.test(c)) {
        const gap = /^(?: ?[./_-] ?| )(?=[A-Za-z0-9])/.exec(text.slice(i, i + 4));
        if (gap === null) break;
        i += gap[0].length;
      } else break;
    }
    const longest = ends.reverse().find((e) => isCompactIban(e.compact));
    if (longest) found.push({ kind: 'iban', start, end: longest.end, value: text.slice(start, longest.end) });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Phone, e-mail

// Between digits: nothing, a space, or one of . / _ - with or without spaces around it.
const SEP = '(?: ?[./_-] ?| )?';
const PHONE_PATTERNS = [
  new RegExp(`(?<![\\w+])0(?:${SEP}\\d){9}(?!\\d)`, 'g'),
  new RegExp(`(?<![\\w+])\\(0\\d{1,3}\\) ?\\d(?:${SEP}\\d){4,8}(?!\\d)`, 'g'),
  new RegExp(`(?<![\\w])(?:\\+|00)31${SEP}(?:\\(0\\)${SEP})?[1-9](?:${SEP}\\d){8}(?!\\d)`, 'g'),
];

function isDutchPhone(value: string): boolean {
  const national = value.replace(/^(?:\+|00)31/, '0').replace(/\(0\)/, '').replace(/\D/g, '');
  return /^0[1-9]\d{8}$/.test(national);
}

function findPhones(text: string): SensitiveMatch[] {
  return PHONE_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)]
      .filter((m) => isDutchPhone(m[0]))
      .map((m) => ({ kind: 'phone' as const, start: m.index, end: m.index + m[0].length, value: m[0] })),
  );
}

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;

function findEmails(text: string): SensitiveMatch[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length, value: m[0] }));
}

// ---------------------------------------------------------------------------------------------------------
// Birth dates

const BIRTH_KEYWORD = /(?<!\p{L})(?:geboortedatum|geboren|geb\.)/giu;
const MONTH_NAMES = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec';
const DATE = new RegExp(
  `(?<!\\d)(?:(\\d{1,2}) ?[-/._] ?(\\d{1,2}) ?[-/._] ?(\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2}) (?:${MONTH_NAMES})\\.? (\\d{4}))(?!\\d)`,
  'giu',
);
// "Near" means within a few words: far enough for "geboren op 12 maart 1985", close enough not to catch
// the date of the SO two sentences later.
const AFTER_KEYWORD = 30;
const BEFORE_KEYWORD = 20;

function plausibleDate(m: RegExpMatchArray): boolean {
  const day = Number(m[1] ?? m[6] ?? m[7]);
  const month = m[2] ?? m[5];
  return day >= 1 && day <= 31 && (month === undefined || (Number(month) >= 1 && Number(month) <= 12));
}

function findBirthDates(text: string): SensitiveMatch[] {
  const keywords = [...text.matchAll(BIRTH_KEYWORD)].map((k) => ({ start: k.index, end: k.index + k[0].length }));
  if (keywords.length === 0) return [];
  return [...text.matchAll(DATE)]
    .filter((m) => plausibleDate(m))
    .filter((m) => {
      const start = m.index!;
      const end = start + m[0].length;
      return keywords.some((k) => (start >= k.end && start - k.end <= AFTER_KEYWORD) || (end <= k.start && k.start - end <= BEFORE_KEYWORD));
    })
    .map((m) => ({ kind: 'birthDate' as const, start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

// ---------------------------------------------------------------------------------------------------------

// When two findings overlap, the more specific one stands: the digits inside an IBAN are not a BSN, and
// "+31 6 12345678" is a phone number even if "6 12345678" happens to pass the 11-proef.
const PRIORITY: readonly SensitiveKind[] = ['iban', 'email', 'phone', 'bsn', 'birthDate'];

/**
 * Every identifier found in `text`, ordered by position, never overlapping. Offsets and values are those of
 * `normaliseText(text)`, the spelling that is sent.
 */
export function scanSensitive(input: string): SensitiveMatch[] {
  if (typeof input !== 'string' || input === '') return [];
  const normal = normaliseText(input);
  // A line break separates the groups of a number like a space does (same length, so offsets hold).
  const text = normal.replace(/\n/g, ' ');
  const byKind: Record<SensitiveKind, SensitiveMatch[]> = {
    iban: findIbans(text),
    email: findEmails(text),
    phone: findPhones(text),
    bsn: findBsns(text),
    birthDate: findBirthDates(text),
  };
  const kept: SensitiveMatch[] = [];
  for (const kind of PRIORITY) {
    for (const match of byKind[kind].sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
    }
  }
  return kept.sort((a, b) => a.start - b.start).map((m) => ({ ...m, value: normal.slice(m.start, m.end) }));
}

/**
 * The text with every identifier scanSensitive finds replaced by `replacement` (an ellipsis by default): for
 * text that leaves the plan on its own — a Planner task title, a mail that can be forwarded — when the person
 * typing was warned and wrote it anyway.
 */
export function redactIdentifiers(text: string, replacement = '…'): string {
  if (typeof text !== 'string') return '';
  let current = normaliseText(text);
  // Taking an identifier out brings its neighbours closer ("geboren" and a date 40 characters on): scan again
  // until nothing is found. Each round removes at least one character, so this ends.
  for (let matches = scanSensitive(current); matches.length > 0; matches = scanSensitive(current)) {
    let safe = '';
    let from = 0;
    for (const match of matches) {
      safe += `${current.slice(from, match.start)}${replacement}`;
      from = match.end;
    }
    const next = safe + current.slice(from);
    if (next.length >= current.length) return next;
    current = next;
  }
  return current;
}

/** Dutch names of what was found, for messages. */
export const SENSITIVE_KIND_LABELS: Readonly<Record<SensitiveKind, string>> = {
  bsn: 'iets wat op een BSN lijkt',
  iban: 'iets wat op een rekeningnummer (IBAN) lijkt',
  phone: 'een telefoonnummer',
  email: 'een e-mailadres',
  birthDate: 'een geboortedatum',
};

/** BSN and IBAN never belong in text others can see; the rest is worth a second look. */
export function sensitiveSeverity(kind: SensitiveKind): 'error' | 'warning' {
  return kind === 'bsn' || kind === 'iban' ? 'error' : 'warning';
}

export interface CheckedField {
  /** Dutch name of the field as the user knows it, e.g. "het doel van het overleg". */
  label: string;
  path?: string;
}

export interface IdentifierCheckOptions {
  /**
   * Treat every finding as an error: for text that is always visible to others and is never
   * personal by design, such as mail subjects and Planner task titles.
   */
  strict?: boolean;
  /** Kinds that are errors here even though they are only warnings elsewhere. */
  blocking?: readonly SensitiveKind[];
}

/**
 * What an invitation (and anything else that goes to people outside the plan) may never carry: the
 * identifiers the privacy rules name. An e-mail address stays a warning there: a professional may give theirs.
 */
export const INVITATION_BLOCKING_KINDS: readonly SensitiveKind[] = ['bsn', 'iban', 'phone', 'birthDate'];

/**
 * Problems (code `sensitive-data`) for identifiers in one piece of free text, one per kind found. This is
 * what every flow calls before text leaves the plan: invitation, subject, location, task title.
 */
export function checkNoIdentifiers(text: string, field: CheckedField, options: IdentifierCheckOptions = {}): Problem[] {
  const kinds = [...new Set(scanSensitive(text).map((m) => m.kind))];
  return kinds.map((kind) => {
    const serious = options.strict === true || sensitiveSeverity(kind) === 'error' || (options.blocking ?? []).includes(kind);
    const advice = serious ? 'Haal het weg.' : 'Laat het weg als het niet echt nodig is.';
    const message = `In ${field.label} staat ${SENSITIVE_KIND_LABELS[kind]}. Deze tekst kan bij anderen terechtkomen, bijvoorbeeld als iemand hem doorstuurt. ${advice}`;
    return serious ? error('sensitive-data', message, field.path) : warning('sensitive-data', message, field.path);
  });
}
