import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/errors';
import type { SendInvitationRequest } from '../app/ports';
import { APP_EVENT_PROPERTY_ID, base64Size, createCalendarAdapter, isoDuration, lookupWindow } from './calendarAdapter';
import { createGraphRequester, GRAPH_BASE } from './graphClient';
import { fakeCalendar } from './testing/fakeCalendar';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const HANDOUT = Buffer.from('%PDF-1.7 principes van de Samenwerkwijze').toString('base64');

const invitation = (extra: Partial<SendInvitationRequest> = {}): SendInvitationRequest => ({
  transactionId: 'so-SO-2026-014-1',
  subject: 'Samenwerkoverleg SO-2026-014',
  html: '<p>Waarom jij erbij bent: …</p>',
  start: '2026-12-03T10:00:00',
  end: '2026-12-03T11:30:00',
  timeZone: 'Europe/Amsterdam',
  location: 'Wijkcentrum De Brug',
  attendees: [
    { name: 'Fatima El Amrani', email: 'fatima@maasveld.nl', type: 'required' },
    { name: 'Joost de Wit', email: 'joost@zorgpartner.nl', type: 'required' },
    { name: 'Mirjam Bakker', email: 'mirjam@maasveld.nl', type: 'optional' },
  ],
  attachment: { name: 'Principes-Samenwerkwijze.pdf', contentType: 'application/pdf', bytesBase64: HANDOUT },
  sensitivity: 'private',
  allowNewTimeProposals: true,
  ...extra,
});

const calendar = () => createCalendarAdapter(createGraphRequester(async () => 'token', { retry: { sleep: async () => undefined } }));

/** Exactly one invitation per attendee, each with the hand-out. */
function expectEachInvitedOnceWithHandout(invitations: { to: string; attachmentNames: string[] }[], request = invitation()) {
  expect(invitations.map((i) => i.to).sort()).toEqual(request.attendees.map((a) => a.email).sort());
  for (const sent of invitations) expect(sent.attachmentNames).toEqual(['Principes-Samenwerkwijze.pdf']);
}

