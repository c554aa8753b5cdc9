// The calendar port on Microsoft Graph: the SO invitation, responses, replies, forwarding, and
// finding a time. See GRAPH.md "Sending the invitation" for why the send takes this shape.
import { AppError } from '../app/errors';
import type {
  AttendeeResponse,
  AttendeeResponseStatus,
  Availability,
  CalendarInvitation,
  CalendarInvitationDetail,
  CalendarPort,
  EventState as EventNow,
  FindMeetingTimesRequest,
  InvitationFile,
  MeetingReply,
  MeetingTimeSuggestions,
  ResponseMessage,
  Schedule,
  ScheduleRequest,
  SendInvitationRequest,
  SendInvitationResult,
} from '../app/ports';
import type { BatchItem, BatchResult, GraphRequester } from './graphClient';
import { isAmbiguousFailure, toGraphAppError } from './graphClient';
import { query, seg } from './odata';

/** fileAttachment through POST …/attachments must stay under 3 MB; larger needs an upload session. */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;
/** getSchedule: at most 20 schedules per call, a window shorter than 62 days. */
export const MAX_SCHEDULES_PER_CALL = 20;
export const MAX_SCHEDULE_WINDOW_DAYS = 62;

interface GraphEmailAddress {
  address?: string | null;
  name?: string | null;
}

interface GraphAttendee {
  type?: string | null;
  status?: { response?: string | null; time?: string | null } | null;
  emailAddress?: GraphEmailAddress | null;
}

interface GraphEvent {
  id: string;
  subject?: string | null;
  transactionId?: string | null;
  attendees?: GraphAttendee[] | null;
  hasAttachments?: boolean | null;
  start?: GraphDateTimeTimeZone | null;
  end?: GraphDateTimeTimeZone | null;
  location?: { displayName?: string | null } | null;
  organizer?: { emailAddress?: GraphEmailAddress | null } | null;
  isOrganizer?: boolean | null;
  isCancelled?: boolean | null;
  responseStatus?: { response?: string | null } | null;
  body?: { contentType?: string | null; content?: string | null } | null;
}

/**
 * The app marks its events at creation with one string-valued extended property (a GUID-named MAPI property in
 * our own property set), so SO, follow-up and evaluation invitations are found by what they are, never by their
 * subject. Exchange keeps it on the attendees' copies inside the organisation (not verified on a real tenant).
 */
export const APP_EVENT_PROPERTY_ID = 'String {6b0e6f8a-3c1d-4e0b-9a57-2f4c8d1e5b93} Name SamenwerkoverlegEvent';
export const APP_EVENT_PROPERTY_VALUE = 'samenwerkoverleg';
/** Graph's documented filter for "has this extended property with this value" (calendarView answers it with 500s). */
export const APP_EVENT_FILTER = `singleValueExtendedProperties/Any(ep: ep/id eq '${APP_EVENT_PROPERTY_ID}' and ep/value eq '${APP_EVENT_PROPERTY_VALUE}')`;

/** What the invitee's list and detail read of an event: nothing more (GRAPH.md: $select what you use). */
export const INVITATION_SELECT = 'id,subject,start,end,location,organizer,isOrganizer,isCancelled,responseStatus';
/** Both preferences at once (RFC 7240 allows a list): times in UTC, the HTML body converted to text. */
const PREFER_UTC = 'outlook.timezone="UTC"';
const PREFER_UTC_TEXT = 'outlook.timezone="UTC", outlook.body-content-type="text"';

interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone?: string | null;
}

interface GraphMeetingTimeSuggestion {
  confidence?: number | null;
  organizerAvailability?: string | null;
  suggestionReason?: string | null;
  meetingTimeSlot?: { start: GraphDateTimeTimeZone; end: GraphDateTimeTimeZone } | null;
  attendeeAvailability?: { attendee?: { emailAddress?: GraphEmailAddress | null } | null; availability?: string | null }[] | null;
}

interface GraphScheduleInformation {
  scheduleId?: string | null;
  availabilityView?: string | null;
  scheduleItems?: { start: GraphDateTimeTimeZone; end: GraphDateTimeTimeZone; status?: string | null }[] | null;
  error?: { message?: string | null; responseCode?: string | null } | null;
}

