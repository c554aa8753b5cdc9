// Calendar events, per mailbox ("me" is the token's user), with Exchange's meeting behaviour:
// - POST /me/events without attendees is a plain appointment: nothing is sent. With attendees, invitations go
//   out at once. Inline attachments in a POST are silently dropped. A repeated transactionId in the same mailbox
//   returns the existing event (201) instead of creating a duplicate.
// - PATCH /me/events/{id} by the organizer replaces `attendees` as a whole and (re)sends the meeting: every
//   attendee who is a tenant user gets a copy in THEIR calendar (same iCalUId, the attachments, isOrganizer false,
//   responseStatus none) and a meeting request in their inbox; removed attendees get a cancellation; attendees
//   outside the tenant stay on the organizer's event only. Moving the meeting resets everyone's response.
// - accept / tentativelyAccept / decline (202) only on events in the caller's own calendar, never by the organizer;
//   with sendResponse (default true) the organizer's copy records the response and its time, and the organizer
//   gets the response message. A declined meeting leaves the calendar (Exchange moves it to Deleted Items).
// - forward (202), also by an attendee: each recipient is added to the organizer's copy as a new required
//   attendee and gets a copy of the meeting in their mailbox; the organizer gets a forward notification.
import type { DemoAttachment, DemoAttendee, DemoDateTimeTimeZone, DemoEmailAddress, DemoEvent, DemoResponse, DemoTenantState, DemoUser } from '../tenantState';
import { fromInstant, ianaZone, preferredTimeZone, toInstant } from '../time';
import { emailAddressOf, mailboxOf, sameAddress, userByAddress } from './directory';
import { applySelect, graphError, isRecord, json, jsonObjectBody, newId, noContent, page, prop } from './http';
import type { Route, RouteContext, TenantResponse } from './http';
import { bodyPreview, deliver, meetingInfo } from './mail';

export const NO_RESPONSE_TIME = '0001-01-01T00:00:00Z';
const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;

/** Properties Graph computes or owns; a client may send them (e.g. echoing a GET) and they are ignored. */
const READ_ONLY = new Set([
  'id', 'iCalUId', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'isOrganizer', 'organizer', 'responseStatus',
  'hasAttachments', 'webLink', 'bodyPreview', 'type', 'seriesMasterId', 'isCancelled', 'onlineMeeting', 'onlineMeetingUrl',
  'originalStart', 'originalStartTimeZone', 'originalEndTimeZone', 'isDraft', 'cancelledOccurrences', 'attachments',
  'calendar', 'instances', 'extensions', 'exceptionOccurrences', 'singleValueExtendedProperties', 'multiValueExtendedProperties',
]);

export function newEventId(): string {
  return `AAMkAGEvt${newId('', 44)}=`;
}

