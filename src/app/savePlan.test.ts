import { describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import type { PlanStorePort } from './ports';
import { createDraftPlan } from '../domain';
import type { Agreement as DomainAgreement, Plan as DomainPlan } from '../domain';
import { savePlan, savePlanWithMerge } from './savePlan';
import type { PlanMerge } from './savePlan';

/** An in-memory document with eTags, answering a stale If-Match like the drive: 412. */
function memoryStore(content: string) {
  const doc = { content, version: 1 };
  const writes: string[] = [];
  const store: Pick<PlanStorePort, 'read' | 'write'> = {
    read: async () => ({ content: doc.content, eTag: `v${doc.version}` }),
    write: async (_id, next, eTag) => {
      writes.push(eTag);
      if (eTag !== `v${doc.version}`) throw new AppError('graph-precondition-failed', { status: 412 });
      doc.content = next;
      doc.version += 1;
      return { eTag: `v${doc.version}` };
    },
  };
  return { doc, writes, store, writeAsOther: (next: string) => { doc.content = next; doc.version += 1; } };
}

interface Agreement { id: string; what: string; updatedAt: string }
interface Plan { caseAlias: string; agreements: Agreement[] }

/** Stand-in for the domain's mergePlans: union by stable id, the later edit wins, nothing dropped. */
const mergeById: PlanMerge<Plan> = ({ mine, theirs }) => {
  const byId = new Map(theirs.agreements.map((a) => [a.id, a] as const));
  for (const a of mine.agreements) {
    const other = byId.get(a.id);
    if (!other || other.updatedAt < a.updatedAt) byId.set(a.id, a);
  }
  return { ...theirs, agreements: [...byId.values()].sort((x, y) => x.id.localeCompare(y.id)) };
};

const agreement = (id: string, what: string, updatedAt = '2026-12-03T10:00:00Z'): Agreement => ({ id, what, updatedAt });

describe('savePlanWithMerge', () => {
  it('writes once when nobody else wrote', async () => {
    const plan: Plan = { caseAlias: 'SO-2026-014', agreements: [] };
    const memory = memoryStore(JSON.stringify(plan));
    const mine = { ...plan, agreements: [agreement('a1', 'Fatima belt de huisarts')] };
    const merge = vi.fn(mergeById);
    const result = await savePlanWithMerge({ store: memory.store, documentId: 'doc', base: { plan, eTag: 'v1' }, mine, merge });
    expect(result).toMatchObject({ merged: false, attempts: 1, eTag: 'v2' });
    expect(merge).not.toHaveBeenCalled();
    expect(JSON.parse(memory.doc.content)).toEqual(mine);
  });

  it('on 412 reloads, merges by stable ids and writes again: no agreement is dropped', async () => {
    const start: Plan = { caseAlias: 'SO-2026-014', agreements: [agreement('a1', 'Fatima belt de huisarts')] };
    const memory = memoryStore(JSON.stringify(start));
    // The chair records a2 in the meeting; meanwhile the case director's tab records a3 and edits a1.
    memory.writeAsOther(JSON.stringify({ ...start, agreements: [agreement('a1', 'Fatima belt de huisarts vóór vrijdag', '2026-12-03T10:05:00Z'), agreement('a3', 'Joost regelt de thuiszorg')] }));
    const mine: Plan = { ...start, agreements: [...start.agreements, agreement('a2', 'Mirjam plant het evaluatiegesprek')] };

    const result = await savePlanWithMerge({ store: memory.store, documentId: 'doc', base: { plan: start, eTag: 'v1' }, mine, merge: mergeById });
    expect(result).toMatchObject({ merged: true, attempts: 2, eTag: 'v3' });
    const stored = JSON.parse(memory.doc.content) as Plan;
    expect(stored.agreements.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(stored.agreements[0]!.what).toBe('Fatima belt de huisarts vóór vrijdag');
    expect(result.plan).toEqual(stored);
    expect(memory.writes).toEqual(['v1', 'v2']);
  });

  it('passes the previous round’s version as the base of the next merge, and gives up after maxAttempts', async () => {
    const versions: Plan[] = [1, 2, 3].map((n) => ({ caseAlias: 'X', agreements: [agreement(`other-${n}`, 'x')] }));
    let reads = 0;
    const store: Pick<PlanStorePort, 'read' | 'write'> = {
      read: async () => ({ content: JSON.stringify(versions[reads++]), eTag: `e${reads}` }),
      write: async () => { throw new AppError('graph-precondition-failed', { status: 412 }); },
    };
    const merge = vi.fn(mergeById);
    const base = { plan: { caseAlias: 'X', agreements: [] } as Plan, eTag: 'e0' };
    const error = await savePlanWithMerge({ store, documentId: 'doc', base, mine: { caseAlias: 'X', agreements: [agreement('mine', 'y')] }, merge, maxAttempts: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'graph-precondition-failed' });
    expect(merge).toHaveBeenCalledTimes(2);
    expect(merge.mock.calls[1]![0].base).toEqual(versions[0]);
    expect(merge.mock.calls[1]![0].mine.agreements.map((a) => a.id)).toEqual(['mine', 'other-1']);
  });

  it('does not hide other failures', async () => {
    const offline = new AppError('network-offline');
    const store: Pick<PlanStorePort, 'read' | 'write'> = { read: vi.fn(), write: async () => { throw offline; } };
    await expect(savePlanWithMerge({ store, documentId: 'doc', base: { plan: {}, eTag: 'e' }, mine: {}, merge: ({ mine }) => mine })).rejects.toBe(offline);
    expect(store.read).not.toHaveBeenCalled();
  });

  it('savePlan: the domain merge over a real 412 keeps both sides’ agreements (wired to mergePlans)', async () => {
    const start = createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: '2026-12-03T09:00:00+01:00' });
    const domainAgreement = (id: string, what: string, at: string): DomainAgreement => ({
      id, who: 'p-1', what, due: '2026-12-17', status: 'open', createdAt: at, updatedAt: at, history: [],
    } as DomainAgreement);
    const memory = memoryStore(JSON.stringify(start));
    const theirs: DomainPlan = { ...start, agreements: [domainAgreement('a-theirs', 'Joost regelt de thuiszorg', '2026-12-03T10:01:00+01:00')] };
    memory.writeAsOther(JSON.stringify(theirs));
    const mine: DomainPlan = { ...start, agreements: [domainAgreement('a-mine', 'Fatima belt de huisarts', '2026-12-03T10:02:00+01:00')] };

    const result = await savePlan(memory.store, 'doc', { plan: start, eTag: 'v1' }, mine);
    expect(result.merged).toBe(true);
    const stored = JSON.parse(memory.doc.content) as DomainPlan;
    expect(stored.agreements.map((a) => a.id).sort()).toEqual(['a-mine', 'a-theirs']);
  });

  it('savePlan: an unreadable stored plan is plan-invalid, not a silent overwrite', async () => {
    const start = createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: '2026-12-03T09:00:00+01:00' });
    const memory = memoryStore(JSON.stringify(start));
    memory.writeAsOther('{"not":"a plan"}');
    await expect(savePlan(memory.store, 'doc', { plan: start, eTag: 'v1' }, start)).rejects.toMatchObject({ code: 'plan-invalid' });
    expect(memory.doc.content).toBe('{"not":"a plan"}');
  });
});
