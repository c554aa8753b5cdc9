import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryAdapter } from './directoryAdapter';
import { createGraphRequester, GRAPH_BASE } from './graphClient';
import { odataString, searchPhrase } from './odata';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const directory = () => createDirectoryAdapter(createGraphRequester(async () => 't'));

describe('directory', () => {
  it('searches my people with a quoted $search and $top=10', async () => {
    let seen: URLSearchParams | undefined;
    server.use(http.get(`${GRAPH_BASE}/me/people`, ({ request }) => {
      seen = new URL(request.url).searchParams;
      return HttpResponse.json({ value: [
        { id: 'p1', displayName: 'Joost de Wit', jobTitle: 'Wijkverpleegkundige', companyName: 'Zorgpartner', scoredEmailAddresses: [{ address: 'joost@zorgpartner.nl', relevanceScore: 8 }] },
        { id: 'p2', displayName: 'Extern', scoredEmailAddresses: [] },
      ] });
    }));
    const people = await directory().searchPeople('joost "de" wit');
    expect(seen?.get('$search')).toBe('"joost de wit"');
    expect(seen?.get('$top')).toBe('10');
    expect(people).toEqual([
      { id: 'p1', displayName: 'Joost de Wit', mail: 'joost@zorgpartner.nl', jobTitle: 'Wijkverpleegkundige', organisation: 'Zorgpartner' },
      { id: 'p2', displayName: 'Extern' },
    ]);
  });

  it('searches users by name or mail prefix, with single quotes doubled', async () => {
    let seen: URLSearchParams | undefined;
    server.use(http.get(`${GRAPH_BASE}/users`, ({ request }) => {
      seen = new URL(request.url).searchParams;
      return HttpResponse.json({ value: [{ id: 'u1', displayName: "Anne O'Brien", mail: null, userPrincipalName: 'anne@maasveld.nl' }] });
    }));
    const users = await directory().searchUsers("O'Br");
    expect(seen?.get('$filter')).toBe("startswith(displayName,'O''Br') or startswith(mail,'O''Br')");
    expect(seen?.get('$select')).toBe('id,displayName,mail,userPrincipalName');
    expect(seen?.get('$top')).toBe('10');
    expect(users).toEqual([{ id: 'u1', displayName: "Anne O'Brien", mail: 'anne@maasveld.nl' }]);
  });

  it('asks nothing for an empty query', async () => {
    expect(await directory().searchPeople('  ')).toEqual([]);
    expect(await directory().searchUsers('')).toEqual([]);
  });

  it('escapes OData strings and search phrases', () => {
    expect(odataString("d'Artagnan")).toBe("'d''Artagnan'");
    expect(searchPhrase('a\\b"c')).toBe('"a b c"');
  });
});
