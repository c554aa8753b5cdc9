import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphRequester, GRAPH_BASE } from './graphClient';
import { createMailAdapter } from './mailAdapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const mail = () => createMailAdapter(createGraphRequester(async () => 't', { retry: { sleep: async () => undefined } }));
const message = { to: [{ name: 'Kees Jansen', email: 'kees@maasveld.nl' }], subject: 'Escalatie SO-2026-014', html: '<p>Graag je hulp.</p>' };

describe('mail', () => {
  it('sends from my mailbox, saved to Sent Items (202)', async () => {
    const bodies: unknown[] = [];
    server.use(http.post(`${GRAPH_BASE}/me/sendMail`, async ({ request }) => {
      bodies.push(await request.json());
      return new HttpResponse(null, { status: 202 });
    }));
    await mail().send(message);
    expect(bodies).toEqual([{
      message: { subject: 'Escalatie SO-2026-014', body: { contentType: 'html', content: '<p>Graag je hulp.</p>' }, toRecipients: [{ emailAddress: { address: 'kees@maasveld.nl', name: 'Kees Jansen' } }] },
      saveToSentItems: true,
    }]);
  });

  it('retries a 429 (the service did not take it)', async () => {
    let posts = 0;
    server.use(http.post(`${GRAPH_BASE}/me/sendMail`, () => {
      posts += 1;
      return posts === 1 ? HttpResponse.json({ error: { code: 'ApplicationThrottled' } }, { status: 429, headers: { 'Retry-After': '2' } }) : new HttpResponse(null, { status: 202 });
    }));
    await mail().send(message);
    expect(posts).toBe(2);
  });

  it.each([
    ['a lost response', () => HttpResponse.error()],
    ['a 504', () => HttpResponse.json({ error: { code: 'GatewayTimeout', innerError: { 'request-id': 'r-504' } } }, { status: 504 })],
    ['a 503', () => HttpResponse.json({ error: { code: 'ServiceUnavailable' } }, { status: 503 })],
  ])('after %s it says mail-ambiguous and does not send again', async (_, answer) => {
    let posts = 0;
    server.use(http.post(`${GRAPH_BASE}/me/sendMail`, () => {
      posts += 1;
      return answer();
    }));
    const error = await mail().send(message).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'mail-ambiguous' });
    expect(posts).toBe(1);
  });

  it('surfaces a definite refusal as it is', async () => {
    server.use(http.post(`${GRAPH_BASE}/me/sendMail`, () => HttpResponse.json({ error: { code: 'ErrorAccessDenied', innerError: { 'request-id': 'r-403' } } }, { status: 403 })));
    await expect(mail().send(message)).rejects.toMatchObject({ code: 'graph-forbidden', status: 403, requestId: 'r-403' });
  });
});
