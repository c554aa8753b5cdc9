// Time as Exchange handles it: local date-times with a time zone name (IANA or Windows), the
// `Prefer: outlook.timezone` header, and ISO 8601 durations. Only Intl is used: no time zone data ships.
import type { DemoDateTimeTimeZone } from './tenantState';

/** Windows time zone names Exchange uses, mapped to IANA (the ones a Dutch tenant meets). */
const WINDOWS_TO_IANA: Record<string, string> = {
  'utc': 'UTC',
  'coordinated universal time': 'UTC',
  'w. europe standard time': 'Europe/Amsterdam',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'e. europe standard time': 'Europe/Chisinau',
  'fle standard time': 'Europe/Kiev',
  'turkey standard time': 'Europe/Istanbul',
  'morocco standard time': 'Africa/Casablanca',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
  'suriname standard time': 'America/Paramaribo',
  'sa western standard time': 'America/La_Paz',
};

/** The IANA name for an IANA or Windows time zone name, or undefined when unknown. */
export function ianaZone(name: string): string | undefined {
  const trimmed = name.trim();
  const mapped = WINDOWS_TO_IANA[trimmed.toLowerCase()];
  if (mapped) return mapped;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
    return trimmed;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Wall-clock parts of an instant in a zone; weekday 0 = Sunday. */
export function localParts(instant: Date, zone: string): LocalParts {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

function offsetMs(instant: Date, zone: string): number {
  const p = localParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** The instant of a local date-time in a zone; undefined when the text or the zone is invalid. */
export function toInstant(value: DemoDateTimeTimeZone): Date | undefined {
  const zone = ianaZone(value.timeZone || 'UTC');
  if (!zone) return undefined;
  // A dateTime with an explicit offset wins over the zone, as Exchange reads it.
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value.dateTime)) {
    const direct = new Date(value.dateTime);
    return Number.isNaN(direct.getTime()) ? undefined : direct;
  }
  const m = LOCAL.exec(value.dateTime);
  if (!m) return undefined;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  let instant = guess - offsetMs(new Date(guess), zone);
  // Across a DST change the offset at the result can differ from the offset at the guess.
  instant = guess - offsetMs(new Date(instant), zone);
  return new Date(instant);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Graph's representation of an instant in a zone: 2026-12-01T10:00:00.0000000 plus the zone's name as given. */
export function fromInstant(instant: Date, zoneName: string): DemoDateTimeTimeZone {
  const zone = ianaZone(zoneName) ?? 'UTC';
  const p = localParts(instant, zone);
  return { dateTime: `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.0000000`, timeZone: zoneName };
}

/** The zone named by `Prefer: outlook.timezone="..."`, if any (several preferences may share the header). */
export function preferredTimeZone(prefer: string | null): string | undefined {
  if (!prefer) return undefined;
  const m = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer) ?? /outlook\.timezone\s*=\s*([^,;\s]+)/i.exec(prefer);
  return m?.[1];
}

/** ISO 8601 duration (PT1H30M, P1DT2H, PT45M, PT0.5H) in milliseconds; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}

/** Minutes since local midnight. */
export function minuteOfDay(instant: Date, zone: string): number {
  const p = localParts(instant, zone);
  return p.hour * 60 + p.minute;
}
