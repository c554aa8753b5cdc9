import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaskTitle, sortMyAgreements } from './myAgreements';
import type { MyAgreementItem } from './myAgreements';
import { plannerTaskTitle } from './plannerMirror';

describe('parseTaskTitle', () => {
  it('splits a mirrored task title into case alias and what', () => {
    expect(parseTaskTitle('SO-2026-014 – Belt de huisarts')).toEqual({ caseAlias: 'SO-2026-014', what: 'Belt de huisarts' });
  });

  it('leaves any other title whole', () => {
    expect(parseTaskTitle('Boodschappen – zaterdag')).toEqual({ what: 'Boodschappen – zaterdag' });
    expect(parseTaskTitle('SO-2026-014')).toEqual({ what: 'SO-2026-014' });
  });

  it('is the inverse of plannerTaskTitle for any text without identifiers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^[A-Za-z][A-Za-z –,.!?]{0,60}$/), (year, n, what) => {
        const alias = `SO-${year}-${String(n).padStart(3, '0')}`;
        const clean = what.replace(/\s+/g, ' ').trim();
        expect(parseTaskTitle(plannerTaskTitle(alias, what))).toEqual({ caseAlias: alias, what: clean });
      }),
    );
  });
});

describe('sortMyAgreements', () => {
  const item = (key: string, due: string | undefined, done = false): MyAgreementItem => ({ key, what: key, done, ...(due === undefined ? {} : { due }) });

  it('puts open overdue ones first (oldest first), then open ones by due date, then done ones', () => {
    const items = [
      item('done-early', '2026-11-01', true),
      item('soon', '2026-12-10'),
      item('undated', undefined),
      item('overdue-recent', '2026-11-30'),
      item('today', '2026-12-01'),
      item('overdue-old', '2026-11-15T11:00:00Z'),
      item('done-late', '2027-01-01', true),
    ];
    const sorted = sortMyAgreements(items, '2026-12-01');
    expect(sorted.map((i) => i.key)).toEqual(['overdue-old', 'overdue-recent', 'today', 'soon', 'undated', 'done-early', 'done-late']);
    expect(sorted.filter((i) => i.overdue).map((i) => i.key)).toEqual(['overdue-old', 'overdue-recent']);
  });

  it('reads today in Amsterdam and keeps extra fields', () => {
    const sorted = sortMyAgreements([{ ...item('a', '2026-12-01'), taskId: 't-1' }], '2026-12-01T23:30:00Z');
    expect(sorted).toEqual([{ key: 'a', what: 'a', due: '2026-12-01', done: false, taskId: 't-1', overdue: true }]);
  });

  it('keeps the incoming order for equal dates', () => {
    expect(sortMyAgreements([item('b', '2026-12-05'), item('a', '2026-12-05')], '2026-12-01').map((i) => i.key)).toEqual(['b', 'a']);
  });
});
