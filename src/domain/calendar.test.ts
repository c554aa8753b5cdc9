import { describe, expect, it } from 'vitest';
import { addDays, amsterdamClock, amsterdamDay, formatDutchDay, isCalendarDay, parseInstant, toCalendarDay } from './calendar';

describe('calendar days', () => {
  it('accepts only real YYYY-MM-DD days', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-11-31')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
    expect(isCalendarDay('2026-12-01T10:00:00Z')).toBe(false);
  });

  it('parses ISO timestamps only with an offset, and refuses impossible dates', () => {
    expect(parseInstant('2026-12-01T10:00:00+01:00')).toBe(Date.UTC(2026, 11, 1, 9));
    expect(parseInstant('2026-12-01T10:00+01:00')).toBe(Date.UTC(2026, 11, 1, 9));
    expect(parseInstant('2026-12-01T10:00:00.123Z')).toBe(Date.UTC(2026, 11, 1, 10, 0, 0, 123));
    expect(parseInstant('2026-12-01T10:00:00')).toBeUndefined();
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-12-01T24:00:00Z')).toBeUndefined();
    expect(parseInstant(20261201)).toBeUndefined();
  });

  it('reads the day and the clock in Amsterdam, not in UTC', () => {
    const lateEvening = Date.UTC(2026, 11, 31, 23, 30); // 00:30 on 1 January in Amsterdam
    expect(amsterdamDay(lateEvening)).toBe('2027-01-01');
    expect(amsterdamClock(lateEvening)).toBe('00:30');
    expect(amsterdamClock(Date.UTC(2026, 6, 1, 8))).toBe('10:00');
    expect(toCalendarDay('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(toCalendarDay('2026-10-25')).toBe('2026-10-25');
    expect(toCalendarDay('gisteren')).toBeUndefined();
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-01', 42)).toBe('2027-01-12');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('writes a day out in Dutch', () => {
    expect(formatDutchDay('2026-12-01')).toBe('dinsdag 1 december 2026');
    expect(formatDutchDay('2027-03-28')).toBe('zondag 28 maart 2027');
  });
});
