// Use cases of the invited professional: my SO invitations, why I am invited, answering, and passing my seat to
// a colleague who fits better. The same view comes from Graph (personal tab) or from the open Outlook item
// (the add-in on a received meeting); answering always goes through Graph, on the event in my own calendar.
import { composeSeatPassedComment, isEmailAddress, readInvitation } from '../domain';
import type { InvitationReading } from '../domain';
import { AppError } from './errors';
import type { AttendeeResponseStatus, CalendarInvitation, MeetingReply, Person, Recipient, Services } from './ports';

/** How far ahead "Mijn uitnodigingen" looks. */
export const INVITATION_WINDOW_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * My SO invitations from now on (meetings that already began but did not end yet included), by start: the app's
 * events (SO, follow-up, evaluation), recognised by the mark they got at creation, never by their subject.
 */
export async function listMyInvitations(services: Pick<Services, 'calendar' | 'clock'>): Promise<CalendarInvitation[]> {
  const now = services.clock.now();
  const events = await services.calendar.listInvitations({
    start: now.toISOString(),
    end: new Date(now.getTime() + INVITATION_WINDOW_DAYS * DAY_MS).toISOString(),
  });
  return events.filter((e) => !e.isOrganizer);
}

export interface InvitationView {
  /** The event in my calendar, for Graph (respond, forward); absent when Outlook could not name it. */
  eventId?: string;
  subject: string;
  /** ISO 8601. */
  start?: string;
  end?: string;
  location?: string;
  organizer: Recipient;
  /** My answer so far. */
  response: AttendeeResponseStatus;
  isCancelled: boolean;
  attachmentNames: string[];
  /** What the invitation says, and about me. */
  reading: InvitationReading;
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() !== '' && (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * The names the invitation may list me under, most specific first: the name on the attendee entry with my
 * address (the case director's spelling, as the invitation used it), then my directory name.
 */
export function namesForMe(me: Person, attendees: readonly { name: string; email: string }[]): string[] {
  const names = [...attendees.filter((a) => same(a.email, me.mail)).map((a) => a.name), me.displayName];
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/** One invitation in my calendar, read for "Waarom ben ik uitgenodigd?". */
export async function openInvitation(services: Pick<Services, 'calendar' | 'directory'>, eventId: string): Promise<InvitationView> {
  const [detail, me] = await Promise.all([services.calendar.getInvitation(eventId), services.directory.me()]);
  const view: InvitationView = {
    eventId: detail.eventId,
    subject: detail.subject,
    start: detail.start,
    end: detail.end,
    organizer: detail.organizer,
    response: detail.response,
    isCancelled: detail.isCancelled,
    attachmentNames: detail.attachmentNames,
    reading: readInvitation(detail.bodyText, namesForMe(me, detail.attendees)),
  };
  if (detail.location) view.location = detail.location;
  return view;
}

/** The received meeting open in Outlook (add-in, attendee mode), read the same way. */
export async function openAppointmentInvitation(services: Pick<Services, 'outlook' | 'directory'>): Promise<InvitationView> {
  if (!services.outlook) throw new AppError('outlook-wrong-item', { detail: 'no Outlook item here' });
  const [open, me] = await Promise.all([services.outlook.readAppointment(), services.directory.me()]);
  const mine = open.attendees.find((a) => same(a.email, me.mail));
  const view: InvitationView = {
    subject: open.subject,
    organizer: { name: open.organizerName, email: open.organizerEmail },
    response: mine?.response ?? 'none',
    isCancelled: false,
    attachmentNames: open.attachmentNames,
    reading: readInvitation(open.bodyText, namesForMe(me, open.attendees)),
  };
  if (open.itemRestId) view.eventId = open.itemRestId;
  if (open.start) view.start = open.start;
  if (open.end) view.end = open.end;
  if (open.location) view.location = open.location;
  return view;
}

/** Accept, tentatively accept or decline, with an optional comment for the organiser. */
export async function answerInvitation(services: Pick<Services, 'calendar'>, eventId: string, reply: MeetingReply, comment?: string): Promise<void> {
  const text = comment?.trim();
  await services.calendar.respond(eventId, reply, text ? text : undefined);
}

export type ForwardProblem = 'colleague-missing' | 'colleague-no-mail' | 'colleague-is-me' | 'note-missing';

/** What stops a forward: a colleague with an address, not me, and a note why they fit better. */
export function checkForward(me: Pick<Person, 'mail'> | undefined, colleague: Person | undefined, note: string): ForwardProblem[] {
  const problems: ForwardProblem[] = [];
  if (!colleague) problems.push('colleague-missing');
  else if (!isEmailAddress(colleague.mail?.trim() ?? '')) problems.push('colleague-no-mail');
  else if (same(colleague.mail, me?.mail)) problems.push('colleague-is-me');
  if (note.trim() === '') problems.push('note-missing');
  return problems;
}

/**
 * Passes my seat to a colleague who fits better. The forward (Graph) gives them the meeting with the hand-out and
 * my note; Exchange tells the organiser only *that* it was forwarded, so my answer to the organiser is a decline
 * whose comment says who takes my seat and why (domain composeSeatPassedComment): the case director's app reads
 * it and shows the note beside the colleague. Answering is never retried blindly (the request path does not).
 */
export async function forwardSeat(services: Pick<Services, 'calendar' | 'directory'>, eventId: string, colleague: Person | undefined, note: string): Promise<void> {
  const me = await services.directory.me();
  const problems = checkForward(me, colleague, note);
  if (problems.length > 0 || !colleague) throw new RangeError(`forward refused: ${problems.join(', ')}`);
  const to = { name: colleague.displayName, email: colleague.mail!.trim() };
  await services.calendar.forward(eventId, to, note.trim());
  await services.calendar.respond(eventId, 'decline', composeSeatPassedComment(to, note));
}

/** The hand-out attached to an invitation in my calendar, to open on this device. */
export async function loadHandout(services: Pick<Services, 'calendar'>, eventId: string) {
  const file = await services.calendar.getAttachment(eventId);
  if (!file || file.bytesBase64 === '') throw new AppError('graph-not-found', { detail: 'no hand-out attached' });
  return file;
}
