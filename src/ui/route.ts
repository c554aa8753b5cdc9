// Where the user is, as a URL: the personal home's tab, or a case with its tab and the SO on the runner.
// A pure parse/format pair over the query string, so a link, Back/Forward, a reload and a Teams deep link
// (its subEntityId, which teams-js hands us as `page.subPageId`) all land on the same screen.
// Kept free of the domain (no zod): Root imports it in the first paint.

export const HOME_TABS = ['cases', 'invitations', 'agreements'] as const;
export type HomeTab = (typeof HOME_TABS)[number];

export const CASE_TABS = ['plan', 'prepare', 'responses', 'meeting', 'after'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export type Route =
  | { view: 'home'; tab?: HomeTab }
  /** `tab` absent: the surface's own first tab (the plan; the runner on a meeting surface). */
  | { view: 'case'; caseAlias: string; tab?: CaseTab; meetingId?: string };

/** The query parameters the route owns; every other one (surface, demo switches, …) is left as it is. */
const ROUTE_KEYS = ['case', 'tab', 'meeting'] as const;

// A case alias is short (SO-2026-014); anything longer or with odd characters is not one of ours.
const ALIAS = /^[A-Za-z0-9-]{1,40}$/;
// Meeting ids are generated ids (uuid-like); the same conservative alphabet, a little longer.
const MEETING_ID = /^[A-Za-z0-9_:.-]{1,80}$/;

const isHomeTab = (value: string | null): value is HomeTab => value !== null && (HOME_TABS as readonly string[]).includes(value);
const isCaseTab = (value: string | null): value is CaseTab => value !== null && (CASE_TABS as readonly string[]).includes(value);

function fromParams(params: URLSearchParams): Route {
  const alias = params.get('case')?.trim();
  const tab = params.get('tab');
  if (alias && ALIAS.test(alias)) {
    const route: Route = { view: 'case', caseAlias: alias };
    if (isCaseTab(tab)) route.tab = tab;
    const meeting = params.get('meeting')?.trim();
    if (meeting && MEETING_ID.test(meeting)) route.meetingId = meeting;
    return route;
  }
  return isHomeTab(tab) ? { view: 'home', tab } : { view: 'home' };
}

function toParams(route: Route, params: URLSearchParams): void {
  for (const key of ROUTE_KEYS) params.delete(key);
  if (route.view === 'home') {
    if (route.tab) params.set('tab', route.tab);
    return;
  }
  params.set('case', route.caseAlias);
  if (route.tab) params.set('tab', route.tab);
  if (route.meetingId) params.set('meeting', route.meetingId);
}

/** The route a query string (`window.location.search`) names; anything unknown or malformed is the home. */
export function parseRoute(search: string): Route {
  return fromParams(new URLSearchParams(search));
}

/** The query string for a route, keeping every parameter of `search` the route does not own. */
export function formatRoute(route: Route, search = ''): string {
  const params = new URLSearchParams(search);
  toParams(route, params);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether the query string names a route of its own (else a Teams deep link may say where to go). */
export function hasRoute(search: string): boolean {
  const params = new URLSearchParams(search);
  return ROUTE_KEYS.some((key) => params.has(key));
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}

/**
 * A Teams deep link's subEntityId: either a bare case alias (`SO-2026-014`, what a person might type) or a
 * route in query form (`case=SO-2026-014&tab=responses`, what `formatSubPageId` writes). Undefined when it
 * names nothing we know.
 */
export function parseSubPageId(subPageId: string | undefined): Route | undefined {
  const text = subPageId?.trim();
  if (!text) return undefined;
  if (ALIAS.test(text)) return { view: 'case', caseAlias: text };
  const route = fromParams(new URLSearchParams(text.replace(/^\?/, '')));
  return route.view === 'case' || route.tab ? route : undefined;
}

export function formatSubPageId(route: Route): string {
  return formatRoute(route).replace(/^\?/, '');
}

/**
 * A Teams deep link that opens the personal tab on this route (Teams hands the context's subEntityId to the tab
 * as `page.subPageId`): https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":"…"}.
 */
export function teamsDeepLink(appId: string, entityId: string, route: Route): string {
  const context = JSON.stringify({ subEntityId: formatSubPageId(route) });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?context=${encodeURIComponent(context)}`;
}
