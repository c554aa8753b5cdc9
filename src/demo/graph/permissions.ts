// Sharing a plan document: POST /drives/{d}/items/{id}/invite → 200 {value: permission[]},
// GET .../permissions, DELETE .../permissions/{permId} → 204. Only library members (writers) share and revoke.
// A tenant recipient gets a user permission (grantedToV2.user); an address outside the tenant gets a pending
// invitation. With sendInvitation, tenant recipients find the sharing mail in their inbox.
import type { DemoDrive, DemoDriveItem, DemoPermission, DemoTenantState } from '../tenantState';
import { emailAddressOf, userById, userByAddress } from './directory';
import { DRIVE, accessDenied, canRead, canWrite, findDrive, isLibraryMember, notFound } from './drive';
import { graphError, json, jsonObjectBody, newId, noContent, prop } from './http';
import type { Route, RouteContext, TenantResponse } from './http';
import { deliver } from './mail';

export function toGraphPermission(state: DemoTenantState, permission: DemoPermission): Record<string, unknown> {
  const user = userById(state, permission.grantedToUserId);
  const inviter = userById(state, permission.invitedByUserId);
  const graph: Record<string, unknown> = {
    id: permission.id,
    roles: [...permission.roles],
    invitation: {
      email: permission.email,
      signInRequired: permission.requireSignIn,
      ...(inviter ? { invitedBy: { user: { id: inviter.id, displayName: inviter.displayName, email: inviter.mail } } } : {}),
    },
  };
  if (user) {
    graph['@deprecated.GrantedTo'] = 'GrantedTo has been deprecated. Refer to GrantedToV2';
    graph.grantedTo = { user: { id: user.id, displayName: user.displayName } };
    graph.grantedToV2 = {
      user: { id: user.id, displayName: user.displayName, email: user.mail },
      siteUser: { id: String(10 + userIndex(state, user.id)), displayName: user.displayName, loginName: `i:0#.f|membership|${user.userPrincipalName}` },
    };
  } else {
    graph.grantedToV2 = { user: { displayName: permission.email, email: permission.email } };
  }
  return graph;
}

function userIndex(state: DemoTenantState, userId: string): number {
  return state.users.findIndex((u) => u.id === userId);
}

/** The library members' access, inherited from the library (listed like SharePoint lists inherited permissions). */
function inheritedPermission(state: DemoTenantState, drive: DemoDrive): Record<string, unknown> | undefined {
  const group = state.groups.find((g) => g.id === drive.memberGroupId);
  if (!group) return undefined;
  return {
    id: `inherited-${group.id}`,
    roles: ['write'],
    grantedToV2: {
      group: { id: group.id, displayName: group.displayName, email: group.mail },
      siteGroup: { id: '5', displayName: `${group.displayName} Members`, loginName: `${group.displayName} Members` },
    },
    inheritedFrom: { driveId: drive.id, path: `/drives/${drive.id}/root:` },
  };
}

function itemOf(ctx: RouteContext): { drive: DemoDrive; item: DemoDriveItem } | undefined {
  const drive = findDrive(ctx);
  const item = drive?.items.find((i) => i.id === ctx.params[1]);
  return drive && item ? { drive, item } : undefined;
}

