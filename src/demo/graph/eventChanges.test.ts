// The demo tenant's Graph semantics for what issue 11 uses: the app's extended property (stored, copied to the
// attendees' copies, filtered and expanded as Graph documents), moving a sent event, cancel, the organiser's
// forward, and the organiser's response messages linked to their event.
import { describe, expect, it } from 'vitest';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, bram, wouter } = people;
const MARK = 'String {6b0e6f8a-3c1d-4e0b-9a57-2f4c8d1e5b93} Name SamenwerkoverlegEvent';
const FILTER = `singleValueExtendedProperties/Any(ep: ep/id eq '${MARK}' and ep/value eq 'samenwerkoverleg')`;

interface Ev { id: string; iCalUId: string; subject: string; isCancelled: boolean; start: { dateTime: string }; singleValueExtendedProperties?: { id: string; value: string }[] }
interface Collection<T> { value: T[] }

async function sentEvent(t: ReturnType<typeof createTestTenant>, marked = true) {
  const created = bodyOf<Ev>(await t.call(esra, 'POST', '/me/events', { body: {
    subject: marked ? 'Samenwerkoverleg SO-2026-014' : 'Teamoverleg',
    start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' },
    end: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Amsterdam' },
    ...(marked ? { singleValueExtendedProperties: [{ id: MARK, value: 'samenwerkoverleg' }] } : {}),
  } }));
  await t.call(esra, 'POST', `/me/events/${created.id}/attachments`, { body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'hand-out.pdf', contentType: 'application/pdf', contentBytes: Buffer.from('%PDF').toString('base64') } });
  const patched = await t.call(esra, 'PATCH', `/me/events/${created.id}`, { body: { attendees: [
    { type: 'required', emailAddress: { address: bram.mail, name: bram.displayName } },
    { type: 'required', emailAddress: { address: wouter.mail, name: wouter.displayName } },
  ] } });
  expect(patched.status).toBe(200);
  return created;
}

const requestsTo = async (t: ReturnType<typeof createTestTenant>, userId: string, kind: string) =>
  (await t.tenant.snapshot()).mailboxes[userId]!.messages.filter((m) => m.kind === kind);

