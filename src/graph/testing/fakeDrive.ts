// Test support (imported by tests only): plan documents in a drive, with eTags, If-Match and 412.
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

const BASE = 'https://graph.microsoft.com/v1.0';

export interface FakeDriveItem {
  id: string;
  name: string;
  content: string;
  version: number;
  permissions: { id: string; email: string; roles: string[] }[];
}

export const etagOf = (item: FakeDriveItem) => `"{${item.id}},${item.version}"`;

export function fakeDrive(server: Pick<SetupServer, 'use'>, driveId: string) {
  const items = new Map<string, FakeDriveItem>();
  const requests: { method: string; path: string; headers: Record<string, string>; body?: unknown }[] = [];
  let permissionCounter = 0;
  const prefix = `${BASE}/drives/${driveId}/items/:id`;
  const missing = () => HttpResponse.json({ error: { code: 'itemNotFound', message: 'x' } }, { status: 404 });

  const record = async (request: Request, body?: unknown) => {
    const url = new URL(request.url);
    requests.push({ method: request.method, path: url.pathname.replace('/v1.0', '') + url.search, headers: Object.fromEntries(request.headers), body });
  };

  server.use(
    http.get(prefix, async ({ request, params }) => {
      await record(request);
      const item = items.get(String(params.id));
      if (!item) return missing();
      return HttpResponse.json({ id: item.id, eTag: etagOf(item), name: item.name });
    }),
    http.get(`${prefix}/content`, async ({ request, params }) => {
      await record(request);
      const item = items.get(String(params.id));
      if (!item) return missing();
      return new HttpResponse(item.content, { headers: { 'Content-Type': 'application/json' } });
    }),
    http.put(`${prefix}/content`, async ({ request, params }) => {
      const content = await request.text();
      await record(request, content);
      const item = items.get(String(params.id));
      if (!item) return missing();
      const ifMatch = request.headers.get('if-match');
      if (ifMatch && ifMatch !== etagOf(item)) {
        return HttpResponse.json({ error: { code: 'resourceModified', message: 'ETag does not match', innerError: { 'request-id': `r-412-${item.version}` } } }, { status: 412 });
      }
      item.content = content;
      item.version += 1;
      return HttpResponse.json({ id: item.id, name: item.name, eTag: etagOf(item) });
    }),
    http.post(`${prefix}/invite`, async ({ request, params }) => {
      const body = (await request.json()) as { recipients: { email: string }[]; roles: string[] };
      await record(request, body);
      const item = items.get(String(params.id));
      if (!item) return missing();
      const granted = body.recipients.map((r) => ({ id: `perm-${++permissionCounter}`, email: r.email, roles: body.roles }));
      item.permissions.push(...granted);
      return HttpResponse.json({ value: granted.map((p) => ({ id: p.id, roles: p.roles, grantedTo: { user: { email: p.email } } })) });
    }),
    http.delete(`${prefix}/permissions/:permissionId`, async ({ request, params }) => {
      await record(request);
      const item = items.get(String(params.id));
      const index = item?.permissions.findIndex((p) => p.id === params.permissionId) ?? -1;
      if (!item || index < 0) return missing();
      item.permissions.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  );

  return {
    items,
    requests,
    add(id: string, content: string): FakeDriveItem {
      const item = { id, name: `${id}.json`, content, version: 1, permissions: [] };
      items.set(id, item);
      return item;
    },
    /** Someone else writes the document (a second tab, a colleague). */
    writeAsOther(id: string, content: string) {
      const item = items.get(id)!;
      item.content = content;
      item.version += 1;
    },
  };
}