function invite(ctx: RouteContext): TenantResponse {
  const found = itemOf(ctx);
  if (!found) return notFound(ctx);
  const { drive, item } = found;
  if (!canWrite(ctx.state, drive, item, ctx.me)) return accessDenied(ctx);
  const body = jsonObjectBody(ctx.request);
  const recipients = prop(body, 'recipients');
  if (!Array.isArray(recipients) || recipients.length === 0) {
    return graphError(400, 'invalidRequest', 'At least one recipient is required.', ctx.requestId, ctx.now);
  }
  const rolesIn = prop(body, 'roles');
  const roles = Array.isArray(rolesIn) ? rolesIn.map(String) : [];
  if (roles.length === 0 || roles.some((r) => r !== 'read' && r !== 'write')) {
    return graphError(400, 'invalidRequest', "roles must be ['read'] or ['write'].", ctx.requestId, ctx.now);
  }
  const requireSignIn = prop(body, 'requireSignIn') === true;
  const sendInvitation = prop(body, 'sendInvitation') === true;
  const message = prop(body, 'message');
  if (typeof message === 'string' && message.length > 2000) {
    return graphError(400, 'invalidRequest', 'The message can be at most 2000 characters.', ctx.requestId, ctx.now);
  }
  const resolved: { email: string; userId?: string }[] = [];
  for (const r of recipients) {
    const email = prop(r, 'email');
    const objectId = prop(r, 'objectId');
    const user = typeof objectId === 'string' ? userById(ctx.state, objectId) : userByAddress(ctx.state, typeof email === 'string' ? email : undefined);
    if (user) resolved.push({ email: user.mail, userId: user.id });
    else if (typeof email === 'string' && email.includes('@')) resolved.push({ email });
    else return graphError(400, 'invalidRequest', 'Each recipient needs an email or an objectId that resolves.', ctx.requestId, ctx.now);
  }
  item.permissions ??= [];
  const granted: DemoPermission[] = [];
  for (const r of resolved) {
    const existing = item.permissions.find((p) => (r.userId ? p.grantedToUserId === r.userId : p.email.toLowerCase() === r.email.toLowerCase()));
    if (existing) {
      existing.roles = roles as DemoPermission['roles'];
      existing.requireSignIn = requireSignIn;
      granted.push(existing);
      continue;
    }
    const permission: DemoPermission = {
      id: newId('', 32).toUpperCase(),
      roles: roles as DemoPermission['roles'],
      email: r.email,
      invitedByUserId: ctx.me.id,
      createdDateTime: ctx.now.toISOString(),
      requireSignIn,
      ...(r.userId ? { grantedToUserId: r.userId } : {}),
    };
    item.permissions.push(permission);
    granted.push(permission);
  }
  if (sendInvitation) {
    const link = `https://demo.sharepoint.invalid/${encodeURIComponent(drive.name)}/${item.folder}/${encodeURIComponent(item.name)}`;
    deliver(ctx.state, {
      subject: `${ctx.me.displayName} heeft '${item.name}' met je gedeeld`,
      body: { contentType: 'text', content: `${typeof message === 'string' && message ? `${message}\n\n` : ''}Openen: ${link}` },
      from: emailAddressOf(ctx.me),
      to: resolved.map((r) => ({ address: r.email })),
    }, ctx.now);
  }
  return json(200, { value: granted.map((p) => toGraphPermission(ctx.state, p)) });
}

export const permissionRoutes: Route[] = [
  { method: 'POST', pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/invite$`), request: 'driveItem.invite', response: 'driveItem.invite', handle: invite },
  {
    method: 'GET',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/permissions$`),
    response: 'Collection(permission)',
    handle: (ctx) => {
      const found = itemOf(ctx);
      if (!found) return notFound(ctx);
      const { drive, item } = found;
      if (!canRead(ctx.state, drive, item, ctx.me)) return accessDenied(ctx);
      // Members see every permission; someone the item was shared with sees only their own.
      const member = isLibraryMember(ctx.state, drive, ctx.me);
      const own = (item.permissions ?? []).filter((p) => member || p.grantedToUserId === ctx.me.id).map((p) => toGraphPermission(ctx.state, p));
      const inherited = member ? inheritedPermission(ctx.state, drive) : undefined;
      return json(200, { value: inherited ? [...own, inherited] : own });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`${DRIVE}\\/items\\/([^/]+)\\/permissions\\/([^/]+)$`),
    handle: (ctx) => {
      const found = itemOf(ctx);
      if (!found) return notFound(ctx);
      const { drive, item } = found;
      if (!isLibraryMember(ctx.state, drive, ctx.me)) return accessDenied(ctx);
      const permId = decodeURIComponent(ctx.params[2] ?? '');
      if (permId.startsWith('inherited-')) return graphError(400, 'invalidRequest', 'An inherited permission cannot be deleted on the item.', ctx.requestId, ctx.now);
      const index = (item.permissions ?? []).findIndex((p) => p.id === permId);
      if (index < 0) return notFound(ctx);
      item.permissions!.splice(index, 1);
      return noContent(204);
    },
  },
];