function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${newId('', 32).toUpperCase()}`;
}

export function eventStart(event: DemoEvent): Date {
  return toInstant(event.start) ?? new Date(0);
}

export function eventEnd(event: DemoEvent): Date {
  return toInstant(event.end) ?? new Date(0);
}

function changeKey(event: DemoEvent): string {
  return btoa(`${event.id.slice(-10)}:${event.version}`).replace(/=+$/, '');
}

/** The event as Graph returns it; times in the zone of `Prefer: outlook.timezone`, else UTC. */
export function toGraphEvent(event: DemoEvent, zone: string): Record<string, unknown> {
  const start = eventStart(event);
  const end = eventEnd(event);
  const x = event.extra;
  const graph: Record<string, unknown> = {
    '@odata.etag': `W/"${changeKey(event)}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: changeKey(event),
    categories: x.categories ?? [],
    transactionId: event.transactionId ?? null,
    originalStartTimeZone: event.start.timeZone,
    originalEndTimeZone: event.end.timeZone,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: x.reminderMinutesBeforeStart ?? 15,
    isReminderOn: x.isReminderOn ?? true,
    hasAttachments: event.attachments.length > 0,
    subject: event.subject,
    bodyPreview: bodyPreview(event.body),
    importance: x.importance ?? 'normal',
    sensitivity: event.sensitivity,
    isAllDay: event.isAllDay,
    isCancelled: event.isCancelled,
    isOrganizer: event.isOrganizer,
    responseRequested: x.responseRequested ?? true,
    seriesMasterId: null,
    showAs: event.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: x.isOnlineMeeting ?? false,
    onlineMeetingProvider: x.onlineMeetingProvider ?? 'unknown',
    allowNewTimeProposals: x.allowNewTimeProposals ?? true,
    isDraft: false,
    hideAttendees: x.hideAttendees ?? false,
    responseStatus: { ...event.responseStatus },
    body: { ...event.body },
    start: fromInstant(start, zone),
    end: fromInstant(end, zone),
    location: { locationType: 'default', uniqueIdType: 'unknown', ...event.location },
    locations: x.locations ?? (event.location.displayName ? [{ locationType: 'default', uniqueIdType: 'private', ...event.location }] : []),
    recurrence: x.recurrence ?? null,
    attendees: event.attendees.map((a) => ({ ...a, emailAddress: { ...a.emailAddress }, status: { ...a.status } })),
    organizer: { emailAddress: { ...event.organizer.emailAddress } },
    onlineMeeting: x.isOnlineMeeting
      ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${event.iCalUId.slice(-24)}%40thread.v2/0` }
      : null,
  };
  return graph;
}

export function toGraphAttachment(attachment: DemoAttachment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    contentId: null,
    contentLocation: null,
    contentBytes: attachment.contentBytes,
  };
}

function zoneOf(ctx: RouteContext): string {
  return preferredTimeZone(ctx.request.headers.get('prefer')) ?? 'UTC';
}

function withPreferenceApplied(ctx: RouteContext, response: TenantResponse): TenantResponse {
  const prefer = ctx.request.headers.get('prefer');
  const zone = preferredTimeZone(prefer);
  const bodyType = ctx.request.method === 'GET' ? preferredBodyType(prefer) : undefined;
  const applied = [zone ? `outlook.timezone="${zone}"` : '', bodyType ? `outlook.body-content-type="${bodyType}"` : ''].filter(Boolean).join(', ');
  return applied ? { ...response, headers: { ...response.headers, 'Preference-Applied': applied } } : response;
}

/** Prefer: outlook.body-content-type="text" | "html" (GET only): the format of `body` in the response. */
export function preferredBodyType(prefer: string | null): 'text' | 'html' | undefined {
  const m = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(prefer ?? '');
  return m ? (m[1]!.toLowerCase() as 'text' | 'html') : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * An HTML body as Exchange hands it out as text (roughly: its exact conversion is not documented): line breaks
 * for <br>, an empty line after blocks, list items as "  *   item", tags dropped, entities decoded, CRLF.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/\r?\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n  *   ')
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|tr)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+(?=[^ \t*])/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/\n/g, '\r\n');
}

/** The event with its body in the format the request prefers (HTML bodies converted to text on request). */
function inPreferredFormat(ctx: RouteContext, event: Record<string, unknown>): Record<string, unknown> {
  const body = event.body as { contentType?: string; content?: string } | undefined;
  if (!body || preferredBodyType(ctx.request.headers.get('prefer')) !== 'text' || body.contentType !== 'html') return event;
  return { ...event, body: { contentType: 'text', content: htmlToText(body.content ?? '') } };
}

function notFound(ctx: RouteContext): TenantResponse {
  return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.', ctx.requestId, ctx.now);
}

function myEvent(ctx: RouteContext): DemoEvent | undefined {
  const id = decodeURIComponent(ctx.params[0] ?? '');
  return mailboxOf(ctx.state, ctx.me.id).events.find((e) => e.id === id);
}

function touch(event: DemoEvent, now: Date): void {
  event.version += 1;
  event.lastModifiedDateTime = now.toISOString();
}

type Problem = { status: number; code: string; message: string };

function readDateTime(value: unknown, name: string): DemoDateTimeTimeZone | Problem {
  const dateTime = prop(value, 'dateTime');
  const timeZone = prop(value, 'timeZone');
  if (typeof dateTime !== 'string') return { status: 400, code: 'ErrorInvalidRequest', message: `The ${name} time of the event must have a dateTime.` };
  const zone = typeof timeZone === 'string' && timeZone ? timeZone : 'UTC';
  if (!ianaZone(zone)) {
    return { status: 400, code: 'TimeZoneNotSupportedException', message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.` };
  }
  if (!toInstant({ dateTime, timeZone: zone })) return { status: 400, code: 'ErrorInvalidRequest', message: `Cannot convert the literal '${dateTime}' to the expected type 'Edm.DateTime'.` };
  return { dateTime, timeZone: zone };
}

function readAttendees(value: unknown): DemoAttendee[] | Problem {
  if (!Array.isArray(value)) return { status: 400, code: 'ErrorInvalidRequest', message: 'attendees must be an array.' };
  if (value.length > 500) return { status: 400, code: 'ErrorExceededMaxRecipientLimit', message: 'The recipient limit of 500 was exceeded.' };
  const out: DemoAttendee[] = [];
  for (const a of value) {
    const address = prop(prop(a, 'emailAddress'), 'address');
    if (typeof address !== 'string' || !address.includes('@')) return { status: 400, code: 'ErrorInvalidRecipients', message: `Recipient '${String(address ?? '')}' is not resolved.` };
    const name = prop(prop(a, 'emailAddress'), 'name');
    const type = String(prop(a, 'type') ?? 'required').toLowerCase();
    out.push({
      type: type === 'optional' || type === 'resource' ? type : 'required',
      emailAddress: typeof name === 'string' ? { name, address } : { address },
      status: { response: 'none', time: NO_RESPONSE_TIME },
    });
  }
  return out;
}

