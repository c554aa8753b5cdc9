import { describe, expect, it } from 'vitest';
import { DEMO_PLAN_DRIVE_ID } from '../seed';
import { bodyOf, createTestTenant, people } from '../testHarness';

const { esra, priya, bram, anouk, kees } = people;
const DRIVE = `/drives/${encodeURIComponent(DEMO_PLAN_DRIVE_ID)}`;
const LIST = `${DRIVE}/root:/Samenwerkplannen:/children`;

interface Item { id: string; name: string; eTag: string }
interface Permission {
  id: string;
  roles: string[];
  grantedToV2?: { user?: { id?: string; email?: string }; group?: { id: string } };
  invitation?: { email: string; signInRequired: boolean };
  inheritedFrom?: unknown;
}
interface Collection<T> { value: T[] }

async function itemId(t: ReturnType<typeof createTestTenant>, name: string): Promise<string> {
  const state = await t.tenant.snapshot();
  return state.planDrive.items.find((i) => i.name === name)!.id;
}

describe('plan library: who may read what', () => {
  it('gives members of the area team every plan', async () => {
    const t = createTestTenant();
    for (const member of [esra, priya]) {
      const list = bodyOf<Collection<Item>>(await t.call(member, 'GET', LIST));
      expect(list.value.map((i) => i.name).sort()).toEqual(['SO-2026-014.json', 'SO-2026-021.json']);
    }
  });

  it('answers 403 to a persona without a share, and trims their folder listing to what was shared', async () => {
    const t = createTestTenant();
    const id014 = await itemId(t, 'SO-2026-014.json');
    const id021 = await itemId(t, 'SO-2026-021.json');
    expect(bodyOf<Collection<Item>>(await t.call(bram, 'GET', LIST)).value).toEqual([]);
    const denied = await t.call(bram, 'GET', `${DRIVE}/items/${id014}/content`);
    expect(denied.status).toBe(403);
    expect(bodyOf(denied)).toMatchObject({ error: { code: 'accessDenied' } });
    expect((await t.call(bram, 'GET', `${DRIVE}/items/${id014}`)).status).toBe(403);
    expect((await t.call(bram, 'PUT', `${DRIVE}/items/${id014}/content`, { body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(403);

    // Anouk (wijkverpleging) was given SO-2026-021 after consent: she reads it, and only it; she cannot write it.
    expect(bodyOf<Collection<Item>>(await t.call(anouk, 'GET', LIST)).value.map((i) => i.name)).toEqual(['SO-2026-021.json']);
    const content = await t.call(anouk, 'GET', `${DRIVE}/items/${id021}/content`);
    expect(content.status).toBe(200);
    expect(JSON.parse(content.body as string)).toMatchObject({ caseAlias: 'SO-2026-021' });
    expect((await t.call(anouk, 'GET', `${DRIVE}/items/${id014}/content`)).status).toBe(403);
    expect((await t.call(anouk, 'PUT', `${DRIVE}/items/${id021}/content`, { body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(403);
  });
});

describe('plan library: sharing', () => {
  it('invite (200) grants read access; the permission can be listed and revoked (204)', async () => {
    const t = createTestTenant();
    const id = await itemId(t, 'SO-2026-014.json');
    const invited = await t.call(esra, 'POST', `${DRIVE}/items/${id}/invite`, {
      body: { recipients: [{ email: bram.mail }], roles: ['read'], requireSignIn: true, sendInvitation: true, message: 'Het plan, na jouw acceptatie.' },
    });
    expect(invited.status).toBe(200);
    const [permission] = bodyOf<Collection<Permission>>(invited).value;
    expect(permission).toMatchObject({ roles: ['read'], grantedToV2: { user: { id: bram.id, email: bram.mail } }, invitation: { email: bram.mail, signInRequired: true } });

    expect((await t.call(bram, 'GET', `${DRIVE}/items/${id}/content`)).status).toBe(200);
    expect(bodyOf<Collection<Item>>(await t.call(bram, 'GET', LIST)).value.map((i) => i.name)).toEqual(['SO-2026-014.json']);
    const state = await t.tenant.snapshot();
    expect(state.mailboxes[bram.id]!.messages.at(-1)!.subject).toBe("Esra Aydin heeft 'SO-2026-014.json' met je gedeeld");

    const listed = bodyOf<Collection<Permission>>(await t.call(esra, 'GET', `${DRIVE}/items/${id}/permissions`)).value;
    expect(listed.map((p) => p.id)).toContain(permission!.id);
    expect(listed.find((p) => p.inheritedFrom)?.grantedToV2?.group).toBeDefined();
    // Someone the item is shared with sees only their own permission.
    expect(bodyOf<Collection<Permission>>(await t.call(bram, 'GET', `${DRIVE}/items/${id}/permissions`)).value.map((p) => p.id)).toEqual([permission!.id]);

    expect((await t.call(bram, 'DELETE', `${DRIVE}/items/${id}/permissions/${permission!.id}`)).status).toBe(403);
    const revoked = await t.call(esra, 'DELETE', `${DRIVE}/items/${id}/permissions/${permission!.id}`);
    expect(revoked.status).toBe(204);
    expect((await t.call(bram, 'GET', `${DRIVE}/items/${id}/content`)).status).toBe(403);
    expect((await t.call(esra, 'DELETE', `${DRIVE}/items/${id}/permissions/${permission!.id}`)).status).toBe(404);
  });

  it('shares with people outside the tenant as a pending invitation, and re-inviting updates the same permission', async () => {
    const t = createTestTenant();
    const id = await itemId(t, 'SO-2026-021.json');
    const external = bodyOf<Collection<Permission>>(await t.call(esra, 'POST', `${DRIVE}/items/${id}/invite`, {
      body: { recipients: [{ email: 'monique@example.org' }], roles: ['read'], requireSignIn: true, sendInvitation: false },
    })).value[0]!;
    expect(external).toMatchObject({ invitation: { email: 'monique@example.org' }, grantedToV2: { user: { email: 'monique@example.org' } } });
    const seededKees = bodyOf<Collection<Permission>>(await t.call(esra, 'GET', `${DRIVE}/items/${id}/permissions`)).value.find((p) => p.grantedToV2?.user?.id === kees.id)!;
    const again = bodyOf<Collection<Permission>>(await t.call(esra, 'POST', `${DRIVE}/items/${id}/invite`, {
      body: { recipients: [{ email: kees.mail }], roles: ['read'], requireSignIn: true, sendInvitation: false },
    })).value[0]!;
    expect(again.id).toBe(seededKees.id);
  });

  it('lets only writers share', async () => {
    const t = createTestTenant();
    const id = await itemId(t, 'SO-2026-021.json');
    const byReader = await t.call(anouk, 'POST', `${DRIVE}/items/${id}/invite`, { body: { recipients: [{ email: bram.mail }], roles: ['read'] } });
    expect(byReader.status).toBe(403);
  });
});
