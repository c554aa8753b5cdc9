import { describe, expect, it } from 'vitest';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, bram, wouter, kofi, priya } = people;

interface GraphEvent {
  id: string;
  iCalUId: string;
  subject: string;
  isOrganizer: boolean;
  hasAttachments: boolean;
  transactionId: string | null;
  start: { dateTime: string; timeZone: string };
  responseStatus: { response: string; time: string };
  attendees: { type: string; emailAddress: { address: string; name?: string }; status: { response: string; time: string } }[];
  organizer: { emailAddress: { address: string } };
}
interface Collection<T> { value: T[]; '@odata.nextLink'?: string }

const PDF = Buffer.from('%PDF-1.4 de vijf principes').toString('base64');

const appointment = (transactionId: string) => ({
  subject: 'Samenwerkoverleg SO-2026-014',
  body: { contentType: 'html', content: '<p>Doel van het overleg</p>' },
  start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' },
  end: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Amsterdam' },
  location: { displayName: 'Bij de inwoner thuis' },
  transactionId,
});

const attendees = [
  { type: 'required', emailAddress: { address: bram.mail, name: bram.displayName } },
  { type: 'required', emailAddress: { address: wouter.mail, name: wouter.displayName } },
  { type: 'required', emailAddress: { address: 'nadia.benali@example.org', name: 'Nadia Benali' } },
];

async function copiesOf(t: ReturnType<typeof createTestTenant>, iCalUId: string) {
  const state = await t.tenant.snapshot();
  return Object.values(state.mailboxes).flatMap((m) => m.events.filter((e) => e.iCalUId === iCalUId).map((e) => ({ userId: m.userId, e })));
}

