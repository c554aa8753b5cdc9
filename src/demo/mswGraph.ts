// MSW glue: hands every request to https://graph.microsoft.com/v1.0/* to the demo tenant.
import { http, HttpResponse } from 'msw';
import type { DemoTenant } from './demoTenant';

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

export function graphHandlers(tenant: DemoTenant) {
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
