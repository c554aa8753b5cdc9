// The demo never rots: the seed is written as it stands on its anchor day (Monday 23 November 2026) and moved
// forward or back by whole weeks to the week of "now" when a tenant is seeded. Whole weeks keep every SO on
// its weekday; local times stay local across summer time (a 10:00 SO stays at 10:00 in Europe/Amsterdam).
// A test that sets the clock to the anchor week sees the seed exactly as written.
import { fromInstant, toInstant } from './time';

/** The day the seed is written for: e2e tests install their clock at 09:00 on this Monday. */
export const SEED_ANCHOR_DAY = '2026-11-23';
const ZONE = 'Europe/Amsterdam';
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Whole weeks from the anchor week to the week that holds `now` (negative before the anchor). */
export function seedWeekShift(now: Date): number {
  const anchor = toInstant({ dateTime: `${SEED_ANCHOR_DAY}T00:00:00`, timeZone: ZONE })!;
  return Math.floor((now.getTime() - anchor.getTime()) / WEEK_MS);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/;
/** Years the seed can hold; Exchange's "no response yet" (0001-01-01) and far-off sentinels stay as they are. */
const SEED_YEARS = { from: 2000, to: 2100 };

function addDaysToDay(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function inSeedYears(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= SEED_YEARS.from && year <= SEED_YEARS.to;
}

function offsetText(instant: Date): string {
  const local = toInstant({ dateTime: fromInstant(instant, ZONE).dateTime, timeZone: 'UTC' })!;
  const minutes = Math.round((local.getTime() - instant.getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * One date or date-time text moved by `days`: a date or a local date-time (Exchange's form, zone beside it)
 * moves its calendar day; a date-time with an offset keeps its wall-clock time in Europe/Amsterdam and gets
 * the offset of its new day; a UTC instant moves by whole days. Any other text comes back unchanged.
 */
export function shiftSeedText(text: string, days: number): string {
  if (days === 0) return text;
  if (DATE_ONLY.test(text)) return inSeedYears(text) ? addDaysToDay(text, days) : text;
  const m = DATE_TIME.exec(text);
  if (!m || !inSeedYears(m[1]!)) return text;
  const [, day, time, offset] = m as unknown as [string, string, string, string | undefined];
  if (offset === undefined) return `${addDaysToDay(day, days)}T${time}`;
  if (offset === 'Z') {
    const moved = new Date(new Date(text).getTime() + days * DAY_MS).toISOString();
    // Keep the seed's own precision: "…T10:00:00Z" stays without milliseconds.
    return text.includes('.') ? moved : moved.replace(/\.\d{3}Z$/, 'Z');
  }
  const wall = fromInstant(new Date(text), ZONE).dateTime.slice(11, 19);
  const newDay = addDaysToDay(fromInstant(new Date(text), ZONE).dateTime.slice(0, 10), days);
  const instant = toInstant({ dateTime: `${newDay}T${wall}`, timeZone: ZONE })!;
  return `${newDay}T${time.length === 5 ? wall.slice(0, 5) : wall}${offsetText(instant)}`;
}

/**
 * A deep copy of `value` with every seed date moved by `weeks` whole weeks. JSON documents kept as text (the
 * plans in the library) are moved inside too, and written back in the same layout.
 */
export function shiftSeed<T>(value: T, weeks: number): T {
  const days = weeks * 7;
  if (days === 0) return value;
  return shiftValue(value, days) as T;
}

function shiftValue(value: unknown, days: number): unknown {
  if (typeof value === 'string') return shiftString(value, days);
  if (Array.isArray(value)) return value.map((v) => shiftValue(v, days));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftValue(v, days)]));
  }
  return value;
}

function shiftString(text: string, days: number): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      const indent = /^[{[]\n( +)/.exec(text)?.[1]?.length ?? 0;
      return JSON.stringify(shiftValue(parsed, days), null, indent || undefined);
    } catch {
      // Not JSON after all: free text that happens to start with a brace.
    }
  }
  return shiftSeedText(text, days);
}
