// Which delegated permission a Graph request needs, so sign-in asks for a feature's scope the first
// time that feature is used (incremental consent) instead of everything at once.
import { GRAPH_SCOPES } from '../auth/scopes';

const RULES: { pattern: RegExp; scopes: string[] }[] = [
  { pattern: /^\/me\/(findMeetingTimes|calendar\/getSchedule)/i, scopes: [GRAPH_SCOPES.calendars, GRAPH_SCOPES.calendarsShared] },
  { pattern: /^\/(me|users\/[^/]+)\/(events|calendarView|calendar)/i, scopes: [GRAPH_SCOPES.calendars] },
  { pattern: /^\/me\/(sendMail|messages|mailFolders)/i, scopes: [GRAPH_SCOPES.mail] },
  { pattern: /^\/me\/people/i, scopes: [GRAPH_SCOPES.people] },
  { pattern: /^\/users/i, scopes: [GRAPH_SCOPES.directory] },
  { pattern: /^\/(drives|me\/drive|sites)/i, scopes: [GRAPH_SCOPES.files] },
  { pattern: /^\/(me\/)?planner/i, scopes: [GRAPH_SCOPES.tasks] },
  { pattern: /^\/me(\?|$)/i, scopes: [GRAPH_SCOPES.profile] },
];

function graphPath(url: string): string {
  const path = url.startsWith('http') ? new URL(url).pathname + new URL(url).search : url;
  return path.replace(/^\/(v1\.0|beta)/, '') || '/';
}

function scopesForPath(path: string): string[] {
  return RULES.find((rule) => rule.pattern.test(path))?.scopes ?? [GRAPH_SCOPES.profile];
}

/** The scopes for one request; a $batch needs the union of its sub-requests'. */
export function scopesForRequest(url: string, body: unknown): string[] {
  const path = graphPath(url);
  if (!/^\/\$batch/.test(path)) return scopesForPath(path);
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try { parsed = JSON.parse(body); } catch { parsed = undefined; }
  }
  const requests = (parsed as { requests?: { url?: unknown }[] } | undefined)?.requests ?? [];
  const scopes = new Set<string>();
  for (const request of requests) if (typeof request.url === 'string') scopesForPath(graphPath(request.url.startsWith('/') ? request.url : `/${request.url}`)).forEach((s) => scopes.add(s));
  return scopes.size > 0 ? [...scopes].sort() : [GRAPH_SCOPES.profile];
}
