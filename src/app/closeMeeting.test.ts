import { describe, expect, it, vi } from 'vitest';
import { createSeed } from '../demo/seed';
import type { Plan } from '../domain';
import { alwaysOnline } from './ports/local';
import type { MailMessage } from './ports';
import { AppError } from './errors';
import { distributeMeeting, MAILING_ACTION } from './closeMeeting';
import { planCodec } from './savePlan';

const seed = createSeed();
const esra = seed.users.find((u) => u.givenName === 'Esra')!;
const NOW = new Date('2026-11-26T12:00:00+01:00');

function plan021(): Plan {
  return planCodec.parse(seed.planDrive.items.find((i) => i.name === 'SO-2026-021.json')!.content);
}

/** The screen's open plan: edits go to the draft, saveNow "stores" it. */
function openDocument(initial: Plan) {
  let draft = initial;
  let stored = initial;
  return {
    documentId: 'doc-021',
    get plan() { return draft; },
    update(recipe: (plan: Plan) => Plan) { draft = recipe(draft); },
    saveNow: vi.fn(async () => { stored = draft; return stored; }),
    stored: () => stored,
  };
}

function fakeServices(document: ReturnType<typeof openDocument>, failures: (AppError | undefined)[] = []) {
  const sent: { to: string; storedBefore: Plan }[] = [];
  const shares: string[] = [];
  const services = {
    directory: { me: async () => ({ id: esra.id, displayName: esra.displayName }), searchPeople: async () => [], searchUsers: async () => [] },
    clock: { now: () => NOW },
    connectivity: alwaysOnline,
    plans: {
      read: async () => { throw new Error('unused'); },
      write: async () => { throw new Error('unused'); },
      share: vi.fn(async (_id: string, recipient: { email: string }) => { shares.push(recipient.email); return { permissionId: `perm-${shares.length}` }; }),
      revoke: async () => ({ alreadyGone: false }),
    },
    mail: {
      send: vi.fn(async (message: MailMessage) => {
        const failure = failures.shift();
        if (failure) throw failure;
        sent.push({ to: message.to[0]!.email, storedBefore: document.stored() });
      }),
    },
  };
  return { services, sent, shares };
}

const MAILED = ['p.ramdin@maasveld.example', 'anouk.peeters@lindehof.example', 'k.brouwer@maasveld.example'];