/** singleValueExtendedProperties in a POST/PATCH body: `{id: 'String {guid} Name x', value}` each. */
function readExtendedProperties(value: unknown): { id: string; value: string }[] | Problem | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return { status: 400, code: 'ErrorInvalidRequest', message: 'singleValueExtendedProperties must be an array.' };
  const out: { id: string; value: string }[] = [];
  for (const p of value) {
    const id = prop(p, 'id');
    const v = prop(p, 'value');
    if (typeof id !== 'string' || !/^(String|Integer|Boolean|SystemTime)\s+(\{[0-9a-f-]{36}\}\s+Name\s+\S+|0x[0-9a-f]{4})$/i.test(id.trim())) {
      return { status: 400, code: 'ErrorInvalidProperty', message: `The extended property id '${String(id)}' is not valid.` };
    }
    out.push({ id: id.trim(), value: typeof v === 'string' ? v : String(v ?? '') });
  }
  return out;
}

const EP_ANY = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*\1\/id\s+eq\s+'((?:[^']|'')*)'\s+and\s+\1\/value\s+eq\s+'((?:[^']|'')*)'\s*\)$/i;
const EP_EXPAND = /^singleValueExtendedProperties(?:\(\s*\$filter\s*=\s*id\s+eq\s+'((?:[^']|'')*)'\s*\))?$/i;

/**
 * $filter on /me/events: the documented extended-property form only (id matched with its Name case-sensitive,
 * value case-insensitive, as Graph documents). Anything else the demo does not serve: 400, so a client never
 * silently gets an unfiltered list.
 */
function eventFilter(filter: string | null): ((e: DemoEvent) => boolean) | Problem {
  if (filter === null || filter.trim() === '') return () => true;
  const m = EP_ANY.exec(filter.trim());
  if (!m) return { status: 400, code: 'ErrorInvalidUrlQueryFilter', message: `The demo tenant does not support this $filter on events: ${filter}` };
  const id = m[2]!.replace(/''/g, "'");
  const value = m[3]!.replace(/''/g, "'");
  return (e) => (e.extendedProperties ?? []).some((p) => sameExtendedId(p.id, id) && p.value.toLowerCase() === value.toLowerCase());
}

/** Property set GUIDs and types compare case-insensitively; the Name part is case-sensitive (Graph's docs). */
function sameExtendedId(a: string, b: string): boolean {
  const split = (x: string) => /^(\S+)\s+\{([^}]+)\}\s+Name\s+(.+)$/i.exec(x.trim());
  const pa = split(a);
  const pb = split(b);
  if (!pa || !pb) return a.trim().toLowerCase() === b.trim().toLowerCase();
  return pa[1]!.toLowerCase() === pb[1]!.toLowerCase() && pa[2]!.toLowerCase() === pb[2]!.toLowerCase() && pa[3] === pb[3];
}

/** $expand=singleValueExtendedProperties($filter=id eq '…'): the matching properties on the event. */
function withExpand(ctx: RouteContext, event: DemoEvent, graph: Record<string, unknown>): Record<string, unknown> | Problem {
  const expand = ctx.request.url.searchParams.get('$expand');
  if (!expand) return graph;
  const m = EP_EXPAND.exec(expand.trim());
  if (!m) return { status: 400, code: 'BadRequest', message: `The demo tenant does not support $expand=${expand} on events.` };
  const id = m[1]?.replace(/''/g, "'");
  const props = (event.extendedProperties ?? []).filter((p) => id === undefined || sameExtendedId(p.id, id));
  return { ...graph, singleValueExtendedProperties: props.map((p) => ({ id: p.id, value: p.value })) };
}

const isProblem = (v: unknown): v is Problem => isRecord(v) && typeof v.code === 'string' && typeof v.status === 'number';

