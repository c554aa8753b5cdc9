// The calendar as the use cases see it: the SO invitation, responses, replies, forwarding and
// finding a time. App-level types only; the Graph adapter (src/graph/calendarAdapter.ts) maps them.

/** A wall-clock date-time without offset, e.g. '2026-12-03T10:00:00', read in the request's time zone. */
export type LocalDateTime = string;

export type AttendeeKind = 'required' | 'optional';

export interface Recipient {
  name: string;
  email: string;
}

export interface Invitee extends Recipient {
  type: AttendeeKind;
}

export interface InvitationAttachment {
  name: string;
  contentType: string;
  /** The file, base64 encoded. Must stay under 3 MB decoded. */
  bytesBase64: string;
}

export type EventSensitivity = 'normal' | 'personal' | 'private' | 'confidential';

export interface SendInvitationRequest {
  /** Stable per send (store it before the first attempt): a retried send reuses it and creates no second event. */
  transactionId: string;
  subject: string;
  /** The invitation body, already escaped HTML. */
  html: string;
  start: LocalDateTime;
  end: LocalDateTime;
  /** IANA time zone of start/end, e.g. 'Europe/Amsterdam'. */
  timeZone: string;
  location?: string;
  /** In this order; each gets exactly one invitation, with the attachment. */
  attendees: Invitee[];
  attachment: InvitationAttachment;
  allowNewTimeProposals?: boolean;
  sensitivity?: EventSensitivity;
  /**
   * Set when an earlier attempt with this transactionId may have created the event (e.g. the app was
   * reloaded mid-send): the gateway then looks the event up before creating one.
   */
  mayExist?: boolean;
}

export interface SendInvitationResult {
  eventId: string;
  /** false when the event already existed (found after an ambiguous failure) and was completed instead. */
  created: boolean;
}

export type AttendeeResponseStatus = 'none' | 'organizer' | 'tentative' | 'accepted' | 'declined' | 'notResponded';

export interface AttendeeResponse {
  name: string;
  email: string;
  type: AttendeeKind | 'resource';
  response: AttendeeResponseStatus;
  /** When they responded (ISO 8601 UTC); absent when they did not. */
  respondedAt?: string;
}

export type MeetingReply = 'accept' | 'tentative' | 'decline';

export type Availability = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface TimeWindow {
  start: LocalDateTime;
  end: LocalDateTime;
}

export interface FindMeetingTimesRequest {
  attendees: Invitee[];
  /** Where to look, in timeZone. */
  windows: TimeWindow[];
  timeZone: string;
  durationMinutes: number;
  /** 0–100; Graph's default is 50. */
  minimumAttendeePercentage?: number;
  maxCandidates?: number;
}

export interface MeetingTimeSuggestion {
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  confidence: number;
  organizerAvailability: Availability;
  attendees: { email: string; availability: Availability }[];
  reason?: string;
}

export interface MeetingTimeSuggestions {
  suggestions: MeetingTimeSuggestion[];
  /** Why there are none, as the service says it (e.g. 'AttendeesUnavailable'). */
  emptyReason?: string;
}

export interface ScheduleRequest {
  emails: string[];
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  /** Minutes per slot in availabilityView; Graph's default is 30. */
  intervalMinutes?: number;
}

export interface ScheduleItem {
  start: LocalDateTime;
  end: LocalDateTime;
  timeZone: string;
  status: Availability;
}

export interface Schedule {
  email: string;
  /** One digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
  availabilityView: string;
  items: ScheduleItem[];
  /** Set when this person's free/busy could not be read (e.g. outside the organisation). */
  error?: string;
}

/** A meeting in my own calendar, as an invitee sees it. Times are ISO 8601 in UTC. */
export interface CalendarInvitation {
  eventId: string;
  subject: string;
  start: string;
  end: string;
  location?: string;
  organizer: Recipient;
  isOrganizer: boolean;
  isCancelled: boolean;
  /** My own response to it. */
  response: AttendeeResponseStatus;
}

export interface CalendarInvitationDetail extends CalendarInvitation {
  /** The body as plain text (the service converts the HTML). */
  bodyText: string;
  attendees: AttendeeResponse[];
  /** Names of the files attached (the hand-out), without their content. */
  attachmentNames: string[];
}

export interface CalendarWindow {
  /** ISO 8601 instants. */
  start: string;
  end: string;
}

/** An answer to my invitation as it reached my mailbox: the words that went with it (the event holds none). */
export interface ResponseMessage {
  from: Recipient;
  response: 'accepted' | 'tentative' | 'declined';
  /** The responder's comment, as plain text ('' when none). */
  comment: string;
  /** When it arrived (ISO 8601 UTC). */
  at: string;
}

/** What the organiser's event says now: used to check an unclear change before doing it again. */
export interface EventState {
  /** ISO 8601 UTC. */
  start: string;
  end: string;
  isCancelled: boolean;
  attendees: AttendeeResponse[];
}

/** A file attached to an invitation in my calendar (the hand-out), with its content. */
export interface InvitationFile {
  name: string;
  contentType: string;
  bytesBase64: string;
}

export interface CalendarPort {
  /**
   * Creates the SO event and sends it to every attendee with the attachment (2 round trips).
   * Idempotent per transactionId. Fails with 'send-ambiguous' when it cannot tell whether
   * invitations went out; calling again with the same request is then safe.
   */
  sendInvitation(request: SendInvitationRequest): Promise<SendInvitationResult>;
  getResponses(eventId: string): Promise<AttendeeResponse[]>;
  /** Replies to an invitation in my own calendar; the organizer is notified. */
  respond(eventId: string, reply: MeetingReply, comment?: string): Promise<void>;
  /** Forwards my seat (an invitation in my calendar) to a colleague with a note. */
  forward(eventId: string, to: Recipient, note: string): Promise<void>;
  /**
   * The app's meetings (marked at creation, whatever their subject) in my calendar overlapping the window, by
   * start time: the SO, follow-up and evaluation invitations I received or organised.
   */
  listInvitations(window: CalendarWindow): Promise<CalendarInvitation[]>;
  /** The answers to my event that reached my inbox, with their comments, oldest first. */
  getResponseMessages(eventId: string): Promise<ResponseMessage[]>;
  /** My event as it is now (time, cancelled, attendees). */
  getEventState(eventId: string): Promise<EventState>;
  /** Moves my event (one PATCH of start and end): Exchange sends every attendee the update. */
  moveEvent(eventId: string, time: { start: LocalDateTime; end: LocalDateTime; timeZone: string }): Promise<void>;
  /** Replaces my event's attendee list (everyone on it gets an update; who left gets a cancellation). */
  setAttendees(eventId: string, attendees: Invitee[]): Promise<void>;
  /** Cancels my event with a message to every attendee (organiser only). */
  cancelEvent(eventId: string, comment: string): Promise<void>;
  /** The first file attached to an invitation in my calendar (the hand-out), or undefined when there is none. */
  getAttachment(eventId: string): Promise<InvitationFile | undefined>;
  /** One meeting in my calendar with its body as text, its attendees and the names of its attachments. */
  getInvitation(eventId: string): Promise<CalendarInvitationDetail>;
  findMeetingTimes(request: FindMeetingTimesRequest): Promise<MeetingTimeSuggestions>;
  /** Free/busy for any number of people (asked 20 at a time); the window must be shorter than 62 days. */
  getSchedule(request: ScheduleRequest): Promise<Schedule[]>;
}
