import { describe, expect, it } from 'vitest';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, bram, kees } = people;

interface Message { subject: string; from: { emailAddress: { address: string } }; isRead: boolean; bccRecipients: unknown[]; '@odata.type'?: string }
interface Collection<T> { value: T[]; '@odata.nextLink'?: string }

describe('mail', () => {
  it('sendMail (202) lands in each tenant recipient\'s inbox and the sender\'s Sent Items', async () => {
    const t = createTestTenant();
    const sent = await t.call(esra, 'POST', '/me/sendMail', {
      body: {
        message: {
          subject: 'Samenwerkplan SO-2026-021 na het overleg',
          body: { contentType: 'HTML', content: '<p>Hierbij het plan.</p>' },
          toRecipients: [{ emailAddress: { address: bram.mail, name: bram.displayName } }, { emailAddress: { address: 'nadia@example.org' } }],
          bccRecipients: [{ emailAddress: { address: kees.mail } }],
        },
        saveToSentItems: true,
      },
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toBeUndefined();

    const bramsInbox = bodyOf<Collection<Message>>(await t.call(bram, 'GET', '/me/mailFolders/inbox/messages?$top=5'));
    expect(bramsInbox.value[0]).toMatchObject({ subject: 'Samenwerkplan SO-2026-021 na het overleg', from: { emailAddress: { address: esra.mail } }, isRead: false, bccRecipients: [] });
    expect(bramsInbox.value[0]!['@odata.type']).toBeUndefined();
    const keesInbox = bodyOf<Collection<Message>>(await t.call(kees, 'GET', '/me/mailFolders/Inbox/messages?$select=subject'));
    expect(keesInbox.value.map((m) => m.subject)).toContain('Samenwerkplan SO-2026-021 na het overleg');

    const sentItems = bodyOf<Collection<Message>>(await t.call(esra, 'GET', '/me/mailFolders/sentitems/messages'));
    expect(sentItems.value).toHaveLength(1);
    expect(sentItems.value[0]!.bccRecipients).toHaveLength(1);
    // /me/messages spans every folder, newest first.
    const all = bodyOf<Collection<Message>>(await t.call(esra, 'GET', '/me/messages?$top=1&$select=subject'));
    expect(all.value).toHaveLength(1);
    expect(all['@odata.nextLink']).toBeDefined();
  });

  it('keeps no copy when saveToSentItems is false, and refuses a message without recipients', async () => {
    const t = createTestTenant();
    await t.call(esra, 'POST', '/me/sendMail', { body: { Message: { subject: 'x', toRecipients: [{ emailAddress: { address: bram.mail } }] }, SaveToSentItems: false } });
    expect(bodyOf<Collection<Message>>(await t.call(esra, 'GET', '/me/mailFolders/sentitems/messages')).value).toEqual([]);
    const none = await t.call(esra, 'POST', '/me/sendMail', { body: { message: { subject: 'x' } } });
    expect(none.status).toBe(400);
    expect(bodyOf(none)).toMatchObject({ error: { code: 'ErrorInvalidRecipients' } });
  });

  it('shows meeting messages with their derived @odata.type, and answers 404 for another mailbox\'s message', async () => {
    const t = createTestTenant();
    // The seed holds the evaluation SO's invitation in Kees's inbox.
    const inbox = bodyOf<Collection<Message & { id: string }>>(await t.call(kees, 'GET', '/me/messages'));
    const invitation = inbox.value.find((m) => m['@odata.type'] === '#microsoft.graph.eventMessageRequest')!;
    expect(invitation.subject).toMatch(/SO-2026-021/);
    expect((await t.call(kees, 'GET', `/me/messages/${invitation.id}`)).status).toBe(200);
    expect((await t.call(esra, 'GET', `/me/messages/${invitation.id}`)).status).toBe(404);
  });
});