/** What the event already carries: decides which part of step 2 is still to do. */
interface EventState {
  hasAttachment: boolean;
  invited: boolean;
}

const RESPONSES: Record<string, AttendeeResponseStatus> = {
  none: 'none',
  organizer: 'organizer',
  tentativelyAccepted: 'tentative',
  accepted: 'accepted',
  declined: 'declined',
  notResponded: 'notResponded',
};

interface GraphResponseMessage {
  '@odata.type'?: string;
  responseType?: string | null;
  from?: { emailAddress?: GraphEmailAddress | null } | null;
  receivedDateTime?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  event?: { id?: string } | null;
}

const ANSWERS: Record<string, ResponseMessage['response']> = { accepted: 'accepted', tentativelyAccepted: 'tentative', declined: 'declined' };

const REPLY_ACTIONS: Record<MeetingReply, string> = { accept: 'accept', tentative: 'tentativelyAccept', decline: 'decline' };

const AVAILABILITIES: readonly Availability[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];

const toAvailability = (value: string | null | undefined): Availability =>
  (AVAILABILITIES as readonly string[]).includes(value ?? '') ? (value as Availability) : 'unknown';

/** Graph writes date-times as '2026-12-03T10:00:00.0000000'; the app uses seconds precision. */
const localDateTime = (value: string): string => value.slice(0, 19);

/** A Graph date-time asked for in UTC (Prefer: outlook.timezone="UTC") as an ISO instant. */
function utcInstant(value: GraphDateTimeTimeZone | null | undefined): string {
  if (!value?.dateTime) return '';
  // We ask for UTC; a service that answered in another zone would say so, and we could not convert it here.
  return `${localDateTime(value.dateTime)}Z`;
}

function toInvitation(event: GraphEvent): CalendarInvitation {
  const invitation: CalendarInvitation = {
    eventId: event.id,
    subject: event.subject ?? '',
    start: utcInstant(event.start),
    end: utcInstant(event.end),
    organizer: { name: event.organizer?.emailAddress?.name ?? event.organizer?.emailAddress?.address ?? '', email: event.organizer?.emailAddress?.address ?? '' },
    isOrganizer: event.isOrganizer === true,
    isCancelled: event.isCancelled === true,
    response: RESPONSES[event.responseStatus?.response ?? 'none'] ?? 'none',
  };
  const location = event.location?.displayName;
  if (location) invitation.location = location;
  return invitation;
}

/** Decoded size of base64 text. */
export function base64Size(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** ISO 8601 duration for whole minutes: 90 → 'PT1H30M'. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}

/**
 * A UTC window surely containing the local wall-clock window whatever the zone's offset (±14 h):
 * the local times read as UTC, widened by a day on both sides.
 */
export function lookupWindow(start: string, end: string): { startDateTime: string; endDateTime: string } {
  const day = 24 * 60 * 60 * 1000;
  const asUtc = (local: string) => {
    const ms = Date.parse(`${localDateTime(local)}Z`);
    if (Number.isNaN(ms)) throw new RangeError(`not a local date-time: ${local}`);
    return ms;
  };
  return {
    startDateTime: new Date(asUtc(start) - day).toISOString(),
    endDateTime: new Date(asUtc(end) + day).toISOString(),
  };
}

function toAttendeeResponse(a: GraphAttendee): AttendeeResponse {
  const type = a.type === 'optional' || a.type === 'resource' ? a.type : 'required';
  const response: AttendeeResponse = {
    name: a.emailAddress?.name ?? a.emailAddress?.address ?? '',
    email: a.emailAddress?.address ?? '',
    type,
    response: RESPONSES[a.status?.response ?? 'none'] ?? 'none',
  };
  // Graph says "no time" as 0001-01-01T00:00:00Z.
  const time = a.status?.time;
  if (time && !time.startsWith('0001-01-01')) response.respondedAt = time;
  return response;
}

function stateOf(event: GraphEvent): EventState {
  return { hasAttachment: event.hasAttachments === true, invited: (event.attendees?.length ?? 0) > 0 };
}

