// The six weeks after the SO, as use cases: remind owners of overdue agreements (by mail for professionals,
// at most once a week each; the domain decides who is due), and share changed agreements with everyone who
// got the plan (a summary mail within the resident's consent; the rest read it in the next printed plan).
// Every send is recorded in the plan right after it went out. Mail has no idempotency key: an ambiguous
// failure (it may have gone out) is recorded as sent too, so nobody gets the same reminder twice.
import { changeRecipients, composeChangeMail, composeFollowUpReminder, pendingAgreementChanges, recordChangeNotice, recordReminder, remindersDue } from '../domain';
import type { Plan, ReminderDue } from '../domain';
import { AppError, toAppError } from './errors';
import { newRecordId } from './planAccess';
import type { Services } from './ports';

export interface FollowUpDocument {
  plan: Plan;
  userId?: string;
  update(recipe: (plan: Plan) => Plan): void;
  saveNow(): Promise<Plan | undefined>;
}

export interface SendOutcome {
  participantId: string;
  name: string;
  status: 'sent' | 'failed';
  error?: AppError;
}

type MailServices = Pick<Services, 'mail' | 'clock' | 'connectivity'>;

/** Mails every professional with overdue agreements who was not reminded this week; records each reminder. */
export async function sendFollowUpReminders(services: MailServices, document: FollowUpDocument): Promise<SendOutcome[]> {
  if (!services.connectivity.isOnline()) throw new AppError('network-offline', { detail: 'the device is offline' });
  const now = services.clock.now().toISOString();
  const due = remindersDue(document.plan, now).filter((d) => d.channel === 'mail');
  const outcomes: SendOutcome[] = [];
  for (const reminder of due) {
    const mail = composeFollowUpReminder(document.plan, reminder, now);
    try {
      await services.mail.send({ to: [{ name: '', email: reminder.email! }], subject: mail.subject, html: mail.html });
      record(document, reminder, services.clock.now().toISOString());
      outcomes.push({ participantId: reminder.participantId, name: reminder.name, status: 'sent' });
    } catch (error) {
      const appError = toAppError(error);
      // It may have gone out: counting it as this week's reminder is better than a second one.
      if (appError.code === 'mail-ambiguous') record(document, reminder, services.clock.now().toISOString());
      outcomes.push({ participantId: reminder.participantId, name: reminder.name, status: 'failed', error: appError });
    }
  }
  await document.saveNow();
  return outcomes;
}

function record(document: FollowUpDocument, reminder: ReminderDue, at: string, channel: 'mail' | 'personal' = 'mail'): void {
  const id = newRecordId('rem');
  document.update((plan) => recordReminder(plan, { id, participantId: reminder.participantId, agreementIds: reminder.agreementIds, channel, at, byUserId: document.userId ?? '' }));
}

/** The case director reminded the resident or a network member in person (a call, a visit): recorded like a mail. */
export function recordPersonalReminder(services: Pick<Services, 'clock'>, document: FollowUpDocument, reminder: ReminderDue): void {
  record(document, reminder, services.clock.now().toISOString(), 'personal');
}

/**
 * Shares the changes since the plan was handed out: a summary mail to each professional within consent (one
 * mail each, so nobody sees the others' addresses), then one notice in the plan with who was mailed and who
 * reads it on paper. Someone whose mail failed is not in the notice's mailed list.
 */
export async function shareAgreementChanges(services: MailServices, document: FollowUpDocument): Promise<SendOutcome[]> {
  if (!services.connectivity.isOnline()) throw new AppError('network-offline', { detail: 'the device is offline' });
  const plan = document.plan;
  const changes = pendingAgreementChanges(plan);
  if (changes.length === 0) return [];
  const recipients = changeRecipients(plan);
  const mail = composeChangeMail(plan, changes);
  const outcomes: SendOutcome[] = [];
  for (const recipient of recipients.filter((r) => r.channel === 'mail')) {
    try {
      await services.mail.send({ to: [{ name: '', email: recipient.email! }], subject: mail.subject, html: mail.html });
      outcomes.push({ participantId: recipient.participantId, name: recipient.name, status: 'sent' });
    } catch (error) {
      outcomes.push({ participantId: recipient.participantId, name: recipient.name, status: 'failed', error: toAppError(error) });
    }
  }
  const at = services.clock.now().toISOString();
  const id = newRecordId('chg');
  document.update((p) =>
    recordChangeNotice(p, {
      id,
      agreementIds: changes.map((c) => c.agreementId),
      at,
      byUserId: document.userId ?? '',
      mailedParticipantIds: outcomes.filter((o) => o.status === 'sent').map((o) => o.participantId),
      printParticipantIds: recipients.filter((r) => r.channel === 'print').map((r) => r.participantId),
    }),
  );
  await document.saveNow();
  return outcomes;
}
