// The plan library: drive items addressed by id or by path, their content, eTags and columns.
import type { DemoDrive, DemoDriveItem, DemoTenantState } from '../tenantState';
import { applySelect, graphError, json, parseJsonBody } from './http';
import type { Route, RouteContext, TenantResponse } from './http';

export function itemETag(item: DemoDriveItem): string {
  return `"{${item.id.toUpperCase()}},${item.version}"`;
}

function toGraphDriveItem(state: DemoTenantState, drive: DemoDrive, item: DemoDriveItem, expandListItem: boolean): Record<string, unknown> {
  const userRef = (id: string) => {
    const user = state.users.find((u) => u.id === id);
    return { user: { id, displayName: user?.displayName ?? 'Onbekend' } };
  };
  const graphItem: Record<string, unknown> = {
    id: item.id,
    name: item.name,
    eTag: itemETag(item),
    cTag: `"c:{${item.id.toUpperCase()}},${item.version}"`,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    size: new TextEncoder().encode(item.content).length,
    webUrl: `https://demo.sharepoint.invalid/${encodeURIComponent(drive.name)}/${item.folder}/${encodeURIComponent(item.name)}`,
    createdBy: userRef(item.createdByUserId),
    lastModifiedBy: userRef(item.lastModifiedByUserId),
    parentReference: { driveId: drive.id, driveType: 'documentLibrary', path: `/drives/${drive.id}/root:/${item.folder}` },
    file: { mimeType: item.mimeType },
  };
  if (expandListItem) graphItem.listItem = { id: item.id, fields: { ...(item.fields ?? {}) } };
  return graphItem;
}

function findDrive(ctx: RouteContext): DemoDrive | undefined {
  const driveId = decodeURIComponent(ctx.params[0] ?? '');
  return ctx.state.planDrive.id === driveId ? ctx.state.planDrive : undefined;
}

function notFound(ctx: RouteContext): TenantResponse {
  return graphError(404, 'itemNotFound', 'The resource could not be found.', ctx.requestId, ctx.now);
}

function respondItem(ctx: RouteContext, drive: DemoDrive, item: DemoDriveItem, status = 200): TenantResponse {
  const url = ctx.request.url;
  const expand = url.searchParams.get('$expand') ?? '';
  const body = applySelect(toGraphDriveItem(ctx.state, drive, item, expand.includes('listItem')), url.searchParams.get('$select'), ['listItem']);
  return json(status, body, { ETag: itemETag(item) });
}

/** If-Match as Graph applies it: a stale eTag is a 412 and nothing is written. */
function preconditionFails(ctx: RouteContext, item: DemoDriveItem): boolean {
  const ifMatch = ctx.request.headers.get('if-match');
  return ifMatch !== null && ifMatch !== '*' && ifMatch !== itemETag(item);
}

function writeContent(ctx: RouteContext, item: DemoDriveItem): void {
  item.content = ctx.request.body;
  item.version += 1;
  item.lastModifiedDateTime = ctx.now.toISOString();
  item.lastModifiedByUserId = ctx.me.id;
}

const DRIVE = String.raw`^\/drives\/([^/]+)`;

export const driveRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${DRIVE}\\/root:\\/(.+?):\\/children$`),
    handle: (ctx) => {
      const drive = findDrive(ctx);
      if (!drive) return notFound(ctx);
      const folder = decodeURIComponent(ctx.params[1] ?? '');
      const items = drive.items.filter((i) => i.folder === folder);
      if (items.length === 0 && !drive.items.some((i) => i.folder.startsWith(folder))) return notFound(ctx);
      const url = ctx.request.url;
      const expand = (url.searchParams.get('$expand') ?? '').includes('listItem');
      const select = url.searchParams.get('$select');
      return json(200, { value: items.map((i) => applySelect(toGraphDriveItem(ctx.state, drive, i, expand), select, ['listItem'])) });
    },
  },
  {
    method: 'PUT',
    pattern: new RegExp(`${DRIVE}\\/root:\\/(.+?):\\/content$`),
    handle: (ctx) => {
      const drive = findDrive(ctx);
      if (!drive) return notFound(ctx);
      const path = decodeURIComponent(ctx.params[1] ?? '');
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '' : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const existing = drive.items.find((i) => i.folder === folder && i.name === name);
      const behaviour = ctx.request.url.searchParams.get('@microsoft.graph.conflictBehavior') ?? 'replace';
      if (existing) {
        if (behaviour === 'fail') return graphError(409, 'nameAlreadyExists', 'The specified item name already exists.', ctx.requestId, ctx.now);
        if (preconditionFails(ctx, existing)) return graphError(412, 'resourceModified', 'ETag does not match current item\'s value', ctx.requestId, ctx.now);
        writeContent(ctx, existing);
        return respondItem(ctx, drive, existing);
      }
      const now = ctx.now.toISOString();
      const item: DemoDriveItem = {
        id: crypto.randomUUID().replace(/-/g, '').toUpperCase().slice(0, 26),
        name,
        folder,
        mimeType: ctx.request.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream',
        createdDateTime: now,
        lastModifiedDateTime: now,
        createdByUserId: ctx.me.id,
        lastModifiedByUserId: ctx.me.id,
        version: 1,
        content: ctx.request.body,
      };
      drive.items.push(item);
      return respondItem(ctx, drive, item, 201);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)$`),
    handle: (ctx) => {
      const drive = findDrive(ctx);
      const item = drive?.items.find((i) => i.id === ctx.params[1]);
      return drive && item ? respondItem(ctx, drive, item) : notFound(ctx);
    },
  },
  {
    // Graph answers with a 302 to a download URL that fetch follows; the demo serves the bytes directly.
    method: 'GET',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/content$`),
    handle: (ctx) => {
      const item = findDrive(ctx)?.items.find((i) => i.id === ctx.params[1]);
      if (!item) return notFound(ctx);
      return { status: 200, body: item.content, contentType: item.mimeType, headers: { ETag: itemETag(item) } };
    },
  },
  {
    method: 'PUT',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/content$`),
    handle: (ctx) => {
      const drive = findDrive(ctx);
      const item = drive?.items.find((i) => i.id === ctx.params[1]);
      if (!drive || !item) return notFound(ctx);
      if (preconditionFails(ctx, item)) return graphError(412, 'resourceModified', 'ETag does not match current item\'s value', ctx.requestId, ctx.now);
      writeContent(ctx, item);
      return respondItem(ctx, drive, item);
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/listItem\\/fields$`),
    handle: (ctx) => {
      const item = findDrive(ctx)?.items.find((i) => i.id === ctx.params[1]);
      if (!item) return notFound(ctx);
      const patch = parseJsonBody(ctx.request);
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        return graphError(400, 'invalidRequest', 'The request body must be a JSON object.', ctx.requestId, ctx.now);
      }
      item.fields = { ...(item.fields ?? {}), ...(patch as Record<string, string | number | boolean | null>) };
      return json(200, { ...item.fields });
    },
  },
];