/** Applies the writable properties of a POST/PATCH body to the event (attendees are handled by the caller). */
function applyWritable(event: DemoEvent, body: Record<string, unknown>): Problem | undefined {
  const extended = readExtendedProperties(body.singleValueExtendedProperties);
  if (isProblem(extended)) return extended;
  if (extended) {
    // Set or replace by id (ids compare case-insensitively, as Exchange's property names in our GUID set do not).
    const kept = (event.extendedProperties ?? []).filter((p) => !extended.some((n) => n.id.toLowerCase() === p.id.toLowerCase()));
    event.extendedProperties = [...kept, ...extended];
  }
  for (const [key, value] of Object.entries(body)) {
    if (key.includes('@') || READ_ONLY.has(key) || key === 'attendees' || key === 'transactionId') continue;
    switch (key) {
      case 'subject': event.subject = typeof value === 'string' ? value : ''; break;
      case 'body': {
        const contentType = String(prop(value, 'contentType') ?? 'text').toLowerCase() === 'html' ? 'html' : 'text';
        event.body = { contentType, content: String(prop(value, 'content') ?? '') };
        break;
      }
      case 'start':
      case 'end': {
        const read = readDateTime(value, key);
        if (isProblem(read)) return read;
        event[key] = read;
        break;
      }
      case 'isAllDay': event.isAllDay = value === true; break;
      // Enum values arrive in any case ("Busy"); the contract check has vetted the member.
      case 'showAs': if (typeof value === 'string') event.showAs = value.toLowerCase() === 'workingelsewhere' ? 'workingElsewhere' : value.toLowerCase() as DemoEvent['showAs']; break;
      case 'sensitivity': if (typeof value === 'string') event.sensitivity = value.toLowerCase() as DemoEvent['sensitivity']; break;
      case 'location': event.location = isRecord(value) ? { ...value, displayName: String(value.displayName ?? '') } : { displayName: '' }; break;
      default: event.extra[key] = value;
    }
  }
  if (eventEnd(event) < eventStart(event)) {
    return { status: 400, code: 'ErrorInvalidRequest', message: 'Your request can\'t be completed. The end time of the event must be after the start time.' };
  }
  return undefined;
}

function copyAttachments(attachments: DemoAttachment[]): DemoAttachment[] {
  return attachments.map((a) => ({ ...a, id: `AAMkAGAtt${newId('', 40)}=` }));
}

function meetingMessageFor(event: DemoEvent, type: 'meetingRequest' | 'meetingCancelled', zone: string) {
  return meetingInfo(event.iCalUId, type, eventStart(event), eventEnd(event), zone, event.location.displayName);
}

