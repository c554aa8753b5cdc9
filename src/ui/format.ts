// Dates and numbers in the chosen language (Intl, never hand-written month names), always in Dutch
// local time: the SO happens in the Netherlands whatever language the reader uses.
import { formatDay as formatCalendarDay } from '../domain';
import { intlLocale } from './messages';

const cache = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat for the current language, in Europe/Amsterdam time. */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = intlLocale();
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Amsterdam', ...options })));
  return format;
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat({ weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

/** A calendar day ("2026-12-01") spelled out in the chosen language: "dinsdag 1 december 2026". */
export function formatDay(day: string): string {
  return formatCalendarDay(day, intlLocale());
}
