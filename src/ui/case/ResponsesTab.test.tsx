// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/errors';
import type { AttendeeResponse } from '../../app/ports';
import type { Plan } from '../../domain';
import { renderWithFluent } from '../testing/renderWithFluent';
import { CaseScreen } from './CaseScreen';
import { ENTRY, fakeServices, seedPlan014 } from './prepare/fakeServices';

afterEach(cleanup);

const sent = (plan: Plan): Plan => ({
  ...plan,
  status: 'planned',
  meetings: plan.meetings.map((m) => ({ ...m, eventId: 'ev-1', transactionId: 'so-SO-2026-014-m-1', sentAt: '2026-11-20T09:00:00Z', respondBy: '2026-11-26' })),
});

const answer = (name: string, email: string, response: AttendeeResponse['response'], respondedAt?: string): AttendeeResponse => ({
  name, email, type: 'required', response, ...(respondedAt ? { respondedAt } : {}),
});

const RESPONSES = [
  answer('Bram Hoekstra', 'bram.hoekstra@veldwijzer.example', 'accepted', '2026-11-21T10:00:00Z'),
  answer('Wouter Dijkman', 'wouter.dijkman@thuisveld.example', 'none'),
  answer('Kofi Mensah', 'kofi.mensah@geldrust.example', 'declined', '2026-11-22T15:30:00Z'),
  answer('Linda Martens', 'linda.martens@thuisveld.example', 'none'),
];

function renderResponses(plan: Plan, responses = RESPONSES) {
  const fake = fakeServices(plan, { responses });
  renderWithFluent(<CaseScreen services={fake.services} entry={ENTRY} initialTab="responses" onBack={() => undefined} />);
  return fake;
}

async function table() {
  return screen.findByRole('table', { name: 'Reacties van de genodigden' });
}

const rowOf = (tableEl: HTMLElement, name: string) => within(tableEl).getAllByRole('row').find((r) => within(r).queryByText(name) !== null)!;

