import { describe, expect, it } from 'vitest';
import { bodyOf, createTestTenant, people, seedUsers } from '../testHarness';

const { esra, bram } = people;
interface Collection<T> { value: T[]; '@odata.count'?: number }
interface User { id: string; displayName: string; mail: string }
interface Person { id: string; displayName: string; scoredEmailAddresses: { address: string; relevanceScore: number }[]; personType: { class: string; subclass: string } }

describe('users: directory search', () => {
  it('answers /me and /users/{id|upn}', async () => {
    const t = createTestTenant();
    expect(bodyOf<User>(await t.call(bram, 'GET', '/me')).id).toBe(bram.id);
    expect(bodyOf<User>(await t.call(bram, 'GET', `/users/${encodeURIComponent(esra.userPrincipalName)}`)).id).toBe(esra.id);
    expect((await t.call(bram, 'GET', '/users/nobody@maasveld.example')).status).toBe(404);
  });

  it('filters with startswith on displayName or mail, case-insensitively', async () => {
    const t = createTestTenant();
    const response = await t.call(esra, 'GET', `/users?$filter=${encodeURIComponent("startswith(displayName,'bra') or startswith(mail,'bra')")}&$select=id,displayName,mail`);
    expect(bodyOf<Collection<User>>(response).value.map((u) => u.displayName)).toEqual(['Bram Hoekstra']);
    const byMail = await t.call(esra, 'GET', `/users?$filter=${encodeURIComponent("startswith(mail,'k.')")}`);
    expect(bodyOf<Collection<User>>(byMail).value.map((u) => u.mail)).toEqual(['k.brouwer@maasveld.example']);
    const eq = await t.call(esra, 'GET', `/users?$filter=${encodeURIComponent(`mail eq '${bram.mail.toUpperCase()}'`)}`);
    expect(bodyOf<Collection<User>>(eq).value).toHaveLength(1);
    expect((await t.call(esra, 'GET', `/users?$filter=${encodeURIComponent("contains(displayName,'a')")}`)).status).toBe(400);
  });

  it('searches displayName tokens with $search only with ConsistencyLevel: eventual', async () => {
    const t = createTestTenant();
    const path = `/users?$search=${encodeURIComponent('"displayName:leeuw"')}&$count=true`;
    const without = await t.call(esra, 'GET', path);
    expect(without.status).toBe(400);
    expect(bodyOf(without)).toMatchObject({ error: { code: 'Request_UnsupportedQuery' } });
    const withHeader = bodyOf<Collection<User>>(await t.call(esra, 'GET', path, { headers: { ConsistencyLevel: 'eventual' } }));
    expect(withHeader.value.map((u) => u.displayName)).toEqual(['Joris van Leeuwen']);
    expect(withHeader['@odata.count']).toBe(1);
    const either = bodyOf<Collection<User>>(await t.call(esra, 'GET', `/users?$search=${encodeURIComponent('"displayName:ayd" OR "mail:kofi"')}`, { headers: { ConsistencyLevel: 'eventual' } }));
    expect(either.value.map((u) => u.displayName).sort()).toEqual(['Esra Aydin', 'Kofi Mensah']);
  });
});

describe('people: relevant to me', () => {
  it('ranks colleagues of my area first, shaped as microsoft.graph.person, without me', async () => {
    const t = createTestTenant();
    const response = bodyOf<Collection<Person>>(await t.call(esra, 'GET', '/me/people?$top=50'));
    expect(response.value.map((p) => p.id)).not.toContain(esra.id);
    expect(response.value).toHaveLength(seedUsers.length - 1);
    const areaOf = (id: string) => seedUsers.find((u) => u.id === id)!.areaId;
    const firstOther = response.value.findIndex((p) => areaOf(p.id) !== esra.areaId);
    expect(response.value.slice(firstOther).every((p) => areaOf(p.id) !== esra.areaId)).toBe(true);
    expect(response.value[0]).toMatchObject({ personType: { class: 'Person', subclass: 'OrganizationUser' } });
    const scores = response.value.map((p) => p.scoredEmailAddresses[0]!.relevanceScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('searches by the start of any word of the name or address, with $top', async () => {
    const t = createTestTenant();
    const found = bodyOf<Collection<Person>>(await t.call(esra, 'GET', `/me/people?$search=${encodeURIComponent('"hoek"')}&$top=5`));
    expect(found.value.map((p) => p.displayName)).toEqual(['Bram Hoekstra']);
    const byDomain = bodyOf<Collection<Person>>(await t.call(esra, 'GET', '/me/people?$search=lindehof&$top=1'));
    expect(byDomain.value).toHaveLength(1);
    expect(byDomain.value[0]!.scoredEmailAddresses[0]!.address).toMatch(/@lindehof\.example$/);
  });
});
