// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENDA_TITLES, meetingNoteText, recordRunFact, runEventsOf } from '../../domain';
import type { Plan } from '../../domain';
import { createMemoryStore } from '../../storage/memoryStore';
import { renderWithFluent } from '../testing/renderWithFluent';
import { renderableRunner, runnerServices, seedPlan014, testClock } from './testHarness';

// The recording panel is helper C2's; here only that it gets the step on screen.
vi.mock('./record/RecordPanel', () => ({
  RecordPanel: ({ stepKey }: { stepKey: string }) => <p data-testid="record-panel">{`record:${stepKey}`}</p>,
}));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const agenda = () => screen.getByRole('navigation', { name: 'Agenda' });
const stepButtons = () => within(agenda()).getAllByRole('button');
const current = () => within(agenda()).getAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'step');
const stepHeading = () => screen.getByRole('heading', { level: 2, name: (_, el) => el.id === 'run-step-heading' });

async function renderRunner(options: { plan?: Plan; local?: ReturnType<typeof createMemoryStore>; clock?: ReturnType<typeof testClock> } = {}) {
  const clock = options.clock ?? testClock();
  const local = options.local ?? createMemoryStore();
  const services = runnerServices({ local, clock: clock.clock });
  const runner = renderableRunner(services, options.plan ?? seedPlan014());
  const view = renderWithFluent(runner.ui);
  await screen.findByRole('navigation', { name: 'Agenda' });
  return { ...runner, clock, local, services, view };
}

