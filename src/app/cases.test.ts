import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memoryStore';
import { loadMyCases } from './cases';
import { AppError } from './errors';
import type { CaseListEntry, CaseIndexPort, DirectoryPort } from './ports';

const entry = (caseAlias: string): CaseListEntry => ({
  caseAlias, status: 'preparing', documentId: `doc-${caseAlias}`, lastModified: '2026-11-20T10:00:00Z',
} as CaseListEntry);

function services(listCases: CaseIndexPort['listCases'], me: DirectoryPort['me'] = async () => ({ id: 'user-priya', displayName: 'Priya Ramdin' })) {
  return {
    cases: { listCases } as CaseIndexPort,
    directory: { me } as DirectoryPort,
    local: createMemoryStore(),
    clock: { now: () => new Date('2026-12-01T10:05:00+01:00') },
  };
}

describe('loadMyCases', () => {
  it('sorts by alias and keeps a copy on the device', async () => {
    const s = services(async () => [entry('SO-2026-021'), entry('SO-2026-014')]);
    expect(await loadMyCases(s)).toEqual({ cases: [entry('SO-2026-014'), entry('SO-2026-021')] });
    expect(await s.local.get('cases:user-priya')).toEqual({ savedAt: '2026-12-01T09:05:00.000Z', cases: [entry('SO-2026-014'), entry('SO-2026-021')] });
  });

  it('offline, answers with the device copy and says from when; the user comes from the last one seen here', async () => {
    let online = true;
    let meOnline = true;
    const s = services(
      async () => { if (!online) throw new AppError('network-offline'); return [entry('SO-2026-014')]; },
      async () => { if (!meOnline) throw new AppError('network-offline'); return { id: 'user-priya', displayName: 'Priya Ramdin' }; },
    );
    await loadMyCases(s);
    online = false;
    meOnline = false;
    expect(await loadMyCases(s)).toEqual({ cases: [entry('SO-2026-014')], savedAt: '2026-12-01T09:05:00.000Z' });
  });

  it('does not hide other failures, nor being offline without a copy', async () => {
    const forbidden = services(async () => { throw new AppError('graph-forbidden', { status: 403 }); });
    await expect(loadMyCases(forbidden)).rejects.toMatchObject({ code: 'graph-forbidden' });
    const offline = services(async () => { throw new AppError('network-offline'); });
    await expect(loadMyCases(offline)).rejects.toMatchObject({ code: 'network-offline' });
  });

  it("never shows one user another user's copy", async () => {
    let online = true;
    let who = 'user-priya';
    const s = services(
      async () => { if (!online) throw new AppError('network-offline'); return [entry('SO-2026-014')]; },
      async () => ({ id: who, displayName: who }),
    );
    await loadMyCases(s);
    online = false;
    who = 'user-bram';
    await expect(loadMyCases(s)).rejects.toMatchObject({ code: 'network-offline' });
  });
});
