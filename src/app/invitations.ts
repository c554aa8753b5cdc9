// Use cases of the SO invitation: compose it from the plan, find a time, send it through Graph exactly
// once, and follow the answers (forwards, declines → area champion, reminders). Every rule comes from
// the domain; every call to Microsoft 365 goes through the ports.
import {
  actionsOf,
  addForwardedParticipant as addForwardedToPlan,
  amsterdamDay,
  amsterdamInstant,
  amsterdamLocal,
  appendLog,
  checkMessage,
  checkSoPreparation,
  composeEscalation,
  composeInvitation,
  composeReminder,
  defaultRespondBy,
  defaultSoNeededSince,
  hasErrors,
  invitedByPhone,
  invitedParticipants,
  isOptionalInvitee,
  meetingLocationText,
  messageHtml,
  prepareSend,
  readSeatPassedComment,
  recordAction,
  recordSent,
  responseActionId,
  settleAction,
  soTimeWindows,
  TIME_ZONE,
} from '../domain';
import type { CalendarDay, DraftMessage, Invitation, Meeting, MeetingAction, Plan, PlanParticipant, Problem, Reason } from '../domain';
import { AppError } from './errors';
import { newRecordId } from './planAccess';
import type { PlanAccess } from './planAccess';
import type { AreaChampion, AttendeeResponseStatus, MeetingTimeSuggestion, Person, Recipient, ResponseMessage, Services } from './ports';

export interface Organiser {
  name: string;
  email: string;
}

function isoNow(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

function meetingOf(plan: Plan, meetingId: string): Meeting {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`no meeting ${meetingId} in ${plan.caseAlias}`);
  return meeting;
}

async function organiserOf(services: Pick<Services, 'directory'>): Promise<Organiser & { userId: string }> {
  const me = await services.directory.me();
  return { userId: me.id, name: me.displayName, email: me.mail ?? '' };
}

const sameAddress = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

// ---------------------------------------------------------------------------------------------------------
// The invitation

export interface MeetingInvitation extends Invitation {
  meetingId: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
  /** The same moments as Amsterdam wall-clock times (for Graph's dateTimeTimeZone). */
  startLocal: string;
  endLocal: string;
  timeZone: string;
  /** The event's location line (no address: that follows after acceptance). */
  location: string;
  /** The dates the invitation states (the meeting's own, or the defaults). */
  respondBy: CalendarDay;
  soNeededSince: CalendarDay;
  /** The people the invitation names, in the order composeInvitation got them: `participants.{i}` paths index this list. */
  invitees: PlanParticipant[];
  /** Invitees without e-mail: they are called, and appear in the plan, not on the event. */
  byPhone: PlanParticipant[];
}

/**
 * The SO invitation for one meeting of the plan, exactly as it would be sent: the domain's
 * composeInvitation result (attendees typed required/optional as prepared) with the preparation's own
 * problems (consent, checklist) added. Pure: the Outlook add-in fills the same invitation from it.
 */
export function invitationForMeeting(
  plan: Plan,
  meetingId: string,
  context: { organiser: Organiser; municipality: string; now: Date | string },
): MeetingInvitation {
  const meeting = meetingOf(plan, meetingId);
  const now = isoNow(context.now);
  const nowMs = Date.parse(now);
  const invitees = invitedParticipants(plan, meeting);
  const respondBy = meeting.respondBy ?? (Number.isNaN(nowMs) ? '' : defaultRespondBy(meeting.start, amsterdamDay(nowMs))) ?? '';
  const soNeededSince = meeting.soNeededSince ?? defaultSoNeededSince(plan);
  const composed = composeInvitation({
    municipality: context.municipality,
    caseAlias: plan.caseAlias,
    goal: meeting.goal,
    start: meeting.start,
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    respondBy,
    organiser: context.organiser,
    participants: invitees,
    soNeededSince,
    now,
  });
  const attendees = composed.attendees.map((a) => {
    const who = invitees.find((p) => sameAddress(p.email, a.email));
    return who && isOptionalInvitee(meeting, who.id) ? { ...a, type: 'optional' as const } : a;
  });
  const startMs = Date.parse(meeting.start);
  const endMs = startMs + Math.max(0, meeting.durationMinutes) * 60_000;
  const valid = !Number.isNaN(startMs);
  const startLocal = valid ? amsterdamLocal(startMs) : '';
  const endLocal = valid ? amsterdamLocal(endMs) : '';
  return {
    ...composed,
    attendees,
    problems: [...composed.problems, ...checkSoPreparation(plan, meeting, invitees)],
    meetingId,
    start: valid ? (amsterdamInstant(startLocal) ?? meeting.start) : meeting.start,
    end: valid ? (amsterdamInstant(endLocal) ?? '') : '',
    startLocal,
    endLocal,
    timeZone: TIME_ZONE,
    location: meetingLocationText(meeting.location),
    respondBy,
    soNeededSince,
    invitees,
    byPhone: invitedByPhone(plan, meeting),
  };
}