/** Creates or refreshes a tenant attendee's copy of the organizer's meeting and sends the meeting request. */
function sendCopy(
  state: DemoTenantState,
  organizerEvent: DemoEvent,
  attendee: DemoUser,
  now: Date,
  options: { timeChanged: boolean; from: DemoEmailAddress; comment?: string; zone: string },
): void {
  const mailbox = mailboxOf(state, attendee.id);
  let copy = mailbox.events.find((e) => e.iCalUId === organizerEvent.iCalUId);
  const at = now.toISOString();
  if (!copy) {
    copy = {
      ...structuredClone(organizerEvent),
      id: newEventId(),
      version: 1,
      createdDateTime: at,
      lastModifiedDateTime: at,
      isOrganizer: false,
      responseStatus: { response: 'none', time: NO_RESPONSE_TIME },
      showAs: 'tentative',
      attachments: [],
    };
    delete copy.transactionId;
    delete copy.deleted;
    mailbox.events.push(copy);
  } else {
    const keep = { id: copy.id, createdDateTime: copy.createdDateTime, responseStatus: copy.responseStatus, showAs: copy.showAs, version: copy.version, deleted: copy.deleted };
    Object.assign(copy, structuredClone(organizerEvent), keep);
    delete copy.transactionId;
    copy.isOrganizer = false;
    touch(copy, now);
    if (options.timeChanged || copy.deleted) {
      copy.responseStatus = { response: 'none', time: NO_RESPONSE_TIME };
      copy.showAs = 'tentative';
      delete copy.deleted;
    }
  }
  copy.isCancelled = false;
  copy.attachments = copyAttachments(organizerEvent.attachments);
  if (organizerEvent.extra.hideAttendees === true) {
    copy.attendees = copy.attendees.filter((a) => sameAddress(a.emailAddress.address, attendee.mail));
  }
  const intro = options.comment ? `${options.comment}\n\n` : '';
  deliver(state, {
    kind: 'eventMessageRequest',
    subject: organizerEvent.subject,
    body: organizerEvent.body.contentType === 'html'
      ? { contentType: 'html', content: `${intro ? `<p>${escapeHtml(options.comment ?? '')}</p>` : ''}${organizerEvent.body.content}` }
      : { contentType: 'text', content: `${intro}${organizerEvent.body.content}` },
    from: options.from,
    to: [emailAddressOf(attendee)],
    attachments: organizerEvent.attachments,
    meeting: meetingMessageFor(organizerEvent, 'meetingRequest', options.zone),
  }, now);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Sends the organizer's meeting to every tenant attendee; cancels it for tenant attendees who were removed. */
function sendMeeting(state: DemoTenantState, organizer: DemoUser, event: DemoEvent, previous: DemoAttendee[], now: Date, timeChanged: boolean): void {
  const zone = mailboxOf(state, organizer.id).timeZone;
  for (const attendee of event.attendees) {
    const user = userByAddress(state, attendee.emailAddress.address);
    if (!user || user.id === organizer.id) continue; // outside the tenant: the organizer's event only
    sendCopy(state, event, user, now, { timeChanged, from: emailAddressOf(organizer), zone });
  }
  for (const gone of previous) {
    if (event.attendees.some((a) => sameAddress(a.emailAddress.address, gone.emailAddress.address))) continue;
    const user = userByAddress(state, gone.emailAddress.address);
    if (!user || user.id === organizer.id) continue;
    const copy = mailboxOf(state, user.id).events.find((e) => e.iCalUId === event.iCalUId);
    if (!copy) continue;
    copy.isCancelled = true;
    touch(copy, now);
    deliver(state, {
      kind: 'eventMessage',
      subject: `Geannuleerd: ${event.subject}`,
      body: { contentType: 'text', content: '' },
      from: emailAddressOf(organizer),
      to: [emailAddressOf(user)],
      meeting: meetingMessageFor(event, 'meetingCancelled', zone),
    }, now);
  }
}

function createEvent(ctx: RouteContext): TenantResponse {
  const body = jsonObjectBody(ctx.request);
  const mailbox = mailboxOf(ctx.state, ctx.me.id);
  const transactionId = typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined;
  if (transactionId) {
    const existing = mailbox.events.find((e) => e.transactionId === transactionId);
    // Graph documents transactionId as the guard against duplicate POSTs on client retries; the demo answers a
    // repeat with the event the first POST created, unchanged.
    if (existing) return withPreferenceApplied(ctx, json(201, toGraphEvent(existing, zoneOf(ctx))));
  }
  if (body.start === undefined || body.end === undefined) {
    return graphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. The start and end of the event must be set.', ctx.requestId, ctx.now);
  }
  const at = ctx.now.toISOString();
  const event: DemoEvent = {
    id: newEventId(),
    iCalUId: newICalUId(),
    version: 1,
    createdDateTime: at,
    lastModifiedDateTime: at,
    subject: '',
    body: { contentType: 'text', content: '' },
    start: { dateTime: '', timeZone: 'UTC' },
    end: { dateTime: '', timeZone: 'UTC' },
    isAllDay: false,
    showAs: 'busy',
    sensitivity: 'normal',
    location: { displayName: '' },
    isCancelled: false,
    isOrganizer: true,
    organizer: { emailAddress: emailAddressOf(ctx.me) },
    responseStatus: { response: 'organizer', time: NO_RESPONSE_TIME },
    attendees: [],
    attachments: [], // inline attachments in a POST are dropped, as Graph does
    extra: {},
  };
  if (transactionId) event.transactionId = transactionId;
  const problem = applyWritable(event, body);
  if (problem) return graphError(problem.status, problem.code, problem.message, ctx.requestId, ctx.now);
  if (body.attendees !== undefined && body.attendees !== null) {
    const attendees = readAttendees(body.attendees);
    if (isProblem(attendees)) return graphError(attendees.status, attendees.code, attendees.message, ctx.requestId, ctx.now);
    event.attendees = attendees;
  }
  mailbox.events.push(event);
  // POST with attendees sends the invitations at once.
  if (event.attendees.length > 0) sendMeeting(ctx.state, ctx.me, event, [], ctx.now, false);
  return withPreferenceApplied(ctx, json(201, toGraphEvent(event, zoneOf(ctx))));
}

function updateEvent(ctx: RouteContext): TenantResponse {
  const event = myEvent(ctx);
  if (!event) return notFound(ctx);
  const body = jsonObjectBody(ctx.request);
  const draft = structuredClone(event);
  const problem = applyWritable(draft, body);
  if (problem) return graphError(problem.status, problem.code, problem.message, ctx.requestId, ctx.now);
  const previous = event.attendees;
  if (body.attendees !== undefined) {
    const attendees = readAttendees(body.attendees ?? []);
    if (isProblem(attendees)) return graphError(attendees.status, attendees.code, attendees.message, ctx.requestId, ctx.now);
    // The list is replaced as a whole; people already on it keep their response.
    draft.attendees = attendees.map((a) => {
      const known = previous.find((p) => sameAddress(p.emailAddress.address, a.emailAddress.address));
      return known ? { ...a, status: { ...known.status } } : a;
    });
  }
  const timeChanged = eventStart(draft).getTime() !== eventStart(event).getTime() || eventEnd(draft).getTime() !== eventEnd(event).getTime();
  if (timeChanged && draft.isOrganizer) {
    for (const a of draft.attendees) a.status = { response: 'none', time: NO_RESPONSE_TIME };
  }
  Object.assign(event, draft);
  touch(event, ctx.now);
  // An organizer's change to a meeting is sent to the attendees (an attendee's edits stay in their own copy).
  if (event.isOrganizer && (event.attendees.length > 0 || previous.length > 0)) {
    sendMeeting(ctx.state, ctx.me, event, previous, ctx.now, timeChanged);
  }
  return withPreferenceApplied(ctx, json(200, toGraphEvent(event, zoneOf(ctx))));
}

const RESPONSES = {
  accept: { response: 'accepted', showAs: 'busy', messageType: 'meetingAccepted', prefix: 'Geaccepteerd' },
  tentativelyAccept: { response: 'tentativelyAccepted', showAs: 'tentative', messageType: 'meetingTenativelyAccepted', prefix: 'Voorlopig geaccepteerd' },
  decline: { response: 'declined', showAs: 'free', messageType: 'meetingDeclined', prefix: 'Geweigerd' },
} as const;

function respond(kind: keyof typeof RESPONSES) {
  return (ctx: RouteContext): TenantResponse => {
    const event = myEvent(ctx);
    if (!event) return notFound(ctx);
    if (event.isOrganizer) {
      return graphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. You can\'t respond to a meeting you organized.', ctx.requestId, ctx.now);
    }
    if (event.isCancelled) return graphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. The meeting has been canceled.', ctx.requestId, ctx.now);
    const body = jsonObjectBody(ctx.request);
    const comment = prop(body, 'comment');
    const sendResponse = prop(body, 'sendResponse') !== false;
    const proposed = prop(body, 'proposedNewTime');
    const r = RESPONSES[kind];
    const at = ctx.now.toISOString();
    event.responseStatus = { response: r.response, time: at };
    event.showAs = r.showAs;
    if (kind === 'decline') event.deleted = true;
    touch(event, ctx.now);
    const organizer = userByAddress(ctx.state, event.organizer.emailAddress.address);
    if (sendResponse && organizer) {
      const original = mailboxOf(ctx.state, organizer.id).events.find((e) => e.iCalUId === event.iCalUId && e.isOrganizer);
      if (original) {
        let attendee = original.attendees.find((a) => sameAddress(a.emailAddress.address, ctx.me.mail));
        if (!attendee) {
          attendee = { type: 'required', emailAddress: emailAddressOf(ctx.me), status: { response: 'none', time: NO_RESPONSE_TIME } };
          original.attendees.push(attendee);
        }
        attendee.status = { response: r.response as DemoResponse, time: at };
        if (isRecord(proposed) && kind !== 'accept' && original.extra.allowNewTimeProposals !== false) {
          const start = readDateTime(prop(proposed, 'start'), 'start');
          const end = readDateTime(prop(proposed, 'end'), 'end');
          if (!isProblem(start) && !isProblem(end)) attendee.proposedNewTime = { start, end };
        }
        touch(original, ctx.now);
      }
      const zone = mailboxOf(ctx.state, organizer.id).timeZone;
      deliver(ctx.state, {
        kind: 'eventMessageResponse',
        subject: `${r.prefix}: ${event.subject}`,
        body: { contentType: 'text', content: typeof comment === 'string' ? comment : '' },
        from: emailAddressOf(ctx.me),
        to: [emailAddressOf(organizer)],
        meeting: meetingInfo(event.iCalUId, r.messageType, eventStart(event), eventEnd(event), zone, event.location.displayName),
      }, ctx.now);
    }
    return noContent(202);
  };
}

