import { describe, expect, it } from 'vitest';
import { fromInstant, ianaZone, parseDuration, preferredTimeZone, toInstant } from './time';

describe('demo time handling', () => {
  it('reads local times in IANA and Windows zones, across daylight saving changes', () => {
    expect(toInstant({ dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' })!.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(toInstant({ dateTime: '2026-07-01T10:00:00', timeZone: 'W. Europe Standard Time' })!.toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(toInstant({ dateTime: '2026-03-29T03:30:00', timeZone: 'Europe/Amsterdam' })!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toInstant({ dateTime: '2026-10-25T12:00:00.0000000', timeZone: 'UTC' })!.toISOString()).toBe('2026-10-25T12:00:00.000Z');
    expect(toInstant({ dateTime: '2026-12-01T10:00:00+01:00', timeZone: 'Pacific Standard Time' })!.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(toInstant({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeUndefined();
    expect(toInstant({ dateTime: '2026-12-01T10:00:00', timeZone: 'Mars/Olympus' })).toBeUndefined();
  });

  it('writes Graph\'s dateTimeTimeZone in the zone asked for', () => {
    expect(fromInstant(new Date('2026-12-01T09:00:00Z'), 'Europe/Amsterdam')).toEqual({ dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'Europe/Amsterdam' });
    expect(fromInstant(new Date('2026-12-01T09:00:00Z'), 'UTC')).toEqual({ dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' });
    expect(ianaZone('w. europe standard time')).toBe('Europe/Amsterdam');
  });

  it('parses Prefer: outlook.timezone and ISO durations', () => {
    expect(preferredTimeZone('outlook.timezone="Europe/Amsterdam"')).toBe('Europe/Amsterdam');
    expect(preferredTimeZone('return=minimal, outlook.timezone="W. Europe Standard Time"')).toBe('W. Europe Standard Time');
    expect(preferredTimeZone(null)).toBeUndefined();
    expect(parseDuration('PT1H30M')).toBe(90 * 60_000);
    expect(parseDuration('PT45M')).toBe(45 * 60_000);
    expect(parseDuration('P1DT2H')).toBe(26 * 3600_000);
    expect(parseDuration('PT')).toBeUndefined();
    expect(parseDuration('90 minutes')).toBeUndefined();
  });
});
