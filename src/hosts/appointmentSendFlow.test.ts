// The add-in's two halves on one appointment: the task pane fills it for a case (and leaves the plan's protected
// names in the item's session data), the user edits it, and the send-time check decides at Send. Runs on the
// faithful fake mailbox item (src/hosts/testing), so the calls, their limits and their timing are Outlook's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEND_CHECK_PEOPLE_KEY } from '../app/appointmentSendCheck';
import type { AppointmentFill } from '../app/ports';
import { protectedPeople } from '../domain';
import en from '../ui/messages/onSend.en';
import nl from '../ui/messages/onSend.nl';
import { createAppointmentSendHandler } from './appointmentSendHandler';
import type { SendingAppointment } from './appointmentSendHandler';
import { createOutlookAppointment } from './outlookAppointment';
import type { MailboxLike } from './outlookAppointment';
import { createFakeMailbox } from './testing/fakeMailboxItem';
import type { FakeMailbox } from './testing/fakeMailboxItem';

const PLAN_PEOPLE = protectedPeople({
  resident: { name: 'Samira Benali' },
  participants: [
    { id: 'p1', name: 'Nadia Benali', role: 'network' },
    { id: 'p2', name: 'Joost de Wit', role: 'professional' },
  ],
} as unknown as Parameters<typeof protectedPeople>[0]);

function fill(overrides: Partial<AppointmentFill> = {}): AppointmentFill {
  return {
    subject: 'Samenwerkoverleg SO-2026-014 op dinsdag 1 december 2026',
    html: '<div lang="nl"><p>Hallo, je bent uitgenodigd voor het SO over de inwoner.</p></div>',
    text: 'Hallo, je bent uitgenodigd voor het SO over de inwoner.',
    location: 'Bij de inwoner thuis (adres volgt na acceptatie)',
    start: '2026-12-01T10:00:00+01:00',
    end: '2026-12-01T11:30:00+01:00',
    requiredAttendees: [{ name: 'Joost de Wit', email: 'joost@maasveld.example' }],
    attachment: { name: 'Samenwerkwijze - de vijf principes.pdf', bytesBase64: Buffer.from('%PDF-1.7').toString('base64') },
    ...overrides,
  };
}

async function pressSend(fake: FakeMailbox) {
  const handler = createAppointmentSendHandler({ item: () => fake.mailbox.item as unknown as SendingAppointment, texts: nl });
  let outcome: { allowEvent: boolean; errorMessage?: string } | undefined;
  await handler({ completed: (o) => { outcome = o; } });
  return outcome!;
}

afterEach(() => vi.restoreAllMocks());

describe('fill in the task pane, check at Send', () => {
  it('leaves only the names and roles of the resident and the network in session data, never sent', async () => {
    const fake = createFakeMailbox({ mode: 'compose' });
    await createOutlookAppointment(fake.mailbox as unknown as MailboxLike).fillAppointment(fill({ protectedPeople: PLAN_PEOPLE }));
    expect(JSON.parse(fake.state.sessionData[SEND_CHECK_PEOPLE_KEY]!)).toEqual([
      { name: 'Samira Benali', role: 'resident' },
      { name: 'Nadia Benali', role: 'network' },
    ]);
    expect(fake.violations).toEqual([]);
    expect(fake.maxConcurrent()).toBeLessThanOrEqual(3);
    expect(await pressSend(fake)).toEqual({ allowEvent: true });
    // The check's reads keep to Outlook's three calls in flight too (four at once would fail on the web).
    expect(fake.calls.filter((c) => c.method.endsWith('getAsync')).map((c) => c.method)).toEqual(['sessionData.getAsync', 'subject.getAsync', 'location.getAsync', 'body.getAsync']);
    expect(fake.violations).toEqual([]);
  });

  it('holds the invitation back when the user typed a name after the fill, and lets it go once it is gone', async () => {
    const fake = createFakeMailbox({ mode: 'compose' });
    await createOutlookAppointment(fake.mailbox as unknown as MailboxLike).fillAppointment(fill({ protectedPeople: PLAN_PEOPLE }));
    fake.state.body.content += '<p>Nadia komt ook.</p>';
    expect(await pressSend(fake)).toEqual({
      allowEvent: false,
      errorMessage: nl['onSend.blocked.name'].replace('{fields}', 'de tekst'),
    });
    fake.state.body.content = fake.state.body.content.replace('Nadia komt ook.', 'Iemand uit het netwerk komt ook.');
    expect(await pressSend(fake)).toEqual({ allowEvent: true });
  });

  it('holds back a BSN typed into the filled subject', async () => {
    const fake = createFakeMailbox({ mode: 'compose' });
    await createOutlookAppointment(fake.mailbox as unknown as MailboxLike).fillAppointment(fill({ protectedPeople: PLAN_PEOPLE }));
    fake.state.subject += ' (111 222 333)';
    expect((await pressSend(fake)).errorMessage).toBe(nl['onSend.blocked.identifier'].replace('{fields}', 'het onderwerp'));
  });

  it('keeps the fill when session data cannot be written; the check then looks for identifiers only', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = createFakeMailbox({ mode: 'compose', failures: [{ method: 'sessionData.setAsync', name: 'GenericResponseError' }] });
    await createOutlookAppointment(fake.mailbox as unknown as MailboxLike).fillAppointment(fill({ protectedPeople: PLAN_PEOPLE }));
    expect(fake.state.subject).toContain('SO-2026-014');
    expect(logged.mock.calls.flat().map(String).join(' ')).toContain('outlook session data for the send check');
    fake.state.body.content += '<p>Nadia komt ook.</p>';
    expect(await pressSend(fake)).toEqual({ allowEvent: true });
  });

  it('writes nothing to session data for a fill without names', async () => {
    const fake = createFakeMailbox({ mode: 'compose' });
    await createOutlookAppointment(fake.mailbox as unknown as MailboxLike).fillAppointment(fill());
    expect(fake.calls.some((c) => c.method === 'sessionData.setAsync')).toBe(false);
  });

  it('has the same keys in Dutch and English, each far below Outlook\'s 500 characters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const text of [...Object.values(nl), ...Object.values(en)]) expect(text.length).toBeLessThan(300);
  });
});
