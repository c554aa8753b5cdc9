import { describe, expect, it } from 'vitest';
import { formatRoute, formatSubPageId, hasRoute, parseRoute, parseSubPageId, sameRoute, teamsDeepLink } from './route';
import type { Route } from './route';

describe('the route in the address', () => {
  it.each<[string, Route]>([
    ['', { view: 'home' }],
    ['?tab=invitations', { view: 'home', tab: 'invitations' }],
    ['?tab=agreements', { view: 'home', tab: 'agreements' }],
    ['?case=SO-2026-014', { view: 'case', caseAlias: 'SO-2026-014' }],
    ['?case=SO-2026-014&tab=responses', { view: 'case', caseAlias: 'SO-2026-014', tab: 'responses' }],
    ['?case=SO-2026-014&tab=meeting&meeting=m-1', { view: 'case', caseAlias: 'SO-2026-014', tab: 'meeting', meetingId: 'm-1' }],
    ['?case=SO-2026-021&tab=after', { view: 'case', caseAlias: 'SO-2026-021', tab: 'after' }],
  ])('%s is %j and back', (search, route) => {
    expect(parseRoute(search)).toEqual(route);
    expect(formatRoute(route)).toBe(search);
  });

  it('keeps the existing meeting links: surface and case', () => {
    expect(parseRoute('?surface=meeting&case=SO-2026-014')).toEqual({ view: 'case', caseAlias: 'SO-2026-014' });
    expect(parseRoute('?surface=stage&case=SO-2026-014')).toEqual({ view: 'case', caseAlias: 'SO-2026-014' });
    // A tab change on the meeting surface keeps the surface.
    expect(formatRoute({ view: 'case', caseAlias: 'SO-2026-014', tab: 'plan' }, '?surface=meeting&case=SO-2026-014')).toBe('?surface=meeting&case=SO-2026-014&tab=plan');
  });

  it('leaves parameters it does not own alone, and drops the ones it owns', () => {
    expect(formatRoute({ view: 'home', tab: 'cases' }, '?demo=1&case=SO-2026-014&tab=plan&meeting=x')).toBe('?demo=1&tab=cases');
    expect(formatRoute({ view: 'home' }, '?case=SO-2026-014')).toBe('');
  });

  it('treats what is not ours as the home', () => {
    expect(parseRoute('?tab=admin')).toEqual({ view: 'home' });
    expect(parseRoute('?case=%3Cscript%3E')).toEqual({ view: 'home' });
    expect(parseRoute(`?case=${'A'.repeat(41)}`)).toEqual({ view: 'home' });
    expect(parseRoute('?case=SO-2026-014&tab=delete')).toEqual({ view: 'case', caseAlias: 'SO-2026-014' });
    expect(parseRoute('?case=SO-2026-014&meeting=a%20b')).toEqual({ view: 'case', caseAlias: 'SO-2026-014' });
    expect(parseRoute('?case=%20')).toEqual({ view: 'home' });
  });

  it('escapes what it writes', () => {
    expect(formatRoute({ view: 'case', caseAlias: 'SO-2026-014', tab: 'meeting', meetingId: 'a:b' })).toBe('?case=SO-2026-014&tab=meeting&meeting=a%3Ab');
  });

  it('knows whether the address names a route', () => {
    expect(hasRoute('?surface=meeting')).toBe(false);
    expect(hasRoute('')).toBe(false);
    expect(hasRoute('?tab=cases')).toBe(true);
    expect(hasRoute('?surface=meeting&case=SO-2026-014')).toBe(true);
  });

  it('compares routes by their address', () => {
    expect(sameRoute({ view: 'home' }, { view: 'home' })).toBe(true);
    expect(sameRoute({ view: 'case', caseAlias: 'SO-2026-014' }, { view: 'case', caseAlias: 'SO-2026-014', tab: 'plan' })).toBe(false);
  });
});

describe('a Teams deep link (subEntityId)', () => {
  it('opens a case from a bare alias or from a route', () => {
    expect(parseSubPageId('SO-2026-014')).toEqual({ view: 'case', caseAlias: 'SO-2026-014' });
    expect(parseSubPageId(' case=SO-2026-021&tab=responses ')).toEqual({ view: 'case', caseAlias: 'SO-2026-021', tab: 'responses' });
    expect(parseSubPageId('?tab=invitations')).toEqual({ view: 'home', tab: 'invitations' });
  });

  it('names nothing when empty or unknown', () => {
    expect(parseSubPageId(undefined)).toBeUndefined();
    expect(parseSubPageId('')).toBeUndefined();
    expect(parseSubPageId('something else entirely')).toBeUndefined();
  });

  it('writes a subEntityId that reads back, and the deep link that carries it', () => {
    const route: Route = { view: 'case', caseAlias: 'SO-2026-014', tab: 'responses' };
    expect(parseSubPageId(formatSubPageId(route))).toEqual(route);
    const link = new URL(teamsDeepLink('app-id', 'cases', route));
    expect(link.origin + link.pathname).toBe('https://teams.microsoft.com/l/entity/app-id/cases');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'case=SO-2026-014&tab=responses' });
  });
});
