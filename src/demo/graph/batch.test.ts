import { describe, expect, it } from 'vitest';
import { DEMO_PLANNER_PLAN_ID } from '../seedWorkplace';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, bram } = people;

interface SubResponse { id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string }; [k: string]: unknown } }
const byId = (responses: SubResponse[]) => Object.fromEntries(responses.map((r) => [r.id, r]));
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const PDF = Buffer.from('%PDF-1.4 hand-out').toString('base64');

async function plainEvent(t: ReturnType<typeof createTestTenant>) {
  const created = await t.call(esra, 'POST', '/me/events', {
    body: { subject: 'SO', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Amsterdam' }, transactionId: 'tx-batch' },
  });
  return bodyOf<{ id: string; iCalUId: string }>(created);
}

describe('$batch', () => {
  it('runs the send in one round trip: attachment, then attendees with dependsOn', async () => {
    const t = createTestTenant();
    const event = await plainEvent(t);
    const url = `/me/events/${encodeURIComponent(event.id)}`;
    const response = await t.call(esra, 'POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: `${url}/attachments`, headers: JSON_HEADERS, body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'hand-out.pdf', contentType: 'application/pdf', contentBytes: PDF } },
          { id: '2', method: 'PATCH', url, dependsOn: ['1'], headers: JSON_HEADERS, body: { attendees: [{ type: 'required', emailAddress: { address: bram.mail } }] } },
        ],
      },
    });
    expect(response.status).toBe(200);
    const responses = bodyOf<{ responses: SubResponse[] }>(response).responses;
    // Graph promises no order; the demo deliberately answers out of order.
    expect(responses.map((r) => r.id)).toEqual(['2', '1']);
    const results = byId(responses);
    expect(results['1']).toMatchObject({ status: 201, headers: { 'Content-Type': 'application/json' } });
    expect(results['2']!.status).toBe(200);
    const state = await t.tenant.snapshot();
    const copy = state.mailboxes[bram.id]!.events.find((e) => e.iCalUId === event.iCalUId)!;
    expect(copy.attachments.map((a) => a.name)).toEqual(['hand-out.pdf']);
  });

  it('gives 424 to a request whose dependency failed, while independent requests succeed', async () => {
    const t = createTestTenant();
    const response = await t.call(esra, 'POST', '/$batch', {
      body: {
        requests: [
          { id: 'a', method: 'POST', url: '/me/events/does-not-exist/attachments', headers: JSON_HEADERS, body: { '@odata.type': '#microsoft.graph.fileAttachment', name: 'x', contentBytes: PDF } },
          { id: 'b', method: 'PATCH', url: '/me/events/does-not-exist', dependsOn: ['a'], headers: JSON_HEADERS, body: { attendees: [] } },
          { id: 'c', method: 'GET', url: 'me?$select=id' },
        ],
      },
    });
    expect(response.status).toBe(200);
    const results = byId(bodyOf<{ responses: SubResponse[] }>(response).responses);
    expect(results.a!.status).toBe(404);
    expect(results.b!.status).toBe(424);
    expect(results.c).toMatchObject({ status: 200, body: { id: esra.id } });
  });

  it('lets single sub-requests be throttled with their own Retry-After while the batch is 200', async () => {
    const t = createTestTenant();
    t.tenant.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 7, match: { path: /^\/me$/ } });
    const response = await t.call(esra, 'POST', '/$batch', {
      body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: `/planner/plans/${DEMO_PLANNER_PLAN_ID}` }] },
    });
    expect(response.status).toBe(200);
    const results = byId(bodyOf<{ responses: SubResponse[] }>(response).responses);
    expect(results['1']).toMatchObject({ status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests' } } });
    expect(results['2']!.status).toBe(200);
  });

  it('checks each sub-request against the contract and journals it with its batch id', async () => {
    const t = createTestTenant();
    const response = await t.call(esra, 'POST', '/$batch', {
      body: { requests: [{ id: 'x', method: 'POST', url: '/planner/tasks', headers: JSON_HEADERS, body: { planId: DEMO_PLANNER_PLAN_ID, title: 't', dueDate: '2026-12-01T00:00:00Z' } }] },
    });
    const [only] = bodyOf<{ responses: SubResponse[] }>(response).responses;
    expect(only).toMatchObject({ id: 'x', status: 400, body: { error: { code: 'demoContractViolation' } } });
    const { takeContractViolations } = await import('../../../tests/setup/contractViolations');
    expect(takeContractViolations()).toHaveLength(1);
    const journal = t.tenant.journal();
    const sub = journal.find((e) => e.batch?.id === 'x')!;
    expect(sub).toMatchObject({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/planner/tasks', status: 400 });
    expect(sub.batch!.requestId).toBe(journal.at(-1)!.requestId);
  });

  it('base64-encodes non-JSON sub-responses', async () => {
    const t = createTestTenant();
    const state = await t.tenant.snapshot();
    const item = state.planDrive.items[0]!;
    const response = await t.call(esra, 'POST', '/$batch', { body: { requests: [{ id: '1', method: 'GET', url: `/drives/${state.planDrive.id}/items/${item.id}/content` }] } });
    const [only] = bodyOf<{ responses: (SubResponse & { body: string })[] }>(response).responses;
    expect(Buffer.from(only!.body, 'base64').toString('utf8')).toBe(item.content);
  });

  it('refuses malformed batches as a whole', async () => {
    const t = createTestTenant();
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect((await t.call(esra, 'POST', '/$batch', { body: { requests: tooMany } })).status).toBe(400);
    expect((await t.call(esra, 'POST', '/$batch', { body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] } })).status).toBe(400);
    expect((await t.call(esra, 'POST', '/$batch', { body: { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }] } })).status).toBe(400);
    expect((await t.call(esra, 'POST', '/$batch', { body: { requests: [{ id: '1', method: 'PATCH', url: '/me/events/x', body: { subject: 'x' } }] } })).status).toBe(400);
    expect((await t.call(esra, 'POST', '/$batch', { body: { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] } })).status).toBe(400);
  });
});