function forward(ctx: RouteContext): TenantResponse {
  const event = myEvent(ctx);
  if (!event) return notFound(ctx);
  const body = jsonObjectBody(ctx.request);
  const raw = prop(body, 'toRecipients');
  const comment = prop(body, 'comment');
  const recipients: DemoEmailAddress[] = [];
  for (const r of Array.isArray(raw) ? raw : []) {
    const address = prop(prop(r, 'emailAddress'), 'address');
    const name = prop(prop(r, 'emailAddress'), 'name');
    if (typeof address !== 'string' || !address.includes('@')) {
      return graphError(400, 'ErrorInvalidRecipients', `Recipient '${String(address ?? '')}' is not resolved.`, ctx.requestId, ctx.now);
    }
    recipients.push(typeof name === 'string' ? { name, address } : { address });
  }
  if (recipients.length === 0) return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is required.', ctx.requestId, ctx.now);

  const organizer = userByAddress(ctx.state, event.organizer.emailAddress.address);
  const original = organizer
    ? mailboxOf(ctx.state, organizer.id).events.find((e) => e.iCalUId === event.iCalUId && e.isOrganizer)
    : undefined;
  // Graph documents adding the recipients to the organizer's copy for a forward by an attendee; the organizer's
  // own forward only sends the meeting (the recipient joins the tracking list when they answer, see respond()).
  if (original && organizer?.id !== ctx.me.id) {
    for (const r of recipients) {
      if (original.attendees.some((a) => sameAddress(a.emailAddress.address, r.address))) continue;
      // Microsoft 365 adds the forwarded-to person to the organizer's meeting, unannounced to the organizer's app.
      original.attendees.push({ type: 'required', emailAddress: { ...r }, status: { response: 'none', time: NO_RESPONSE_TIME } });
    }
    touch(original, ctx.now);
  }
  const source = original ?? event;
  const zone = mailboxOf(ctx.state, organizer?.id ?? ctx.me.id).timeZone;
  for (const r of recipients) {
    const user = userByAddress(ctx.state, r.address);
    if (!user || user.id === organizer?.id) continue;
    sendCopy(ctx.state, source, user, ctx.now, { timeChanged: false, from: emailAddressOf(ctx.me), comment: typeof comment === 'string' ? comment : undefined, zone });
  }
  if (organizer && organizer.id !== ctx.me.id) {
    const names = recipients.map((r) => r.name ?? r.address).join(', ');
    deliver(ctx.state, {
      kind: 'eventMessage',
      subject: `Melding doorgestuurde vergadering: ${event.subject}`,
      body: { contentType: 'text', content: `Je vergadering is door ${ctx.me.displayName} doorgestuurd naar ${names}.` },
      from: emailAddressOf(ctx.me),
      to: [emailAddressOf(organizer)],
      meeting: meetingInfo(event.iCalUId, 'none', eventStart(event), eventEnd(event), zone, event.location.displayName),
    }, ctx.now);
  }
  return noContent(202);
}