describe('events: creating and sending an invitation', () => {
  it('creates a plain appointment without attendees: nothing is sent', async () => {
    const t = createTestTenant();
    const created = await t.call(esra, 'POST', '/me/events', { body: appointment('tx-1') });
    expect(created.status).toBe(201);
    const event = bodyOf<GraphEvent>(created);
    expect(event).toMatchObject({ isOrganizer: true, attendees: [], transactionId: 'tx-1', responseStatus: { response: 'organizer' } });
    // Times come back in UTC unless Prefer: outlook.timezone says otherwise.
    expect(event.start).toEqual({ dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' });
    expect(await copiesOf(t, event.iCalUId)).toHaveLength(1);
    const state = await t.tenant.snapshot();
    expect(state.mailboxes[bram.id]!.messages).toEqual([]);
  });

  it('returns the existing event for a repeated transactionId in the same mailbox instead of a duplicate', async () => {
    const t = createTestTenant();
    const first = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', { body: appointment('tx-retry') }));
    const again = await t.call(esra, 'POST', '/me/events', { body: appointment('tx-retry') });
    expect(again.status).toBe(201);
    expect(bodyOf<GraphEvent>(again).id).toBe(first.id);
    const state = await t.tenant.snapshot();
    expect(state.mailboxes[esra.id]!.events.filter((e) => e.transactionId === 'tx-retry')).toHaveLength(1);
    // Another mailbox may use the same key independently.
    const other = bodyOf<GraphEvent>(await t.call(priya, 'POST', '/me/events', { body: appointment('tx-retry') }));
    expect(other.id).not.toBe(first.id);
  });

  it('drops attachments sent inline with POST, keeps those posted to /attachments, and requires @odata.type', async () => {
    const t = createTestTenant();
    const inline = { ...appointment('tx-inline'), attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'x.pdf', contentBytes: PDF }] };
    const event = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', { body: inline }));
    expect(event.hasAttachments).toBe(false);

    const untyped = await t.call(esra, 'POST', `/me/events/${encodeURIComponent(event.id)}/attachments`, { body: { name: 'x.pdf', contentBytes: PDF } });
    expect(untyped.status).toBe(400);
    expect(bodyOf(untyped)).toMatchObject({ error: { code: 'demoContractViolation' } });
    const { takeContractViolations } = await import('../../../tests/setup/contractViolations');
    expect(takeContractViolations().flatMap((r) => r.messages).join()).toMatch(/missing @odata\.type: attachment is abstract/);

    const added = await t.call(esra, 'POST', `/me/events/${encodeURIComponent(event.id)}/attachments`, {
      body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'samenwerkwijze.pdf', contentType: 'application/pdf', contentBytes: PDF },
    });
    expect(added.status).toBe(201);
    expect(bodyOf(added)).toMatchObject({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'samenwerkwijze.pdf', size: 26, isInline: false });
    const list = bodyOf<Collection<{ name: string }>>(await t.call(esra, 'GET', `/me/events/${encodeURIComponent(event.id)}/attachments`));
    expect(list.value.map((a) => a.name)).toEqual(['samenwerkwijze.pdf']);
  });

  it('PATCH attendees sends the meeting: tenant attendees get a copy with the attachment; guests stay on the organizer event', async () => {
    const t = createTestTenant();
    const event = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', { body: appointment('tx-send') }));
    const id = encodeURIComponent(event.id);
    await t.call(esra, 'POST', `/me/events/${id}/attachments`, {
      body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'samenwerkwijze.pdf', contentType: 'application/pdf', contentBytes: PDF },
    });
    const patched = await t.call(esra, 'PATCH', `/me/events/${id}`, { body: { attendees } });
    expect(patched.status).toBe(200);
    expect(bodyOf<GraphEvent>(patched).attendees.map((a) => [a.emailAddress.address, a.status.response])).toEqual([
      [bram.mail, 'none'], [wouter.mail, 'none'], ['nadia.benali@example.org', 'none'],
    ]);

    const copies = await copiesOf(t, event.iCalUId);
    expect(copies.map((c) => c.userId).sort()).toEqual([esra.id, bram.id, wouter.id].sort());
    const bramsCopy = copies.find((c) => c.userId === bram.id)!.e;
    expect(bramsCopy).toMatchObject({ isOrganizer: false, subject: 'Samenwerkoverleg SO-2026-014', responseStatus: { response: 'none' } });
    expect(bramsCopy.id).not.toBe(event.id);
    expect(bramsCopy.attachments.map((a) => a.name)).toEqual(['samenwerkwijze.pdf']);

    // The invitation is in Bram's inbox, and the copy is his to read through his own /me.
    const inbox = bodyOf<Collection<{ '@odata.type'?: string; subject: string; hasAttachments: boolean; meetingMessageType?: string }>>(
      await t.call(bram, 'GET', '/me/mailFolders/inbox/messages'),
    );
    expect(inbox.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.eventMessageRequest', subject: 'Samenwerkoverleg SO-2026-014', hasAttachments: true, meetingMessageType: 'meetingRequest' });
    const asBram = await t.call(bram, 'GET', `/me/events/${encodeURIComponent(bramsCopy.id)}?$select=subject,isOrganizer,organizer`);
    expect(bodyOf(asBram)).toEqual(expect.objectContaining({ isOrganizer: false, organizer: { emailAddress: { name: esra.displayName, address: esra.mail } } }));
    // Esra's event id means nothing in Bram's mailbox.
    expect((await t.call(bram, 'GET', `/me/events/${id}`)).status).toBe(404);
  });

  it('replaces the attendee list as a whole, keeps known responses, and cancels for removed attendees', async () => {
    const t = createTestTenant();
    const event = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', { body: { ...appointment('tx-replace'), attendees } }));
    const id = encodeURIComponent(event.id);
    const bramsCopy = (await copiesOf(t, event.iCalUId)).find((c) => c.userId === bram.id)!.e;
    await t.call(bram, 'POST', `/me/events/${encodeURIComponent(bramsCopy.id)}/accept`, { body: { comment: 'Ik kom', sendResponse: true } });

    const patched = bodyOf<GraphEvent>(await t.call(esra, 'PATCH', `/me/events/${id}`, {
      body: { attendees: [attendees[0], { type: 'optional', emailAddress: { address: kofi.mail } }] },
    }));
    expect(patched.attendees.map((a) => [a.emailAddress.address, a.type, a.status.response])).toEqual([
      [bram.mail, 'required', 'accepted'], [kofi.mail, 'optional', 'none'],
    ]);
    const state = await t.tenant.snapshot();
    expect(state.mailboxes[wouter.id]!.events.find((e) => e.iCalUId === event.iCalUId)!.isCancelled).toBe(true);
    expect(state.mailboxes[wouter.id]!.messages.map((m) => m.subject)).toContain('Geannuleerd: Samenwerkoverleg SO-2026-014');
    expect(state.mailboxes[kofi.id]!.events.some((e) => e.iCalUId === event.iCalUId)).toBe(true);
  });

  it('moving the meeting resets every response', async () => {
    const t = createTestTenant();
    const event = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', { body: { ...appointment('tx-move'), attendees: [attendees[0]] } }));
    const bramsCopy = (await copiesOf(t, event.iCalUId)).find((c) => c.userId === bram.id)!.e;
    await t.call(bram, 'POST', `/me/events/${encodeURIComponent(bramsCopy.id)}/accept`, { body: {} });
    const moved = bodyOf<GraphEvent>(await t.call(esra, 'PATCH', `/me/events/${encodeURIComponent(event.id)}`, {
      body: { start: { dateTime: '2026-12-02T10:00:00', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-12-02T11:30:00', timeZone: 'Europe/Amsterdam' } },
    }));
    expect(moved.attendees[0]!.status.response).toBe('none');
    const copy = (await copiesOf(t, event.iCalUId)).find((c) => c.userId === bram.id)!.e;
    expect(copy.responseStatus.response).toBe('none');
    expect(copy.start.dateTime).toBe('2026-12-02T10:00:00');
  });
});

describe('events: attendee responses', () => {
  async function sent(t: ReturnType<typeof createTestTenant>) {
    const event = bodyOf<GraphEvent>(await t.call(esra, 'POST', '/me/events', { body: appointment('tx-respond') }));
    await t.call(esra, 'PATCH', `/me/events/${encodeURIComponent(event.id)}`, { body: { attendees } });
    const copy = (await copiesOf(t, event.iCalUId)).find((c) => c.userId === bram.id)!.e;
    return { organizerId: encodeURIComponent(event.id), copyId: encodeURIComponent(copy.id), iCalUId: event.iCalUId };
  }

  it('accept (202) updates the attendee status on the organizer\'s copy, with time, and notifies the organizer', async () => {
    const t = createTestTenant();
    const { organizerId, copyId } = await sent(t);
    t.now.value = new Date('2026-11-23T08:15:00Z');
    const accepted = await t.call(bram, 'POST', `/me/events/${copyId}/accept`, { body: { comment: 'Ik ben erbij.', sendResponse: true } });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toBeUndefined();

    const organizers = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}?$select=attendees`));
    expect(Object.keys(organizers).filter((k) => !k.startsWith('@'))).toEqual(['attendees']);
    expect(organizers.attendees.find((a) => a.emailAddress.address === bram.mail)!.status).toEqual({ response: 'accepted', time: '2026-11-23T08:15:00.000Z' });
    expect(bodyOf<GraphEvent>(await t.call(bram, 'GET', `/me/events/${copyId}`)).responseStatus.response).toBe('accepted');
    const inbox = bodyOf<Collection<{ subject: string; '@odata.type': string; responseType?: string }>>(await t.call(esra, 'GET', '/me/messages?$top=1'));
    expect(inbox.value[0]).toMatchObject({ subject: 'Geaccepteerd: Samenwerkoverleg SO-2026-014', '@odata.type': '#microsoft.graph.eventMessageResponse', responseType: 'accepted' });
  });

  it('tentativelyAccept and decline record their response; a declined meeting leaves the calendar', async () => {
    const t = createTestTenant();
    const { organizerId, copyId, iCalUId } = await sent(t);
    expect((await t.call(bram, 'POST', `/me/events/${copyId}/tentativelyAccept`, { body: { comment: 'Misschien', sendResponse: true } })).status).toBe(202);
    let organizers = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}`));
    expect(organizers.attendees.find((a) => a.emailAddress.address === bram.mail)!.status.response).toBe('tentativelyAccepted');

    expect((await t.call(bram, 'POST', `/me/events/${copyId}/decline`, { body: { comment: 'Toch niet', sendResponse: true } })).status).toBe(202);
    organizers = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}`));
    expect(organizers.attendees.find((a) => a.emailAddress.address === bram.mail)!.status.response).toBe('declined');
    const view = bodyOf<Collection<GraphEvent>>(await t.call(bram, 'GET', '/me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-02T00:00:00Z&$top=50'));
    expect(view.value.some((e) => e.iCalUId === iCalUId)).toBe(false);
  });

  it('with sendResponse false the organizer is not told', async () => {
    const t = createTestTenant();
    const { organizerId, copyId } = await sent(t);
    await t.call(bram, 'POST', `/me/events/${copyId}/accept`, { body: { sendResponse: false } });
    const organizers = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}`));
    expect(organizers.attendees.find((a) => a.emailAddress.address === bram.mail)!.status.response).toBe('none');
  });

  it('responds only to events in the caller\'s own calendar, and never as the organizer', async () => {
    const t = createTestTenant();
    const { organizerId } = await sent(t);
    expect((await t.call(bram, 'POST', `/me/events/${organizerId}/accept`, { body: {} })).status).toBe(404);
    const own = await t.call(esra, 'POST', `/me/events/${organizerId}/accept`, { body: {} });
    expect(own.status).toBe(400);
    expect(bodyOf(own)).toMatchObject({ error: { code: 'ErrorInvalidRequest' } });
  });

  it('forward (202) by an attendee adds the recipient to the organizer\'s copy, gives them a copy, and notifies the organizer', async () => {
    const t = createTestTenant();
    const { organizerId, copyId, iCalUId } = await sent(t);
    const ayesha = people.anouk; // any tenant colleague
    const forwarded = await t.call(bram, 'POST', `/me/events/${copyId}/forward`, {
      // Graph's documented casing for this action.
      body: { ToRecipients: [{ EmailAddress: { Address: ayesha.mail, Name: ayesha.displayName } }], Comment: 'Anouk neemt mijn plek in.' },
    });
    expect(forwarded.status).toBe(202);
    const organizers = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}`));
    expect(organizers.attendees.at(-1)).toMatchObject({ type: 'required', emailAddress: { address: ayesha.mail }, status: { response: 'none' } });
    const theirs = (await copiesOf(t, iCalUId)).find((c) => c.userId === ayesha.id)!.e;
    expect(theirs).toMatchObject({ isOrganizer: false, organizer: { emailAddress: { address: esra.mail } } });
    const state = await t.tenant.snapshot();
    expect(state.mailboxes[ayesha.id]!.messages.at(-1)!.body.content).toContain('Anouk neemt mijn plek in.');
    expect(state.mailboxes[esra.id]!.messages.map((m) => m.subject)).toContain('Melding doorgestuurde vergadering: Samenwerkoverleg SO-2026-014');

    // The new attendee can respond like anyone else.
    expect((await t.call(ayesha, 'POST', `/me/events/${encodeURIComponent(theirs.id)}/accept`, { body: { comment: 'Ik kom' } })).status).toBe(202);
    const after = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}`));
    expect(after.attendees.find((a) => a.emailAddress.address === ayesha.mail)!.status.response).toBe('accepted');
  });

  it('forward to someone outside the tenant adds them to the organizer\'s copy only', async () => {
    const t = createTestTenant();
    const { organizerId, copyId } = await sent(t);
    await t.call(bram, 'POST', `/me/events/${copyId}/forward`, { body: { toRecipients: [{ emailAddress: { address: 'collega@extern.example' } }] } });
    const organizers = bodyOf<GraphEvent>(await t.call(esra, 'GET', `/me/events/${organizerId}`));
    expect(organizers.attendees.map((a) => a.emailAddress.address)).toContain('collega@extern.example');
  });
});