describe('MeetingRunner', () => {
  it('lists the agenda in the fixed SO order, with each "ik wil" point as its own step', async () => {
    await renderRunner();
    const titles = stepButtons().map((b) => b.textContent ?? '');
    const plan = seedPlan014();
    const expected = [
      AGENDA_TITLES.introductions, AGENDA_TITLES.goalAndRules, AGENDA_TITLES.currentState, AGENDA_TITLES.residentStory,
      ...plan.wants.map((w) => w.text),
      AGENDA_TITLES.can, AGENDA_TITLES.needs, AGENDA_TITLES.agreements, AGENDA_TITLES.caseDirection, AGENDA_TITLES.evaluation,
      AGENDA_TITLES.closingRound,
    ];
    expect(titles).toHaveLength(expected.length);
    titles.forEach((title, i) => expect(title.startsWith(expected[i]!), `${i}: ${title}`).toBe(true));
    // The "ik wil" points sit under their own heading in the agenda.
    expect(within(agenda()).getByRole('list', { name: AGENDA_TITLES.wants })).toBeTruthy();
    // Times come from the meeting's start: 10:00 and 7 minutes for seven people.
    expect(titles[0]).toContain('10:00 · 7 min');
  });

  it('marks the current step once started and moves it with "Volgende onderdeel"', async () => {
    await renderRunner();
    expect(current()).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Volgende onderdeel' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    expect(current().map((b) => b.textContent)).toEqual([expect.stringContaining(AGENDA_TITLES.introductions)]);
    expect(stepHeading().textContent).toBe(AGENDA_TITLES.introductions);
    expect(screen.getByTestId('record-panel').textContent).toBe('record:introductions');

    await userEvent.click(screen.getByRole('button', { name: 'Volgende onderdeel' }));
    expect(current().map((b) => b.textContent)).toEqual([expect.stringContaining(AGENDA_TITLES.goalAndRules)]);
    expect(stepButtons()[0]!.textContent).toContain('geweest');
    expect(screen.getByTestId('record-panel').textContent).toBe('record:goalAndRules');
    // Straight to a step from the agenda.
    await userEvent.click(stepButtons()[4]!);
    expect(current()).toEqual([stepButtons()[4]]);
    expect(screen.getByTestId('record-panel').textContent).toBe('record:want-1');
  });

  it('lets the chair look ahead before starting without starting the clock, and starts at the step on screen', async () => {
    const { latest } = await renderRunner();
    await userEvent.click(stepButtons()[1]!);
    expect(stepHeading().textContent).toBe(AGENDA_TITLES.goalAndRules);
    expect(current()).toHaveLength(0);
    expect(latest().runFacts).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    expect(current()).toEqual([stepButtons()[1]]);
  });

  it('keeps paused time out of the step and the meeting, and shows it', async () => {
    const { clock } = await renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    clock.advanceMinutes(5);
    await userEvent.click(screen.getByRole('button', { name: 'Pauzeer' }));
    expect(screen.getByText('Pauze: de klok staat stil.')).toBeTruthy();
    clock.advanceMinutes(3);
    await userEvent.click(screen.getByRole('button', { name: 'Ga verder' }));
    expect(screen.getByRole('button', { name: 'Pauzeer' })).toBeTruthy();
    const timers = screen.getAllByRole('timer').map((el) => el.textContent);
    expect(timers).toContain('Overleg: 5:00 van 90 min, pauzes niet meegeteld.');
    expect(timers).toContain('Dit onderdeel: 5:00 van 7 min.');
    expect(screen.getByText('Pauze tot nu toe: 3:00.')).toBeTruthy();
  });

  it('says calmly when a step runs over and asks: go on longer or plan a follow-up SO', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { clock, latest } = await renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    clock.advanceMinutes(8);
    act(() => { vi.advanceTimersByTime(1000); });
    expect(screen.getAllByRole('timer').map((el) => el.textContent)).toContain('Dit onderdeel: 8:00 van 7 min. Loopt 1 min uit.');
    expect(screen.queryByRole('region', { name: 'Langer doorgaan of een vervolg-SO plannen?' })).toBeNull();

    clock.advanceMinutes(1);
    act(() => { vi.advanceTimersByTime(1000); });
    const prompt = screen.getByRole('region', { name: 'Langer doorgaan of een vervolg-SO plannen?' });
    await userEvent.click(within(prompt).getByRole('button', { name: '10 minuten langer doorgaan' }));
    expect(screen.queryByRole('region', { name: 'Langer doorgaan of een vervolg-SO plannen?' })).toBeNull();
    expect(screen.getAllByRole('timer').map((el) => el.textContent)).toContain('Dit onderdeel: 9:00 van 17 min.');
    // The run is facts in the plan, shared with every device of the SO, stamped with who clicked.
    expect(latest().runFacts.every((f) => f.meetingId === 'm-1' && f.byUserId === 'u-esra')).toBe(true);
    expect(runEventsOf(latest(), 'm-1')).toEqual([
      { type: 'start', at: Date.parse('2026-12-01T10:00:00+01:00'), stepKey: 'introductions' },
      { type: 'extend', at: Date.parse('2026-12-01T10:09:00+01:00'), stepKey: 'introductions', minutes: 10 },
    ]);

    // Used up again: this time the table plans a follow-up, and the runner goes to the evaluation step.
    clock.advanceMinutes(10);
    act(() => { vi.advanceTimersByTime(1000); });
    await userEvent.click(within(screen.getByRole('region', { name: 'Langer doorgaan of een vervolg-SO plannen?' })).getByRole('button', { name: 'Vervolg-SO plannen' }));
    expect(stepHeading().textContent).toBe(AGENDA_TITLES.evaluation);
    expect(screen.getByTestId('record-panel').textContent).toBe('record:evaluation');
    // The meeting as a whole is not over time, and the follow-up was chosen: no question on this step.
    expect(screen.queryByRole('region', { name: 'Langer doorgaan of een vervolg-SO plannen?' })).toBeNull();
  });

  it('saves notes per step into the plan, stamped with the clock', async () => {
    const { latest, clock } = await renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    clock.advanceMinutes(2);
    const notes = screen.getByRole('textbox', { name: 'Aantekeningen bij dit onderdeel' });
    await userEvent.type(notes, 'Nadia komt iets later.');
    // Leaving the box saves at once.
    await userEvent.tab();
    expect(meetingNoteText(latest(), 'm-1', 'introductions')).toBe('Nadia komt iets later.');
    expect(latest().meetingNotes[0]).toMatchObject({ id: 'm-1:introductions', updatedAt: '2026-12-01T09:02:00.000Z' });

    await userEvent.click(screen.getByRole('button', { name: 'Volgende onderdeel' }));
    expect((screen.getByRole('textbox', { name: 'Aantekeningen bij dit onderdeel' }) as HTMLTextAreaElement).value).toBe('');
    await userEvent.click(stepButtons()[0]!);
    expect((screen.getByRole('textbox', { name: 'Aantekeningen bij dit onderdeel' }) as HTMLTextAreaElement).value).toBe('Nadia komt iets later.');
  });

  it('saves a note when the step changes before typing stops', async () => {
    const { latest } = await renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Aantekeningen bij dit onderdeel' }), 'Kort');
    // A click that takes no focus (as an access key does): the text box is never left, the step changes.
    fireEvent.click(screen.getByRole('button', { name: 'Volgende onderdeel' }));
    expect(stepHeading().textContent).toBe(AGENDA_TITLES.goalAndRules);
    expect(meetingNoteText(latest(), 'm-1', 'introductions')).toBe('Kort');
  });

  it('lists everyone at the table at the introductions with organisation or role and why they are there; a decline is not introduced', async () => {
    const plan = seedPlan014((p) => ({
      ...p,
      meetings: p.meetings.map((m) => ({ ...m, invitedParticipantIds: ['p-resident', 'p-sister', 'p-wouter', 'p-kofi'] })),
      actions: [...p.actions, { id: 'resp:kofi', meetingId: p.meetings[0]!.id, kind: 'response' as const, state: 'done' as const, at: '2026-11-25T10:00:00Z', by: 'kofi@example.org', participantId: 'p-kofi', response: 'declined' as const, updatedAt: '2026-11-25T10:00:00Z' }],
    }));
    await renderRunner({ plan });
    const list = screen.getByRole('list', { name: 'Wie er aan tafel zitten' });
    const people = within(list).getAllByRole('listitem');
    // The case director (Esra) organised the SO and sits at the table though she is not on the invitee list.
    expect(people.map((li) => within(li).getByRole('heading').textContent)).toEqual(['Samira Benali', 'Nadia Benali', 'Esra Aydin', 'Wouter Dijkman']);
    expect(people[1]!.textContent).toContain('Netwerk');
    expect(people[1]!.textContent).toContain('Uitgenodigd voor: ervaring met de inwoner en meedenken over een oplossing.');
    expect(people[3]!.textContent).toContain('Woonstichting Thuisveld');
    expect(people[3]!.textContent).toContain('Uitgenodigd voor: kennis en kunde over deze vraag en een kritische blik.');
    // Four people: four minutes for the introductions.
    expect(stepButtons()[0]!.textContent).toContain('4 min');
  });

  it('shows the ground rules and the goal, and each "ik wil" point with where the resident wants to get', async () => {
    await renderRunner();
    await userEvent.click(stepButtons()[1]!);
    const rules = screen.getByRole('region', { name: 'Zo werken we samen' });
    expect(within(rules).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByRole('region', { name: 'Het doel van dit overleg' }).textContent).toContain('Samen met de inwoner zoeken naar rust');

    await userEvent.click(stepButtons()[5]!);
    expect(screen.getByText('‘Ik wil’-punt 2 van 3')).toBeTruthy();
    const want = screen.getByRole('region', { name: 'Ik wil' });
    expect(want.textContent).toContain('Ik wil weer rust in mijn hoofd.');
    expect(within(want).getByRole('heading', { name: 'Hier werk ik naartoe' })).toBeTruthy();
    expect(want.textContent).toContain('Ik slaap de meeste nachten door.');
  });

  it('keeps the run over a reload: the facts come back with the plan', async () => {
    const clock = testClock();
    const first = await renderRunner({ clock });
    await userEvent.click(screen.getByRole('button', { name: 'Start het overleg' }));
    clock.advanceMinutes(6);
    await userEvent.click(screen.getByRole('button', { name: 'Volgende onderdeel' }));
    clock.advanceMinutes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Pauzeer' }));
    first.view.unmount();

    clock.advanceMinutes(4);
    // A fresh device store: nothing of the run is kept on the device, all of it in the plan.
    await renderRunner({ clock, plan: first.latest() });
    expect(await screen.findByRole('button', { name: 'Ga verder' })).toBeTruthy();
    expect(current().map((b) => b.textContent)).toEqual([expect.stringContaining(AGENDA_TITLES.goalAndRules)]);
    expect(screen.getAllByRole('timer').map((el) => el.textContent)).toContain('Overleg: 7:00 van 90 min, pauzes niet meegeteld.');
    expect(screen.getByText('Pauze tot nu toe: 4:00.')).toBeTruthy();
  });

  it('follows the chair on another device: facts that arrive with the plan move the step here, without a click', async () => {
    const clock = testClock();
    const { receive } = await renderRunner({ clock });
    expect(current()).toHaveLength(0);
    const fact = (id: string, event: Parameters<typeof recordRunFact>[1]['event']) => (plan: Parameters<typeof recordRunFact>[0]) =>
      recordRunFact(plan, { id, meetingId: 'm-1', event, byUserId: 'u-other' });
    act(() => receive(fact('other-1', { type: 'start', at: clock.now(), stepKey: 'introductions' })));
    expect(current().map((b) => b.textContent)).toEqual([expect.stringContaining(AGENDA_TITLES.introductions)]);
    clock.advanceMinutes(3);
    act(() => receive(fact('other-2', { type: 'goto', at: clock.now(), stepKey: 'goalAndRules' })));
    expect(current().map((b) => b.textContent)).toEqual([expect.stringContaining(AGENDA_TITLES.goalAndRules)]);
    expect(stepHeading().textContent).toBe(AGENDA_TITLES.goalAndRules);
    // And this device's next click goes on from there.
    await userEvent.click(screen.getByRole('button', { name: 'Volgende onderdeel' }));
    expect(current().map((b) => b.textContent)).toEqual([expect.stringContaining(AGENDA_TITLES.currentState)]);
  });
});
