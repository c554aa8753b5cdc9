// @vitest-environment happy-dom
// The list of agreements must stay quick with a couple of hundred rows while someone types: typing in the
// form re-renders the form only, and a change to one agreement re-renders that row only. A row renders
// its due date with formatDay (src/ui/format.ts), so counting those calls counts row renders.
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addAgreement } from '../../../domain';
import type * as Format from '../../format';
import { seedPlan014 } from '../../case/prepare/fakeServices';
import { renderRecordPanel, USER_ID } from './recordTesting';

const counted = vi.hoisted(() => ({ formatDay: vi.fn() }));
vi.mock('../../format', async (importOriginal) => {
  const format = await importOriginal<typeof Format>();
  counted.formatDay.mockImplementation(format.formatDay);
  return { ...format, formatDay: counted.formatDay };
});

afterEach(cleanup);

const N = 200;
function planWith200() {
  let plan = seedPlan014();
  for (let i = 1; i <= N; i += 1) {
    plan = addAgreement(plan, { id: `a-${i}`, who: i % 2 ? 'p-bram' : 'p-kofi', what: `Afspraak ${i}`, due: '2026-12-15', meetingId: 'm-1' }, { at: '2026-12-01T09:20:00.000Z', byUserId: USER_ID });
  }
  return plan;
}

describe('the agreement list with 200 agreements', () => {
  it('is not re-rendered by typing in the form, and a done toggle re-renders one row', async () => {
    const harness = renderRecordPanel({ plan: planWith200() });
    expect(within(screen.getByRole('list', { name: 'Afspraken van dit overleg' })).getAllByRole('listitem')).toHaveLength(N);

    counted.formatDay.mockClear();
    const what = within(screen.getByRole('form', { name: 'Afspraak vastleggen' })).getByRole('textbox', { name: /^Wat/ });
    await userEvent.type(what, 'Belt');
    expect(counted.formatDay).not.toHaveBeenCalled();

    // Only the row whose agreement changed renders again; so does a sync status change for one row.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Klaar: Afspraak 7' }));
    expect(counted.formatDay).toHaveBeenCalledTimes(1);
    counted.formatDay.mockClear();
    act(() => harness.setUnsynced(['a-9']));
    expect(counted.formatDay).toHaveBeenCalledTimes(1);
  }, 30_000);
});
