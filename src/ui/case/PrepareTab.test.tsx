// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/errors';
import type { Plan } from '../../domain';
import { renderWithFluent } from '../testing/renderWithFluent';
import { CaseScreen } from './CaseScreen';
import { ENTRY, fakeServices, seedPlan014 } from './prepare/fakeServices';

afterEach(cleanup);

const withoutConsentAndGoal = (plan: Plan): Plan => ({
  ...plan,
  consents: plan.consents.filter((c) => c.subject !== 'meeting'),
  meetings: plan.meetings.map((m) => ({ ...m, goal: '' })),
});

function renderPrepare(plan: Plan, options: Parameters<typeof fakeServices>[1] = {}) {
  const fake = fakeServices(plan, options);
  renderWithFluent(<CaseScreen services={fake.services} entry={ENTRY} initialTab="prepare" onBack={() => undefined} />);
  return fake;
}

const sendButton = () => screen.getByRole('button', { name: 'Versturen' });

describe('PrepareTab', () => {
  it('has the five steps as headings', async () => {
    renderPrepare(seedPlan014());
    expect(await screen.findByRole('heading', { level: 2, name: '1. Toestemming & doel' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '1. Toestemming & doel', '2. Voorbereiding', '3. Genodigden', '4. Wanneer', '5. Voorbeeld & versturen',
    ]);
  });

  it('blocks sending without consent and goal and says why; once both are there it sends once, the transactionId stored first', async () => {
    const fake = renderPrepare(seedPlan014(withoutConsentAndGoal));
    await screen.findByRole('heading', { name: '5. Voorbeeld & versturen' });
    expect(sendButton().getAttribute('aria-disabled')).toBe('true');
    const reason = screen.getByText(/Versturen kan nog niet: los eerst de 2 punten/);
    expect(sendButton().getAttribute('aria-describedby')).toBe(reason.id);
    await userEvent.click(sendButton());
    expect(fake.sendInvitation).not.toHaveBeenCalled();

    // The goal's problem is shown at the goal field itself.
    const goal = screen.getByRole('textbox', { name: /Doel van het overleg/ });
    expect(goal.getAttribute('aria-invalid')).toBe('true');
    const goalField = goal.closest('[id="so-field-goal"]')!;
    expect(goalField.textContent).toContain('Het doel van het overleg ontbreekt');

    await userEvent.type(goal, 'Samen zoeken naar rust in huis en in het hoofd.');
    await userEvent.click(screen.getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(await screen.findByText(/gaf op maandag 23 november 2026 toestemming/)).toBeTruthy();
    await waitFor(() => expect(sendButton().getAttribute('aria-disabled')).toBeNull());

    await userEvent.click(sendButton());
    expect(await screen.findByText('Uitnodiging verstuurd')).toBeTruthy();
    expect(screen.getByText(/Bel nog: Samira Benali, Nadia Benali, Gerda Visser/)).toBeTruthy();
    expect(fake.sendInvitation).toHaveBeenCalledTimes(1);
    const { request, storedBefore } = fake.sends[0]!;
    expect(storedBefore.meetings[0]!.transactionId).toBe(request.transactionId);
    expect(request.transactionId).toBe('so-SO-2026-014-m-1');
    expect(request.attendees.map((a) => a.email)).toEqual(['bram.hoekstra@veldwijzer.example', 'wouter.dijkman@thuisveld.example', 'kofi.mensah@geldrust.example']);
    expect(request.attachment.name).toBe('Samenwerkwijze - de vijf principes.pdf');
    expect(request.html).toContain('Samen zoeken naar rust in huis en in het hoofd.');
    const stored = fake.storedPlan();
    expect(stored.meetings[0]).toMatchObject({ eventId: 'ev-1', goal: 'Samen zoeken naar rust in huis en in het hoofd.' });
    expect(stored.status).toBe('planned');
  });

  it('shows each problem next to the field it concerns and in the summary, privacy findings naming the text', async () => {
    renderPrepare(seedPlan014((plan) => ({
      ...plan,
      participants: plan.participants.map((p) =>
        p.id === 'p-wouter' ? { ...p, reasons: [], expectation: 'Belt de verhuurder op 06-12345678 over BSN 111222333.' } : p),
    })));
    const card = (await screen.findByRole('heading', { level: 3, name: 'Wouter Dijkman' })).closest('li')!;
    const expectation = within(card).getByRole('textbox', { name: 'Wat verwacht je van Wouter Dijkman?' });
    expect(expectation.getAttribute('aria-invalid')).toBe('true');
    expect(card.textContent).toContain('In wat je van Wouter Dijkman verwacht staat iets wat op een BSN lijkt');
    expect(card.textContent).toContain('In wat je van Wouter Dijkman verwacht staat een telefoonnummer');
    expect(within(within(card).getByRole('group', { name: 'Waarom nodig je Wouter Dijkman uit?' })).getByText(/staat nog niet waarom je deze persoon uitnodigt/)).toBeTruthy();
    // The summary lists them too and takes you to the field.
    const summary = screen.getByRole('list', { name: /Nog na te kijken/ });
    expect(within(summary).getAllByText(/Wouter Dijkman/).length).toBeGreaterThanOrEqual(3);
    expect(sendButton().getAttribute('aria-disabled')).toBe('true');
    const item = within(summary).getByText(/iets wat op een BSN lijkt/).closest('li')!;
    await userEvent.click(within(item).getByRole('button', { name: 'Naar het veld' }));
    expect(document.activeElement).toBe(expectation);
  });

  it('shows the Dutch error with a retry that reuses the transactionId', async () => {
    const fake = renderPrepare(seedPlan014(), { sendFailures: [new AppError('send-ambiguous')] });
    await screen.findByRole('heading', { name: '5. Voorbeeld & versturen' });
    await userEvent.click(sendButton());
    const alert = (await screen.findByText(/We weten niet zeker of de uitnodiging is verstuurd/)).closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('send-ambiguous');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Uitnodiging verstuurd')).toBeTruthy();
    expect(fake.sends.map((s) => [s.request.transactionId, s.request.mayExist])).toEqual([
      ['so-SO-2026-014-m-1', false],
      ['so-SO-2026-014-m-1', true],
    ]);
  });

  it('previews what each invitee receives: subject, text, attachment; a network member without e-mail is called', async () => {
    renderPrepare(seedPlan014());
    await screen.findByRole('heading', { name: '5. Voorbeeld & versturen' });
    await userEvent.click(screen.getByRole('button', { name: 'Kofi Mensah' }));
    const preview = screen.getByRole('heading', { name: 'Wat Kofi Mensah krijgt' }).parentElement!;
    expect(preview.textContent).toContain('Kofi Mensah <kofi.mensah@geldrust.example> (verplicht)');
    expect(preview.textContent).toContain('Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026');
    expect(await within(preview).findByText('Samenwerkwijze - de vijf principes.pdf')).toBeTruthy();
    expect(within(preview).getByRole('region', { name: 'Tekst van de uitnodiging' }).textContent).toContain('Het doel van dit overleg');
    await userEvent.click(screen.getByRole('button', { name: 'Nadia Benali – per telefoon' }));
    expect(screen.getByText(/Geen e-mail: bel Nadia Benali/)).toBeTruthy();
  });

  it('finds a colleague in the directory and invites them with reasons and an optional switch', async () => {
    const fake = renderPrepare(seedPlan014());
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Zoek een collega' }), 'Lin{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Uitnodigen: Linda Martens' }));
    const card = (await screen.findByRole('heading', { level: 3, name: 'Linda Martens' })).closest('li')!;
    await userEvent.click(within(card).getByRole('checkbox', { name: 'een kritische blik' }));
    await userEvent.click(within(card).getByRole('switch', { name: 'Optioneel' }));
    await waitFor(() => {
      const linda = fake.storedPlan().participants.find((p) => p.name === 'Linda Martens');
      expect(linda).toMatchObject({ reasons: ['criticalEye'], email: 'linda.martens@thuisveld.example', userId: 'u-linda' });
      expect(fake.storedPlan().meetings[0]!.optionalParticipantIds).toEqual([linda!.id]);
    }, { timeout: 3000 });
  });

  it('suggests times and takes the one chosen', async () => {
    renderPrepare(seedPlan014());
    await userEvent.click(await screen.findByRole('button', { name: 'Zoek tijden' }));
    const option = await screen.findByRole('radio', { name: /maandag 30 november.*10:00–11:30/ });
    await userEvent.click(option);
    expect(await screen.findByText(/Gekozen: maandag 30 november/)).toBeTruthy();
  });
});