describe('sending the SO invitation', () => {
  it('takes 2 round trips: the plain event, then attachment + attendees in one $batch', async () => {
    const fake = fakeCalendar(server);
    const result = await calendar().sendInvitation(invitation());
    expect(result).toEqual({ eventId: 'evt-1', created: true });
    expect(fake.requests).toEqual(['POST /me/events', 'POST /$batch']);

    const create = fake.bodies[0]!.body as Record<string, unknown>;
    expect(create).toEqual({
      subject: 'Samenwerkoverleg SO-2026-014',
      body: { contentType: 'html', content: '<p>Waarom jij erbij bent: …</p>' },
      start: { dateTime: '2026-12-03T10:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-12-03T11:30:00', timeZone: 'Europe/Amsterdam' },
      location: { displayName: 'Wijkcentrum De Brug' },
      transactionId: 'so-SO-2026-014-1',
      responseRequested: true,
      allowNewTimeProposals: true,
      sensitivity: 'private',
      // The app's mark: how its events are found again (never by subject).
      singleValueExtendedProperties: [{ id: APP_EVENT_PROPERTY_ID, value: 'samenwerkoverleg' }],
    });
    const batch = (fake.bodies[1]!.body as { requests: Record<string, unknown>[] }).requests;
    expect(batch).toEqual([
      {
        id: 'attachment', method: 'POST', url: '/me/events/evt-1/attachments',
        headers: { 'Content-Type': 'application/json' },
        body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'Principes-Samenwerkwijze.pdf', contentType: 'application/pdf', contentBytes: HANDOUT },
      },
      {
        id: 'attendees', method: 'PATCH', url: '/me/events/evt-1', dependsOn: ['attachment'],
        headers: { 'Content-Type': 'application/json' },
        body: { attendees: [
          { emailAddress: { address: 'fatima@maasveld.nl', name: 'Fatima El Amrani' }, type: 'required' },
          { emailAddress: { address: 'joost@zorgpartner.nl', name: 'Joost de Wit' }, type: 'required' },
          { emailAddress: { address: 'mirjam@maasveld.nl', name: 'Mirjam Bakker' }, type: 'optional' },
        ] },
      },
    ]);
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('IDEMPOTENCY: the create lands but its response is lost; the send is retried; one event, one invitation each, with the hand-out', async () => {
    const fake = fakeCalendar(server);
    fake.faults.loseCreateResponses = 1;
    const result = await calendar().sendInvitation(invitation());
    expect(result).toEqual({ eventId: 'evt-1', created: false });
    expect(fake.events.size).toBe(1);
    expectEachInvitedOnceWithHandout(fake.invitations);
    expect(fake.requests).toEqual(['POST /me/events', 'GET /me/calendarView', 'POST /$batch']);
    const lookup = fake.bodies[1]!.path;
    expect(lookup).toContain('startDateTime=2026-12-02T10%3A00%3A00.000Z');
    expect(lookup).toContain('endDateTime=2026-12-04T11%3A30%3A00.000Z');
    expect(decodeURIComponent(lookup)).toContain('$select=id,subject,transactionId');
  });

  it('IDEMPOTENCY: the whole send is retried by the caller after a lost create response and an offline lookup', async () => {
    const fake = fakeCalendar(server);
    fake.faults.loseCreateResponses = 1;
    const port = calendar();
    // The lookup fails too (still offline): the gateway cannot tell, so it says so.
    server.use(http.get(`${GRAPH_BASE}/me/calendarView`, () => HttpResponse.error(), { once: true }));
    const first = await port.sendInvitation(invitation()).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AppError);
    expect((first as AppError).code).toBe('send-ambiguous');
    expect(fake.invitations).toEqual([]);

    // The user (or the outbox) sends again, with the same transactionId.
    const again = await port.sendInvitation(invitation());
    expect(again).toEqual({ eventId: 'evt-1', created: false });
    expect(fake.events.size).toBe(1);
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('IDEMPOTENCY across a reload: mayExist looks the event up first and completes it', async () => {
    const fake = fakeCalendar(server);
    fake.faults.loseCreateResponses = 1;
    fake.faults.loseBatchResponses = 1;
    await calendar().sendInvitation(invitation()).catch(() => undefined);
    // A fresh gateway (the page was reloaded) knows nothing; the outbox marks the send as tried before.
    const result = await calendar().sendInvitation(invitation({ mayExist: true }));
    expect(result.created).toBe(false);
    expect(fake.events.size).toBe(1);
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('IDEMPOTENCY: the $batch did everything but its response was lost; nobody is invited twice', async () => {
    const fake = fakeCalendar(server);
    fake.faults.loseBatchResponses = 1;
    const result = await calendar().sendInvitation(invitation());
    expect(result).toEqual({ eventId: 'evt-1', created: true });
    expect(fake.requests).toEqual(['POST /me/events', 'POST /$batch', 'GET /me/events/evt-1']);
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('IDEMPOTENCY: the attendee PATCH applied but answered 504; it is not repeated', async () => {
    const fake = fakeCalendar(server);
    fake.faults.patchAttendees504AfterApply = 1;
    await calendar().sendInvitation(invitation());
    expect(fake.requests.filter((r) => r === 'POST /$batch')).toHaveLength(1);
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('a throttled attachment is retried inside the batch together with the attendee PATCH that depended on it', async () => {
    const fake = fakeCalendar(server);
    fake.faults.throttleAttachment = 1;
    await calendar().sendInvitation(invitation());
    expect(fake.requests).toEqual(['POST /me/events', 'POST /$batch', 'POST /$batch']);
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('a 503 on create is retried with the same transactionId (harmless by design), then goes on', async () => {
    const fake = fakeCalendar(server);
    fake.faults.createStatuses = [503];
    const result = await calendar().sendInvitation(invitation());
    expect(result.created).toBe(true);
    expect(fake.requests).toEqual(['POST /me/events', 'POST /me/events', 'POST /$batch']);
    expect(fake.events.size).toBe(1);
    expect(fake.bodies.filter((b) => b.path === '/me/events').map((b) => (b.body as { transactionId: string }).transactionId))
      .toEqual(['so-SO-2026-014-1', 'so-SO-2026-014-1']);
  });

  it('finds the earlier event among many by transactionId, across pages', async () => {
    const fake = fakeCalendar(server, { pageSize: 2 });
    const port = calendar();
    for (let i = 0; i < 4; i += 1) await port.sendInvitation(invitation({ transactionId: `other-${i}` }));
    fake.faults.loseCreateResponses = 1;
    const result = await port.sendInvitation(invitation({ transactionId: 'mine' }));
    expect(result).toEqual({ eventId: 'evt-5', created: false });
    expect(fake.events.size).toBe(5);
    expect(fake.requests.filter((r) => r === 'GET /me/calendarView')).toHaveLength(3);
  });

  it('a definite refusal (400) of the create is surfaced, with no lookup', async () => {
    const fake = fakeCalendar(server);
    fake.faults.createStatuses = [400];
    const error = await calendar().sendInvitation(invitation()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'graph-failed', status: 400 });
    expect(fake.requests).toEqual(['POST /me/events']);
  });

  it('a second call with the same transactionId after success sends nothing again', async () => {
    const fake = fakeCalendar(server);
    const port = calendar();
    await port.sendInvitation(invitation());
    const again = await port.sendInvitation(invitation());
    expect(again).toEqual({ eventId: 'evt-1', created: false });
    expectEachInvitedOnceWithHandout(fake.invitations);
  });

  it('refuses a hand-out of 3 MB or more before any request', async () => {
    const fake = fakeCalendar(server);
    const big = Buffer.alloc(3 * 1024 * 1024).toString('base64');
    const error = await calendar().sendInvitation(invitation({ attachment: { name: 'x.pdf', contentType: 'application/pdf', bytesBase64: big } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'attachment-too-large' });
    expect(fake.requests).toEqual([]);
  });
});

describe('responses, replies and scheduling', () => {
  it('reads the responses with their times', async () => {
    server.use(http.get(`${GRAPH_BASE}/me/events/e1`, ({ request }) => {
      expect(new URL(request.url).searchParams.get('$select')).toBe('attendees');
      return HttpResponse.json({ attendees: [
        { type: 'required', emailAddress: { address: 'a@x.nl', name: 'A' }, status: { response: 'accepted', time: '2026-11-23T08:12:00Z' } },
        { type: 'optional', emailAddress: { address: 'b@x.nl', name: 'B' }, status: { response: 'tentativelyAccepted', time: '2026-11-23T09:00:00Z' } },
        { type: 'required', emailAddress: { address: 'c@x.nl', name: 'C' }, status: { response: 'none', time: '0001-01-01T00:00:00Z' } },
        { type: 'required', emailAddress: { address: 'd@x.nl', name: 'D' }, status: { response: 'declined', time: '2026-11-24T10:00:00Z' } },
      ] });
    }));
    expect(await calendar().getResponses('e1')).toEqual([
      { name: 'A', email: 'a@x.nl', type: 'required', response: 'accepted', respondedAt: '2026-11-23T08:12:00Z' },
      { name: 'B', email: 'b@x.nl', type: 'optional', response: 'tentative', respondedAt: '2026-11-23T09:00:00Z' },
      { name: 'C', email: 'c@x.nl', type: 'required', response: 'none' },
      { name: 'D', email: 'd@x.nl', type: 'required', response: 'declined', respondedAt: '2026-11-24T10:00:00Z' },
    ]);
  });

  it('accepts, tentatively accepts and declines with sendResponse, and forwards with ToRecipients/Comment', async () => {
    const fake = fakeCalendar(server);
    const port = calendar();
    await port.respond('e1', 'accept', 'Ik kom');
    await port.respond('e1', 'tentative');
    await port.respond('e1', 'decline', 'Ik stuur een collega');
    await port.forward('e1', { name: 'Sanne Vos', email: 'sanne@zorgpartner.nl' }, 'Wil jij mijn plek innemen?');
    expect(fake.bodies.map((b) => [b.path, b.body])).toEqual([
      ['/me/events/e1/accept', { comment: 'Ik kom', sendResponse: true }],
      ['/me/events/e1/tentativelyAccept', { comment: '', sendResponse: true }],
      ['/me/events/e1/decline', { comment: 'Ik stuur een collega', sendResponse: true }],
      ['/me/events/e1/forward', { ToRecipients: [{ EmailAddress: { Address: 'sanne@zorgpartner.nl', Name: 'Sanne Vos' } }], Comment: 'Wil jij mijn plek innemen?' }],
    ]);
  });

  it('asks findMeetingTimes in Europe/Amsterdam for 1h30 and maps the suggestions', async () => {
    const fake = fakeCalendar(server);
    const result = await calendar().findMeetingTimes({
      attendees: [{ name: 'A', email: 'a@x.nl', type: 'required' }, { name: 'B', email: 'b@x.nl', type: 'optional' }],
      windows: [{ start: '2026-12-01T09:00:00', end: '2026-12-05T17:00:00' }],
      timeZone: 'Europe/Amsterdam',
      durationMinutes: 90,
      minimumAttendeePercentage: 100,
    });
    const sent = fake.bodies[0]!;
    expect(sent.headers.prefer).toBe('outlook.timezone="Europe/Amsterdam"');
    expect(sent.body).toEqual({
      attendees: [{ type: 'required', emailAddress: { address: 'a@x.nl', name: 'A' } }, { type: 'optional', emailAddress: { address: 'b@x.nl', name: 'B' } }],
      timeConstraint: { activityDomain: 'work', timeSlots: [{ start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-12-05T17:00:00', timeZone: 'Europe/Amsterdam' } }] },
      meetingDuration: 'PT1H30M',
      isOrganizerOptional: false,
      returnSuggestionReasons: true,
      minimumAttendeePercentage: 100,
    });
    expect(result.suggestions).toEqual([{
      start: '2026-12-03T10:00:00', end: '2026-12-03T11:30:00', timeZone: 'Europe/Amsterdam', confidence: 100, organizerAvailability: 'free',
      attendees: [{ email: 'a@x.nl', availability: 'free' }, { email: 'b@x.nl', availability: 'unknown' }],
      reason: 'Suggested because it is one of the nearest times when all attendees are available.',
    }]);
  });

  it('asks getSchedule 20 people at a time and keeps per-person errors', async () => {
    const fake = fakeCalendar(server);
    const emails = ['extern@elders.nl', ...Array.from({ length: 44 }, (_, i) => `p${i}@x.nl`)];
    const schedules = await calendar().getSchedule({ emails, start: '2026-12-01T08:00:00', end: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam', intervalMinutes: 30 });
    expect(fake.bodies.map((b) => (b.body as { schedules: string[] }).schedules.length)).toEqual([20, 20, 5]);
    expect(fake.bodies[0]!.body).toMatchObject({ startTime: { dateTime: '2026-12-01T08:00:00', timeZone: 'Europe/Amsterdam' }, endTime: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' }, availabilityViewInterval: 30 });
    expect(schedules).toHaveLength(45);
    expect(schedules[0]).toEqual({ email: 'extern@elders.nl', availabilityView: '', items: [], error: 'ErrorMailRecipientNotFound' });
    expect(schedules[1]).toEqual({ email: 'p0@x.nl', availabilityView: '0220', items: [{ start: '2026-12-03T10:30:00', end: '2026-12-03T11:30:00', timeZone: 'Europe/Amsterdam', status: 'busy' }] });
  });

  it('refuses a getSchedule window of 62 days or more', async () => {
    fakeCalendar(server);
    await expect(calendar().getSchedule({ emails: ['a@x.nl'], start: '2026-12-01T00:00:00', end: '2027-02-01T00:00:00', timeZone: 'Europe/Amsterdam' })).rejects.toThrow(RangeError);
  });

  it('helpers', () => {
    expect(isoDuration(90)).toBe('PT1H30M');
    expect(isoDuration(60)).toBe('PT1H');
    expect(isoDuration(45)).toBe('PT45M');
    expect(base64Size(Buffer.from('abcde').toString('base64'))).toBe(5);
    expect(lookupWindow('2026-12-03T10:00:00', '2026-12-03T11:30:00')).toEqual({ startDateTime: '2026-12-02T10:00:00.000Z', endDateTime: '2026-12-04T11:30:00.000Z' });
    vi.useRealTimers();
  });
});
