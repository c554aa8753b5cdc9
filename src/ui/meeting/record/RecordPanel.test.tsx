// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DistributionOutcome } from '../../../app/closeMeeting';
import { AppError } from '../../../app/errors';
import { addAgreement } from '../../../domain';
import type { Plan } from '../../../domain';
import { seedPlan014 } from '../../case/prepare/fakeServices';
import { dialogClosed, findDialog, renderRecordPanel, USER_ID } from './recordTesting';

const distributeMeeting = vi.hoisted(() => vi.fn());
vi.mock('../../../app/closeMeeting', () => ({ distributeMeeting }));

afterEach(cleanup);
beforeEach(() => distributeMeeting.mockReset());

const form = () => screen.getByRole('form', { name: 'Afspraak vastleggen' });
const field = (name: string) => within(form()).getByLabelText(name, { exact: false });
const who = () => within(form()).getByRole('combobox', { name: /^Wie/ }) as HTMLSelectElement;
const what = () => within(form()).getByRole('textbox', { name: /^Wat/ }) as HTMLTextAreaElement;
const due = () => field('Uiterlijk') as HTMLInputElement;
const addButton = () => within(form()).getByRole('button', { name: 'Afspraak toevoegen' });
const list = () => screen.getByRole('list', { name: 'Afspraken van dit overleg' });
const STAMP = { at: '2026-12-01T09:20:00.000Z', byUserId: USER_ID };

/** The seed plan with agreements made in SO m-1. */
function withAgreements(...items: { id: string; who: string; what: string; due?: string; perspectiveOnly?: boolean }[]): Plan {
  return items.reduce((plan, a) => addAgreement(plan, { due: '2026-12-15', meetingId: 'm-1', ...a }, STAMP), seedPlan014());
}

async function typeInto(element: HTMLElement, text: string) {
  await userEvent.clear(element);
  if (text !== '') await userEvent.type(element, text);
}

