// After the SO is closed: the completed plan goes to everyone who was there. Professionals with an e-mail
// address whom the resident's consent covers get the plan document shared (read-only) and a summary mail;
// everyone else — the resident, the network, professionals without consent — gets the printable version,
// which the case director hands over. The one distributing is left out (they have the plan).
//
// Mail has no idempotency key, so every mail is bracketed in the plan itself: "about to mail X" is stored
// (written to the shared plan) before the send, "X received it" right after. A retry skips whoever is
// recorded as mailed, and reports — does not resend — anyone whose send was started but never confirmed
// (mail-ambiguous: look in Sent Items first, then confirm with `resend`).
import { appendLog, hasConsentFor, isCaseDirectorParticipant, isEmailAddress, isPlanShared, recordDistribution, summariseMeeting, composeSummaryMail } from '../domain';
import type { ParticipantRole, Plan } from '../domain';
import { AppError, toAppError } from './errors';
import { documentAccess } from './planAccess';
import type { OpenPlanDocument } from './planAccess';
import type { Services } from './ports';
import { shareWithPresent } from './sharePlan';

export type { OpenPlanDocument } from './planAccess';

export type PrintReason = 'resident' | 'network' | 'no-email' | 'no-consent';

export interface DistributionOutcome {
  participantId: string;
  name: string;
  role: ParticipantRole;
  /** How they get the plan: the summary by mail (with the document shared), or printed by the case director. */
  channel: 'mail' | 'print';
  /**
   * 'sent' now; 'already-sent' by an earlier run; 'failed' (see error: mail-ambiguous means it may have gone
   * out — check Sent Items); 'print' for the printed version.
   */
  status: 'sent' | 'already-sent' | 'failed' | 'print';
  printReason?: PrintReason;
  /** The plan document: shared now, or already before. */
  share?: 'shared' | 'already-shared';
  error?: AppError;
}

export interface DistributeOptions {
  /**
   * Participants whose earlier send could not be confirmed and who, the user checked in Sent Items, did not
   * get it: mail them again.
   */
  resend?: readonly string[];
}

export const MAILING_ACTION = 'meeting.summary.mailing';
export const MAIL_FAILED_ACTION = 'meeting.summary.mailFailed';
const mailTarget = (meetingId: string, participantId: string) => `${meetingId}/${participantId}`;

/** A send was started and never confirmed (nor known to have failed): it may have gone out. */
function unconfirmedSend(plan: Plan, meetingId: string, participantId: string): boolean {
  const target = mailTarget(meetingId, participantId);
  const last = plan.log.filter((e) => e.targetId === target && (e.action === MAILING_ACTION || e.action === MAIL_FAILED_ACTION)).at(-1);
  return last?.action === MAILING_ACTION;
}

export async function distributeMeeting(
  services: Pick<Services, 'plans' | 'directory' | 'clock' | 'mail' | 'connectivity'>,
  document: OpenPlanDocument,
  meetingId: string,
  options: DistributeOptions = {},
): Promise<DistributionOutcome[]> {
  // Offline, a send cannot even start: say so before anything is recorded as "about to mail".
  if (!services.connectivity.isOnline()) throw new AppError('network-offline', { detail: 'the device is offline' });
  // The closed SO and everything recorded in it must be in the shared plan before anyone gets it.
  const stored = (await document.saveNow()) ?? document.plan;
  const access = documentAccess(document, stored);
  const meeting = stored.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`no meeting ${meetingId}`);
  const summary = summariseMeeting(stored, meetingId);
  const mailedBefore = new Set((meeting.distribution ?? []).filter((d) => d.channel === 'mail').map((d) => d.participantId));
  const resend = new Set(options.resend ?? []);
  const me = await services.directory.me();
  const now = () => services.clock.now().toISOString();

  const outcomes: DistributionOutcome[] = [];
  const toMail: DistributionOutcome[] = [];
  for (const person of summary.present) {
    // The one distributing was there too, and has the plan already.
    if (person.userId !== undefined && person.userId === me.id) continue;
    const base = { participantId: person.participantId, name: person.name, role: person.role };
    const email = (person.email ?? '').trim();
    let printReason: PrintReason | undefined;
    if (person.role !== 'professional') printReason = person.role === 'resident' ? 'resident' : 'network';
    else if (!isEmailAddress(email)) printReason = 'no-email';
    else if (!hasConsentFor(stored, 'sharePlan', person.participantId)) printReason = 'no-consent';
    if (printReason !== undefined) {
      outcomes.push({ ...base, channel: 'print', status: 'print', printReason });
      continue;
    }
    const outcome: DistributionOutcome = { ...base, channel: 'mail', status: 'sent' };
    outcomes.push(outcome);
    if (mailedBefore.has(person.participantId)) outcome.status = 'already-sent';
    else if (unconfirmedSend(stored, meetingId, person.participantId) && !resend.has(person.participantId)) {
      outcome.status = 'failed';
      outcome.error = new AppError('mail-ambiguous', { detail: 'an earlier send was started but not confirmed' });
    } else toMail.push(outcome);
  }

  // The document first: the mail says it is shared. Sharing again would send the share invitation twice.
  for (const outcome of outcomes.filter((o) => o.channel === 'mail')) {
    const participant = access.current().participants.find((p) => p.id === outcome.participantId);
    // The case director keeps the plan (it lives in her library): she gets the summary, never a share of her own plan.
    const keeper = isCaseDirectorParticipant(stored, participant);
    if (participant && (keeper || isPlanShared(participant))) {
      outcome.share = 'already-shared';
      continue;
    }
    if (outcome.status !== 'sent') continue;
    try {
      const shared = await shareWithPresent(services, access, outcome.participantId);
      if (shared.kind === 'shared') outcome.share = 'shared';
      else if (shared.reason === 'already-shared') outcome.share = 'already-shared';
    } catch (error) {
      outcome.status = 'failed';
      outcome.error = toAppError(error);
    }
  }

  const sending = toMail.filter((o) => o.status === 'sent');
  if (sending.length > 0) {
    // Before: stored in the shared plan, so neither a crash nor a second device can mail anyone twice.
    const at = now();
    await access.commit((plan) => sending.reduce((p, o) => appendLog(p, { at, byUserId: me.id, action: MAILING_ACTION, targetId: mailTarget(meetingId, o.participantId) }), plan));
  }
  for (const outcome of sending) {
    const person = summary.present.find((p) => p.participantId === outcome.participantId)!;
    const mail = composeSummaryMail(summary, person.name);
    try {
      await services.mail.send({ to: [{ name: person.name, email: person.email!.trim() }], subject: mail.subject, html: mail.html });
      // After: recorded at once (this device's outbox), written with the rest below.
      document.update((plan) => recordDistribution(plan, meetingId, [{ participantId: outcome.participantId, channel: 'mail' }], now()));
    } catch (error) {
      outcome.status = 'failed';
      outcome.error = toAppError(error);
      // A failure that surely sent nothing clears the "about to mail" mark; an ambiguous one keeps it.
      if (outcome.error.code !== 'mail-ambiguous') {
        document.update((plan) => appendLog(plan, { at: now(), byUserId: me.id, action: MAIL_FAILED_ACTION, targetId: mailTarget(meetingId, outcome.participantId) }));
      }
    }
  }

  const prints = outcomes.filter((o) => o.channel === 'print').map((o) => ({ participantId: o.participantId, channel: 'print' as const }));
  if (prints.length > 0) document.update((plan) => recordDistribution(plan, meetingId, prints, now()));
  await document.saveNow();
  return outcomes;
}
