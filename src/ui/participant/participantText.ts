// Words and dates the participant screens share.
import type { AttendeeResponseStatus } from '../../app/ports';
import type { Reason } from '../../domain';
import { dateTimeFormat, formatDateTime } from '../format';
import type { MessageKey } from '../messages';

export const RESPONSE_LABEL: Record<AttendeeResponseStatus, MessageKey> = {
  none: 'participant.response.none',
  notResponded: 'participant.response.none',
  organizer: 'participant.response.organizer',
  tentative: 'participant.response.tentative',
  accepted: 'participant.response.accepted',
  declined: 'participant.response.declined',
};

export const REASON_LABEL: Record<Reason, MessageKey> = {
  experience: 'participant.reason.experience',
  expertise: 'participant.reason.expertise',
  thinkAlong: 'participant.reason.thinkAlong',
  criticalEye: 'participant.reason.criticalEye',
};

const clock = () => dateTimeFormat({ hour: '2-digit', minute: '2-digit' });
const day = () => dateTimeFormat({ year: 'numeric', month: '2-digit', day: '2-digit' });

/** "di 1 december 2026 om 10:00 – 11:30" (Dutch time); the end with its date when it is another day. */
export function formatSpan(start: string | undefined, end: string | undefined): string {
  if (!start) return '';
  const from = new Date(start);
  if (Number.isNaN(from.getTime())) return '';
  const to = end ? new Date(end) : undefined;
  if (!to || Number.isNaN(to.getTime())) return formatDateTime(start);
  return day().format(from) === day().format(to) ? `${formatDateTime(start)} – ${clock().format(to)}` : `${formatDateTime(start)} – ${formatDateTime(end!)}`;
}

/** The same reasons said of someone else ("Wouter Dijkman – kennis en kunde over deze vraag"). */
export const REASON_OF_LABEL: Record<Reason, MessageKey> = {
  experience: 'participant.reasonOf.experience',
  expertise: 'participant.reasonOf.expertise',
  thinkAlong: 'participant.reasonOf.thinkAlong',
  criticalEye: 'participant.reasonOf.criticalEye',
};