describe('distributeMeeting', () => {
  it('shares and mails the professionals with consent, prints for everyone else, and records it all', async () => {
    const document = openDocument(plan021());
    const { services, sent, shares } = fakeServices(document);
    const outcomes = await distributeMeeting(services, document, 'm-1');

    expect(outcomes.map((o) => [o.participantId, o.channel, o.status, o.printReason ?? o.share])).toEqual([
      ['p-resident', 'print', 'print', 'resident'],
      ['p-daughter', 'print', 'print', 'network'],
      ['p-neighbour', 'print', 'print', 'network'],
      ['p-priya', 'mail', 'sent', 'shared'],
      ['p-anouk', 'mail', 'sent', 'shared'],
      ['p-kees', 'mail', 'sent', 'shared'],
    ]);
    expect(sent.map((s) => s.to)).toEqual(MAILED);
    expect(shares).toEqual(MAILED);
    // Each mail went out only after "about to mail" was in the stored plan.
    for (const [i, s] of sent.entries()) {
      const target = `m-1/${outcomes[3 + i]!.participantId}`;
      expect(s.storedBefore.log.some((e) => e.action === MAILING_ACTION && e.targetId === target)).toBe(true);
    }
    const meeting = document.stored().meetings.find((m) => m.id === 'm-1')!;
    expect(meeting.distribution!.map((d) => `${d.participantId}:${d.channel}`).sort()).toEqual([
      'p-anouk:mail', 'p-daughter:print', 'p-kees:mail', 'p-neighbour:print', 'p-priya:mail', 'p-resident:print',
    ]);
    const message = vi.mocked(services.mail.send).mock.calls[0]![0];
    expect(message.subject).toContain('SO-2026-021');
    expect(message.subject).not.toContain('Henk');
  });

  it('when the chair distributes, the case director gets the summary like the others, and no share of her own plan', async () => {
    const kees = seed.users.find((u) => u.givenName === 'Kees')!;
    const document = openDocument(plan021());
    const { services, sent, shares } = fakeServices(document);
    services.directory.me = async () => ({ id: kees.id, displayName: kees.displayName });
    const outcomes = await distributeMeeting(services, document, 'm-1');
    const director = document.plan.participants.find((p) => p.userId === esra.id)!;
    expect(outcomes.find((o) => o.participantId === director.id)).toMatchObject({ channel: 'mail', status: 'sent', share: 'already-shared' });
    expect(sent.map((s) => s.to)).toContain(director.email);
    expect(shares).not.toContain(director.email);
    // The one distributing has the plan already.
    expect(outcomes.some((o) => o.participantId === 'p-kees')).toBe(false);
  });

  it('a second run mails and shares nobody again', async () => {
    const document = openDocument(plan021());
    const first = fakeServices(document);
    await distributeMeeting(first.services, document, 'm-1');
    const again = fakeServices(document);
    const outcomes = await distributeMeeting(again.services, document, 'm-1');
    expect(outcomes.filter((o) => o.channel === 'mail').map((o) => [o.status, o.share])).toEqual([
      ['already-sent', 'already-shared'], ['already-sent', 'already-shared'], ['already-sent', 'already-shared'],
    ]);
    expect(again.sent).toEqual([]);
    expect(again.shares).toEqual([]);
  });

  it('reports an ambiguous send and never resends it blindly; resends once the user confirms it did not go out', async () => {
    const document = openDocument(plan021());
    const first = fakeServices(document, [undefined, new AppError('mail-ambiguous')]);
    const outcomes = await distributeMeeting(first.services, document, 'm-1');
    expect(outcomes.find((o) => o.participantId === 'p-anouk')).toMatchObject({ status: 'failed', error: { code: 'mail-ambiguous' } });
    expect(first.sent.map((s) => s.to)).toEqual([MAILED[0], MAILED[2]]);

    const retry = fakeServices(document);
    const again = await distributeMeeting(retry.services, document, 'm-1');
    expect(again.find((o) => o.participantId === 'p-anouk')).toMatchObject({ status: 'failed', error: { code: 'mail-ambiguous' } });
    expect(retry.sent).toEqual([]);

    const confirmed = fakeServices(document);
    const last = await distributeMeeting(confirmed.services, document, 'm-1', { resend: ['p-anouk'] });
    expect(last.find((o) => o.participantId === 'p-anouk')).toMatchObject({ status: 'sent' });
    expect(confirmed.sent.map((s) => s.to)).toEqual([MAILED[1]]);
  });

  it('a send that surely failed (throttled, not processed) is tried again on the next run', async () => {
    const document = openDocument(plan021());
    const first = fakeServices(document, [new AppError('graph-throttled', { status: 429 })]);
    const outcomes = await distributeMeeting(first.services, document, 'm-1');
    expect(outcomes.find((o) => o.participantId === 'p-priya')).toMatchObject({ status: 'failed', error: { code: 'graph-throttled' } });
    const retry = fakeServices(document);
    await distributeMeeting(retry.services, document, 'm-1');
    expect(retry.sent.map((s) => s.to)).toEqual([MAILED[0]]);
  });

  it('offline: nothing is recorded, nothing sent', async () => {
    const document = openDocument(plan021());
    const { services, sent } = fakeServices(document);
    const offline = { ...services, connectivity: { isOnline: () => false, onChange: () => () => undefined } };
    await expect(distributeMeeting(offline, document, 'm-1')).rejects.toMatchObject({ code: 'network-offline' });
    expect(sent).toEqual([]);
    expect(document.saveNow).not.toHaveBeenCalled();
  });
});
