// Instants and calendar days. An SO, a due date and "today" are Dutch calendar days: we read them in
// Europe/Amsterdam through Intl with an explicit time zone, and do day arithmetic on the civil date
// itself (via UTC), so a DST change can never move a date by one.

export const TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day as `YYYY-MM-DD`. */
export type CalendarDay = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 with an explicit offset: a local time without one is ambiguous, so we refuse it.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Milliseconds since the epoch for an ISO 8601 timestamp with offset; undefined when it is not one. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT.exec(value);
  if (!m) return undefined;
  // Date.parse happily rolls 30 February over into March; we do not.
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isInstant(value: unknown): value is string {
  return parseInstant(value) !== undefined;
}

let dayFormat: Intl.DateTimeFormat | undefined;
let clockFormat: Intl.DateTimeFormat | undefined;

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** The Amsterdam calendar day an instant falls on. */
export function amsterdamDay(ms: number): CalendarDay {
  dayFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = dayFormat.formatToParts(new Date(ms));
  return `${part(parts, 'year').padStart(4, '0')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

/** The Amsterdam wall-clock time of an instant, as `HH:mm`. */
export function amsterdamClock(ms: number): string {
  clockFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const parts = clockFormat.formatToParts(new Date(ms));
  return `${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

/**
 * A calendar day from either a `YYYY-MM-DD` day (taken as is) or an ISO timestamp with offset (read in
 * Amsterdam). Undefined for anything else.
 */
export function toCalendarDay(value: unknown): CalendarDay | undefined {
  if (isCalendarDay(value)) return value;
  const ms = parseInstant(value);
  return ms === undefined ? undefined : amsterdamDay(ms);
}

/** Civil day arithmetic: 42 days later is 42 dates later, whatever the clocks do in between. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const m = DAY.exec(day);
  if (!m || !isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  const shifted = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return shifted.toISOString().slice(0, 10);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "dinsdag 1 december 2026" (or "Tuesday 1 December 2026" for "en-GB"): spelled out by Intl, so nobody
 * has to guess whether 01-12 is January or December. A calendar day has no time zone: formatted at UTC.
 */
export function formatDay(day: CalendarDay, locale: string): string {
  const m = DAY.exec(day);
  if (!m || !isCalendarDay(day)) return day;
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })));
  return format.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).replace(',', '');
}

/** The day as the Dutch texts the app writes (invitations, mails, the plan) say it. */
export function formatDutchDay(day: CalendarDay): string {
  return formatDay(day, 'nl-NL');
}
