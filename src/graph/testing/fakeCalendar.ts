// Test support (imported by tests only): an in-memory Outlook calendar behind msw, strict where
// Graph is strict and with switches for the failures the gateway must survive. It does NOT
// deduplicate transactionId (that behaviour is undocumented), so a second POST makes a second event.
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

const BASE = 'https://graph.microsoft.com/v1.0';

export interface FakeAttendee {
  emailAddress: { address: string; name: string };
  type: string;
  status: { response: string; time: string };
}

export interface FakeEvent {
  id: string;
  subject: string;
  transactionId: string | null;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  body: unknown;
  location?: unknown;
  attendees: FakeAttendee[];
  attachments: { id: string; name: string; contentType: string; contentBytes: string }[];
  raw: Record<string, unknown>;
}

/** What a mail client would receive: one invitation per attendee per attendee PATCH. */
export interface SentInvitation {
  eventId: string;
  to: string;
  attachmentNames: string[];
}

export interface FakeCalendarFaults {
  /** Create the event, then drop the connection (the response is lost). */
  loseCreateResponses: number;
  /** Do every sub-request, then drop the connection. */
  loseBatchResponses: number;
  /** Apply the attendee PATCH, then answer it with 504. */
  patchAttendees504AfterApply: number;
  /** Answer the attachment sub-request with 429 (not applied). */
  throttleAttachment: number;
  /** Answer POST /me/events with this status (not applied). */
  createStatuses: number[];
}