/** The problems that concern one field: `path` itself or anything below it. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path || (p.path !== undefined && p.path.startsWith(`${path}.`)));
}

/** The transactionId of a meeting's invitation: stable, so a retry after a reload finds the same event. */
export function invitationTransactionId(plan: Pick<Plan, 'caseAlias'>, meetingId: string): string {
  return `so-${plan.caseAlias}-${meetingId}`;
}

// ---------------------------------------------------------------------------------------------------------
// Invitees from the directory

/** Colleagues for the invitee search: relevant people first, then directory users; one entry per person. */
export async function searchColleagues(services: Pick<Services, 'directory'>, text: string): Promise<Person[]> {
  const q = text.trim();
  if (q.length < 2) return [];
  const [people, users] = await Promise.allSettled([services.directory.searchPeople(q), services.directory.searchUsers(q, 10)]);
  if (people.status === 'rejected' && users.status === 'rejected') throw people.reason;
  const found: Person[] = [];
  for (const person of [...(people.status === 'fulfilled' ? people.value : []), ...(users.status === 'fulfilled' ? users.value : [])]) {
    const duplicate = found.find((f) => f.id === person.id || sameAddress(f.mail, person.mail));
    if (duplicate) {
      // The people API knows job and organisation, the users API (basic profile) does not.
      duplicate.jobTitle ??= person.jobTitle;
      duplicate.organisation ??= person.organisation;
    } else found.push({ ...person });
  }
  return found;
}

