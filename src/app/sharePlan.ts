// Sharing the Samenwerkplan with a participant (Leerplan 4.2): only after they accepted the invitation,
// only when the resident's consent covers them; read-only, sign-in required, revocable, and written
// down in the plan's log.
import { composeShareNote, recordAction, recordShare, recordShareRevoked, shareBlocker } from '../domain';
import type { Plan, ShareBlocker } from '../domain';
import type { PlanAccess } from './planAccess';
import type { Services } from './ports';

export type ShareOutcome = { kind: 'shared'; permissionId: string; plan: Plan } | { kind: 'refused'; reason: ShareBlocker | 'not-sent' };

const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Shares the plan document read-only with the participant. Acceptance is read fresh from the event and
 * consent from the plan; either missing → refused, nothing shared. Sharing again after a failure is safe:
 * the store updates the same permission.
 */
export async function sharePlanWith(
  services: Pick<Services, 'calendar' | 'plans' | 'directory' | 'clock'>,
  access: PlanAccess,
  meetingId: string,
  participantId: string,
): Promise<ShareOutcome> {
  const plan = access.current();
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  const participant = plan.participants.find((p) => p.id === participantId);
  if (!participant) throw new RangeError(`no participant ${participantId}`);
  // Cheap checks first: without consent or e-mail there is no reason to ask the calendar.
  const early = shareBlocker(plan, participantId, true);
  if (early !== undefined) return { kind: 'refused', reason: early };
  if (meeting?.eventId === undefined) return { kind: 'refused', reason: 'not-sent' };
  const responses = await services.calendar.getResponses(meeting.eventId);
  const accepted = responses.some((r) => same(r.email, participant.email) && r.response === 'accepted');
  const blocker = shareBlocker(plan, participantId, accepted);
  if (blocker !== undefined) return { kind: 'refused', reason: blocker };

  return shareNow(services, access, participantId, meetingId);
}

/**
 * Shares with a participant who was present at the SO: being there counts as having accepted. Consent and
 * e-mail are still checked; someone it is shared with already is left alone (a repeat would mail them again).
 */
export async function shareWithPresent(
  services: Pick<Services, 'plans' | 'directory' | 'clock'>,
  access: PlanAccess,
  participantId: string,
): Promise<ShareOutcome> {
  const blocker = shareBlocker(access.current(), participantId, true);
  if (blocker !== undefined) return { kind: 'refused', reason: blocker };
  return shareNow(services, access, participantId);
}

async function shareNow(services: Pick<Services, 'plans' | 'directory' | 'clock'>, access: PlanAccess, participantId: string, meetingId?: string): Promise<ShareOutcome> {
  const participant = access.current().participants.find((p) => p.id === participantId)!;
  const me = await services.directory.me();
  const note = composeShareNote({ caseAlias: access.current().caseAlias, organiser: me.displayName });
  const { permissionId } = await services.plans.share(access.documentId, { email: participant.email!.trim() }, note);
  const now = services.clock.now().toISOString();
  const saved = await access.commit((p) => {
    const shared = recordShare(p, participantId, { permissionId, now, byUserId: me.id });
    // The share as a fact of the SO it followed (who, when, with whom), next to the escalations and reminders.
    return meetingId === undefined ? shared : recordAction(shared, {
      id: `share:${meetingId}:${participantId}:${now}`, meetingId, kind: 'share', state: 'done', at: now, by: me.id, byName: me.displayName,
      participantId, to: [{ name: participant.name, email: participant.email!.trim(), participantId }], updatedAt: now,
    });
  });
  return { kind: 'shared', permissionId, plan: saved };
}

export type RevokeOutcome = { kind: 'revoked'; alreadyGone: boolean; plan: Plan } | { kind: 'not-shared' };

/** Takes the share back: the permission is deleted, the plan keeps the record of when it was shared and revoked. */
export async function revokeShare(
  services: Pick<Services, 'plans' | 'directory' | 'clock'>,
  access: PlanAccess,
  participantId: string,
): Promise<RevokeOutcome> {
  const participant = access.current().participants.find((p) => p.id === participantId);
  const share = participant?.share;
  if (!share || share.revokedAt !== undefined) return { kind: 'not-shared' };
  const { alreadyGone } = await services.plans.revoke(access.documentId, share.permissionId);
  const me = await services.directory.me();
  const now = services.clock.now().toISOString();
  const saved = await access.commit((p) => recordShareRevoked(p, participantId, { now, byUserId: me.id }));
  return { kind: 'revoked', alreadyGone, plan: saved };
}
