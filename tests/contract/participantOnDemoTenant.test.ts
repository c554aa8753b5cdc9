// The invited professional's side against the demo tenant (msw/node): Esra sends an SO invitation composed by
// the domain with the committed hand-out; Bram finds it in his calendar, reads why he is invited and accepts;
// Wouter passes his seat to a colleague. Every body is checked against Graph's metadata (zero violations).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerInvitation, forwardSeat, listMyInvitations, openInvitation } from '../../src/app/participant';
import type { Services } from '../../src/app/ports';
import { createDemoTenant, demoTokenFor } from '../../src/demo/demoTenant';
import type { DemoTenant } from '../../src/demo/demoTenant';
import { graphHandlers } from '../../src/demo/mswGraph';
import { createSeed, DEMO_PLAN_DRIVE_ID } from '../../src/demo/seed';
import { composeInvitation } from '../../src/domain';
import type { Participant } from '../../src/domain';
import { sampleInvitationInput } from '../../src/domain/testing/sampleInvitation';
import { createGraphGateway } from '../../src/graph/createGraphGateway';
import { HANDOUT_NAME } from '../../src/hosts/handoutFile';
import { openKvStore } from '../../src/storage/kvStore';

const NOW = new Date('2026-11-23T09:00:00+01:00');
const seed = createSeed();
const person = (given: string) => seed.users.find((u) => u.givenName === given)!;
const esra = person('Esra');
const bram = person('Bram');
const wouter = person('Wouter');
const linda = person('Linda');
const HANDOUT_PDF = readFileSync(path.resolve(__dirname, '../../assets/handout/samenwerkwijze-principes.pdf')).toString('base64');

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

let counter = 0;

function world() {
  const tenant = createDemoTenant({ kv: openKvStore(`participant-${(counter += 1)}`, new IDBFactory()), now: () => NOW });
  server.use(...graphHandlers(tenant));
  const servicesFor = (userId: string) => ({
    ...createGraphGateway({ getToken: async () => demoTokenFor(userId), planDriveId: DEMO_PLAN_DRIVE_ID, retry: { sleep: async () => undefined } }),
    clock: { now: () => NOW },
  }) satisfies Pick<Services, 'calendar' | 'directory' | 'clock'>;
  return { tenant, servicesFor };
}

const participants: Participant[] = [
  { id: 'p-res', name: 'Samira Benali', role: 'resident', reasons: [], expectation: 'Vertelt wat ze wil en beslist mee.' },
  {
    id: 'p-bram', name: bram.displayName, email: bram.mail, role: 'professional', organisation: 'Veldwijzer GGZ', jobTitle: 'Ambulant begeleider GGZ',
    reasons: ['expertise', 'criticalEye'], expectation: 'Brengt kennis over slapen en angst mee.',
  },
  {
    id: 'p-wouter', name: wouter.displayName, email: wouter.mail, role: 'professional', organisation: 'Woonstichting Thuisveld',
    reasons: ['expertise'], expectation: 'Kijkt naar de huurachterstand.',
  },
];

