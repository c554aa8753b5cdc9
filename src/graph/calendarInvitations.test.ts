// The invitee's reads on the calendar port: what is asked of Graph, and how the answers are mapped.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_EVENT_FILTER, APP_EVENT_PROPERTY_ID, createCalendarAdapter } from './calendarAdapter';
import { createGraphRequester, GRAPH_BASE } from './graphClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const calendar = () => createCalendarAdapter(createGraphRequester(async () => 'token', { retry: { sleep: async () => undefined } }));

const event = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
  id,
  subject: `Samenwerkoverleg ${id}`,
  start: { dateTime: `${start}.0000000`, timeZone: 'UTC' },
  end: { dateTime: `${start.slice(0, 11)}23:00:00.0000000`, timeZone: 'UTC' },
  location: { displayName: id === 'b' ? 'Wijkpunt De Kompaan' : '' },
  organizer: { emailAddress: { name: 'Esra Aydin', address: 'esra.aydin@buurtkracht.example' } },
  isOrganizer: false,
  isCancelled: false,
  responseStatus: { response: 'tentativelyAccepted', time: '2026-11-22T10:00:00Z' },
  ...extra,
});

describe('the invitee\'s calendar reads', () => {
  it('lists the app\'s events (by their extended property, not the subject) in UTC, in the window, sorted by start', async () => {
    const seen: { url: URL; prefer: string | null }[] = [];
    server.use(http.get(`${GRAPH_BASE}/me/events`, ({ request }) => {
      seen.push({ url: new URL(request.url), prefer: request.headers.get('prefer') });
      return HttpResponse.json({ value: [event('b', '2026-12-03T09:00:00'), event('a', '2026-12-01T09:00:00'), event('old', '2026-10-01T09:00:00')] });
    }));
    const list = await calendar().listInvitations({ start: '2026-11-23T09:00:00+01:00', end: '2027-01-22T09:00:00+01:00' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.prefer).toBe('outlook.timezone="UTC"');
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({
      $filter: APP_EVENT_FILTER,
      $select: 'id,subject,start,end,location,organizer,isOrganizer,isCancelled,responseStatus',
      $top: '100',
    });
    expect(APP_EVENT_FILTER).toBe(`singleValueExtendedProperties/Any(ep: ep/id eq '${APP_EVENT_PROPERTY_ID}' and ep/value eq 'samenwerkoverleg')`);
    expect(list).toEqual([
      { eventId: 'a', subject: 'Samenwerkoverleg a', start: '2026-12-01T09:00:00Z', end: '2026-12-01T23:00:00Z', organizer: { name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example' }, isOrganizer: false, isCancelled: false, response: 'tentative' },
      { eventId: 'b', subject: 'Samenwerkoverleg b', start: '2026-12-03T09:00:00Z', end: '2026-12-03T23:00:00Z', location: 'Wijkpunt De Kompaan', organizer: { name: 'Esra Aydin', email: 'esra.aydin@buurtkracht.example' }, isOrganizer: false, isCancelled: false, response: 'tentative' },
    ]);
  });

  it('reads one invitation with its body as text, the attendees and the attachment names (not their bytes)', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${GRAPH_BASE}/me/events/:id`, ({ request }) => {
        seen.push(`event ${request.headers.get('prefer')} ${new URL(request.url).searchParams.get('$select')}`);
        return HttpResponse.json(event('a/b', '2026-12-01T09:00:00', {
          body: { contentType: 'text', content: 'Hallo,\r\n\r\nWie er aan tafel zitten, en waarom' },
          attendees: [{ type: 'required', emailAddress: { name: 'Bram Hoekstra', address: 'bram.hoekstra@veldwijzer.example' }, status: { response: 'none', time: '0001-01-01T00:00:00Z' } }],
        }));
      }),
      http.get(`${GRAPH_BASE}/me/events/:id/attachments`, ({ request }) => {
        seen.push(`attachments ${new URL(request.url).searchParams.get('$select')}`);
        return HttpResponse.json({ value: [
          { '@odata.type': '#microsoft.graph.fileAttachment', name: 'Samenwerkwijze - de vijf principes.pdf', contentType: 'application/pdf', size: 7256, isInline: false },
          { '@odata.type': '#microsoft.graph.fileAttachment', name: 'logo.png', contentType: 'image/png', size: 100, isInline: true },
        ] });
      }),
    );
    const detail = await calendar().getInvitation('a/b');
    expect(seen.sort()).toEqual([
      'attachments name,contentType,size,isInline',
      'event outlook.timezone="UTC", outlook.body-content-type="text" id,subject,start,end,location,organizer,isOrganizer,isCancelled,responseStatus,body,attendees',
    ]);
    expect(detail).toMatchObject({
      eventId: 'a/b',
      bodyText: 'Hallo,\r\n\r\nWie er aan tafel zitten, en waarom',
      attendees: [{ name: 'Bram Hoekstra', email: 'bram.hoekstra@veldwijzer.example', type: 'required', response: 'none' }],
      attachmentNames: ['Samenwerkwijze - de vijf principes.pdf'],
    });
  });

  it('drops the tags itself when the service answers with HTML anyway', async () => {
    server.use(
      http.get(`${GRAPH_BASE}/me/events/:id`, () => HttpResponse.json(event('x', '2026-12-01T09:00:00', { body: { contentType: 'html', content: '<p>Hallo,<br>Bram</p>' }, attendees: [] }))),
      http.get(`${GRAPH_BASE}/me/events/:id/attachments`, () => HttpResponse.json({ value: [] })),
    );
    expect((await calendar().getInvitation('x')).bodyText).toBe('Hallo,\nBram');
  });
});
