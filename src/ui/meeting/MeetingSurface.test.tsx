// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addAgreement, recordRunFact } from '../../domain';
import type { Meeting, Plan } from '../../domain';
import { CaseScreen } from '../case/CaseScreen';
import type { CaseTabProps, CaseTabs } from '../case/CaseScreen';
import { ENTRY, fakeServices, seedPlan014 } from '../case/prepare/fakeServices';
import { renderWithFluent } from '../testing/renderWithFluent';
import { defaultRunMeetingId, meetingCaseAlias } from './meetingChoice';
import { MeetingSurface } from './MeetingSurface';
import { MeetingTab } from './MeetingTab';

vi.mock('./record/RecordPanel', () => ({
  RecordPanel: ({ stepKey }: { stepKey: string }) => <p data-testid="record-panel">{`record:${stepKey}`}</p>,
}));

afterEach(cleanup);

const m1 = (plan: Plan) => plan.meetings[0]!;
const withMeetings = (meetings: (base: Meeting) => Meeting[]) => seedPlan014((p) => ({ ...p, meetings: meetings(m1(p)) }));

function Stub({ document }: CaseTabProps) {
  return <p>{`stub with ${document.plan.caseAlias}`}</p>;
}
const tabs: CaseTabs = { plan: Stub, prepare: Stub, responses: Stub, meeting: MeetingTab, after: Stub };

describe('which SO the runner opens', () => {
  it('takes the next planned SO, else the latest held one, never a cancelled one', () => {
    const plan = withMeetings((m) => [
      { ...m, id: 'held-1', start: '2026-10-01T10:00:00+02:00', status: 'held' },
      { ...m, id: 'held-2', start: '2026-10-20T10:00:00+02:00', status: 'held' },
      { ...m, id: 'later', start: '2026-12-08T10:00:00+01:00', status: 'planned' },
      { ...m, id: 'next', start: '2026-12-01T10:00:00+01:00', status: 'planned' },
      { ...m, id: 'off', start: '2026-11-28T10:00:00+01:00', status: 'cancelled' },
    ]);
    expect(defaultRunMeetingId(plan)).toBe('next');
    expect(defaultRunMeetingId({ meetings: plan.meetings.filter((m) => m.status !== 'planned') })).toBe('held-2');
    expect(defaultRunMeetingId({ meetings: plan.meetings.filter((m) => m.status === 'cancelled') })).toBeUndefined();
  });

  it('reads the case from a meeting tab URL', () => {
    expect(meetingCaseAlias('?surface=meeting&case=SO-2026-014')).toBe('SO-2026-014');
    expect(meetingCaseAlias('?surface=meeting&case=%20')).toBeUndefined();
    expect(meetingCaseAlias('?surface=meeting')).toBeUndefined();
  });
});

describe('the "SO voorzitten" tab', () => {
  it('without an SO in the plan says so and leads to SO voorbereiden', async () => {
    const fake = fakeServices(withMeetings((m) => [{ ...m, status: 'cancelled' }]));
    renderWithFluent(<CaseScreen services={fake.services} entry={ENTRY} tabs={tabs} initialTab="meeting" onBack={() => undefined} />);
    expect(await screen.findByText(/Er staat nog geen Samenwerkoverleg in het plan om voor te zitten/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ga naar SO voorbereiden' }));
    expect(screen.getByRole('tab', { name: 'SO voorbereiden' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('stub with SO-2026-014')).toBeTruthy();
  });

  it('offers a choice when the plan has several SOs and opens the chosen one', async () => {
    const fake = fakeServices(withMeetings((m) => [
      { ...m, id: 'm-0', start: '2026-10-20T10:00:00+02:00', durationMinutes: 60, status: 'held' },
      m,
    ]));
    renderWithFluent(<CaseScreen services={fake.services} entry={ENTRY} tabs={tabs} initialTab="meeting" onBack={() => undefined} />);
    const choose = await screen.findByRole('combobox', { name: 'Welk overleg zit je voor?' });
    expect(within(choose).getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringMatching(/20 oktober 2026.*\(gehouden\)/),
      expect.stringMatching(/1 december 2026.*\(gepland\)/),
    ]);
    expect(await screen.findByText(/Overleg van .*1 december 2026.*, 90 minuten/)).toBeTruthy();
    await userEvent.selectOptions(choose, 'm-0');
    expect(await screen.findByText(/Overleg van .*20 oktober 2026.*, 60 minuten/)).toBeTruthy();
    // A held SO can be looked at, not run again.
    expect(screen.getByText(/Dit overleg is afgesloten/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start het overleg' })).toBeNull();
  });
});

describe('MeetingSurface', () => {
  it('opens the case named in the meeting tab on its "SO voorzitten" tab', async () => {
    const fake = fakeServices(seedPlan014());
    renderWithFluent(<MeetingSurface services={fake.services} caseAlias="so-2026-014" view="runner" />);
    const tab = await screen.findByRole('tab', { name: 'SO voorzitten' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('button', { name: 'Start het overleg' })).toBeTruthy();
  });

  it('says when the case is not among mine and shows my cases instead', async () => {
    const fake = fakeServices(seedPlan014());
    renderWithFluent(<MeetingSurface services={fake.services} caseAlias="SO-2026-999" view="runner" />);
    expect(await screen.findByText(/Casus SO-2026-999 staat niet in jouw casussen/)).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Mijn casussen' })).toBeTruthy();
  });

  it('without a case in the URL asks to choose one', async () => {
    const fake = fakeServices(seedPlan014());
    renderWithFluent(<MeetingSurface services={fake.services} view="runner" />);
    expect(await screen.findByText(/nog niet aan een casus gekoppeld/)).toBeTruthy();
  });

  it('shows the stage: the agenda with the current part and the agreements so far, read-only', async () => {
    const stamp = { at: '2026-12-01T09:20:00Z', byUserId: 'u-esra' };
    let plan = addAgreement(seedPlan014(), { id: 'a-1', who: 'p-wouter', what: 'Belt de verhuurder over een regeling', due: '2027-01-12', meetingId: 'm-1' }, stamp);
    // The run as the chair's device recorded it in the shared plan (nothing of it on this device).
    plan = recordRunFact(plan, { id: 'f-1', meetingId: 'm-1', event: { type: 'start', at: Date.parse('2026-12-01T10:00:00+01:00'), stepKey: 'introductions' } });
    plan = recordRunFact(plan, { id: 'f-2', meetingId: 'm-1', event: { type: 'goto', at: Date.parse('2026-12-01T10:07:00+01:00'), stepKey: 'goalAndRules' } });
    const fake = fakeServices(plan);
    renderWithFluent(<MeetingSurface services={fake.services} caseAlias="SO-2026-014" view="stage" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Samenwerkoverleg SO-2026-014' })).toBeTruthy();
    const agenda = screen.getByRole('region', { name: 'Agenda' });
    const now = await within(agenda).findByText(/\(nu\)/);
    expect(now.closest('li')!.getAttribute('aria-current')).toBe('step');
    expect(now.textContent).toContain('De Samenwerkwijze, het doel van vandaag');
    const agreements = screen.getByRole('region', { name: 'Afspraken tot nu toe' });
    expect(within(agreements).getByRole('listitem').textContent).toBe('Wouter Dijkman: Belt de verhuurder over een regeling, uiterlijk dinsdag 12 januari 2027');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
