// /me and /users, shaped as Graph's microsoft.graph.user, with the query options Entra ID supports for the
// directory search the app does: $filter=startswith(displayName,'x') or startswith(mail,'x') (also eq), and
// $search="displayName:x" — which, as in Entra ID, needs the header ConsistencyLevel: eventual (and so does $count).
import type { DemoUser } from '../tenantState';
import { applySelect, graphError, json, page } from './http';
import type { Route, RouteContext, TenantResponse } from './http';

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

const FILTERABLE: Record<string, (u: DemoUser) => string> = {
  id: (u) => u.id,
  displayname: (u) => u.displayName,
  givenname: (u) => u.givenName,
  surname: (u) => u.surname,
  mail: (u) => u.mail,
  userprincipalname: (u) => u.userPrincipalName,
  jobtitle: (u) => u.jobTitle,
  department: (u) => u.department,
  companyname: (u) => u.companyName,
};

type Predicate = (u: DemoUser) => boolean;

/** Parses the $filter subset Entra ID offers on these properties; undefined when unsupported. */
export function parseUserFilter(filter: string): Predicate | undefined {
  const clause = /^\s*(?:startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)|(\w+)\s+eq\s+'((?:[^']|'')*)')\s*/i;
  const predicates: Predicate[] = [];
  const joins: string[] = [];
  let rest = filter;
  for (;;) {
    const m = clause.exec(rest);
    if (!m) return undefined;
    const property = (m[1] ?? m[3] ?? '').toLowerCase();
    const value = (m[2] ?? m[4] ?? '').replace(/''/g, "'").toLowerCase();
    const get = FILTERABLE[property];
    if (!get) return undefined;
    predicates.push(m[1] ? (u) => get(u).toLowerCase().startsWith(value) : (u) => get(u).toLowerCase() === value);
    rest = rest.slice(m[0].length);
    if (!rest.trim()) break;
    const join = /^(or|and)\s+/i.exec(rest);
    if (!join) return undefined;
    joins.push(join[1]!.toLowerCase());
    rest = rest.slice(join[0].length);
  }
  // "and" binds tighter than "or".
  return (u) => {
    let any = false;
    let all = predicates[0]!(u);
    joins.forEach((j, i) => {
      const next = predicates[i + 1]!(u);
      if (j === 'and') all = all && next;
      else {
        any = any || all;
        all = next;
      }
    });
    return any || all;
  };
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[\s.@_\-–,()]+/).filter(Boolean);
}

/** $search="displayName:x" [OR|AND "mail:y"]: tokenized prefix matching, as the directory search does. */
export function parseUserSearch(search: string): Predicate | undefined {
  const term = /^\s*"(\w+):([^"]*)"\s*/;
  const predicates: Predicate[] = [];
  const joins: string[] = [];
  let rest = search;
  for (;;) {
    const m = term.exec(rest);
    if (!m) return undefined;
    const get = FILTERABLE[m[1]!.toLowerCase()];
    if (!get) return undefined;
    const tokens = words(m[2]!);
    predicates.push((u) => {
      const have = words(get(u));
      return tokens.every((t) => have.some((w) => w.startsWith(t)));
    });
    rest = rest.slice(m[0].length);
    if (!rest.trim()) break;
    const join = /^(OR|AND)\s+/.exec(rest);
    if (!join) return undefined;
    joins.push(join[1]!);
    rest = rest.slice(join[0].length);
  }
  return (u) => predicates.reduce<boolean | undefined>((acc, p, i) => (i === 0 ? p(u) : joins[i - 1] === 'AND' ? acc && p(u) : acc || p(u)), undefined) ?? false;
}

function listUsers(ctx: RouteContext): TenantResponse {
  const params = ctx.request.url.searchParams;
  const eventual = (ctx.request.headers.get('consistencylevel') ?? '').toLowerCase() === 'eventual';
  let users = [...ctx.state.users];
  const filter = params.get('$filter');
  if (filter) {
    const predicate = parseUserFilter(filter);
    if (!predicate) return graphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.', ctx.requestId, ctx.now);
    users = users.filter(predicate);
  }
  const search = params.get('$search');
  if (search) {
    if (!eventual) {
      return graphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'", ctx.requestId, ctx.now);
    }
    const predicate = parseUserSearch(search);
    if (!predicate) return graphError(400, 'Request_UnsupportedQuery', 'Syntax error: the $search value must look like "displayName:text".', ctx.requestId, ctx.now);
    users = users.filter(predicate);
  }
  const orderBy = params.get('$orderby');
  if (orderBy) {
    const [field, dir] = orderBy.trim().split(/\s+/);
    const get = FILTERABLE[(field ?? '').toLowerCase()];
    if (!get) return graphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.', ctx.requestId, ctx.now);
    users.sort((a, b) => get(a).localeCompare(get(b)) * (dir?.toLowerCase() === 'desc' ? -1 : 1));
  }
  const count = params.get('$count') === 'true';
  if (count && !eventual) {
    return graphError(400, 'Request_BadRequest', "$count is only supported with the header 'ConsistencyLevel: eventual'.", ctx.requestId, ctx.now);
  }
  const select = params.get('$select');
  const body: Record<string, unknown> = page(ctx.request, users.map((u) => applySelect(toGraphUser(u), select)), 100);
  return json(200, count ? { '@odata.count': users.length, ...body } : body);
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/me$/,
    response: 'user',
    handle: (ctx) => json(200, applySelect(toGraphUser(ctx.me), ctx.request.url.searchParams.get('$select'))),
  },
  {
    method: 'GET',
    pattern: /^\/users$/,
    response: 'Collection(user)',
    handle: listUsers,
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)$/,
    response: 'user',
    handle: (ctx) => {
      const user = findUser(ctx, ctx.params[0] ?? '');
      if (!user) return graphError(404, 'Request_ResourceNotFound', `Resource '${ctx.params[0]}' does not exist or one of its queried reference-property objects are not present.`, ctx.requestId, ctx.now);
      return json(200, applySelect(toGraphUser(user), ctx.request.url.searchParams.get('$select')));
    },
  },
];