describe('recording agreements', () => {
  it('adds an agreement with the defaults: due six weeks after the SO, this meeting, stamped with the user; the form clears and focus returns to "Wie"', async () => {
    const harness = renderRecordPanel();
    expect(screen.getByText('Er zijn in dit overleg nog geen afspraken vastgelegd.')).toBeTruthy();
    expect(due().value).toBe('2027-01-12');

    await userEvent.selectOptions(who(), 'p-bram');
    await userEvent.type(what(), 'Belt de huisarts over een verwijzing');
    await userEvent.click(addButton());

    const added = harness.latest().agreements;
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      who: 'p-bram', what: 'Belt de huisarts over een verwijzing', due: '2027-01-12', meetingId: 'm-1', status: 'open',
      createdAt: '2026-12-01T09:30:00.000Z', history: [{ change: 'created', byUserId: USER_ID }],
    });
    expect(added[0]!.perspectiveOnly).toBeUndefined();
    expect(added[0]!.wantId).toBeUndefined();

    expect(who().value).toBe('');
    expect(what().value).toBe('');
    expect(due().value).toBe('2027-01-12');
    expect(document.activeElement).toBe(who());
    expect(screen.getByRole('status').textContent).toContain('Afspraak toegevoegd: Belt de huisarts over een verwijzing');

    const items = within(list()).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('Bram Hoekstra: Belt de huisarts over een verwijzing');
    expect(items[0]!.textContent).toContain('uiterlijk dinsdag 12 januari 2027');
  });

  it('links the agreement to the "ik wil" point of the step the runner is on', async () => {
    const harness = renderRecordPanel({ stepKey: 'want-2' });
    expect((field('Bij ‘Ik wil’-punt') as HTMLSelectElement).value).toBe('w-2');
    await userEvent.selectOptions(who(), 'p-resident');
    await userEvent.type(what(), 'Schrijft op wat helpt bij piekeren');
    await userEvent.click(addButton());
    expect(harness.latest().agreements[0]).toMatchObject({ who: 'p-resident', wantId: 'w-2' });
    expect(within(list()).getByRole('listitem').textContent).toContain('Punt 2: Ik wil weer rust in mijn hoofd.');
  });

  it('shows problems at the field they concern and keeps what was typed; nothing is added until they are solved', async () => {
    const harness = renderRecordPanel();
    await userEvent.type(what(), 'Zoekt uit welke schuldhulp past');
    await userEvent.click(addButton());
    expect(harness.update).not.toHaveBeenCalled();
    expect(who().getAttribute('aria-invalid')).toBe('true');
    expect(who().closest('.fui-Field')!.textContent).toContain('staat nog niet wie hem oppakt');
    expect(document.activeElement).toBe(who());
    expect(what().value).toBe('Zoekt uit welke schuldhulp past');

    // A date in the past is an error at the date; the text stays.
    await typeInto(due(), '2026-11-30');
    expect(due().getAttribute('aria-invalid')).toBe('true');
    expect(due().closest('.fui-Field')!.textContent).toContain('is al voorbij');
    await userEvent.selectOptions(who(), 'p-kofi');
    await userEvent.click(addButton());
    expect(harness.update).not.toHaveBeenCalled();
    expect(what().value).toBe('Zoekt uit welke schuldhulp past');
    expect(who().value).toBe('p-kofi');
  });

  it('refuses a date beyond six weeks, keeps what was typed, and takes it as "perspectief" with an explanation', async () => {
    const harness = renderRecordPanel();
    await userEvent.selectOptions(who(), 'p-wouter');
    await userEvent.type(what(), 'Zoekt een passende woning');
    await typeInto(due(), '2027-03-01');
    const dueField = due().closest('.fui-Field')!;
    expect(dueField.textContent).toContain('later dan zes weken na het overleg');
    expect(due().getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(addButton());
    expect(harness.latest().agreements).toEqual([]);
    expect(document.activeElement).toBe(due());
    expect([who().value, what().value, due().value]).toEqual(['p-wouter', 'Zoekt een passende woning', '2027-03-01']);

    await userEvent.click(within(form()).getByRole('checkbox', { name: 'Alleen perspectief binnen zes weken' }));
    expect(dueField.textContent).not.toContain('later dan zes weken');
    await userEvent.click(addButton());
    const note = within(form()).getByRole('textbox', { name: /Welk perspectief krijgt de inwoner/ });
    expect(harness.latest().agreements).toEqual([]);
    expect(note.closest('.fui-Field')!.textContent).toContain('welk perspectief de inwoner binnen zes weken krijgt');
    expect(document.activeElement).toBe(note);

    await userEvent.type(note, 'Voor half januari hoort de inwoner of er een woning in beeld is.');
    await userEvent.click(addButton());
    expect(harness.latest().agreements[0]).toMatchObject({ due: '2027-03-01', perspectiveOnly: true, perspectiveNote: 'Voor half januari hoort de inwoner of er een woning in beeld is.' });
    const item = within(list()).getByRole('listitem');
    expect(within(item).getByText('perspectief')).toBeTruthy();
    expect(item.textContent).toContain('Perspectief: Voor half januari hoort de inwoner of er een woning in beeld is.');
  });

  it('warns about identifiers in "Wat" (it becomes a Planner title) without blocking', async () => {
    const harness = renderRecordPanel();
    await userEvent.selectOptions(who(), 'p-kofi');
    await userEvent.type(what(), 'Belt schuldeiser op 0612345678');
    const whatField = what().closest('.fui-Field')!;
    expect(whatField.textContent).toContain('een telefoonnummer');
    expect(whatField.textContent).toContain('Planner');
    await userEvent.click(addButton());
    expect(harness.latest().agreements).toHaveLength(1);
  });

  it('also warns about health words and an address in "Wat": the Planner title leaves them out', async () => {
    renderRecordPanel();
    await userEvent.selectOptions(who(), 'p-bram');
    await userEvent.type(what(), 'Intake depressie plannen, Lindelaan 12');
    const whatField = what().closest('.fui-Field')!;
    expect(whatField.textContent).toContain('iets over gezondheid of een diagnose en een adres');
  });

  it('marks an agreement done and open again, with history', async () => {
    const harness = renderRecordPanel({ plan: withAgreements({ id: 'a-1', who: 'p-bram', what: 'Plant een intake' }) });
    const done = screen.getByRole('checkbox', { name: 'Klaar: Plant een intake' });
    await userEvent.click(done);
    expect(harness.latest().agreements[0]).toMatchObject({ status: 'done', doneAt: '2026-12-01T09:30:00.000Z' });
    expect(harness.latest().agreements[0]!.history.map((h) => h.change)).toEqual(['created', 'done']);
    expect((done as HTMLInputElement).checked).toBe(true);
    await userEvent.click(done);
    expect(harness.latest().agreements[0]!.status).toBe('open');
    expect(harness.latest().agreements[0]!.history.map((h) => h.change)).toEqual(['created', 'done', 'reopened']);
  });

  it('changes an agreement in a dialog; focus returns to its button', async () => {
    const harness = renderRecordPanel({ plan: withAgreements({ id: 'a-1', who: 'p-bram', what: 'Plant een intake' }) });
    const edit = screen.getByRole('button', { name: 'Wijzigen: Plant een intake' });
    await userEvent.click(edit);
    const dialog = await findDialog('Afspraak wijzigen');
    const text = within(dialog).getByRole('textbox', { name: /^Wat/ });
    await typeInto(text, '');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(within(dialog).getByRole('textbox', { name: /^Wat/ }).getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(text, 'Plant een intake bij de GGZ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    await dialogClosed();
    expect(harness.latest().agreements[0]).toMatchObject({ what: 'Plant een intake bij de GGZ', who: 'p-bram' });
    expect(harness.latest().agreements[0]!.history.at(-1)).toMatchObject({ change: 'edited', previous: { what: 'Plant een intake' }, fields: ['what'] });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Wijzigen: Plant een intake bij de GGZ' })));
  });

  it('unlinks an agreement from its "ik wil" point and marks it "perspectief" in the dialog', async () => {
    const plan = addAgreement(seedPlan014(), { id: 'a-1', who: 'p-bram', what: 'Plant een intake', due: '2026-12-15', meetingId: 'm-1', wantId: 'w-2' }, STAMP);
    const harness = renderRecordPanel({ plan });
    await userEvent.click(screen.getByRole('button', { name: 'Wijzigen: Plant een intake' }));
    const dialog = await findDialog('Afspraak wijzigen');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Bij ‘Ik wil’-punt' }), '');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Alleen perspectief binnen zes weken' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    // A perspective without its explanation is not saved; the dialog stays open on the empty field.
    const note = within(dialog).getByRole('textbox', { name: /Welk perspectief krijgt de inwoner/ });
    expect(harness.latest().agreements[0]!.perspectiveOnly).toBeUndefined();
    await userEvent.type(note, 'Binnen vier weken een datum voor de intake.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    await dialogClosed();
    const saved = harness.latest().agreements[0]!;
    expect(saved.wantId).toBeUndefined();
    expect(saved.perspectiveOnly).toBe(true);
    expect(saved.perspectiveNote).toBe('Binnen vier weken een datum voor de intake.');
    expect(saved.history.at(-1)!.fields?.sort()).toEqual(['perspectiveNote', 'perspectiveOnly', 'wantId']);
  });

  it('marks what is not yet synchronised and what is in Planner, per agreement', async () => {
    const plan = withAgreements({ id: 'a-1', who: 'p-bram', what: 'Plant een intake' }, { id: 'a-2', who: 'p-kofi', what: 'Opent de post samen' });
    const linked: Plan = { ...plan, agreements: plan.agreements.map((a) => (a.id === 'a-2' ? { ...a, planner: { planId: 'plan-1', taskId: 'task-1' } } : a)) };
    const harness = renderRecordPanel({ plan: linked, unsynced: ['a-1'] });
    const [first, second] = within(list()).getAllByRole('listitem');
    expect(within(first!).queryByText('nog niet gesynchroniseerd')).toBeTruthy();
    expect(within(first!).queryByText('In Planner')).toBeNull();
    expect(within(second!).queryByText('nog niet gesynchroniseerd')).toBeNull();
    expect(within(second!).getByText('In Planner')).toBeTruthy();
    act(() => harness.setUnsynced([]));
    expect(within(list()).queryByText('nog niet gesynchroniseerd')).toBeNull();
  });

  it('shows text with markup as text', async () => {
    const evil = '<img src=x onerror="alert(1)"><b>vet</b>';
    renderRecordPanel({ plan: withAgreements({ id: 'a-1', who: 'p-bram', what: evil }) });
    expect(within(list()).getByRole('listitem').textContent).toContain(evil);
    expect(document.body.querySelector('img[src="x"]')).toBeNull();
    expect(document.body.querySelector('b')).toBeNull();
  });
});

describe('casusregie and procesregie (step caseDirection)', () => {
  it('records the case director, a procesregisseur and the AVE level, with the domain problems at their fields', async () => {
    const harness = renderRecordPanel({ stepKey: 'caseDirection' });
    const region = screen.getByRole('region', { name: 'Casusregie en procesregie' });
    const director = within(region).getByRole('combobox', { name: /^Casusregisseur/ }) as HTMLSelectElement;
    expect(director.value).toBe('p-esra');
    await userEvent.selectOptions(director, 'p-wouter');
    expect(harness.latest().caseDirection.caseDirectorParticipantId).toBe('p-wouter');

    // AVE 3 without a procesregisseur: a warning at the question.
    await userEvent.click(within(region).getByRole('radio', { name: /^3 – Complex/ }));
    expect(harness.latest().caseDirection.aveLevel).toBe(3);
    const needed = within(region).getByRole('radiogroup', { name: /Is een procesregisseur nodig/ });
    expect(needed.closest('.fui-Field')!.textContent).toContain('Bespreek of een procesregisseur nodig is');

    await userEvent.click(within(needed).getByRole('radio', { name: 'Ja' }));
    expect(harness.latest().caseDirection.processDirectorNeeded).toBe(true);
    expect(region.textContent).not.toContain('Bespreek of een procesregisseur nodig is');
    const processDirector = within(region).getByRole('combobox', { name: /^Procesregisseur/ }) as HTMLSelectElement;
    expect(processDirector.value).toBe('');
    await userEvent.selectOptions(processDirector, 'p-wouter');
    expect(processDirector.closest('.fui-Field')!.textContent).toContain('dezelfde persoon als de casusregisseur');
    await userEvent.selectOptions(processDirector, 'p-kofi');
    expect(harness.latest().caseDirection).toMatchObject({ caseDirectorParticipantId: 'p-wouter', processDirectorNeeded: true, processDirectorParticipantId: 'p-kofi', aveLevel: 3 });
    expect(region.querySelector('[aria-invalid="true"]')).toBeNull();
  });
});

describe('evaluation (step evaluation)', () => {
  it('defaults to six weeks after the SO and the case director; problems stay at their fields until solved', async () => {
    const harness = renderRecordPanel({ stepKey: 'evaluation' });
    const region = screen.getByRole('region', { name: 'Evaluatie' });
    const date = within(region).getByLabelText(/Datum van de evaluatie/) as HTMLInputElement;
    const organiser = within(region).getByRole('combobox', { name: /Wie organiseert/ }) as HTMLSelectElement;
    expect(date.value).toBe('2027-01-12');
    expect(organiser.value).toBe('p-esra');

    await userEvent.selectOptions(organiser, '');
    await typeInto(date, '2027-02-02');
    expect(date.closest('.fui-Field')!.textContent).toContain('later dan zes weken');
    await userEvent.click(within(region).getByRole('button', { name: 'Evaluatie vastleggen' }));
    expect(harness.latest().evaluations).toEqual([]);
    expect(organiser.getAttribute('aria-invalid')).toBe('true');
    expect(organiser.closest('.fui-Field')!.textContent).toContain('Kies wie de evaluatie organiseert');
    expect(document.activeElement).toBe(organiser);
    expect(date.value).toBe('2027-02-02');

    await userEvent.selectOptions(organiser, 'p-kofi');
    await userEvent.click(within(region).getByRole('radio', { name: 'Per mail' }));
    await userEvent.click(within(region).getByRole('button', { name: 'Evaluatie vastleggen' }));
    expect(harness.latest().evaluations).toEqual([
      expect.objectContaining({ date: '2027-02-02', organiserParticipantId: 'p-kofi', how: 'mail', meetingId: 'm-1', status: 'planned' }),
    ]);
    expect(region.textContent).toContain('Vastgelegd: evaluatie op dinsdag 2 februari 2027 per mail, georganiseerd door Kofi Mensah.');
    expect(within(region).getByRole('button', { name: 'Evaluatie bijwerken' })).toBeTruthy();
  });
});

describe('closing the SO (step closingRound)', () => {
  const outcomes: DistributionOutcome[] = [
    { participantId: 'p-bram', name: 'Bram Hoekstra', role: 'professional', channel: 'mail', status: 'sent', share: 'shared' },
    { participantId: 'p-kofi', name: 'Kofi Mensah', role: 'professional', channel: 'print', status: 'print', printReason: 'no-consent' },
    { participantId: 'p-resident', name: 'Samira Benali', role: 'resident', channel: 'print', status: 'print', printReason: 'resident' },
  ];

  it('confirms a summary in a dialog, closes the SO and distributes once, showing each person\'s outcome', async () => {
    distributeMeeting.mockResolvedValue(outcomes);
    const plan = withAgreements({ id: 'a-1', who: 'p-bram', what: 'Plant een intake', perspectiveOnly: true });
    const harness = renderRecordPanel({ plan, stepKey: 'closingRound' });
    const region = screen.getByRole('region', { name: 'SO afsluiten' });
    await userEvent.click(within(region).getByRole('button', { name: 'SO afsluiten' }));

    const dialog = await findDialog('Klopt deze samenvatting?');
    expect(dialog.textContent).toContain('Bram Hoekstra: Plant een intake – uiterlijk dinsdag 15 december 2026 (perspectief)');
    expect(dialog.textContent).toContain('Esra Aydin');
    expect(dialog.textContent).toContain('Geen procesregisseur nodig. AVE-niveau 2.');
    expect(dialog.textContent).toContain('Er is nog geen evaluatie gepland.');
    expect(harness.update).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Afsluiten en plan verspreiden' }));
    await dialogClosed();
    expect(harness.latest().meetings[0]).toMatchObject({ status: 'held', closedAt: '2026-12-01T09:30:00.000Z', closedByUserId: USER_ID });
    await screen.findByRole('list', { name: 'Wie het plan krijgt' });
    expect(distributeMeeting).toHaveBeenCalledTimes(1);
    expect(distributeMeeting.mock.calls[0]![2]).toBe('m-1');
    const shown = within(screen.getByRole('list', { name: 'Wie het plan krijgt' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(shown).toEqual([
      'Bram HoekstraPlan gedeeld en samenvatting gemaild',
      'Kofi MensahDe inwoner gaf (nog) geen toestemming om het plan te delen. Geef de geprinte versie alleen als de inwoner dat goedvindt.',
      'Samira BenaliGeef de inwoner de geprinte versie',
    ]);
    expect(screen.queryByRole('button', { name: 'SO afsluiten' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /^Dit overleg is afgesloten op di 1 december 2026/ }));
  });

  it('asks who was there, ticked from the responses; the plan goes to those ticked and the list stays after the close', async () => {
    distributeMeeting.mockResolvedValue(outcomes);
    const base = seedPlan014();
    const meeting = base.meetings[0]!;
    // Kofi declined: he is not expected at the table, so he starts unticked.
    const plan: Plan = { ...base, actions: [...base.actions, {
      id: 'resp:kofi', meetingId: meeting.id, kind: 'response', state: 'done', at: '2026-11-25T10:00:00Z', by: 'kofi@example.org', participantId: 'p-kofi', response: 'declined', updatedAt: '2026-11-25T10:00:00Z',
    }] };
    const harness = renderRecordPanel({ plan, stepKey: 'closingRound' });
    await userEvent.click(screen.getByRole('button', { name: 'SO afsluiten' }));
    const dialog = await findDialog('Klopt deze samenvatting?');
    const group = within(dialog).getByRole('group', { name: 'Wie waren er?' });
    const box = (name: RegExp) => within(group).getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box(/^Kofi Mensah/).checked).toBe(false);
    expect(box(/^Bram Hoekstra/).checked).toBe(true);
    expect(box(/^Samira Benali/).checked).toBe(true);

    // Nobody ticked: a Dutch error, nothing closed, the dialog stays.
    for (const input of within(group).getAllByRole('checkbox') as HTMLInputElement[]) if (input.checked) await userEvent.click(input);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Afsluiten en plan verspreiden' }));
    expect(within(group).getByRole('alert').textContent).toContain('Vink aan wie er bij het overleg waren');
    expect(harness.update).not.toHaveBeenCalled();

    await userEvent.click(box(/^Bram Hoekstra/));
    await userEvent.click(box(/^Samira Benali/));
    await userEvent.click(box(/^Kofi Mensah/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Afsluiten en plan verspreiden' }));
    await dialogClosed();
    expect([...harness.latest().meetings[0]!.presentParticipantIds!].sort()).toEqual(['p-bram', 'p-kofi', 'p-resident']);
    expect(screen.getByText(/^Aanwezig: /).textContent).toBe('Aanwezig: Samira Benali, Bram Hoekstra, Kofi Mensah.');
  });

  it('going back from the summary changes nothing', async () => {
    const harness = renderRecordPanel({ stepKey: 'closingRound' });
    const open = screen.getByRole('button', { name: 'SO afsluiten' });
    await userEvent.click(open);
    await userEvent.click(within(await findDialog('Klopt deze samenvatting?')).getByRole('button', { name: 'Terug naar het overleg' }));
    await dialogClosed();
    expect(document.activeElement).toBe(open);
    expect(harness.update).not.toHaveBeenCalled();
    expect(distributeMeeting).not.toHaveBeenCalled();
  });

  it('reads the shared plan again when the summary opens: what the note taker just recorded on another device is in it', async () => {
    // Found by the fault matrix: the periodic read is up to a minute old, so the summary missed it.
    const plan = withAgreements({ id: 'a-1', who: 'p-bram', what: 'Plant een intake' });
    const harness = renderRecordPanel({
      plan,
      stepKey: 'closingRound',
      onRefresh: (mine) => addAgreement(mine, { id: 'a-2', who: 'p-kofi', what: 'Maakt een overzicht van de schulden', due: '2026-12-15', meetingId: 'm-1' }, STAMP),
    });
    expect(harness.refresh).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'SO afsluiten' }));
    expect(harness.refresh).toHaveBeenCalledTimes(1);
    const dialog = await findDialog('Klopt deze samenvatting?');
    await waitFor(() => expect(dialog.textContent).toContain('Afspraken (2)'));
    expect(dialog.textContent).toContain('Kofi Mensah: Maakt een overzicht van de schulden');
    expect(harness.update).not.toHaveBeenCalled();
  });

  it('shows a failed distribution in Dutch with a retry', async () => {
    distributeMeeting.mockRejectedValueOnce(new AppError('network-offline')).mockResolvedValueOnce(outcomes);
    renderRecordPanel({ stepKey: 'closingRound' });
    await userEvent.click(screen.getByRole('button', { name: 'SO afsluiten' }));
    await userEvent.click(within(await findDialog('Klopt deze samenvatting?')).getByRole('button', { name: 'Afsluiten en plan verspreiden' }));
    await dialogClosed();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('network-offline');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('list', { name: 'Wie het plan krijgt' });
    expect(distributeMeeting).toHaveBeenCalledTimes(2);
  });

  it('after an unclear send asks to check Sent Items, and mails again only when told to', async () => {
    const ambiguous: DistributionOutcome = { ...outcomes[0]!, status: 'failed', error: new AppError('mail-ambiguous') };
    distributeMeeting.mockResolvedValueOnce([ambiguous, outcomes[2]]).mockResolvedValueOnce([{ ...outcomes[0]! }, outcomes[2]]);
    renderRecordPanel({ stepKey: 'closingRound' });
    await userEvent.click(screen.getByRole('button', { name: 'SO afsluiten' }));
    await userEvent.click(within(await findDialog('Klopt deze samenvatting?')).getByRole('button', { name: 'Afsluiten en plan verspreiden' }));
    await dialogClosed();
    const list = await screen.findByRole('list', { name: 'Wie het plan krijgt' });
    expect(list.textContent).toContain('Misschien al verstuurd. Kijk eerst in je Verzonden items.');
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen voor wie het nog niet kreeg' })).toBeNull();
    await userEvent.click(within(list).getByRole('button', { name: 'Niet verstuurd: opnieuw sturen naar Bram Hoekstra' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Wie het plan krijgt' }).textContent).toContain('Plan gedeeld en samenvatting gemaild'));
    expect(distributeMeeting).toHaveBeenCalledTimes(2);
    expect(distributeMeeting.mock.calls[0]![3]).toEqual({});
    expect(distributeMeeting.mock.calls[1]![3]).toEqual({ resend: ['p-bram'] });
  });

  it('opens the printable plan in the app, escaped and without scripts', async () => {
    const plan = withAgreements({ id: 'a-1', who: 'p-bram', what: '<script>alert(1)</script> Plant een intake' });
    renderRecordPanel({ plan, stepKey: 'closingRound' });
    await userEvent.click(screen.getByRole('button', { name: 'Printbare versie' }));
    const dialog = await findDialog('Printbare versie van het plan');
    const frame = within(dialog).getByTitle('Het plan om te printen') as HTMLIFrameElement;
    const html = frame.getAttribute('srcdoc')!;
    expect(html).toContain('Mijn Samenwerkplan');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Plant een intake');
    expect(html).not.toMatch(/<script/i);
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    await dialogClosed();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Printbare versie' }));
  });
});
