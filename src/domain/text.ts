// Small text helpers shared by everything that turns user input into a message.

// Control characters other than tab and newline have no place in a message; HTML parsers even drop NUL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Trims, unifies line breaks and drops control characters. */
export function cleanText(value: string | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
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