describe('events: reading', () => {
  it('lists the calendar view in the preferred time zone, with $select and paging', async () => {
    const t = createTestTenant();
    const first = await t.call(esra, 'GET', '/me/calendarView?startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-28T00:00:00Z&$select=subject,start,end&$top=3', {
      headers: { Prefer: 'outlook.timezone="Europe/Amsterdam"' },
    });
    expect(first.headers?.['Preference-Applied']).toBe('outlook.timezone="Europe/Amsterdam"');
    const page1 = bodyOf<Collection<{ subject: string; start: { dateTime: string; timeZone: string } }>>(first);
    expect(page1.value).toHaveLength(3);
    expect(page1.value[0]!.start.timeZone).toBe('Europe/Amsterdam');
    expect(Object.keys(page1.value[0]!).filter((k) => !k.startsWith('@')).sort()).toEqual(['end', 'start', 'subject']);
    expect(page1['@odata.nextLink']).toMatch(/skiptoken=3/);
    // The seeded SO evaluation is in the case director's week.
    const all = bodyOf<Collection<{ subject: string }>>(await t.call(esra, 'GET', '/me/calendarView?startDateTime=2026-11-26T00:00:00Z&endDateTime=2026-11-27T00:00:00Z&$top=50'));
    expect(all.value.map((e) => e.subject)).toContain('Samenwerkoverleg SO-2026-021 – evaluatie');
  });

  it('needs a time window for the calendar view', async () => {
    const t = createTestTenant();
    expect((await t.call(esra, 'GET', '/me/calendarView')).status).toBe(400);
  });

  it('refuses an unknown time zone and an end before the start', async () => {
    const t = createTestTenant();
    const zone = await t.call(esra, 'POST', '/me/events', { body: { ...appointment('tx-tz'), start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Mars/Olympus' } } });
    expect(bodyOf(zone)).toMatchObject({ error: { code: 'TimeZoneNotSupportedException' } });
    const backwards = await t.call(esra, 'POST', '/me/events', { body: { ...appointment('tx-back'), end: { dateTime: '2026-12-01T09:00:00', timeZone: 'Europe/Amsterdam' } } });
    expect(backwards.status).toBe(400);
  });
});