async function esraSends(tenant: DemoTenant, servicesFor: ReturnType<typeof world>['servicesFor']) {
  const invitation = composeInvitation(sampleInvitationInput({
    respondBy: '2026-11-27',
    organiser: { name: esra.displayName, email: esra.mail },
    participants,
    soNeededSince: '2026-11-20',
    now: NOW.toISOString(),
  }));

  expect(invitation.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const { eventId } = await servicesFor(esra.id).calendar.sendInvitation({
    transactionId: 'so-SO-2026-014-m-participant-test',
    subject: invitation.subject,
    html: invitation.html,
    start: '2026-12-01T10:00:00',
    end: '2026-12-01T11:30:00',
    timeZone: 'Europe/Amsterdam',
    location: 'Bij de inwoner thuis',
    attendees: invitation.attendees,
    attachment: { name: HANDOUT_NAME, contentType: 'application/pdf', bytesBase64: HANDOUT_PDF },
    sensitivity: 'private',
  });
  expect(tenant.contractViolations()).toEqual([]);
  return { eventId, subject: invitation.subject };
}

describe('the participant on the demo tenant', () => {
  it('Bram sees the invitation with the hand-out and his reasons, and accepts with a comment', async () => {
    const { tenant, servicesFor } = world();
    const { eventId, subject } = await esraSends(tenant, servicesFor);
    const mine = servicesFor(bram.id);

    const invitations = await listMyInvitations(mine);
    // His ordinary appointments (and the course day) are not SO invitations.
    expect(invitations.map((i) => i.subject)).toEqual([subject]);
    expect(invitations[0]).toMatchObject({ start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:30:00Z', organizer: { email: esra.mail }, isOrganizer: false, response: 'none' });

    const view = await openInvitation(mine, invitations[0]!.eventId);
    expect(view.attachmentNames).toEqual([HANDOUT_NAME]);
    expect(view.reading.mine).toMatchObject({ name: bram.displayName, reasons: ['expertise', 'criticalEye'], expectation: 'Brengt kennis over slapen en angst mee.' });
    expect(view.reading.goal).toBe('Samen zoeken naar rust: een veilig thuis, overzicht over geld en steun bij zorgen.');
    expect(view.reading.respondBy).toBe('vrijdag 27 november 2026');
    expect(view.location).toBe('Bij de inwoner thuis');

    await answerInvitation(mine, view.eventId!, 'accept', '  Ik kom, en neem het slaapdagboek mee.  ');
    const responses = await servicesFor(esra.id).calendar.getResponses(eventId);
    expect(responses.find((r) => r.email === bram.mail)).toMatchObject({ response: 'accepted' });
    const state = await tenant.snapshot();
    const reply = state.mailboxes[esra.id]!.messages.find((m) => m.kind === 'eventMessageResponse' && m.subject.startsWith('Geaccepteerd: Samenwerkoverleg SO-2026-014'));
    expect(reply?.body.content).toBe('Ik kom, en neem het slaapdagboek mee.');
    expect((await listMyInvitations(mine))[0]!.response).toBe('accepted');

    // The journal: the body was asked for as text, the attachments by name only.
    const reads = tenant.journal().filter((e) => e.userId === bram.id && e.method === 'GET');
    expect(reads.some((e) => /outlook\.body-content-type="text"/.test(e.headers.prefer ?? ''))).toBe(true);
    expect(reads.filter((e) => e.url.includes('/attachments')).every((e) => e.url.includes('$select=name'))).toBe(true);
    expect(tenant.contractViolations()).toEqual([]);
  });

  it('Wouter passes his seat to a colleague with a note: she gets the meeting, the organiser sees her on it', async () => {
    const { tenant, servicesFor } = world();
    const { eventId, subject } = await esraSends(tenant, servicesFor);
    const his = servicesFor(wouter.id);
    const [invitation] = await listMyInvitations(his);
    const colleague = (await his.directory.searchUsers('Linda')).find((u) => u.id === linda.id);
    expect(colleague).toBeDefined();

    await expect(forwardSeat(his, invitation!.eventId, colleague, '   ')).rejects.toThrow(/note-missing/);
    await forwardSeat(his, invitation!.eventId, colleague, 'Linda doet de huurzaken in Noord; zij kent deze situatie beter.');

    const responses = await servicesFor(esra.id).calendar.getResponses(eventId);
    expect(responses.map((r) => r.email.toLowerCase())).toContain(linda.mail.toLowerCase());
    const hers = await listMyInvitations(servicesFor(linda.id));
    expect(hers.map((i) => i.subject)).toEqual([subject]);
    const state = await tenant.snapshot();
    const request = state.mailboxes[linda.id]!.messages.find((m) => m.kind === 'eventMessageRequest' && m.subject === subject);
    expect(request?.body.content).toContain('Linda doet de huurzaken in Noord');
    expect(tenant.contractViolations()).toEqual([]);
  });
});