function calendarView(ctx: RouteContext): TenantResponse {
  const params = ctx.request.url.searchParams;
  const startText = params.get('startDateTime') ?? params.get('StartDateTime');
  const endText = params.get('endDateTime') ?? params.get('EndDateTime');
  if (!startText || !endText) {
    return graphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.', ctx.requestId, ctx.now);
  }
  const asInstant = (text: string) => toInstant({ dateTime: text, timeZone: 'UTC' });
  const from = asInstant(startText);
  const to = asInstant(endText);
  if (!from || !to) return graphError(400, 'ErrorInvalidParameter', 'The value of the StartDateTime or EndDateTime parameter is not a valid date and time.', ctx.requestId, ctx.now);
  if (/singleValueExtendedProperties|extensions/i.test(params.get('$filter') ?? '')) {
    // Reported against Graph (msgraph-sdk-dotnet#2375): calendarView answers such a filter with a 500.
    return graphError(500, 'ErrorInternalServerError', 'An internal server error occurred. The operation failed.', ctx.requestId, ctx.now);
  }
  const zone = zoneOf(ctx);
  const select = params.get('$select');
  const events = mailboxOf(ctx.state, ctx.me.id).events
    .filter((e) => !e.deleted && eventStart(e) < to && eventEnd(e) > from)
    .sort((a, b) => eventStart(a).getTime() - eventStart(b).getTime())
    .map((e) => applySelect(inPreferredFormat(ctx, toGraphEvent(e, zone)), select));
  return withPreferenceApplied(ctx, json(200, page(ctx.request, events, 10)));
}

