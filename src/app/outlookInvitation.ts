// The Outlook add-in writes back: an SO invitation filled into Outlook's compose window is recorded in the
// case's plan exactly as a send from the tab records it (transactionId and dates first, then the event id,
// the moment and "invitation.sent"), so the Reacties tab follows its responses through Graph. Outlook sends
// the invitation itself when the case director presses Send; what the plan needs is the event's id, which
// exists once the item is saved (saveAsync → convertToRestId).
import { prepareSend, recordSent } from '../domain';
import type { Plan } from '../domain';
import { AppError } from './errors';
import { invitationTransactionId, type MeetingInvitation } from './invitations';
import type { LoadedPlan } from './planDocument';
import { storedPlanAccess } from './planAccess';
import type { Services } from './ports';

export interface RecordedOutlookInvitation {
  eventId: string;
  plan: Plan;
  loaded: LoadedPlan;
}

export async function recordOutlookInvitation(
  services: Pick<Services, 'outlook' | 'plans' | 'cases' | 'clock' | 'directory'>,
  loaded: LoadedPlan,
  invitation: Pick<MeetingInvitation, 'meetingId' | 'respondBy' | 'soNeededSince'>,
): Promise<RecordedOutlookInvitation> {
  if (!services.outlook) throw new AppError('outlook-wrong-item', { detail: 'no Outlook appointment is open' });
  const meetingId = invitation.meetingId;
  const already = loaded.plan.meetings.find((m) => m.id === meetingId)?.eventId;
  const eventId = await services.outlook.saveAppointment();
  if (already !== undefined && already !== eventId) {
    // The plan already follows another event for this SO: recording this one would lose track of that one.
    throw new AppError('send-ambiguous', { detail: 'the meeting already has an event' });
  }
  const me = await services.directory.me();
  const access = storedPlanAccess(services, loaded);
  const now = services.clock.now().toISOString();
  const plan = await access.commit((p) => recordSent(
    prepareSend(p, meetingId, { transactionId: invitationTransactionId(p, meetingId), respondBy: invitation.respondBy, soNeededSince: invitation.soNeededSince, now }),
    meetingId,
    { eventId, now, byUserId: me.id },
  ));
  return { eventId, plan, loaded: access.loaded() };
}
