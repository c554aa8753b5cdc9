import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { savePlanWithMerge } from '../app/savePlan';
import { createGraphRequester } from './graphClient';
import { createPlanStoreAdapter } from './planStoreAdapter';
import { etagOf, fakeDrive } from './testing/fakeDrive';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const store = () => createPlanStoreAdapter(createGraphRequester(async () => 't'), 'drive-1');

describe('plan store', () => {
  it('reads the eTag first, then the content as text', async () => {
    const drive = fakeDrive(server, 'drive-1');
    const item = drive.add('doc-1', '{"caseAlias":"SO-2026-014"}');
    const read = await store().read('doc-1');
    expect(read).toEqual({ content: '{"caseAlias":"SO-2026-014"}', eTag: etagOf(item) });
    expect(drive.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /drives/drive-1/items/doc-1?$select=id%2CeTag%2Cname',
      'GET /drives/drive-1/items/doc-1/content',
    ]);
  });

  it('reads only the eTag while the document is unchanged, and the content once it changed', async () => {
    const drive = fakeDrive(server, 'drive-1');
    const item = drive.add('doc-1', '{"v":1}');
    const plans = store();
    await expect(plans.readIfChanged!('doc-1', etagOf(item))).resolves.toBeUndefined();
    expect(drive.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /drives/drive-1/items/doc-1?$select=id%2CeTag%2Cname']);
    const before = etagOf(item);
    drive.writeAsOther('doc-1', '{"v":2}');
    await expect(plans.readIfChanged!('doc-1', before)).resolves.toEqual({ content: '{"v":2}', eTag: etagOf(item) });
  });

  it('writes with If-Match and returns the new eTag', async () => {
    const drive = fakeDrive(server, 'drive-1');
    const item = drive.add('doc-1', '{}');
    const { eTag } = await store().write('doc-1', '{"v":2}', etagOf(item));
    expect(eTag).toBe(etagOf(item));
    expect(item.content).toBe('{"v":2}');
    expect(drive.requests[0]!.headers['if-match']).toBe('"{doc-1},1"');
    expect(drive.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('answers a stale eTag with a typed precondition error (412) and writes nothing', async () => {
    const drive = fakeDrive(server, 'drive-1');
    const item = drive.add('doc-1', '{}');
    const stale = etagOf(item);
    drive.writeAsOther('doc-1', '{"other":true}');
    await expect(store().write('doc-1', '{"mine":true}', stale)).rejects.toMatchObject({ code: 'graph-precondition-failed', status: 412, requestId: 'r-412-2' });
    expect(item.content).toBe('{"other":true}');
  });

  it('shares read-only with sign-in required, and revokes (idempotently)', async () => {
    const drive = fakeDrive(server, 'drive-1');
    const item = drive.add('doc-1', '{}');
    const plans = store();
    const { permissionId } = await plans.share('doc-1', { email: 'joost@zorgpartner.nl' }, 'Het plan van SO-2026-014');
    expect(drive.requests[0]!.body).toEqual({ recipients: [{ email: 'joost@zorgpartner.nl' }], roles: ['read'], requireSignIn: true, sendInvitation: true, message: 'Het plan van SO-2026-014' });
    expect(item.permissions).toEqual([{ id: permissionId, email: 'joost@zorgpartner.nl', roles: ['read'] }]);
    await expect(plans.revoke('doc-1', permissionId)).resolves.toEqual({ alreadyGone: false });
    expect(item.permissions).toEqual([]);
    await expect(plans.revoke('doc-1', permissionId)).resolves.toEqual({ alreadyGone: true });
  });

  it('with savePlanWithMerge: a 412 from the drive is reloaded, merged and written again (nothing dropped)', async () => {
    type Plan = { agreements: { id: string }[] };
    const drive = fakeDrive(server, 'drive-1');
    const item = drive.add('doc-1', JSON.stringify({ agreements: [{ id: 'a1' }] }));
    const plans = store();
    const base = await plans.read('doc-1');
    drive.writeAsOther('doc-1', JSON.stringify({ agreements: [{ id: 'a1' }, { id: 'theirs' }] }));
    const result = await savePlanWithMerge<Plan>({
      store: plans,
      documentId: 'doc-1',
      base: { plan: JSON.parse(base.content) as Plan, eTag: base.eTag },
      mine: { agreements: [{ id: 'a1' }, { id: 'mine' }] },
      merge: ({ mine, theirs }) => ({ agreements: [...theirs.agreements, ...mine.agreements.filter((a) => !theirs.agreements.some((t) => t.id === a.id))] }),
    });
    expect((JSON.parse(item.content) as Plan).agreements.map((a) => a.id)).toEqual(['a1', 'theirs', 'mine']);
    expect(result).toMatchObject({ merged: true, attempts: 2, eTag: etagOf(item) });
    expect(drive.requests.filter((r) => r.method === 'PUT').map((r) => r.headers['if-match'])).toEqual(['"{doc-1},1"', '"{doc-1},2"']);
  });
});
