// MSW glue: hands every request to https://graph.microsoft.com/v1.0/* to the demo tenant — the one in this page,
// or (end-to-end tests with two browser contexts) a tenant shared outside the page, reached through a relay.
import { http, HttpResponse } from 'msw';
import type { DemoTenant } from './demoTenant';
import type { TenantResponse } from './graph/http';

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

/** What answers Graph requests: a whole demo tenant, or the relay to a shared one. */
export type GraphResponder = Pick<DemoTenant, 'handle'>;

/** A Graph request in plain, serialisable form, as the relay hands it out of the page. */
export interface RelayedRequest {
  method: string;
  /** The absolute URL, with its query. */
  url: string;
  /** Header names in lower case (the Authorization header carries the persona's demo token). */
  headers: Record<string, string>;
  /** The body text ('' when none). */
  body: string;
}

/** The shared tenant's answer: a TenantResponse plus the contract violations this exchange caused. */
export interface RelayedResponse extends TenantResponse {
  contractViolations?: string[];
}

/**
 * The binding a Playwright test installs as window.__soSharedTenant (context.exposeBinding) before any page
 * script runs: every browser context of the test then talks to one demo tenant in the test process.
 */
export type SharedTenantBinding = (request: RelayedRequest) => Promise<RelayedResponse>;

/** Serialises each request for the binding; the violations it reports go to `onViolations` (the page's banner). */
export function relayTo(binding: SharedTenantBinding, onViolations: (messages: string[]) => void): GraphResponder {
  return {
    handle: async (request) => {
      const answer = await binding({
        method: request.method,
        url: request.url.toString(),
        headers: Object.fromEntries(request.headers.entries()),
        body: request.body,
      });
      if (answer.contractViolations?.length) onViolations(answer.contractViolations);
      return answer;
    },
  };
}

export function graphHandlers(tenant: GraphResponder) {
  return [
    http.all(`${GRAPH_ORIGIN}/v1.0/*`, async ({ request }) => {
      const response = await tenant.handle({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
      });
      // Offline or a lost response: fetch rejects with a network error, as it would without a connection.
      if (response.networkError) return HttpResponse.error();
      const headers = new Headers(response.headers);
      if (response.body === undefined) return new HttpResponse(null, { status: response.status, headers });
      if (typeof response.body === 'string') {
        headers.set('Content-Type', response.contentType ?? 'text/plain');
        return new HttpResponse(response.body, { status: response.status, headers });
      }
      return HttpResponse.json(response.body, { status: response.status, headers });
    }),
  ];
}