/** A directory person as a new invitee: a professional, reasons still to choose. */
export function inviteeFromPerson(person: Person, id = newRecordId('p')) {
  return {
    id,
    name: person.displayName,
    role: 'professional' as const,
    reasons: [] as Reason[],
    userId: person.id,
    ...(person.mail ? { email: person.mail } : {}),
    ...(person.organisation ? { organisation: person.organisation } : {}),
    ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// When

export interface TimeSuggestion {
  /** ISO with offset. */
  start: string;
  end: string;
  confidence: number;
  /** How many of the asked professionals are free (or tentative), of how many. */
  available: number;
  asked: number;
  unavailable: string[];
}

export interface TimeSuggestions {
  suggestions: TimeSuggestion[];
  emptyReason?: string;
  /** The last day of the two-week window. */
  lastDay: CalendarDay;
  /** The two-week window had passed: these suggestions are later than agreed. */
  outsideWindow: boolean;
}

/**
 * Times for the SO within two weeks of the day it turned out to be needed, in working hours, when the
 * invited professionals (with e-mail) are free. Graph's findMeetingTimes does the looking.
 */
export async function suggestMeetingTimes(
  services: Pick<Services, 'calendar' | 'clock' | 'directory'>,
  plan: Plan,
  meetingId: string,
  options: { durationMinutes?: number } = {},
): Promise<TimeSuggestions> {
  const meeting = meetingOf(plan, meetingId);
  const me = await services.directory.me();
  const durationMinutes = options.durationMinutes ?? meeting.durationMinutes;
  const { windows, lastDay, outsideWindow } = soTimeWindows({
    soNeededSince: meeting.soNeededSince ?? defaultSoNeededSince(plan),
    now: services.clock.now().toISOString(),
    durationMinutes,
  });
  const professionals = invitedParticipants(plan, meeting).filter(
    (p) => p.role === 'professional' && (p.email ?? '').trim() !== '' && !sameAddress(p.email, me.mail),
  );
  const answer = await services.calendar.findMeetingTimes({
    attendees: professionals.map((p) => ({ name: p.name, email: p.email!.trim(), type: isOptionalInvitee(meeting, p.id) ? 'optional' : 'required' })),
    windows,
    timeZone: TIME_ZONE,
    durationMinutes,
    maxCandidates: 10,
  });
  const free = (s: MeetingTimeSuggestion, email: string) => {
    const a = s.attendees.find((x) => sameAddress(x.email, email));
    return a !== undefined && (a.availability === 'free' || a.availability === 'tentative');
  };
  const suggestions = answer.suggestions
    .map((s): TimeSuggestion | undefined => {
      const start = amsterdamInstant(s.start);
      const end = amsterdamInstant(s.end);
      if (!start || !end) return undefined;
      const unavailable = professionals.filter((p) => !free(s, p.email!.trim())).map((p) => p.name);
      return { start, end, confidence: s.confidence, available: professionals.length - unavailable.length, asked: professionals.length, unavailable };
    })
    .filter((s): s is TimeSuggestion => s !== undefined)
    .sort((a, b) => b.available - a.available || Date.parse(a.start) - Date.parse(b.start));
  const result: TimeSuggestions = { suggestions, lastDay, outsideWindow };
  if (answer.emptyReason) result.emptyReason = answer.emptyReason;
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Sending

export type SendOutcome =
  | { kind: 'sent'; eventId: string; sentAt: string; created: boolean; plan: Plan; byPhone: PlanParticipant[] }
  | { kind: 'already-sent'; eventId: string; sentAt?: string; plan: Plan }
  | { kind: 'blocked'; problems: Problem[] };

/** What one Outlook event of a meeting in the plan needs: composed from the plan, so what is sent is what is stored. */
export type MeetingEvent = Pick<
  MeetingInvitation,
  'problems' | 'subject' | 'html' | 'startLocal' | 'endLocal' | 'timeZone' | 'location' | 'attendees' | 'respondBy' | 'soNeededSince'
>;

export type MeetingEventOutcome<E extends MeetingEvent> =
  | { kind: 'sent'; eventId: string; sentAt: string; created: boolean; plan: Plan; event: E }
  | Exclude<SendOutcome, { kind: 'sent' }>;

export interface MeetingEventSend<E extends MeetingEvent> {
  /** The signed-in user, for the log. */
  byUserId: string;
  /** Whose calendar the event goes out from (the signed-in user): recorded on the meeting. */
  organiser?: { userId: string; name: string };
  /** Used when the meeting has none stored yet. */
  transactionId: string;
  compose(plan: Plan): E;
  /** An edit that makes the plan ready to send (e.g. plans the meeting); stored with the transactionId. */
  prepare?(plan: Plan): Plan;
}

/**
 * The one path by which an event for a meeting of the plan goes out (the SO invitation, the evaluation):
 * nothing while the composed event has errors; the transactionId is stored in the plan before the first
 * attempt, so a retry (also after a reload, then with `mayExist`) finds the event instead of creating a
 * second; the hand-out is attached; the event id and the moment are stored afterwards.
 */
export async function sendMeetingEvent<E extends MeetingEvent>(
  services: Pick<Services, 'calendar' | 'handout' | 'clock'>,
  access: PlanAccess,
  meetingId: string,
  send: MeetingEventSend<E>,
): Promise<MeetingEventOutcome<E>> {
  const ready = (plan: Plan) => (send.prepare ? send.prepare(plan) : plan);
  const alreadySent = (plan: Plan, m: Meeting): MeetingEventOutcome<E> => ({ kind: 'already-sent', eventId: m.eventId!, ...(m.sentAt ? { sentAt: m.sentAt } : {}), plan });

  const current = ready(access.current());
  const before = meetingOf(current, meetingId);
  if (before.eventId !== undefined) return alreadySent(access.current(), before);
  const draft = send.compose(current);
  if (hasErrors(draft.problems)) return { kind: 'blocked', problems: draft.problems };

  // Step 1: the transactionId (and the dates the invitation states) go into the stored plan first.
  const transactionId = before.transactionId ?? send.transactionId;
  const mayExist = before.transactionId !== undefined;
  const stored = await access.commit((plan) =>
    prepareSend(ready(plan), meetingId, { transactionId, respondBy: draft.respondBy, soNeededSince: draft.soNeededSince, now: services.clock.now().toISOString() }),
  );
  const meeting = meetingOf(stored, meetingId);
  if (meeting.eventId !== undefined) return alreadySent(stored, meeting);
  // What is sent is what is stored (a merge with a colleague's edit may have changed it).
  const event = send.compose(stored);
  if (hasErrors(event.problems)) return { kind: 'blocked', problems: event.problems };

  // Step 2: the event, the hand-out and the invitations (idempotent per transactionId).
  const attachment = await services.handout.load();
  const result = await services.calendar.sendInvitation({
    transactionId: meeting.transactionId ?? transactionId,
    subject: event.subject,
    html: event.html,
    start: event.startLocal,
    end: event.endLocal,
    timeZone: event.timeZone,
    location: event.location,
    attendees: event.attendees.map((a) => ({ name: a.name, email: a.email, type: a.type })),
    attachment: { name: attachment.name, contentType: attachment.contentType, bytesBase64: attachment.bytesBase64 },
    allowNewTimeProposals: true,
    // Shared calendars show "private" appointments without their details.
    sensitivity: 'private',
    mayExist: mayExist || meeting.transactionId !== transactionId,
  });

  // Step 3: the event id in the plan. Should this fail, a retry finds the event by its transactionId.
  const sentAt = services.clock.now().toISOString();
  const plan = await access.commit((p) => {
    const recorded = recordSent(p, meetingId, { eventId: result.eventId, now: sentAt, byUserId: send.byUserId });
    const organiser = send.organiser;
    if (!organiser) return recorded;
    return { ...recorded, meetings: recorded.meetings.map((m) => (m.id === meetingId && m.eventOrganiser === undefined ? { ...m, eventOrganiser: { ...organiser } } : m)) };
  });
  return { kind: 'sent', eventId: result.eventId, sentAt: meetingOf(plan, meetingId).sentAt ?? sentAt, created: result.created, plan, event };
}

/**
 * Sends the SO invitation from the personal tab: one event, the hand-out attached, every invitee with
 * e-mail on it. The transactionId is stored in the plan before the first attempt, so a retry (also
 * after a reload) reuses it and never creates a second event. Nothing goes out while the invitation
 * has errors (no consent, no goal, identifiers, …).
 */
export async function sendSoInvitation(
  services: Pick<Services, 'calendar' | 'directory' | 'handout' | 'clock' | 'municipality'>,
  access: PlanAccess,
  meetingId: string,
): Promise<SendOutcome> {
  const organiser = await organiserOf(services);
  const outcome = await sendMeetingEvent(services, access, meetingId, {
    byUserId: organiser.userId,
    organiser: { userId: organiser.userId, name: organiser.name },
    transactionId: invitationTransactionId(access.current(), meetingId),
    compose: (plan) => invitationForMeeting(plan, meetingId, { organiser, municipality: services.municipality, now: services.clock.now() }),
  });
  if (outcome.kind !== 'sent') return outcome;
  const { event, ...sent } = outcome;
  return { ...sent, byPhone: event.byPhone };
}

// ---------------------------------------------------------------------------------------------------------
// Responses

/** 'organiser': that is me; 'byPhone': no e-mail; 'notOnEvent': invited in the plan after the invitation went out. */
export type InviteeStatus = 'accepted' | 'tentative' | 'declined' | 'none' | 'organiser' | 'byPhone' | 'notOnEvent';

export interface InviteeResponse {
  participantId: string;
  name: string;
  email?: string;
  role: PlanParticipant['role'];
  optional: boolean;
  status: InviteeStatus;
  respondedAt?: string;
  /** Added after someone forwarded the invitation to them. */
  viaForward: boolean;
  /** The words that came with their latest answer (from the organiser's mailbox, or as recorded in the plan). */
  comment?: string;
  /** They passed their seat to this colleague, with this note. */
  passedTo?: { name: string; email: string; note: string };
  /** Who passed their seat to them, and why (when they came through a forward). */
  passedBy?: { name: string; note: string };
}

export interface ForwardedAttendee {
  name: string;
  email: string;
  status: Exclude<InviteeStatus, 'organiser' | 'byPhone' | 'notOnEvent'>;
  respondedAt?: string;
  /** Who passed their seat to them, and the note why (from that invitee's answer). */
  passedBy?: { name: string; note: string };
}

export interface ResponsesOverview {
  meetingId: string;
  eventId: string;
  sentAt?: string;
  respondBy?: CalendarDay;
  invitees: InviteeResponse[];
  /** On the event, not in the plan: someone forwarded the invitation to them. Ask for their reason. */
  forwarded: ForwardedAttendee[];
  /** Invitees with e-mail who have not answered. */
  nonResponders: InviteeResponse[];
  /** The respond-by date has passed, the SO has not, and someone did not answer. */
  reminderDue: boolean;
  /** When the last reminder for this SO went out. */
  lastReminderAt?: string;
  /** The answers with their words, as read now from the mailbox (to record in the plan: recordResponses). */
  messages: ResponseMessage[];
}

const STATUS: Record<AttendeeResponseStatus, ForwardedAttendee['status']> = {
  accepted: 'accepted',
  tentative: 'tentative',
  declined: 'declined',
  none: 'none',
  notResponded: 'none',
  organizer: 'none',
};

/** Meetings whose invitation went out, latest first. */
export function sentMeetings(plan: Plan): Meeting[] {
  return plan.meetings.filter((m) => m.eventId !== undefined).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
}

/**
 * The answers to the invitation as the organizer's event holds them, per invitee; people the event has
 * but the plan does not (added by a forward) are listed apart.
 */
export async function followResponses(
  services: Pick<Services, 'calendar' | 'clock' | 'directory'>,
  plan: Plan,
  meetingId: string,
): Promise<ResponsesOverview> {
  const meeting = meetingOf(plan, meetingId);
  if (meeting.eventId === undefined) throw new RangeError(`the invitation for ${meetingId} was not sent`);
  const [attendees, me, mailbox] = await Promise.all([
    services.calendar.getResponses(meeting.eventId),
    services.directory.me(),
    // The words of the answers live in the organiser's inbox; without them the answers still show.
    services.calendar.getResponseMessages(meeting.eventId).catch((): ResponseMessage[] => []),
  ]);
  const others = attendees.filter((a) => a.response !== 'organizer' && !sameAddress(a.email, me.mail) && a.type !== 'resource');
  // The latest answer with words per person: from the mailbox now, else as recorded in the plan before.
  const recorded = actionsOf(plan, meetingId, ['response']);
  const latestWords = (email: string): { comment: string; at: string } | undefined => {
    const fromMail = mailbox.filter((m) => sameAddress(m.from.email, email)).map((m) => ({ comment: m.comment, at: m.at }));
    const fromPlan = recorded.filter((a) => sameAddress(a.by, email)).map((a) => ({ comment: a.comment ?? '', at: a.at }));
    return [...fromPlan, ...fromMail].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  };
  const passes = [...new Set([...others.map((a) => a.email), ...invitedParticipants(plan, meeting).map((p) => p.email ?? '')])]
    .flatMap((email) => {
      const words = email ? latestWords(email) : undefined;
      const passed = words ? readSeatPassedComment(words.comment) : undefined;
      const from = plan.participants.find((p) => sameAddress(p.email, email));
      return passed ? [{ fromEmail: email, fromName: from?.name ?? email, ...passed }] : [];
    });
  const passedByFor = (email: string) => {
    const pass = passes.find((p) => sameAddress(p.to.email, email));
    return pass ? { passedBy: { name: pass.fromName, note: pass.note } } : {};
  };
  const added = new Set(actionsOf(plan, meetingId, ['invitee-added']).filter((a) => a.state !== 'started').map((a) => a.participantId));
  const removed = new Set(actionsOf(plan, meetingId, ['invitee-removed']).filter((a) => a.state === 'done').map((a) => a.participantId));
  const invitees = invitedParticipants(plan, meeting).filter((p) => !removed.has(p.id)).map((p): InviteeResponse => {
    const email = (p.email ?? '').trim();
    const answer = others.find((a) => sameAddress(a.email, email));
    const base = { participantId: p.id, name: p.name, role: p.role, optional: isOptionalInvitee(meeting, p.id), viaForward: p.joinedVia === 'forward', ...passedByFor(email) };
    if (email === '') return { ...base, status: 'byPhone' };
    if (sameAddress(email, me.mail)) return { ...base, email, status: 'organiser' };
    // Invited after the send (the organiser forwarded it): on the event once they answer.
    if (!answer) return { ...base, email, status: added.has(p.id) ? 'none' : 'notOnEvent' };
    const words = answer.response === 'none' || answer.response === 'notResponded' ? undefined : latestWords(email);
    const passed = words ? readSeatPassedComment(words.comment) : undefined;
    return {
      ...base,
      email,
      status: STATUS[answer.response],
      ...(answer.respondedAt ? { respondedAt: answer.respondedAt } : {}),
      ...(words && words.comment && !passed ? { comment: words.comment } : {}),
      ...(passed ? { passedTo: { name: passed.to.name, email: passed.to.email, note: passed.note } } : {}),
    };
  });
  const known = invitees.map((i) => i.email);
  const forwarded = others
    .filter((a) => a.email.trim() !== '' && !known.some((k) => sameAddress(k, a.email)))
    .map((a): ForwardedAttendee => ({ name: a.name || a.email, email: a.email, status: STATUS[a.response], ...(a.respondedAt ? { respondedAt: a.respondedAt } : {}), ...passedByFor(a.email) }));
  const now = services.clock.now();
  const today = amsterdamDay(now.getTime());
  const nonResponders = invitees.filter((i) => i.status === 'none');
  const reminders = [
    ...plan.log.filter((l) => l.action === 'invitation.reminded' && l.targetId === meetingId).map((l) => l.at),
    ...actionsOf(plan, meetingId, ['reminder']).map((a) => a.at),
  ].sort();
  const overview: ResponsesOverview = {
    meetingId,
    eventId: meeting.eventId,
    invitees,
    forwarded,
    nonResponders,
    messages: mailbox,
    reminderDue: meeting.respondBy !== undefined && today > meeting.respondBy && Date.parse(meeting.start) > now.getTime() && nonResponders.length > 0,
  };
  if (meeting.sentAt) overview.sentAt = meeting.sentAt;
  if (meeting.respondBy) overview.respondBy = meeting.respondBy;
  const last = reminders[reminders.length - 1];
  if (last) overview.lastReminderAt = last;
  return overview;
}

/**
 * Keeps the answers' words in the plan as facts (one record per answer, id from responder and time): they stay
 * when the mail is deleted, and every device and role reads the same. Nothing is written when nothing is new.
 */
export async function recordResponses(
  services: Pick<Services, 'clock'>,
  access: PlanAccess,
  meetingId: string,
  messages: readonly ResponseMessage[],
): Promise<Plan> {
  const fresh = (plan: Plan) => messages.filter((m) => !plan.actions.some((a) => a.id === responseActionId(meetingId, m.from.email, m.at)));
  if (fresh(access.current()).length === 0) return access.current();
  const now = services.clock.now().toISOString();
  return access.commit((plan) => fresh(plan).reduce((p, m) => {
    const passed = readSeatPassedComment(m.comment);
    const participant = p.participants.find((x) => sameAddress(x.email, m.from.email));
    const action: MeetingAction = {
      id: responseActionId(meetingId, m.from.email, m.at),
      meetingId,
      kind: 'response',
      state: 'done',
      at: m.at,
      by: m.from.email,
      byName: participant?.name ?? m.from.name,
      response: m.response,
      ...(passed ? { comment: passed.note, passedTo: passed.to } : m.comment ? { comment: m.comment } : {}),
      ...(participant ? { participantId: participant.id } : {}),
      updatedAt: now,
    };
    return recordAction(p, action);
  }, plan));
}

/**
 * Someone else takes a seat at the resident's table: the case director tells the resident, and that it was done
 * is kept in the plan (who, when, about whom).
 */
export async function recordResidentTold(
  services: Pick<Services, 'clock' | 'directory'>,
  access: PlanAccess,
  meetingId: string,
  participantId: string,
): Promise<Plan> {
  const me = await services.directory.me();
  const now = services.clock.now().toISOString();
  return access.commit((plan) => recordAction(plan, {
    id: `told:${meetingId}:${participantId}`, meetingId, kind: 'resident-told', state: 'done', at: now, by: me.id, byName: me.displayName, participantId, updatedAt: now,
  }));
}

/** When the resident was told that this participant takes a seat, if they were. */
export function residentToldAt(plan: Plan, meetingId: string, participantId: string): string | undefined {
  return actionsOf(plan, meetingId, ['resident-told']).find((a) => a.participantId === participantId)?.at;
}

/**
 * Adds someone who got the invitation through a forward, with the reason they are welcome. Their
 * directory profile (job, organisation) is filled in when the directory knows them.
 */
export async function addForwardedParticipant(
  services: Pick<Services, 'directory' | 'clock'>,
  access: PlanAccess,
  meetingId: string,
  person: { name: string; email: string; reasons: Reason[]; expectation?: string; role?: PlanParticipant['role'] },
): Promise<Plan> {
  const me = await services.directory.me();
  // Their profile, when the directory knows them; without it they are added as named.
  const profile = await searchColleagues(services, person.email).then(
    (found) => found.find((u) => sameAddress(u.mail, person.email)),
    () => undefined,
  );
  const now = services.clock.now().toISOString();
  return access.commit((plan) =>
    addForwardedToPlan(plan, meetingId, {
      id: newRecordId('p'),
      name: person.name.trim() || profile?.displayName || person.email,
      email: person.email.trim(),
      role: person.role ?? 'professional',
      reasons: person.reasons,
      ...(person.expectation?.trim() ? { expectation: person.expectation.trim() } : {}),
      ...(profile ? { userId: profile.id } : {}),
      ...(profile?.organisation ? { organisation: profile.organisation } : {}),
      ...(profile?.jobTitle ? { jobTitle: profile.jobTitle } : {}),
    }, { now, byUserId: me.id }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Declines: the area champion (Leerplan 4.2)

export interface EscalationDraft {
  champion?: AreaChampion;
  message: DraftMessage;
}

/** The prefilled, editable message to the area champion about a decline; no identifiers, no plan details. */
export function draftEscalation(
  services: Pick<Services, 'areaChampions'>,
  plan: Plan,
  meetingId: string,
  participantId: string,
  options: { organiser: string; declineReason?: string },
): EscalationDraft {
  const meeting = meetingOf(plan, meetingId);
  const declined = plan.participants.find((p) => p.id === participantId);
  if (!declined) throw new RangeError(`no participant ${participantId}`);
  const champion = services.areaChampions.championFor(plan.areaId);
  const message = composeEscalation({
    caseAlias: plan.caseAlias,
    goal: meeting.goal,
    start: meeting.start,
    championName: champion?.name ?? '',
    declined: { name: declined.name, reasons: declined.reasons, ...(declined.organisation ? { organisation: declined.organisation } : {}) },
    declineReason: options.declineReason ?? '',
    organiser: options.organiser,
  });
  return champion ? { champion, message } : { message };
}

export type MailOutcome =
  | { kind: 'sent'; to: Recipient[]; plan: Plan }
  | { kind: 'blocked'; problems: Problem[] }
  | { kind: 'no-champion' }
  | { kind: 'nobody' }
  | { kind: 'not-due' };

/**
 * Mails the (edited) message to the area champion of the plan's area and notes it in the plan's log.
 * Refused while the text holds identifiers. A 'mail-ambiguous' failure is passed on, never retried.
 */
export async function escalateDecline(
  services: Pick<Services, 'areaChampions' | 'mail' | 'directory' | 'clock'>,
  access: PlanAccess,
  participantId: string,
  message: DraftMessage,
  options: { meetingId?: string; declineReason?: string } = {},
): Promise<MailOutcome> {
  const plan = access.current();
  const champion = services.areaChampions.championFor(plan.areaId);
  if (!champion) return { kind: 'no-champion' };
  const problems = checkMessage(message, 'het bericht aan de gebiedsaanjager');
  if (hasErrors(problems)) return { kind: 'blocked', problems };
  const me = await services.directory.me();
  const to = [{ name: champion.name, email: champion.email }];
  const plan2 = access.current();
  const meetingId = options.meetingId ?? sentMeetings(plan2)[0]?.id ?? '';
  const saved = await mailAsAction(services, access, {
    id: newRecordId('esc'), meetingId, kind: 'escalation', by: me.id, byName: me.displayName, participantId,
    to: to.map((r) => ({ name: r.name, email: r.email })), ...(options.declineReason ? { comment: options.declineReason } : {}),
  }, { to, subject: message.subject, html: messageHtml(message.text) });
  const logged = await access.commit((p) => appendLog(p, { at: services.clock.now().toISOString(), byUserId: me.id, action: 'escalation.sent', targetId: participantId }));
  return { kind: 'sent', to, plan: saved === logged ? saved : logged };
}

/**
 * A mail as a fact in the plan: stored `started` before it goes out, `done` after; a failure that may have sent
 * it marks it `unclear` (the screen says it may have gone out) and is passed on, never retried.
 */
async function mailAsAction(
  services: Pick<Services, 'mail' | 'clock'>,
  access: PlanAccess,
  action: Omit<MeetingAction, 'at' | 'state' | 'updatedAt'>,
  mail: { to: Recipient[]; subject: string; html: string },
): Promise<Plan> {
  const at = services.clock.now().toISOString();
  await access.commit((p) => recordAction(p, { ...action, state: 'started', at, updatedAt: at }));
  try {
    await services.mail.send(mail);
  } catch (error) {
    const now = services.clock.now().toISOString();
    if (error instanceof AppError && error.code === 'mail-ambiguous') await access.commit((p) => settleAction(p, action.id, 'unclear', now));
    else await access.commit((p) => ({ ...p, actions: p.actions.filter((a) => a.id !== action.id) }));
    throw error;
  }
  const now = services.clock.now().toISOString();
  return access.commit((p) => settleAction(p, action.id, 'done', now));
}

// ---------------------------------------------------------------------------------------------------------
// Reminders

/** The reminder as it would go out (for the confirmation), with its recipients. */
export function draftReminder(plan: Plan, meetingId: string, overview: Pick<ResponsesOverview, 'nonResponders'>, organiser: string): { message: DraftMessage; to: Recipient[] } {
  const meeting = meetingOf(plan, meetingId);
  const message = composeReminder({ caseAlias: plan.caseAlias, start: meeting.start, respondBy: meeting.respondBy ?? '', organiser });
  return { message, to: overview.nonResponders.filter((r) => r.email).map((r) => ({ name: r.name, email: r.email! })) };
}

/**
 * After the respond-by date: one reminder mail to the invitees who did not answer (read fresh from the
 * event), noted in the plan's log.
 */
export async function remindNonResponders(
  services: Pick<Services, 'calendar' | 'mail' | 'directory' | 'clock'>,
  access: PlanAccess,
  meetingId: string,
): Promise<MailOutcome> {
  const plan = access.current();
  const overview = await followResponses(services, plan, meetingId);
  if (!overview.reminderDue) return overview.nonResponders.length === 0 ? { kind: 'nobody' } : { kind: 'not-due' };
  const me = await services.directory.me();
  const { message, to } = draftReminder(plan, meetingId, overview, me.displayName);
  if (to.length === 0) return { kind: 'nobody' };
  const problems = checkMessage(message, 'de herinnering');
  if (hasErrors(problems)) return { kind: 'blocked', problems };
  await mailAsAction(services, access, {
    id: newRecordId('rem'), meetingId, kind: 'reminder', by: me.id, byName: me.displayName, to: to.map((r) => ({ name: r.name, email: r.email })),
  }, { to, subject: message.subject, html: messageHtml(message.text) });
  const now = services.clock.now().toISOString();
  const saved = await access.commit((p) => appendLog(p, { at: now, byUserId: me.id, action: 'invitation.reminded', targetId: meetingId }));
  return { kind: 'sent', to, plan: saved };
}
