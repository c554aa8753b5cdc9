// /me and /users, shaped as Graph's microsoft.graph.user.
import type { DemoUser } from '../tenantState';
import { applySelect, graphError, json, page } from './http';
import type { Route, RouteContext } from './http';

export function toGraphUser(user: DemoUser): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle,
    department: user.department,
    companyName: user.companyName,
    officeLocation: user.officeLocation,
    businessPhones: [],
    mobilePhone: null,
    preferredLanguage: 'nl-NL',
  };
}

function findUser(ctx: RouteContext, idOrUpn: string): DemoUser | undefined {
  const key = decodeURIComponent(idOrUpn).toLowerCase();
  return ctx.state.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/me$/,
    handle: (ctx) => json(200, applySelect(toGraphUser(ctx.me), ctx.request.url.searchParams.get('$select'))),
  },
  {
    method: 'GET',
    pattern: /^\/users$/,
    handle: (ctx) => {
      const select = ctx.request.url.searchParams.get('$select');
      const users = ctx.state.users.map((u) => applySelect(toGraphUser(u), select));
      return json(200, page(ctx.request, users, 100));
    },
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)$/,
    handle: (ctx) => {
      const user = findUser(ctx, ctx.params[0] ?? '');
      if (!user) return graphError(404, 'Request_ResourceNotFound', `Resource '${ctx.params[0]}' does not exist.`, ctx.requestId, ctx.now);
      return json(200, applySelect(toGraphUser(user), ctx.request.url.searchParams.get('$select')));
    },
  },
];
