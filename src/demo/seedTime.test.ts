import { describe, expect, it } from 'vitest';
import { createSeed } from './seed';
import { SEED_ANCHOR_DAY, seedWeekShift, shiftSeed, shiftSeedText } from './seedTime';

describe('seedWeekShift', () => {
  it('is 0 in the anchor week and counts whole weeks either side', () => {
    expect(seedWeekShift(new Date('2026-11-23T00:00:00+01:00'))).toBe(0);
    expect(seedWeekShift(new Date('2026-11-29T23:59:00+01:00'))).toBe(0);
    expect(seedWeekShift(new Date('2026-11-30T00:00:00+01:00'))).toBe(1);
    expect(seedWeekShift(new Date('2026-11-22T23:59:00+01:00'))).toBe(-1);
    expect(seedWeekShift(new Date('2027-11-23T09:00:00+01:00'))).toBe(52);
  });
});

describe('shiftSeedText', () => {
  it('moves dates, local date-times and UTC instants by whole days', () => {
    expect(shiftSeedText('2026-11-16', 7)).toBe('2026-11-23');
    expect(shiftSeedText('2026-12-01T10:00:00', 14)).toBe('2026-12-15T10:00:00');
    expect(shiftSeedText('2026-11-16T13:10:00Z', 7)).toBe('2026-11-23T13:10:00Z');
    expect(shiftSeedText('2026-11-16T13:10:00.000Z', -7)).toBe('2026-11-09T13:10:00.000Z');
  });

  it('keeps a local time local across summer time, with the offset of the new day', () => {
    // 10:00 in winter (+01:00), moved 26 weeks into summer: still 10:00, now +02:00.
    expect(shiftSeedText('2026-12-01T10:00:00+01:00', 26 * 7)).toBe('2027-06-01T10:00:00+02:00');
    expect(shiftSeedText('2026-12-01T10:00+01:00', 7)).toBe('2026-12-08T10:00+01:00');
  });

  it('leaves other text and Exchange sentinels alone', () => {
    expect(shiftSeedText('0001-01-01T00:00:00Z', 7)).toBe('0001-01-01T00:00:00Z');
    expect(shiftSeedText('SO-2026-014', 7)).toBe('SO-2026-014');
    expect(shiftSeedText('Samen met de inwoner', 7)).toBe('Samen met de inwoner');
  });
});

describe('shiftSeed', () => {
  it('moves dates inside JSON documents kept as text, in the same layout', () => {
    const doc = JSON.stringify({ start: '2026-12-01T10:00:00+01:00', text: 'x' }, null, 2);
    const moved = shiftSeed({ content: doc }, 1);
    expect(moved.content).toBe(JSON.stringify({ start: '2026-12-08T10:00:00+01:00', text: 'x' }, null, 2));
  });
});

describe('the seeded demo, whatever today is', () => {
  const todays = ['2026-11-23T09:00:00+01:00', '2026-12-05T12:00:00+01:00', '2027-03-29T16:00:00+02:00', '2031-07-13T08:00:00+02:00'];
  const planOf = (now: Date, alias: string) => {
    const item = createSeed(now).planDrive.items.find((i) => i.name === `${alias}.json`)!;
    return JSON.parse(item.content) as { meetings: { start: string }[]; agreements: { due: string }[]; consents: { date: string }[] };
  };

  it.each(todays)('on %s the prepared SO lies ahead, within two weeks of the consent, on a Tuesday at 10:00', (today) => {
    const now = new Date(today);
    const plan = planOf(now, 'SO-2026-014');
    const start = new Date(plan.meetings[0]!.start);
    expect(start.getTime()).toBeGreaterThan(now.getTime());
    expect(start.getTime() - now.getTime()).toBeLessThan(9 * 24 * 3600 * 1000);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(start);
    expect(local).toBe('Tuesday 10:00');
  });

  it.each(todays)('on %s the held SO and its agreements lie in the past, as on the anchor day', (today) => {
    const now = new Date(today);
    const plan = planOf(now, 'SO-2026-021');
    expect(new Date(plan.meetings[0]!.start).getTime()).toBeLessThan(now.getTime());
    expect(plan.consents.every((c) => c.date < today.slice(0, 10) || c.date <= plan.meetings[0]!.start.slice(0, 10))).toBe(true);
  });

  it('is the seed as written in the anchor week', () => {
    expect(createSeed(new Date(`${SEED_ANCHOR_DAY}T09:00:00+01:00`))).toEqual(createSeed());
  });

  it('moves the calendars with the plans: the seeded evaluation event stays three days after the anchor Monday', () => {
    const now = new Date('2027-03-29T09:00:00+02:00');
    const seed = createSeed(now);
    const days = Object.values(seed.mailboxes).flatMap((m) => m.events).map((e) => e.start.dateTime.slice(0, 10));
    expect(days.some((d) => d === '2027-04-01')).toBe(true);
    expect(days.every((d) => d >= '2027-02-01')).toBe(true);
  });
});