function addAttachment(ctx: RouteContext): TenantResponse {
  const event = myEvent(ctx);
  if (!event) return notFound(ctx);
  const body = jsonObjectBody(ctx.request);
  const type = String(body['@odata.type'] ?? '').replace(/^#/, '');
  if (type !== 'microsoft.graph.fileAttachment') {
    return graphError(400, 'ErrorInvalidRequest', `The demo tenant accepts only #microsoft.graph.fileAttachment here, got '${type || 'nothing'}'.`, ctx.requestId, ctx.now);
  }
  const contentBytes = typeof body.contentBytes === 'string' ? body.contentBytes : '';
  const size = Math.floor((contentBytes.length * 3) / 4) - (contentBytes.endsWith('==') ? 2 : contentBytes.endsWith('=') ? 1 : 0);
  if (size > MAX_ATTACHMENT_BYTES) {
    return graphError(413, 'ErrorAttachmentSizeLimitExceeded', 'The attachment is larger than 3 MB; use an upload session.', ctx.requestId, ctx.now);
  }
  const attachment: DemoAttachment = {
    id: `AAMkAGAtt${newId('', 40)}=`,
    name: typeof body.name === 'string' ? body.name : 'bijlage',
    contentType: typeof body.contentType === 'string' ? body.contentType : 'application/octet-stream',
    contentBytes,
    size,
    isInline: body.isInline === true,
    lastModifiedDateTime: ctx.now.toISOString(),
  };
  event.attachments.push(attachment);
  touch(event, ctx.now);
  return json(201, toGraphAttachment(attachment));
}

const EVENT = String.raw`^\/me\/events\/([^/]+)`;

export const eventRoutes: Route[] = [
  { method: 'POST', pattern: /^\/me\/events$/, request: 'event', response: 'event', handle: createEvent },
  {
    method: 'GET',
    pattern: /^\/me\/events$/,
    response: 'Collection(event)',
    handle: (ctx) => {
      const zone = zoneOf(ctx);
      const select = ctx.request.url.searchParams.get('$select');
      const filter = eventFilter(ctx.request.url.searchParams.get('$filter'));
      if (isProblem(filter)) return graphError(filter.status, filter.code, filter.message, ctx.requestId, ctx.now);
      const events: Record<string, unknown>[] = [];
      for (const e of mailboxOf(ctx.state, ctx.me.id).events.filter((x) => !x.deleted && filter(x))) {
        const shaped = withExpand(ctx, e, applySelect(inPreferredFormat(ctx, toGraphEvent(e, zone)), select));
        if (isProblem(shaped)) return graphError(shaped.status, shaped.code, shaped.message, ctx.requestId, ctx.now);
        events.push(shaped);
      }
      return withPreferenceApplied(ctx, json(200, page(ctx.request, events, 10)));
    },
  },
  { method: 'GET', pattern: /^\/me\/calendarView$/, response: 'Collection(event)', handle: calendarView },
  {
    method: 'GET',
    pattern: new RegExp(`${EVENT}$`),
    response: 'event',
    handle: (ctx) => {
      const event = myEvent(ctx);
      if (!event) return notFound(ctx);
      const shaped = withExpand(ctx, event, applySelect(inPreferredFormat(ctx, toGraphEvent(event, zoneOf(ctx))), ctx.request.url.searchParams.get('$select')));
      if (isProblem(shaped)) return graphError(shaped.status, shaped.code, shaped.message, ctx.requestId, ctx.now);
      return withPreferenceApplied(ctx, json(200, shaped));
    },
  },
  { method: 'PATCH', pattern: new RegExp(`${EVENT}$`), request: 'event', response: 'event', handle: updateEvent },
  { method: 'POST', pattern: new RegExp(`${EVENT}\\/attachments$`), request: 'attachment', response: 'attachment', handle: addAttachment },
  {
    method: 'GET',
    pattern: new RegExp(`${EVENT}\\/attachments$`),
    response: 'Collection(attachment)',
    handle: (ctx) => {
      const event = myEvent(ctx);
      if (!event) return notFound(ctx);
      const select = ctx.request.url.searchParams.get('$select');
      return json(200, { value: event.attachments.map((a) => applySelect(toGraphAttachment(a), select)) });
    },
  },
  { method: 'POST', pattern: new RegExp(`${EVENT}\\/accept$`), request: 'event.accept', response: 'event.accept', handle: respond('accept') },
  { method: 'POST', pattern: new RegExp(`${EVENT}\\/tentativelyAccept$`), request: 'event.tentativelyAccept', response: 'event.tentativelyAccept', handle: respond('tentativelyAccept') },
  { method: 'POST', pattern: new RegExp(`${EVENT}\\/decline$`), request: 'event.decline', response: 'event.decline', handle: respond('decline') },
  { method: 'POST', pattern: new RegExp(`${EVENT}\\/forward$`), request: 'event.forward', response: 'event.forward', handle: forward },
  { method: 'POST', pattern: new RegExp(`${EVENT}\\/cancel$`), request: 'event.cancel', response: 'event.cancel', handle: cancel },
  {
    method: 'GET',
    pattern: new RegExp(`${EVENT}\\/attachments\\/([^/]+)$`),
    response: 'attachment',
    handle: (ctx) => {
      const event = myEvent(ctx);
      if (!event) return notFound(ctx);
      const id = decodeURIComponent(ctx.params[1] ?? '');
      const attachment = event.attachments.find((a) => a.id === id);
      if (!attachment) return notFound(ctx);
      return json(200, applySelect(toGraphAttachment(attachment), ctx.request.url.searchParams.get('$select'), ['@odata.type']));
    },
  },
];

/**
 * POST /me/events/{id}/cancel (organizer only, 202): every attendee gets the cancellation with the comment and
 * their copy is marked cancelled; the organizer's event goes to Deleted Items.
 */
function cancel(ctx: RouteContext): TenantResponse {
  const event = myEvent(ctx);
  if (!event) return notFound(ctx);
  if (!event.isOrganizer) {
    return graphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. Only the meeting organizer can cancel the meeting.', ctx.requestId, ctx.now);
  }
  const comment = prop(jsonObjectBody(ctx.request), 'comment');
  const text = typeof comment === 'string' ? comment : '';
  const zone = mailboxOf(ctx.state, ctx.me.id).timeZone;
  for (const attendee of event.attendees) {
    const user = userByAddress(ctx.state, attendee.emailAddress.address);
    if (!user || user.id === ctx.me.id) continue;
    const copy = mailboxOf(ctx.state, user.id).events.find((e) => e.iCalUId === event.iCalUId);
    if (copy) {
      copy.isCancelled = true;
      touch(copy, ctx.now);
    }
    deliver(ctx.state, {
      kind: 'eventMessage',
      subject: `Geannuleerd: ${event.subject}`,
      body: { contentType: 'text', content: text },
      from: emailAddressOf(ctx.me),
      to: [emailAddressOf(user)],
      meeting: meetingMessageFor(event, 'meetingCancelled', zone),
    }, ctx.now);
  }
  event.isCancelled = true;
  event.deleted = true;
  touch(event, ctx.now);
  return noContent(202);
}