describe('the app\'s extended property', () => {
  it('is kept on the organiser\'s event and the attendees\' copies, found by $filter and shown by $expand, never in a plain GET', async () => {
    const t = createTestTenant();
    await sentEvent(t, true);
    await sentEvent(t, false);
    for (const user of [esra, bram]) {
      const found = await t.call(user, 'GET', `/me/events?$filter=${encodeURIComponent(FILTER)}&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${MARK}')`)}`);
      expect(found.status).toBe(200);
      const events = bodyOf<Collection<Ev>>(found).value;
      expect(events.map((e) => e.subject)).toEqual(['Samenwerkoverleg SO-2026-014']);
      expect(events[0]!.singleValueExtendedProperties).toEqual([{ id: MARK, value: 'samenwerkoverleg' }]);
    }
    const plain = bodyOf<Collection<Ev>>(await t.call(bram, 'GET', '/me/events'));
    expect(plain.value[0]).not.toHaveProperty('singleValueExtendedProperties');
    // The Name part of the id is case-sensitive; the value is not.
    const wrongName = FILTER.replace('SamenwerkoverlegEvent', 'samenwerkoverlegevent');
    expect(bodyOf<Collection<Ev>>(await t.call(bram, 'GET', `/me/events?$filter=${encodeURIComponent(wrongName)}`)).value).toEqual([]);
    const upperValue = FILTER.replace("value eq 'samenwerkoverleg'", "value eq 'SAMENWERKOVERLEG'");
    expect(bodyOf<Collection<Ev>>(await t.call(bram, 'GET', `/me/events?$filter=${encodeURIComponent(upperValue)}`)).value).toHaveLength(1);
  });

  it('answers other $filters on events with 400, and an extended-property filter on calendarView with a 500 (as Graph does)', async () => {
    const t = createTestTenant();
    expect((await t.call(bram, 'GET', `/me/events?$filter=${encodeURIComponent("startswith(subject,'Samen')")}`)).status).toBe(400);
    const view = await t.call(bram, 'GET', `/me/calendarView?startDateTime=2026-11-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z&$filter=${encodeURIComponent(FILTER)}`);
    expect(view.status).toBe(500);
  });
});

describe('changing a sent event', () => {
  it('a PATCH of start and end moves every attendee\'s copy once, with one update each', async () => {
    const t = createTestTenant();
    const event = await sentEvent(t);
    const before = (await requestsTo(t, bram.id, 'eventMessageRequest')).length;
    const moved = await t.call(esra, 'PATCH', `/me/events/${event.id}`, { body: {
      start: { dateTime: '2026-12-02T14:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-12-02T15:30:00', timeZone: 'Europe/Amsterdam' },
    } });
    expect(moved.status).toBe(200);
    for (const user of [bram, wouter]) {
      expect((await requestsTo(t, user.id, 'eventMessageRequest')).length - (user === bram ? before : before)).toBe(1);
      const copy = (await t.tenant.snapshot()).mailboxes[user.id]!.events.find((e) => e.iCalUId === event.iCalUId)!;
      expect(copy.start).toEqual({ dateTime: '2026-12-02T14:00:00', timeZone: 'Europe/Amsterdam' });
    }
  });

  it('cancel: organiser only; every attendee gets the message and a cancelled copy; the organiser\'s event leaves the calendar', async () => {
    const t = createTestTenant();
    const event = await sentEvent(t);
    const bramsCopy = (await t.tenant.snapshot()).mailboxes[bram.id]!.events.find((e) => e.iCalUId === event.iCalUId)!;
    expect((await t.call(bram, 'POST', `/me/events/${bramsCopy.id}/cancel`, { body: { Comment: 'nee' } })).status).toBe(400);
    expect((await t.call(esra, 'POST', `/me/events/${event.id}/cancel`, { body: { Comment: 'Het overleg gaat niet door.' } })).status).toBe(202);
    const state = await t.tenant.snapshot();
    for (const user of [bram, wouter]) {
      expect(state.mailboxes[user.id]!.events.find((e) => e.iCalUId === event.iCalUId)!.isCancelled).toBe(true);
      const cancellation = state.mailboxes[user.id]!.messages.find((m) => m.meeting?.meetingMessageType === 'meetingCancelled');
      expect(cancellation?.body.content).toBe('Het overleg gaat niet door.');
    }
    expect((await t.call(esra, 'GET', '/me/events')).body).not.toContain(event.id);
  });

  it('the organiser\'s forward gives one new person the meeting with the hand-out and notifies nobody else', async () => {
    const t = createTestTenant();
    const event = await sentEvent(t);
    const { kofi } = people;
    const before = (await requestsTo(t, bram.id, 'eventMessageRequest')).length;
    expect((await t.call(esra, 'POST', `/me/events/${event.id}/forward`, { body: { ToRecipients: [{ emailAddress: { address: kofi.mail, name: kofi.displayName } }], Comment: 'Je bent welkom.' } })).status).toBe(202);
    const state = await t.tenant.snapshot();
    const copy = state.mailboxes[kofi.id]!.events.find((e) => e.iCalUId === event.iCalUId)!;
    expect(copy.attachments.map((a) => a.name)).toEqual(['hand-out.pdf']);
    expect(copy.extendedProperties).toEqual([{ id: MARK, value: 'samenwerkoverleg' }]);
    expect((await requestsTo(t, bram.id, 'eventMessageRequest')).length).toBe(before);
  });

  it('lists the organiser\'s response messages with the event they answer ($expand=microsoft.graph.eventMessage/event)', async () => {
    const t = createTestTenant();
    const event = await sentEvent(t);
    const copy = (await t.tenant.snapshot()).mailboxes[wouter.id]!.events.find((e) => e.iCalUId === event.iCalUId)!;
    await t.call(wouter, 'POST', `/me/events/${copy.id}/decline`, { body: { comment: 'Geen tijd die week.', sendResponse: true } });
    const inbox = await t.call(esra, 'GET', `/me/mailFolders/inbox/messages?$expand=${encodeURIComponent('microsoft.graph.eventMessage/event($select=id)')}`);
    expect(inbox.status).toBe(200);
    const messages = bodyOf<Collection<{ '@odata.type': string; responseType: string; body: { content: string }; event: { id: string } }>>(inbox).value;
    expect(messages).toContainEqual(expect.objectContaining({ '@odata.type': '#microsoft.graph.eventMessageResponse', responseType: 'declined', body: expect.objectContaining({ content: 'Geen tijd die week.' }), event: { id: event.id } }));
  });
});