/** A sub-request we cannot be sure about: no answer, or a 5xx (the service may have done it). */
function uncertainResult(result: BatchResult | undefined): boolean {
  if (!result) return true;
  if (result.notSent) return false;
  if (result.status === 0) return result.error ? isAmbiguousFailure(result.error) : true;
  return result.status >= 500;
}

function ambiguous(cause: unknown, detail: string): AppError {
  return new AppError('send-ambiguous', { cause, detail });
}

export function createCalendarAdapter(graph: GraphRequester): CalendarPort {
  /** transactionId → event id, once we know it: a repeated send in this session skips step 1. */
  const known = new Map<string, string>();
  /** transactionIds whose create may have happened without us learning the id. */
  const uncertain = new Set<string>();

  async function findByTransactionId(request: SendInvitationRequest): Promise<GraphEvent | undefined> {
    const window = lookupWindow(request.start, request.end);
    const events = await graph.getAll<GraphEvent>(`/me/calendarView${query({
      ...window,
      // attendees and hasAttachments tell at once how far an earlier attempt got.
      $select: 'id,subject,transactionId,attendees,hasAttachments',
    })}`);
    return events.find((e) => e.transactionId === request.transactionId);
  }

  async function inspect(eventId: string): Promise<EventState> {
    return stateOf(await graph.get<GraphEvent>(`/me/events/${seg(eventId)}${query({ $select: 'attendees,hasAttachments' })}`));
  }

  function createBody(request: SendInvitationRequest) {
    const body: Record<string, unknown> = {
      subject: request.subject,
      body: { contentType: 'html', content: request.html },
      start: { dateTime: request.start, timeZone: request.timeZone },
      end: { dateTime: request.end, timeZone: request.timeZone },
      transactionId: request.transactionId,
      responseRequested: true,
      allowNewTimeProposals: request.allowNewTimeProposals ?? true,
      sensitivity: request.sensitivity ?? 'normal',
      singleValueExtendedProperties: [{ id: APP_EVENT_PROPERTY_ID, value: APP_EVENT_PROPERTY_VALUE }],
      // No attendees: POST /me/events would send the invitations at once, without the attachment.
    };
    if (request.location) body.location = { displayName: request.location };
    return body;
  }

  /** Step 1: the plain appointment. Resolves with the event and whether we created it now. */
  async function createOrFind(request: SendInvitationRequest): Promise<{ event: GraphEvent; created: boolean }> {
    const { transactionId } = request;
    if (request.mayExist || uncertain.has(transactionId)) {
      let found: GraphEvent | undefined;
      try {
        found = await findByTransactionId(request);
      } catch (error) {
        throw ambiguous(error, 'could not look up an earlier attempt');
      }
      if (found) return { event: found, created: false };
    }
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        // transactionId makes a retried POST harmless, so 503/504 may be retried by the request path.
        const event = await graph.post<GraphEvent>('/me/events', createBody(request), { idempotent: true });
        // The service may answer a repeated transactionId with the existing event: then it is not new.
        const existing = stateOf(event);
        return { event, created: !existing.invited && !existing.hasAttachment };
      } catch (error) {
        const appError = toGraphAppError(error);
        // 409: the service may refuse a repeated transactionId. Either way: is the event there?
        if (!isAmbiguousFailure(appError) && appError.code !== 'graph-conflict') throw appError;
        uncertain.add(transactionId);
        let found: GraphEvent | undefined;
        try {
          found = await findByTransactionId(request);
        } catch (lookupError) {
          throw ambiguous(lookupError, 'create failed without an answer and the lookup failed too');
        }
        if (found) return { event: found, created: false };
        if (appError.code === 'graph-conflict') throw appError;
        // Not there: the first POST never landed. Create once more with the same transactionId.
      }
    }
    throw ambiguous(undefined, 'create failed twice without an answer');
  }

  /**
   * Step 2 in one $batch: the attachment, then (dependsOn) the full attendee list, which sends the
   * invitations with the hand-out. Neither is repeated unless we know it did not happen.
   */
  async function attachAndInvite(eventId: string, request: SendInvitationRequest, initial: EventState): Promise<void> {
    let state = initial;
    for (let round = 1; round <= 3; round += 1) {
      if (state.invited) return;
      const items: BatchItem[] = [];
      if (!state.hasAttachment) {
        items.push({
          id: 'attachment',
          method: 'POST',
          url: `/me/events/${seg(eventId)}/attachments`,
          body: {
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: request.attachment.name,
            contentType: request.attachment.contentType,
            contentBytes: request.attachment.bytesBase64,
          },
        });
      }
      items.push({
        id: 'attendees',
        method: 'PATCH',
        url: `/me/events/${seg(eventId)}`,
        // The full list: a PATCH of attendees replaces it and notifies everyone on it.
        body: { attendees: request.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.type })) },
        ...(state.hasAttachment ? {} : { dependsOn: ['attachment'] }),
      });
      const results = await graph.batch(items);
      const attachment = results.find((r) => r.id === 'attachment');
      const attendees = results.find((r) => r.id === 'attendees');
      if (attendees && !attendees.error) return;

      if (attachment?.error && !uncertainResult(attachment)) throw attachment.error; // nobody invited; safe to send again
      if (attendees?.error && attendees.status !== 424 && !uncertainResult(attendees)) throw attendees.error; // the PATCH did not apply
      // Something may have happened: look before doing anything twice.
      try {
        state = await inspect(eventId);
      } catch (error) {
        throw ambiguous(error, 'could not read the event after an unclear step 2');
      }
    }
    if (!state.invited) throw ambiguous(undefined, 'invitations still unclear after 3 rounds');
  }

  return {
    async sendInvitation(request: SendInvitationRequest): Promise<SendInvitationResult> {
      if (base64Size(request.attachment.bytesBase64) >= MAX_ATTACHMENT_BYTES) {
        throw new AppError('attachment-too-large', { detail: `${request.attachment.name} ≥ 3 MB` });
      }
      if (request.attendees.length === 0) throw new RangeError('an invitation needs at least one attendee');

      const { transactionId } = request;
      let eventId = known.get(transactionId);
      let created = false;
      let state: EventState | undefined;
      if (!eventId) {
        const outcome = await createOrFind(request);
        eventId = outcome.event.id;
        created = outcome.created;
        known.set(transactionId, eventId);
        uncertain.delete(transactionId);
        if (created) state = { hasAttachment: false, invited: false };
        else if (outcome.event.attendees !== undefined && outcome.event.hasAttachments !== undefined) state = stateOf(outcome.event);
      }
      if (!state) {
        try {
          state = await inspect(eventId);
        } catch (error) {
          const appError = toGraphAppError(error);
          if (isAmbiguousFailure(appError)) throw ambiguous(appError, 'could not read the event before step 2');
          throw appError;
        }
      }
      await attachAndInvite(eventId, request, state);
      return { eventId, created };
    },

    async getResponses(eventId): Promise<AttendeeResponse[]> {
      const event = await graph.get<GraphEvent>(`/me/events/${seg(eventId)}${query({ $select: 'attendees' })}`);
      return (event.attendees ?? []).map(toAttendeeResponse);
    },

    async respond(eventId, reply, comment) {
      // Not retried on 503/504: a repeat would send the organizer a second reply.
      await graph.post(`/me/events/${seg(eventId)}/${REPLY_ACTIONS[reply]}`, { comment: comment ?? '', sendResponse: true });
    },

    async listInvitations(window): Promise<CalendarInvitation[]> {
      // /me/events with the marker's filter (documented); the window is applied here, as calendarView cannot
      // filter on extended properties. Our events are single instances, so /me/events lists each one.
      const events = await graph.getAll<GraphEvent>(`/me/events${query({
        $filter: APP_EVENT_FILTER,
        $select: INVITATION_SELECT,
        $top: 100,
      })}`, { Prefer: PREFER_UTC });
      const from = Date.parse(window.start);
      const to = Date.parse(window.end);
      return events.map(toInvitation)
        .filter((e) => Date.parse(e.start) < to && Date.parse(e.end) > from)
        .sort((a, b) => a.start.localeCompare(b.start));
    },

    async getResponseMessages(eventId): Promise<ResponseMessage[]> {
      // Responses reach the organiser as eventMessageResponse messages; the event they answer is their `event`.
      const messages = await graph.getAll<GraphResponseMessage>(`/me/mailFolders/inbox/messages${query({
        $expand: 'microsoft.graph.eventMessage/event($select=id)',
        $top: 50,
      })}`, { Prefer: PREFER_UTC_TEXT });
      return messages
        .filter((m) => m['@odata.type'] === '#microsoft.graph.eventMessageResponse' && m.event?.id === eventId)
        .flatMap((m): ResponseMessage[] => {
          const response = ANSWERS[m.responseType ?? ''];
          const address = m.from?.emailAddress?.address;
          if (!response || !address || !m.receivedDateTime) return [];
          const body = m.body?.content ?? '';
          const text = m.body?.contentType?.toLowerCase() === 'html' ? body.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '') : body;
          return [{ from: { name: m.from?.emailAddress?.name ?? address, email: address }, response, comment: text.trim(), at: m.receivedDateTime }];
        })
        .sort((a, b) => a.at.localeCompare(b.at));
    },

    async getEventState(eventId): Promise<EventNow> {
      const event = await graph.get<GraphEvent>(`/me/events/${seg(eventId)}${query({ $select: 'start,end,isCancelled,attendees' })}`, { Prefer: PREFER_UTC });
      return { start: utcInstant(event.start), end: utcInstant(event.end), isCancelled: event.isCancelled === true, attendees: (event.attendees ?? []).map(toAttendeeResponse) };
    },

    async moveEvent(eventId, time) {
      // One PATCH of start and end, never of attendees: Exchange sends each attendee one update.
      await graph.patch(`/me/events/${seg(eventId)}`, {
        start: { dateTime: time.start, timeZone: time.timeZone },
        end: { dateTime: time.end, timeZone: time.timeZone },
      });
    },

    async setAttendees(eventId, attendees) {
      await graph.patch(`/me/events/${seg(eventId)}`, {
        attendees: attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.type })),
      });
    },

    async cancelEvent(eventId, comment) {
      // Not retried on 503/504 by the request path: a repeat would send every attendee a second cancellation.
      await graph.post(`/me/events/${seg(eventId)}/cancel`, { Comment: comment });
    },

    async getAttachment(eventId): Promise<InvitationFile | undefined> {
      const list = await graph.getAll<{ id: string; name?: string | null; isInline?: boolean | null }>(`/me/events/${seg(eventId)}/attachments${query({ $select: 'id,name,isInline' })}`);
      const first = list.find((a) => a.isInline !== true);
      if (!first) return undefined;
      const file = await graph.get<{ name?: string | null; contentType?: string | null; contentBytes?: string | null }>(`/me/events/${seg(eventId)}/attachments/${seg(first.id)}`);
      return { name: file.name ?? first.name ?? 'bijlage', contentType: file.contentType ?? 'application/octet-stream', bytesBase64: file.contentBytes ?? '' };
    },

    async getInvitation(eventId): Promise<CalendarInvitationDetail> {
      const [event, attachments] = await Promise.all([
        graph.get<GraphEvent>(`/me/events/${seg(eventId)}${query({ $select: `${INVITATION_SELECT},body,attendees` })}`, { Prefer: PREFER_UTC_TEXT }),
        // Names only: the hand-out's bytes stay on the server.
        graph.getAll<{ name?: string | null; isInline?: boolean | null }>(`/me/events/${seg(eventId)}/attachments${query({ $select: 'name,contentType,size,isInline' })}`),
      ]);
      const body = event.body?.content ?? '';
      return {
        ...toInvitation(event),
        // The service converts HTML to text on request; should it not, drop the tags ourselves.
        bodyText: event.body?.contentType?.toLowerCase() === 'html' ? body.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '') : body,
        attendees: (event.attendees ?? []).map(toAttendeeResponse),
        attachmentNames: attachments.filter((a) => a.isInline !== true && a.name).map((a) => a.name!),
      };
    },

    async forward(eventId, to, note) {
      // Parameter names as in Graph's metadata (ToRecipients, Comment); not retried on 503/504.
      await graph.post(`/me/events/${seg(eventId)}/forward`, {
        ToRecipients: [{ EmailAddress: { Address: to.email, Name: to.name } }],
        Comment: note,
      });
    },

    async findMeetingTimes(request: FindMeetingTimesRequest): Promise<MeetingTimeSuggestions> {
      const body: Record<string, unknown> = {
        attendees: request.attendees.map((a) => ({ type: a.type, emailAddress: { address: a.email, name: a.name } })),
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: request.windows.map((w) => ({
            start: { dateTime: w.start, timeZone: request.timeZone },
            end: { dateTime: w.end, timeZone: request.timeZone },
          })),
        },
        meetingDuration: isoDuration(request.durationMinutes),
        isOrganizerOptional: false,
        returnSuggestionReasons: true,
      };
      if (request.minimumAttendeePercentage !== undefined) body.minimumAttendeePercentage = request.minimumAttendeePercentage;
      if (request.maxCandidates !== undefined) body.maxCandidates = request.maxCandidates;
      const result = await graph.post<{ emptySuggestionsReason?: string | null; meetingTimeSuggestions?: GraphMeetingTimeSuggestion[] | null }>(
        '/me/findMeetingTimes',
        body,
        // Read-only action: safe to retry; answers in our zone instead of UTC.
        { idempotent: true, headers: { Prefer: `outlook.timezone="${request.timeZone}"` } },
      );
      const suggestions = (result?.meetingTimeSuggestions ?? []).flatMap((s) => {
        if (!s.meetingTimeSlot) return [];
        const suggestion: MeetingTimeSuggestions['suggestions'][number] = {
          start: localDateTime(s.meetingTimeSlot.start.dateTime),
          end: localDateTime(s.meetingTimeSlot.end.dateTime),
          timeZone: s.meetingTimeSlot.start.timeZone ?? request.timeZone,
          confidence: s.confidence ?? 0,
          organizerAvailability: toAvailability(s.organizerAvailability),
          attendees: (s.attendeeAvailability ?? []).map((a) => ({
            email: a.attendee?.emailAddress?.address ?? '',
            availability: toAvailability(a.availability),
          })),
        };
        if (s.suggestionReason) suggestion.reason = s.suggestionReason;
        return [suggestion];
      });
      const answer: MeetingTimeSuggestions = { suggestions };
      if (result?.emptySuggestionsReason) answer.emptyReason = result.emptySuggestionsReason;
      return answer;
    },

    async getSchedule(request: ScheduleRequest): Promise<Schedule[]> {
      const span = Date.parse(`${localDateTime(request.end)}Z`) - Date.parse(`${localDateTime(request.start)}Z`);
      if (!(span > 0) || span >= MAX_SCHEDULE_WINDOW_DAYS * 24 * 60 * 60 * 1000) {
        throw new RangeError(`getSchedule needs a window of more than 0 and less than ${MAX_SCHEDULE_WINDOW_DAYS} days`);
      }
      const chunks: string[][] = [];
      for (let i = 0; i < request.emails.length; i += MAX_SCHEDULES_PER_CALL) chunks.push(request.emails.slice(i, i + MAX_SCHEDULES_PER_CALL));
      const answers = await Promise.all(chunks.map((schedules) => graph.post<{ value?: GraphScheduleInformation[] }>(
        '/me/calendar/getSchedule',
        {
          schedules,
          startTime: { dateTime: request.start, timeZone: request.timeZone },
          endTime: { dateTime: request.end, timeZone: request.timeZone },
          availabilityViewInterval: request.intervalMinutes ?? 30,
        },
        { idempotent: true, headers: { Prefer: `outlook.timezone="${request.timeZone}"` } },
      )));
      return answers.flatMap((answer) => (answer?.value ?? []).map((info) => {
        const schedule: Schedule = {
          email: info.scheduleId ?? '',
          availabilityView: info.availabilityView ?? '',
          items: (info.scheduleItems ?? []).map((item) => ({
            start: localDateTime(item.start.dateTime),
            end: localDateTime(item.end.dateTime),
            timeZone: item.start.timeZone ?? request.timeZone,
            status: toAvailability(item.status),
          })),
        };
        if (info.error) schedule.error = info.error.responseCode ?? info.error.message ?? 'error';
        return schedule;
      }));
    },
  };
}
