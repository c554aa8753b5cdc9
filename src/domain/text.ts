// Small text helpers shared by everything that turns user input into a message.

// Control characters other than tab and newline have no place in a message; HTML parsers even drop NUL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// Characters nobody sees: zero-width spaces and joiners, soft hyphens, direction marks, variation selectors.
// Typed or pasted between the digits of a BSN they hide it from any pattern, so they go. Two exceptions keep
// emoji whole: a zero-width joiner between two pictographs (👩‍👧) and a variation selector after one (❤️).
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const SPACE = /[\p{Zs}\t]+/gu;
const LINE_SEPARATOR = /[\u0085\u2028\u2029]/g;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;

function keepsEmojiWhole(ch: string, offset: number, whole: string): boolean {
  const before = [...whole.slice(Math.max(0, offset - 2), offset)].pop() ?? '';
  if (ch === '\u200D') {
    const after = [...whole.slice(offset + 1, offset + 3)][0] ?? '';
    return (PICTOGRAPH.test(before) || /^(?:\uFE0F|\p{Emoji_Modifier})$/u.test(before)) && PICTOGRAPH.test(after);
  }
  return /[\uFE00-\uFE0F]/.test(ch) && PICTOGRAPH.test(before);
}

/** The value of a decimal digit of any script (Arabic-Indic ٣, Devanagari ३ …): digits come in runs of ten from 0. */
function asciiDigit(ch: string): string {
  const code = ch.codePointAt(0)!;
  let zero = code;
  while (zero > code - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return String((code - zero) % 10);
}

/**
 * The one spelling of free text that the privacy scan reads and that is sent: Unicode NFKC (full-width
 * letters and digits become plain ones, a non-breaking space a space), invisible characters removed, digits
 * of every script written 0–9 (an ellipsis stays one character), every kind of space one space, no spaces around a line break, line breaks
 * "\n", no control characters. Idempotent. Scan this, and send this: then what was checked is what goes out.
 */
export function normaliseText(value: string | undefined): string {
  return (value ?? '')
    // NFKC would write an ellipsis as three dots; it hides nothing, so it stays (the redaction mark is one).
    .split('\u2026')
    .map((part) => part.normalize('NFKC'))
    .join('\u2026')
    .replace(/\r\n?/g, '\n')
    .replace(LINE_SEPARATOR, '\n')
    .replace(INVISIBLE, (ch, offset: number, whole: string) => (keepsEmojiWhole(ch, offset, whole) ? ch : ''))
    .replace(CONTROL, '')
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(SPACE, ' ')
    .replace(/ ?\n ?/g, '\n');
}

/** Normalised (normaliseText) and trimmed: the form every text takes before it leaves the plan. */
export function cleanText(value: string | undefined): string {
  return normaliseText(value).trim();
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escaped text whose line breaks survive as `<br>`. */
export function htmlText(value: string): string {
  return escapeHtml(cleanText(value)).replace(/\n/g, '<br>');
}

/** "a", "a en b", "a, b en c". */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** A short quote of free text for use inside a message ("Start met een vaste ochtendronde…"). */
export function excerpt(value: string, max = 40): string {
  const clean = cleanText(value).replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  // End on a whole word when there is one in the second half; a lone long word is cut where it must be.
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Pragmatic address check: one @, a dotted domain, no spaces or characters Outlook refuses. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\.]+(?:\.[^\s@<>()[\],;:"\\.]+)*\.[A-Za-z]{2,}$/.test(value);
}
