// What the resident agreed to. The invitation flow needs consent for the SO; sharing the plan needs
// consent for that named participant. A revoked consent no longer counts.
import { isCaseDirectorParticipant } from './attendance';
import type { ConsentSubject, Plan } from './planSchema';

type ConsentView = Pick<Plan, 'consents' | 'participants'> & Partial<Pick<Plan, 'caseDirectorUserId'>>;

/**
 * Whether the plan holds a live consent for `subject`, and, when a participant is named, one that lists
 * them. The plan is the resident's own, so sharing it with the resident needs no further consent.
 */
export function hasConsentFor(plan: ConsentView, subject: ConsentSubject, participantId?: string): boolean {
  if (participantId !== undefined) {
    const participant = plan.participants.find((p) => p.id === participantId);
    if (subject === 'sharePlan' && participant?.role === 'resident') return true;
    // The case director keeps the plan with the resident: she needs no consent to see it or to be at the table.
    if (isCaseDirectorParticipant(plan, participant)) return true;
  }
  return plan.consents.some(
    (c) =>
      c.subject === subject &&
      c.revokedAt === undefined &&
      (participantId === undefined || (c.participantIds ?? []).includes(participantId)),
  );
}

/** The participants a live consent covers for `subject` (e.g. whom the plan may be shared with). */
export function participantsWithConsent(plan: ConsentView, subject: ConsentSubject): string[] {
  return plan.participants.filter((p) => hasConsentFor(plan, subject, p.id)).map((p) => p.id);
}
