import { describe, expect, it } from 'vitest';
import { relayTo } from './mswGraph';
import type { RelayedRequest, RelayedResponse } from './mswGraph';

describe('relayTo (the shared-tenant relay)', () => {
  it('hands the request over in plain form and returns the answer as it came', async () => {
    const seen: RelayedRequest[] = [];
    const answer: RelayedResponse = { status: 201, headers: { 'request-id': 'r-1' }, body: { id: 'x' } };
    const relay = relayTo(async (request) => { seen.push(request); return answer; }, () => { throw new Error('no violations expected'); });
    const response = await relay.handle({
      method: 'POST',
      url: new URL('https://graph.microsoft.com/v1.0/me/events?$select=id'),
      headers: new Headers({ Authorization: 'Bearer demo.u-1', 'Content-Type': 'application/json' }),
      body: '{"subject":"SO"}',
    });
    expect(seen).toEqual([{
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/me/events?$select=id',
      headers: { authorization: 'Bearer demo.u-1', 'content-type': 'application/json' },
      body: '{"subject":"SO"}',
    }]);
    // Serialisable: what crosses the binding is plain data.
    expect(JSON.parse(JSON.stringify(seen[0]))).toEqual(seen[0]);
    expect(response).toBe(answer);
  });

  it('reports the contract violations of the exchange to the page, and passes network errors on', async () => {
    const reported: string[][] = [];
    const relay = relayTo(async () => ({ status: 0, networkError: true, contractViolations: ['POST /planner/tasks request plannerTask: $.dueDate unknown'] }), (m) => reported.push(m));
    const response = await relay.handle({ method: 'GET', url: new URL('https://graph.microsoft.com/v1.0/me'), headers: new Headers(), body: '' });
    expect(response.networkError).toBe(true);
    expect(reported).toEqual([['POST /planner/tasks request plannerTask: $.dueDate unknown']]);
  });
});
