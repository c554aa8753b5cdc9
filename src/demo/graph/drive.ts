// The plan library: drive items addressed by id or by path, their content, eTags and columns, and who may
// see them. Members of the group that owns the library (the area team) read and write every item; anyone else
// only what was shared with them (POST .../invite, see permissions.ts): their folder listing is trimmed to those
// items, as SharePoint trims listings by permission, and any other item answers 403 accessDenied.
import type { DemoDrive, DemoDriveItem, DemoTenantState, DemoUser } from '../tenantState';
import { isGroupMember } from './directory';
import { applySelect, graphError, json, parseJsonBody } from './http';
import type { Route, RouteContext, TenantResponse } from './http';

export function isLibraryMember(state: DemoTenantState, drive: DemoDrive, user: DemoUser): boolean {
  // A library without an owning group (older state) is open to everyone, as before.
  return !drive.memberGroupId || isGroupMember(state, drive.memberGroupId, user.id);
}

export function canRead(state: DemoTenantState, drive: DemoDrive, item: DemoDriveItem, user: DemoUser): boolean {
  return isLibraryMember(state, drive, user) || (item.permissions ?? []).some((p) => p.grantedToUserId === user.id);
}

export function canWrite(state: DemoTenantState, drive: DemoDrive, item: DemoDriveItem | undefined, user: DemoUser): boolean {
  return isLibraryMember(state, drive, user) || (item?.permissions ?? []).some((p) => p.grantedToUserId === user.id && p.roles.includes('write'));
}

export function accessDenied(ctx: RouteContext): TenantResponse {
  return graphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.', ctx.requestId, ctx.now);
}

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

export function findDrive(ctx: RouteContext): DemoDrive | undefined {
  const driveId = decodeURIComponent(ctx.params[0] ?? '');
  return ctx.state.planDrive.id === driveId ? ctx.state.planDrive : undefined;
}

export function notFound(ctx: RouteContext): TenantResponse {
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

export const DRIVE = String.raw`^\/drives\/([^/]+)`;

export const driveRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${DRIVE}\\/root:\\/(.+?):\\/children$`),
    response: 'Collection(driveItem)',
    handle: (ctx) => {
      const drive = findDrive(ctx);
      if (!drive) return notFound(ctx);
      const folder = decodeURIComponent(ctx.params[1] ?? '');
      const inFolder = drive.items.filter((i) => i.folder === folder);
      if (inFolder.length === 0 && !drive.items.some((i) => i.folder.startsWith(folder))) return notFound(ctx);
      const items = inFolder.filter((i) => canRead(ctx.state, drive, i, ctx.me));
      const url = ctx.request.url;
      const expand = (url.searchParams.get('$expand') ?? '').includes('listItem');
      const select = url.searchParams.get('$select');
      return json(200, { value: items.map((i) => applySelect(toGraphDriveItem(ctx.state, drive, i, expand), select, ['listItem'])) });
    },
  },
  {
    // The body is the file itself (a plan document), never checked against the contract.
    method: 'PUT',
    pattern: new RegExp(`${DRIVE}\\/root:\\/(.+?):\\/content$`),
    response: 'driveItem',
    handle: (ctx) => {
      const drive = findDrive(ctx);
      if (!drive) return notFound(ctx);
      const path = decodeURIComponent(ctx.params[1] ?? '');
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '' : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const existing = drive.items.find((i) => i.folder === folder && i.name === name);
      if (!canWrite(ctx.state, drive, existing, ctx.me)) return accessDenied(ctx);
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
    response: 'driveItem',
    handle: (ctx) => {
      const drive = findDrive(ctx);
      const item = drive?.items.find((i) => i.id === ctx.params[1]);
      if (!drive || !item) return notFound(ctx);
      return canRead(ctx.state, drive, item, ctx.me) ? respondItem(ctx, drive, item) : accessDenied(ctx);
    },
  },
  {
    // Graph answers with a 302 to a download URL that fetch follows; the demo serves the bytes directly.
    method: 'GET',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/content$`),
    handle: (ctx) => {
      const drive = findDrive(ctx);
      const item = drive?.items.find((i) => i.id === ctx.params[1]);
      if (!drive || !item) return notFound(ctx);
      if (!canRead(ctx.state, drive, item, ctx.me)) return accessDenied(ctx);
      return { status: 200, body: item.content, contentType: item.mimeType, headers: { ETag: itemETag(item) } };
    },
  },
  {
    method: 'PUT',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/content$`),
    response: 'driveItem',
    handle: (ctx) => {
      const drive = findDrive(ctx);
      const item = drive?.items.find((i) => i.id === ctx.params[1]);
      if (!drive || !item) return notFound(ctx);
      if (!canWrite(ctx.state, drive, item, ctx.me)) return accessDenied(ctx);
      if (preconditionFails(ctx, item)) return graphError(412, 'resourceModified', 'ETag does not match current item\'s value', ctx.requestId, ctx.now);
      writeContent(ctx, item);
      return respondItem(ctx, drive, item);
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/listItem\\/fields$`),
    request: 'fieldValueSet',
    response: 'fieldValueSet',
    handle: (ctx) => {
      const drive = findDrive(ctx);
      const item = drive?.items.find((i) => i.id === ctx.params[1]);
      if (!drive || !item) return notFound(ctx);
      if (!canWrite(ctx.state, drive, item, ctx.me)) return accessDenied(ctx);
      const patch = parseJsonBody(ctx.request);
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        return graphError(400, 'invalidRequest', 'The request body must be a JSON object.', ctx.requestId, ctx.now);
      }
      item.fields = { ...(item.fields ?? {}), ...(patch as Record<string, string | number | boolean | null>) };
      return json(200, { ...item.fields });
    },
  },
];