interface SubRequest {
  id: string;
  method: string;
  url: string;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

type SubResponse = { status: number; headers?: Record<string, string>; body?: unknown };

const toUtcMs = (dt: { dateTime: string; timeZone: string }) => {
  // Good enough for tests: Europe/Amsterdam in winter is UTC+1.
  const offset = dt.timeZone === 'Europe/Amsterdam' ? 60 : 0;
  return Date.parse(`${dt.dateTime.slice(0, 19)}Z`) - offset * 60_000;
};

function eventJson(event: FakeEvent): Record<string, unknown> {
  return {
    ...event.raw,
    id: event.id,
    subject: event.subject,
    transactionId: event.transactionId,
    attendees: event.attendees,
    hasAttachments: event.attachments.length > 0,
  };
}

function select(entity: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  if (!fields) return entity;
  const wanted = new Set(fields.split(',').map((f) => f.trim()));
  wanted.add('id');
  return Object.fromEntries(Object.entries(entity).filter(([k]) => wanted.has(k) || k.startsWith('@')));
}

export function fakeCalendar(server: Pick<SetupServer, 'use'>, options: { pageSize?: number } = {}) {
  const events = new Map<string, FakeEvent>();
  const invitations: SentInvitation[] = [];
  const requests: string[] = [];
  const bodies: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = [];
  const faults: FakeCalendarFaults = { loseCreateResponses: 0, loseBatchResponses: 0, patchAttendees504AfterApply: 0, throttleAttachment: 0, createStatuses: [] };
  let counter = 0;
  let eventCounter = 0;

  function addAttachment(eventId: string, body: Record<string, unknown>): SubResponse {
    const event = events.get(eventId);
    if (!event) return { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'x' } } };
    if (faults.throttleAttachment > 0) {
      faults.throttleAttachment -= 1;
      return { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'ApplicationThrottled', message: 'x' } } };
    }
    if (body['@odata.type'] !== '#microsoft.graph.fileAttachment') return { status: 400, body: { error: { code: 'ErrorInvalidRequest', message: 'x' } } };
    const attachment = { id: `att-${++counter}`, name: String(body.name), contentType: String(body.contentType), contentBytes: String(body.contentBytes) };
    event.attachments.push(attachment);
    return { status: 201, body: { '@odata.type': '#microsoft.graph.fileAttachment', id: attachment.id, name: attachment.name } };
  }

  function patchEvent(eventId: string, body: Record<string, unknown>): SubResponse {
    const event = events.get(eventId);
    if (!event) return { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'x' } } };
    if (Array.isArray(body.attendees)) {
      event.attendees = (body.attendees as { emailAddress: { address: string; name: string }; type: string }[]).map((a) => ({
        emailAddress: a.emailAddress,
        type: a.type,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      }));
      // A PATCH of attendees (re)notifies everyone on the list.
      for (const a of event.attendees) invitations.push({ eventId, to: a.emailAddress.address, attachmentNames: event.attachments.map((x) => x.name) });
      if (faults.patchAttendees504AfterApply > 0) {
        faults.patchAttendees504AfterApply -= 1;
        return { status: 504, body: { error: { code: 'GatewayTimeout', message: 'x' } } };
      }
    }
    return { status: 200, body: eventJson(event) };
  }

  function route(sub: SubRequest): SubResponse {
    const path = sub.url.split('?')[0]!;
    let m = /^\/me\/events\/([^/]+)\/attachments$/.exec(path);
    if (m && sub.method === 'POST') return addAttachment(decodeURIComponent(m[1]!), sub.body ?? {});
    m = /^\/me\/events\/([^/]+)$/.exec(path);
    if (m && sub.method === 'PATCH') return patchEvent(decodeURIComponent(m[1]!), sub.body ?? {});
    return { status: 400, body: { error: { code: 'BadRequest', message: `no route ${sub.method} ${path}` } } };
  }

  const record = async (request: Request) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.replace('/v1.0', '')}`);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    bodies.push({ method: request.method, path: url.pathname.replace('/v1.0', '') + url.search, body: text ? JSON.parse(text) : undefined, headers: Object.fromEntries(request.headers) });
  };

  server.use(
    http.post(`${BASE}/me/events`, async ({ request }) => {
      await record(request);
      const status = faults.createStatuses.shift();
      if (status) return HttpResponse.json({ error: { code: 'Unavailable', message: 'x' } }, { status });
      const body = (await request.json()) as Record<string, unknown>;
      if ('attendees' in body) throw new Error('the fake refuses attendees on create: invitations would go out without the hand-out');
      const id = `evt-${++eventCounter}`;
      const event: FakeEvent = {
        id,
        subject: String(body.subject),
        transactionId: (body.transactionId as string | undefined) ?? null,
        start: body.start as FakeEvent['start'],
        end: body.end as FakeEvent['end'],
        body: body.body,
        location: body.location,
        attendees: [],
        attachments: [],
        raw: body,
      };
      events.set(id, event);
      if (faults.loseCreateResponses > 0) {
        faults.loseCreateResponses -= 1;
        return HttpResponse.error();
      }
      return HttpResponse.json(eventJson(event), { status: 201 });
    }),

    http.get(`${BASE}/me/calendarView`, async ({ request }) => {
      await record(request);
      const url = new URL(request.url);
      const from = Date.parse(url.searchParams.get('startDateTime') ?? '');
      const to = Date.parse(url.searchParams.get('endDateTime') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return HttpResponse.json({ error: { code: 'ErrorInvalidParameter', message: 'x' } }, { status: 400 });
      const all = [...events.values()].filter((e) => toUtcMs(e.start) < to && toUtcMs(e.end) > from);
      const size = options.pageSize ?? 10;
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const value = all.slice(skip, skip + size).map((e) => select(eventJson(e), url.searchParams.get('$select')));
      const next = new URL(url);
      next.searchParams.set('$skiptoken', String(skip + size));
      return HttpResponse.json({ value, ...(skip + size < all.length ? { '@odata.nextLink': next.toString() } : {}) });
    }),

    http.get(`${BASE}/me/events/:id`, async ({ request, params }) => {
      await record(request);
      const event = events.get(String(params.id));
      if (!event) return HttpResponse.json({ error: { code: 'ErrorItemNotFound', message: 'x' } }, { status: 404 });
      return HttpResponse.json(select(eventJson(event), new URL(request.url).searchParams.get('$select')));
    }),

    http.post(`${BASE}/$batch`, async ({ request }) => {
      await record(request);
      const { requests: subs } = (await request.json()) as { requests: SubRequest[] };
      if (subs.length > 20) return HttpResponse.json({ error: { code: 'BadRequest', message: 'more than 20' } }, { status: 400 });
      const statuses = new Map<string, number>();
      const responses = subs.map((sub) => {
        if (sub.body !== undefined && !Object.keys(sub.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
          return { id: sub.id, status: 400, body: { error: { code: 'BadRequest', message: 'Content-Type missing' } } };
        }
        const blocked = (sub.dependsOn ?? []).some((d) => (statuses.get(d) ?? 0) >= 400);
        const answer: SubResponse = blocked ? { status: 424, body: { error: { code: 'FailedDependency', message: 'x' } } } : route(sub);
        statuses.set(sub.id, answer.status);
        return { id: sub.id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
      });
      if (faults.loseBatchResponses > 0) {
        faults.loseBatchResponses -= 1;
        return HttpResponse.error();
      }
      return HttpResponse.json({ responses });
    }),

    http.post(`${BASE}/me/events/:id/:action`, async ({ request }) => {
      await record(request);
      return new HttpResponse(null, { status: 202 });
    }),
    http.post(`${BASE}/me/findMeetingTimes`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({
        emptySuggestionsReason: '',
        meetingTimeSuggestions: [{
          confidence: 100,
          organizerAvailability: 'free',
          suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
          meetingTimeSlot: { start: { dateTime: '2026-12-03T10:00:00.0000000', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-12-03T11:30:00.0000000', timeZone: 'Europe/Amsterdam' } },
          attendeeAvailability: [{ attendee: { type: 'required', emailAddress: { address: 'a@x.nl' } }, availability: 'free' }, { attendee: { emailAddress: { address: 'b@x.nl' } }, availability: 'sleeping' }],
        }],
      });
    }),
    http.post(`${BASE}/me/calendar/getSchedule`, async ({ request }) => {
      await record(request);
      const body = (await request.clone().json()) as { schedules: string[] };
      if (body.schedules.length > 20) return HttpResponse.json({ error: { code: 'ErrorInvalidParameter', message: 'x' } }, { status: 400 });
      return HttpResponse.json({
        value: body.schedules.map((s, i) => (i === 0 && s.startsWith('extern')
          ? { scheduleId: s, error: { message: 'not found', responseCode: 'ErrorMailRecipientNotFound' } }
          : { scheduleId: s, availabilityView: '0220', scheduleItems: [{ status: 'busy', start: { dateTime: '2026-12-03T10:30:00.0000000', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-12-03T11:30:00.0000000', timeZone: 'Europe/Amsterdam' } }] })),
      });
    }),
  );

  return { events, invitations, requests, bodies, faults };
}
