import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeAgreement, checkAgreement, defaultDue, PERSPECTIVE_NOTE_MAX } from './agreements';
import type { AgreementFields } from './agreements';
import type { Agreement } from './planSchema';

// An oracle that does not use Intl: the EU rule. Summer time runs from 01:00 UTC on the last Sunday of
// March to 01:00 UTC on the last Sunday of October; Amsterdam is UTC+2 then and UTC+1 otherwise.
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}
function amsterdamOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 2 : 1;
}
function expectedDue(ms: number): string {
  const local = new Date(ms + amsterdamOffsetHours(ms) * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 42)).toISOString().slice(0, 10);
}
/** The instant written with an arbitrary offset, as a caller might send it. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${shifted}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const DST_CHANGES_2026_2027 = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2027, 2, 28, 1), Date.UTC(2027, 9, 31, 1)];

describe('defaultDue', () => {
  it('is the meeting day plus 42 calendar days', () => {
    expect(defaultDue('2026-12-01T10:00:00+01:00')).toBe('2027-01-12');
    expect(defaultDue('2026-12-01')).toBe('2027-01-12');
  });

  it('knows the four DST changes of 2026 and 2027 that the oracle assumes', () => {
    expect(DST_CHANGES_2026_2027).toEqual([lastSundayUtc(2026, 2), lastSundayUtc(2026, 9), lastSundayUtc(2027, 2), lastSundayUtc(2027, 9)]);
  });

  it('does not lose a day when the six weeks cross the end of summer time', () => {
    // Local midnight + 42 × 24 hours would land at 23:00 on 31 October: one day short.
    expect(defaultDue('2026-09-20T00:00:00+02:00')).toBe('2026-11-01');
    expect(defaultDue('2027-09-19T00:30:00+02:00')).toBe('2027-10-31');
  });

  it('reads the meeting day in Amsterdam, right around each clock change', () => {
    expect(defaultDue('2026-03-28T23:30:00Z')).toBe('2026-05-10'); // 00:30 CET on 29 March
    expect(defaultDue('2026-10-24T22:30:00Z')).toBe('2026-12-06'); // 00:30 CEST on 25 October
    expect(defaultDue('2027-03-28T00:59:00Z')).toBe('2027-05-09');
    expect(defaultDue('2027-10-30T22:59:00Z')).toBe('2027-12-12');
  });

  it('agrees with the EU summer-time rule for any moment in 2026 and 2027, written with any offset', () => {
    const anyMoment = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) - 1 });
    const nearAChange = fc
      .tuple(fc.constantFrom(...DST_CHANGES_2026_2027), fc.integer({ min: -50 * 86_400_000, max: 50 * 86_400_000 }))
      .map(([change, delta]) => change + delta);
    const offset = fc.constantFrom(0, 60, 120, -300, 330, 840, -720);
    fc.assert(
      fc.property(fc.oneof(anyMoment, nearAChange), offset, (ms, offsetMinutes) => {
        expect(defaultDue(isoWithOffset(ms, offsetMinutes))).toBe(expectedDue(ms));
      }),
      { numRuns: 3000 },
    );
  });

  it('throws on something that is not a date: meeting dates come from stored meetings', () => {
    expect(() => defaultDue('volgende week')).toThrow(RangeError);
  });
});

describe('checkAgreement', () => {
  const context = { meetingDate: '2026-12-01T10:00:00+01:00', today: '2026-12-01' };
  const agreement: AgreementFields = { id: 'a-1', who: 'p-kofi', what: 'Zet samen met Samira alle brieven op een rij.', due: '2027-01-12' };
  const codes = (a: Partial<AgreementFields>, c = context) => checkAgreement({ ...agreement, ...a }, c).map((p) => `${p.severity}:${p.code}`);

  it('accepts a complete agreement due within six weeks', () => {
    expect(checkAgreement(agreement, context)).toEqual([]);
  });

  it('who-missing and what-missing are errors', () => {
    const problems = checkAgreement({ ...agreement, who: ' ' }, context);
    expect(problems).toEqual([expect.objectContaining({ code: 'who-missing', severity: 'error', path: 'who' })]);
    expect(problems[0]!.message).toContain('‘Zet samen met Samira alle brieven op…’');
    expect(codes({ what: '' })).toEqual(['error:what-missing']);
  });

  it('due-invalid: an error for a missing or impossible date', () => {
    expect(codes({ due: '' })).toEqual(['error:due-invalid']);
    expect(codes({ due: '2027-02-30' })).toEqual(['error:due-invalid']);
  });

  it('due-past: an error when the date has already gone', () => {
    expect(codes({ due: '2026-11-30' })).toEqual(['error:due-past']);
    expect(codes({ due: '2026-12-01' })).toEqual([]);
    expect(codes({ due: '2026-12-01' }, { ...context, today: '2026-12-01T23:30:00Z' })).toEqual(['error:due-past']);
  });

  it('due-beyond-six-weeks: an error after six weeks, unless the agreement promises a perspective and says which', () => {
    expect(codes({ due: '2027-01-12' })).toEqual([]);
    expect(codes({ due: '2027-01-13' })).toEqual(['error:due-beyond-six-weeks']);
    expect(checkAgreement({ ...agreement, due: '2027-01-13' }, context)[0]!.message).toContain('dinsdag 12 januari 2027');
    expect(checkAgreement({ ...agreement, due: '2027-01-13' }, context)[0]!.path).toBe('due');
    expect(codes({ due: '2027-03-01', perspectiveOnly: true, perspectiveNote: 'Voor half januari hoort de inwoner of de aanvraag loopt.' })).toEqual([]);
  });

  it('perspective-note: a perspective needs a short explanation', () => {
    expect(codes({ due: '2027-03-01', perspectiveOnly: true })).toEqual(['error:perspective-note-missing']);
    expect(codes({ due: '2026-12-20', perspectiveOnly: true, perspectiveNote: ' \u00a0\u200b ' })).toEqual(['error:perspective-note-missing']);
    expect(codes({ perspectiveOnly: true, perspectiveNote: 'x'.repeat(PERSPECTIVE_NOTE_MAX) })).toEqual([]);
    const long = checkAgreement({ ...agreement, perspectiveOnly: true, perspectiveNote: 'x'.repeat(PERSPECTIVE_NOTE_MAX + 1) }, context);
    expect(long.map((p) => [p.code, p.path])).toEqual([['perspective-note-too-long', 'perspectiveNote']]);
    // A note without the perspective mark is kept in the draft but asks nothing.
    expect(codes({ perspectiveOnly: false, perspectiveNote: '' })).toEqual([]);
  });

  it('reports a context it cannot read instead of guessing', () => {
    expect(codes({}, { meetingDate: 'x', today: 'y' })).toEqual(['error:date-invalid', 'error:date-invalid']);
  });
});

describe('changeAgreement', () => {
  const original: Agreement = {
    id: 'a-1', who: 'p-kofi', what: 'Brieven op een rij', due: '2027-01-12', status: 'open',
    createdAt: '2026-12-01T10:20:00Z', updatedAt: '2026-12-01T10:20:00Z', history: [],
  };
  const by = { at: '2026-12-03T09:00:00Z', byUserId: 'u-kofi' };

  it('records what changed, from what, and moves updatedAt', () => {
    const changed = changeAgreement(original, { due: '2027-01-05' }, by);
    expect(changed.due).toBe('2027-01-05');
    expect(changed.updatedAt).toBe(by.at);
    expect(changed.history).toEqual([{ at: by.at, byUserId: 'u-kofi', change: 'edited', previous: { due: '2027-01-12' }, fields: ['due'] }]);
  });

  it('marks done and reopened, with the moment it was done', () => {
    const done = changeAgreement(original, { status: 'done' }, by);
    expect(done).toMatchObject({ status: 'done', doneAt: by.at });
    expect(done.history[0]!.change).toBe('done');
    const reopened = changeAgreement(done, { status: 'open' }, { at: '2026-12-04T09:00:00Z', byUserId: 'u-esra' });
    expect(reopened.doneAt).toBeUndefined();
    expect(reopened.history.map((h) => h.change)).toEqual(['done', 'reopened']);
  });

  it('leaves the agreement untouched when nothing changes', () => {
    expect(changeAgreement(original, { who: 'p-kofi' }, by)).toBe(original);
  });
});
