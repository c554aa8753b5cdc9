import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/errors';
import type { AppointmentFill, Recipient } from '../app/ports';
import { createLimiter, createOutlookAppointment, OUTLOOK_LIMITS } from './outlookAppointment';
import type { MailboxLike } from './outlookAppointment';
import { createFakeMailbox } from './testing/fakeMailboxItem';
import type { FakeMailbox, RecordedCall } from './testing/fakeMailboxItem';

const people = (n: number, prefix = 'p'): Recipient[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Deelnemer ${prefix}${i + 1}`, email: `${prefix}${i + 1}@maasveld.example` }));

const HANDOUT = Buffer.from('%PDF-1.7 De vijf principes').toString('base64');

function fill(overrides: Partial<AppointmentFill> = {}): AppointmentFill {
  return {
    subject: 'Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026',
    html: '<div lang="nl"><p>Hallo,</p></div>',
    text: 'Hallo,',
    location: 'Bij de inwoner thuis (adres volgt na acceptatie)',
    start: '2026-12-01T10:00:00+01:00',
    end: '2026-12-01T11:30:00+01:00',
    requiredAttendees: people(3),
    attachment: { name: 'Samenwerkwijze - de vijf principes.pdf', bytesBase64: HANDOUT },
    ...overrides,
  };
}

const port = (fake: FakeMailbox) => createOutlookAppointment(fake.mailbox as unknown as MailboxLike);
const methods = (calls: RecordedCall[]) => calls.map((c) => c.method);
const started = (calls: RecordedCall[], method: string) => calls.find((c) => c.method === method)!;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

afterEach(() => { vi.useRealTimers(); });

describe('filling the organizer\'s appointment through Office.js', () => {
  it('sets subject, time, location, attendees, body and the hand-out, in that order, ≤ 3 calls at a time', async () => {
    // Fake timers make the interleaving of equal latencies deterministic.
    vi.useFakeTimers();
    const fake = createFakeMailbox({ mode: 'compose' });
    const filled = port(fake).fillAppointment(fill());
    await vi.runAllTimersAsync();
    await filled;
    vi.useRealTimers();

    expect(fake.state).toMatchObject({
      subject: 'Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026',
      location: 'Bij de inwoner thuis (adres volgt na acceptatie)',
      body: { type: 'html', content: '<div lang="nl"><p>Hallo,</p></div>' },
    });
    expect(fake.state.start.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(fake.state.end.toISOString()).toBe('2026-12-01T10:30:00.000Z');
    expect(fake.state.requiredAttendees.map((r) => [r.displayName, r.emailAddress])).toEqual(people(3).map((p) => [p.name, p.email]));
    expect(fake.state.attachments.map((a) => [a.name, a.base64, a.isInline])).toEqual([['Samenwerkwijze - de vijf principes.pdf', HANDOUT, false]]);
    expect(fake.state.saved).toBe(false); // the user sends with Outlook's own Send button

    // Asked for in the documented order; three lanes, the end after the start has landed.
    expect(methods(fake.calls)).toEqual([
      'subject.setAsync', 'start.setAsync', 'location.setAsync',
      'end.setAsync', 'requiredAttendees.setAsync', 'body.getTypeAsync',
      'body.setAsync', 'getAttachmentsAsync', 'addFileAttachmentFromBase64Async',
    ]);
    expect(started(fake.calls, 'end.setAsync').startedAt).toBeGreaterThanOrEqual(started(fake.calls, 'start.setAsync').endedAt!);
    expect(started(fake.calls, 'body.setAsync').detail).toMatchObject({ coercionType: 'html' });
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(3);
    expect(fake.maxConcurrent()).toBe(3);
    expect(fake.violations).toEqual([]);
  });

  it('sets 250 attendees as 100 with setAsync, then 100 and 50 with addAsync once setAsync has finished', async () => {
    const fake = createFakeMailbox({ mode: 'compose', latencyMs: (m) => (m === 'requiredAttendees.setAsync' ? 15 : 3) });
    const required = people(250);
    await port(fake).fillAppointment(fill({ requiredAttendees: required, optionalAttendees: people(120, 'o') }));

    const calls = (field: string) => fake.calls.filter((c) => c.method.startsWith(field));
    expect(calls('requiredAttendees').map((c) => [c.method, c.detail.count])).toEqual([
      ['requiredAttendees.setAsync', 100], ['requiredAttendees.addAsync', 100], ['requiredAttendees.addAsync', 50],
    ]);
    expect(calls('optionalAttendees').map((c) => [c.method, c.detail.count])).toEqual([['optionalAttendees.setAsync', 100], ['optionalAttendees.addAsync', 20]]);
    const set = started(fake.calls, 'requiredAttendees.setAsync');
    for (const add of calls('requiredAttendees.addAsync')) expect(add.startedAt).toBeGreaterThanOrEqual(set.endedAt!);
    expect(new Set(fake.state.requiredAttendees.map((r) => r.emailAddress))).toEqual(new Set(required.map((p) => p.email)));
    expect(fake.state.requiredAttendees).toHaveLength(250);
    expect(fake.state.optionalAttendees).toHaveLength(120);
    expect(fake.calls.every((c) => (c.detail.count as number | undefined ?? 0) <= OUTLOOK_LIMITS.recipientsPerCall)).toBe(true);
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(3);
    expect(fake.violations).toEqual([]);
  });

  it('never has more than 3 calls in flight, whatever the latencies', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const fake = createFakeMailbox({ mode: 'compose', latencyMs: (m) => ((m.length * 7 + seed * 13) % 11) + 1 });
      await port(fake).fillAppointment(fill({ requiredAttendees: people(330), optionalAttendees: people(5, 'o') }));
      expect(fake.maxConcurrent(), `seed ${seed}`).toBeLessThanOrEqual(3);
      expect(fake.violations, `seed ${seed}`).toEqual([]);
    }
  });

  it('refuses what Outlook would refuse before it touches the form', async () => {
    const cases: [Partial<AppointmentFill>, string][] = [
      [{ location: 'x'.repeat(256) }, 'outlook-location-too-long'],
      [{ html: 'x'.repeat(1_000_001) }, 'outlook-body-too-large'],
      [{ text: 'x'.repeat(1_000_001) }, 'outlook-body-too-large'],
      [{ requiredAttendees: people(400), optionalAttendees: people(101, 'o') }, 'outlook-too-many-attendees'],
    ];
    for (const [overrides, code] of cases) {
      const fake = createFakeMailbox({ mode: 'compose' });
      expect((await rejection(port(fake).fillAppointment(fill(overrides)))).code).toBe(code);
      expect(fake.calls).toEqual([]);
    }
    // Exactly at the limits is fine.
    const fake = createFakeMailbox({ mode: 'compose' });
    await port(fake).fillAppointment(fill({ location: 'x'.repeat(255), html: 'x'.repeat(1_000_000) }));
    expect(fake.state.location).toHaveLength(255);
  });

  it('maps a failed AsyncResult to an AppError with Office\'s error name, and sends nothing more once one step failed', async () => {
    const mapping: [string, string, string, string][] = [
      ['requiredAttendees.setAsync', 'NumberOfRecipientsExceeded', 'outlook-too-many-attendees', 'requiredAttendees.setAsync'],
      ['addFileAttachmentFromBase64Async', 'AttachmentSizeExceeded', 'attachment-too-large', 'attachment'],
      ['body.setAsync', 'DataExceedsMaximumSize', 'outlook-body-too-large', 'body'],
      ['location.setAsync', 'DataExceedsMaximumSize', 'outlook-location-too-long', 'location'],
      ['subject.setAsync', 'GenericResponseError', 'outlook-failed', 'subject'],
    ];
    for (const [method, name, code, step] of mapping) {
      const fake = createFakeMailbox({ mode: 'compose', failures: [{ method, name }] });
      const error = await rejection(port(fake).fillAppointment(fill()));
      expect([error.code, error.serviceCode], method).toEqual([code, name]);
      expect(error.message).toContain(`${step}:`);
    }
    // The subject fails first: the steps still waiting for a lane never reach Outlook.
    const fake = createFakeMailbox({ mode: 'compose', failures: [{ method: 'subject.setAsync', name: 'GenericResponseError' }] });
    await rejection(port(fake).fillAppointment(fill()));
    await fake.idle();
    expect(methods(fake.calls)).not.toContain('addFileAttachmentFromBase64Async');
    expect(methods(fake.calls)).not.toContain('body.setAsync');
  });

  it('writes the plain-text body into a plain-text form (Outlook refuses HTML there)', async () => {
    const fake = createFakeMailbox({ mode: 'compose', bodyType: 'text' });
    await port(fake).fillAppointment(fill());
    expect(fake.state.body).toEqual({ type: 'text', content: 'Hallo,' });
    expect(started(fake.calls, 'body.setAsync').detail).toMatchObject({ coercionType: 'text' });
  });

  it('attaches the hand-out once when filled twice', async () => {
    const fake = createFakeMailbox({ mode: 'compose' });
    const outlook = port(fake);
    await outlook.fillAppointment(fill());
    await outlook.fillAppointment(fill({ requiredAttendees: people(2) }));
    expect(fake.state.attachments).toHaveLength(1);
    expect(fake.state.requiredAttendees).toHaveLength(2);
  });

  it('moves an appointment far away in time without tripping Outlook\'s end-before-start check', async () => {
    const fake = createFakeMailbox({ mode: 'compose', initial: { start: new Date('2027-06-01T08:00:00Z'), end: new Date('2027-06-01T08:30:00Z') } });
    await port(fake).fillAppointment(fill());
    expect([fake.state.start.toISOString(), fake.state.end.toISOString()]).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-01T10:30:00.000Z']);
  });

  it('says so when the open item is not an appointment being composed', async () => {
    const fake = createFakeMailbox({ mode: 'read', received: { itemId: 'AAMk/x+y=', subject: 'Samenwerkoverleg', organizer: { displayName: 'Esra', emailAddress: 'e@x.nl' }, bodyText: '' } });
    expect((await rejection(port(fake).fillAppointment(fill()))).code).toBe('outlook-wrong-item');
    expect(port(fake).mode).toBe('attendee');
    expect(port(createFakeMailbox({ mode: 'compose' })).mode).toBe('organizer');
  });
});

describe('reading the attendee\'s appointment through Office.js', () => {
  it('gives subject, organizer, the body as text, attendees with responses, attachments and the REST id', async () => {
    const fake = createFakeMailbox({
      mode: 'read',
      initial: {
        start: new Date('2026-12-01T09:00:00Z'),
        end: new Date('2026-12-01T10:30:00Z'),
        location: 'Bij de inwoner thuis',
        requiredAttendees: [
          { displayName: 'Bram Hoekstra', emailAddress: 'bram.hoekstra@veldwijzer.example', appointmentResponse: 'tentative' },
          { displayName: 'Wouter Dijkman', emailAddress: 'wouter.dijkman@thuisveld.example' },
        ],
      },
      received: {
        itemId: 'AAMkAGI2/THVmAAA+kAAA=',
        subject: 'Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026',
        organizer: { displayName: 'Esra Aydin', emailAddress: 'esra.aydin@buurtkracht.example' },
        bodyText: 'Hallo,\r\n\r\nWie er aan tafel zitten, en waarom',
        attachments: ['Samenwerkwijze - de vijf principes.pdf'],
      },
    });
    const open = await port(fake).readAppointment();
    expect(open).toEqual({
      subject: 'Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026',
      organizerName: 'Esra Aydin',
      organizerEmail: 'esra.aydin@buurtkracht.example',
      bodyText: 'Hallo,\r\n\r\nWie er aan tafel zitten, en waarom',
      itemRestId: 'AAMkAGI2-THVmAAA_kAAA=',
      start: '2026-12-01T09:00:00.000Z',
      end: '2026-12-01T10:30:00.000Z',
      location: 'Bij de inwoner thuis',
      attendees: [
        { name: 'Bram Hoekstra', email: 'bram.hoekstra@veldwijzer.example', type: 'required', response: 'tentative' },
        { name: 'Wouter Dijkman', email: 'wouter.dijkman@thuisveld.example', type: 'required', response: 'none' },
      ],
      attachmentNames: ['Samenwerkwijze - de vijf principes.pdf'],
    });
    expect(fake.calls.find((c) => c.method === 'body.getAsync')?.detail).toEqual({ coercionType: 'text' });
    expect(fake.calls.find((c) => c.method === 'convertToRestId')?.detail).toEqual({ restVersion: 'v2.0' });
  });

  it('maps a failed body read to an AppError', async () => {
    const fake = createFakeMailbox({
      mode: 'read', failures: [{ method: 'body.getAsync', name: 'GenericResponseError' }],
      received: { itemId: 'x', subject: 'Samenwerkoverleg', organizer: { displayName: 'E', emailAddress: 'e@x.nl' }, bodyText: '' },
    });
    expect((await rejection(port(fake).readAppointment())).code).toBe('outlook-failed');
    expect((await rejection(port(createFakeMailbox({ mode: 'compose' })).readAppointment())).code).toBe('outlook-wrong-item');
  });
});

describe('the fake mailbox item holds Outlook\'s limits', () => {
  it('fails a 4th concurrent call, more than 100 recipients per call, and HTML into a plain-text body; answers later, never at once', async () => {
    const fake = createFakeMailbox({ mode: 'compose', latencyMs: 5, bodyType: 'text' });
    const item = fake.mailbox.item as unknown as {
      subject: { setAsync(s: string, cb: (r: { status: string; error?: { name: string } }) => void): void };
      requiredAttendees: { setAsync(l: string[], cb: (r: { status: string; error?: { name: string } }) => void): void };
      body: { setAsync(d: string, o: { coercionType: string }, cb: (r: { status: string; error?: { name: string } }) => void): void };
    };
    const results: string[] = [];
    const record = (label: string) => (r: { status: string; error?: { name: string } }) => results.push(`${label}:${r.status}${r.error ? `:${r.error.name}` : ''}`);
    item.subject.setAsync('a', record('1'));
    item.subject.setAsync('b', record('2'));
    item.subject.setAsync('c', record('3'));
    item.subject.setAsync('d', record('4'));
    expect(results).toEqual([]); // callbacks come later
    await fake.idle();
    expect(results.sort()).toEqual(['1:succeeded', '2:succeeded', '3:succeeded', '4:failed:TooManyConcurrentCalls']);
    expect(fake.violations).toHaveLength(1);

    results.length = 0;
    item.requiredAttendees.setAsync(Array.from({ length: 101 }, (_, i) => `p${i}@x.nl`), record('r'));
    item.body.setAsync('<p>x</p>', { coercionType: 'html' }, record('b'));
    await fake.idle();
    expect(results.sort()).toEqual(['b:failed:InvalidFormatError', 'r:failed:NumberOfRecipientsExceeded']);
    expect(fake.state.requiredAttendees).toEqual([]);
  });

  it('keeps the duration when the start moves, and refuses an end before the start', async () => {
    const fake = createFakeMailbox({ mode: 'compose', initial: { start: new Date('2026-12-01T09:00:00Z'), end: new Date('2026-12-01T10:00:00Z') } });
    const item = fake.mailbox.item as unknown as { start: { setAsync(d: Date, cb: (r: { status: string }) => void): void }; end: { setAsync(d: Date, cb: (r: { status: string; error?: { name: string } }) => void): void } };
    await new Promise<void>((resolve) => item.start.setAsync(new Date('2026-12-02T09:00:00Z'), () => resolve()));
    expect(fake.state.end.toISOString()).toBe('2026-12-02T10:00:00.000Z');
    const result = await new Promise<{ status: string; error?: { name: string } }>((resolve) => item.end.setAsync(new Date('2026-12-01T09:00:00Z'), resolve));
    expect(result.error?.name).toBe('InvalidEndTime');
  });
});

describe('the limiter', () => {
  it('runs at most max tasks, lower ranks first', async () => {
    const limit = createLimiter(2);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(name);
      await new Promise((r) => setTimeout(r, 2));
      running -= 1;
    };
    await Promise.all([limit(5, task('a')), limit(5, task('b')), limit(9, task('late')), limit(1, task('urgent')), limit(5, task('c'))]);
    expect(most).toBe(2);
    expect(log).toEqual(['a', 'b', 'urgent', 'c', 'late']);
  });
});