describe('ResponsesTab', () => {
  it('shows each invitee’s answer in words, refreshed on open and on demand', async () => {
    const fake = renderResponses(sent(seedPlan014()));
    const t = await table();
    expect(within(rowOf(t, 'Bram Hoekstra')).getByText('Komt (geaccepteerd)')).toBeTruthy();
    expect(within(rowOf(t, 'Kofi Mensah')).getByText('Komt niet (afgeslagen)')).toBeTruthy();
    expect(within(rowOf(t, 'Wouter Dijkman')).getByText('Nog geen reactie')).toBeTruthy();
    expect(within(rowOf(t, 'Nadia Benali')).getByText('Per telefoon uitgenodigd')).toBeTruthy();
    expect(within(rowOf(t, 'Esra Aydin')).getByText('Organisator (jij)')).toBeTruthy();
    expect(fake.services.calendar.getResponses).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Vernieuwen' }));
    await waitFor(() => expect(fake.services.calendar.getResponses).toHaveBeenCalledTimes(2));
  });

  it('disables sharing with the reason when the resident did not consent, and shares once consent covers them', async () => {
    const fake = renderResponses(sent(seedPlan014()));
    const row = rowOf(await table(), 'Bram Hoekstra');
    const button = within(row).getByRole('button', { name: 'Plan delen met Bram Hoekstra' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const reason = within(row).getByText('Geen toestemming van de inwoner om het plan met Bram Hoekstra te delen');
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
    await userEvent.click(button);
    expect(fake.share).not.toHaveBeenCalled();
    cleanup();

    const withConsent = renderResponses(sent(seedPlan014((p) => ({
      ...p,
      consents: [...p.consents, { id: 'c-s', subject: 'sharePlan', participantIds: ['p-bram'], date: '2026-11-21', how: 'written', recordedByUserId: 'u-esra', updatedAt: '2026-11-21T10:00:00Z' }],
    }))));
    const row2 = rowOf(await table(), 'Bram Hoekstra');
    await userEvent.click(within(row2).getByRole('button', { name: 'Plan delen met Bram Hoekstra' }));
    expect(await screen.findByText(/Het plan is gedeeld met Bram Hoekstra/)).toBeTruthy();
    expect(withConsent.share).toHaveBeenCalledWith('doc-014', { email: 'bram.hoekstra@veldwijzer.example' }, expect.stringContaining('SO-2026-014'));
    expect(withConsent.storedPlan().participants.find((p) => p.id === 'p-bram')!.share).toMatchObject({ permissionId: 'perm-1' });
    expect(within(rowOf(await table(), 'Bram Hoekstra')).getByRole('button', { name: 'Delen intrekken voor Bram Hoekstra' })).toBeTruthy();
  });

  it('escalates a decline to the area champion with the text the user edited', async () => {
    const fake = renderResponses(sent(seedPlan014()));
    const row = rowOf(await table(), 'Kofi Mensah');
    await userEvent.click(within(row).getByRole('button', { name: 'Gebiedsaanjager inschakelen voor Kofi Mensah' }));
    const dialog = await screen.findByRole('dialog', { name: /Kofi Mensah komt niet/ });
    expect(dialog.textContent).toContain('Aan: Joris van Leeuwen (joris.vanleeuwen@buurtkracht.example)');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Welke reden gaf Kofi Mensah?' }), 'Geen capaciteit');
    const message = within(dialog).getByRole('textbox', { name: /Bericht/ }) as HTMLTextAreaElement;
    expect(message.value).toContain('De reden die Kofi Mensah gaf: Geen capaciteit');
    expect(message.value).toContain('SO-2026-014');
    await userEvent.clear(message);
    await userEvent.type(message, 'Hoi Joris, kun jij met Geldrust bellen? <graag> & snel');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Versturen' }));
    expect(await screen.findByText('Je bericht aan Joris van Leeuwen is verstuurd.')).toBeTruthy();
    expect(fake.mailSend).toHaveBeenCalledTimes(1);
    expect(fake.mailSend).toHaveBeenCalledWith({
      to: [{ name: 'Joris van Leeuwen', email: 'joris.vanleeuwen@buurtkracht.example' }],
      subject: 'Samenwerkoverleg SO-2026-014: hulp gevraagd na een afmelding',
      html: '<div lang="nl"><p>Hoi Joris, kun jij met Geldrust bellen? &lt;graag&gt; &amp; snel</p></div>',
    });
    await waitFor(() => expect(fake.storedPlan().log.at(-1)).toMatchObject({ action: 'escalation.sent', targetId: 'p-kofi' }));
  });

  it('gives focus back to the button that opened the escalation dialog when it closes', async () => {
    renderResponses(sent(seedPlan014()));
    const button = within(rowOf(await table(), 'Kofi Mensah')).getByRole('button', { name: 'Gebiedsaanjager inschakelen voor Kofi Mensah' });
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: /Kofi Mensah komt niet/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('does not resend an escalation after an unclear failure until the user says they checked', async () => {
    const fake = renderResponses(sent(seedPlan014()));
    fake.mailSend.mockRejectedValueOnce(new AppError('mail-ambiguous'));
    await userEvent.click(within(rowOf(await table(), 'Kofi Mensah')).getByRole('button', { name: /Gebiedsaanjager inschakelen/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Versturen' }));
    expect(await within(dialog).findByText(/Kijk eerst in je Verzonden items/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Versturen' })).toBeNull();
    expect(fake.mailSend).toHaveBeenCalledTimes(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ik heb gekeken: toch versturen' }));
    await waitFor(() => expect(fake.mailSend).toHaveBeenCalledTimes(2));
  });

  it('flags a newcomer from a forward and asks their reason inline', async () => {
    const fake = renderResponses(sent(seedPlan014()));
    const row = rowOf(await table(), 'Linda Martens');
    expect(within(row).getByText('Nieuw (doorgestuurd)')).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Reden opgeven voor Linda Martens' }));
    const form = screen.getByRole('form', { name: 'Waarom Linda Martens welkom is' });
    await userEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(within(form).getByText('Kies minstens één reden.')).toBeTruthy();
    await userEvent.click(within(form).getByRole('checkbox', { name: 'kennis en kunde over deze vraag' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Linda Martens staat nu bij de genodigden.')).toBeTruthy();
    expect(fake.storedPlan().participants.find((p) => p.email === 'linda.martens@thuisveld.example')).toMatchObject({ joinedVia: 'forward', reasons: ['expertise'] });
    await waitFor(() => expect(within(rowOf(screen.getByRole('table', { name: 'Reacties van de genodigden' }), 'Linda Martens')).getByText('Kwam via doorsturen')).toBeTruthy());
  });

  it('offers a reminder to those who did not answer only after the respond-by date', async () => {
    const fake = renderResponses(sent(seedPlan014((p) => ({ ...p, participants: p.participants }))), RESPONSES.slice(0, 3));
    await table();
    expect(screen.queryByRole('button', { name: 'Herinnering sturen' })).toBeNull();
    cleanup();

    const late = fakeServices(sent(seedPlan014()), { responses: RESPONSES.slice(0, 3) });
    late.services.clock.now = () => new Date('2026-11-27T09:00:00+01:00');
    renderWithFluent(<CaseScreen services={late.services} entry={ENTRY} initialTab="responses" onBack={() => undefined} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Herinnering sturen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Herinnering sturen' });
    expect(dialog.textContent).toContain('Aan: Wouter Dijkman');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Herinnering versturen' }));
    expect(await screen.findByText('Herinnering verstuurd aan Wouter Dijkman.')).toBeTruthy();
    expect(late.mailSend).toHaveBeenCalledTimes(1);
    expect(late.mailSend.mock.calls[0]![0]).toMatchObject({ to: [{ name: 'Wouter Dijkman', email: 'wouter.dijkman@thuisveld.example' }] });
    expect(fake.mailSend).not.toHaveBeenCalled();
  });
});
