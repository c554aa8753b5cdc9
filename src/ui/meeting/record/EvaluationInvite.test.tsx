// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../app/errors';
import type { EvaluationSendOutcome } from '../../../app/evaluationInvitation';
import { evaluationMeetingId, planEvaluation, planEvaluationMeeting, prepareSend, recordSent } from '../../../domain';
import type { Plan, Problem } from '../../../domain';
import { seedPlan014 } from '../../case/prepare/fakeServices';
import { SYNCED_STATUS } from '../../case/usePlanDocument';
import type { PlanDocument, PlanSyncStatus } from '../../case/usePlanDocument';
import { renderWithFluent } from '../../testing/renderWithFluent';
import { EvaluationSection } from './EvaluationSection';
import { DURING_SO, recordServices, USER_ID } from './recordTesting';

const sendEvaluationInvitation = vi.hoisted(() => vi.fn<(...args: unknown[]) => Promise<EvaluationSendOutcome>>());
vi.mock('../../../app/evaluationInvitation', () => ({ sendEvaluationInvitation }));

afterEach(cleanup);
beforeEach(() => sendEvaluationInvitation.mockReset());

const AT = DURING_SO.toISOString();

function withEvaluation(how: 'meeting' | 'mail' = 'meeting'): Plan {
  return planEvaluation(seedPlan014(), { id: 'e-1', date: '2027-01-12', organiserParticipantId: 'p-esra', how, meetingId: 'm-1' }, AT);
}

function render(plan: Plan, sync: Partial<PlanSyncStatus> = {}) {
  const services = recordServices();
  let shown: PlanDocument & { plan: Plan } = undefined as never;
  function Section() {
    const [current, setCurrent] = useState(plan);
    const document: PlanDocument & { plan: Plan } = {
      documentId: 'doc-014',
      plan: current,
      save: { kind: 'idle' as const },
      sync: { ...SYNCED_STATUS, ...sync },
      update: (recipe) => setCurrent(recipe),
      saveNow: async () => current,
      reload: () => undefined,
      userId: USER_ID,
    };
    shown = document;
    return <EvaluationSection services={services} document={document} meeting={current.meetings.find((m) => m.id === 'm-1')!} />;
  }
  renderWithFluent(<Section />);
  return { services, document: () => shown, region: () => screen.getByRole('region', { name: 'Evaluatie' }) };
}

const sendButton = () => screen.getByRole('button', { name: 'Uitnodiging versturen' });

describe('the evaluation’s invitation in Outlook', () => {
  it('offers it under a stored evaluation in an SO, sends it with progress and says so in Dutch', async () => {
    let resolve: (outcome: EvaluationSendOutcome) => void = () => undefined;
    sendEvaluationInvitation.mockReturnValue(new Promise((r) => { resolve = r; }));
    const { services, document, region } = render(withEvaluation());
    expect(within(region()).getByRole('heading', { name: 'Ook een uitnodiging in Outlook versturen?' })).toBeTruthy();
    // On the evaluation day at the SO's time of day.
    expect(region().textContent).toMatch(/12 januari 2027.*10:00/);

    await userEvent.click(sendButton());
    expect(sendEvaluationInvitation).toHaveBeenCalledWith(services, document(), 'e-1');
    expect(screen.getByText('De uitnodiging wordt verstuurd…')).toBeTruthy();
    expect(sendButton().getAttribute('aria-disabled')).toBe('true');

    resolve({ kind: 'sent', eventId: 'ev-1', sentAt: AT, created: true, plan: document().plan, meetingId: evaluationMeetingId('e-1') });
    expect(await screen.findByText('De uitnodiging voor de evaluatie is verstuurd.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uitnodiging versturen' })).toBeNull();
  });

  it('shows the Dutch error with a retry on failure; the retry sends again', async () => {
    sendEvaluationInvitation.mockRejectedValueOnce(new AppError('send-ambiguous'));
    render(withEvaluation());
    await userEvent.click(sendButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('send-ambiguous');

    sendEvaluationInvitation.mockResolvedValueOnce({ kind: 'already-sent', eventId: 'ev-1', plan: withEvaluation() });
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('De uitnodiging voor de evaluatie is verstuurd.')).toBeTruthy();
    expect(sendEvaluationInvitation).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists what blocks the send', async () => {
    const problems: Problem[] = [{ severity: 'error', code: 'attendees-missing', message: 'Er is niemand met een e-mailadres om uit te nodigen voor de evaluatie.', path: 'invitees' }];
    sendEvaluationInvitation.mockResolvedValueOnce({ kind: 'blocked', problems });
    render(withEvaluation());
    await userEvent.click(sendButton());
    expect(await screen.findByText('De uitnodiging is niet verstuurd:')).toBeTruthy();
    expect(screen.getByText(problems[0]!.message)).toBeTruthy();
  });

  it('is disabled with the reason while offline, and while the evaluation has unstored changes', async () => {
    render(withEvaluation(), { state: 'offline' });
    expect(sendButton().getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(sendButton().getAttribute('aria-describedby')!)!;
    expect(reason.textContent).toBe('Je bent offline. Versturen kan zodra je weer verbinding hebt.');
    await userEvent.click(sendButton());
    expect(sendEvaluationInvitation).not.toHaveBeenCalled();
    cleanup();

    const { region } = render(withEvaluation());
    await userEvent.clear(within(region()).getByLabelText(/Datum van de evaluatie/));
    await userEvent.type(within(region()).getByLabelText(/Datum van de evaluatie/), '2027-01-08');
    expect(sendButton().getAttribute('aria-disabled')).toBe('true');
    expect(region().textContent).toContain('Leg eerst je wijzigingen in de evaluatie vast.');
  });

  it('is not offered for an evaluation by mail; says when it was sent once it was', () => {
    render(withEvaluation('mail'));
    expect(screen.queryByRole('button', { name: 'Uitnodiging versturen' })).toBeNull();
    cleanup();

    const id = evaluationMeetingId('e-1');
    let plan = planEvaluationMeeting(withEvaluation(), 'e-1', AT);
    plan = prepareSend(plan, id, { transactionId: 'tx', respondBy: '2027-01-07', soNeededSince: '2026-12-01', now: AT });
    plan = recordSent(plan, id, { eventId: 'ev-1', now: AT, byUserId: USER_ID });
    const { region } = render(plan);
    expect(screen.queryByRole('button', { name: 'Uitnodiging versturen' })).toBeNull();
    expect(region().textContent).toContain('De uitnodiging voor de evaluatie is verstuurd op');
  });
});
