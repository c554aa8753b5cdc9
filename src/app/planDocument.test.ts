import { describe, expect, it, vi } from 'vitest';
import { createDraftPlan } from '../domain';
import type { Plan } from '../domain';
import { AppError } from './errors';
import { openPlan, persistPlan } from './planDocument';
import type { PlanStorePort } from './ports';

const NOW = '2026-11-22T09:00:00.000Z';

function store(initial: Plan) {
  let content = JSON.stringify(initial);
  let version = 1;
  const port: PlanStorePort = {
    read: async () => ({ content, eTag: `"v${version}"` }),
    write: async (_id, next, eTag) => {
      if (eTag !== `"v${version}"`) throw new AppError('graph-precondition-failed', { status: 412 });
      content = next;
      version += 1;
      return { eTag: `"v${version}"` };
    },
    share: async () => ({ permissionId: 'p' }),
    revoke: async () => ({ alreadyGone: false }),
  };
  return { port, current: () => JSON.parse(content) as Plan, bump: (plan: Plan) => { content = JSON.stringify(plan); version += 1; } };
}

describe('openPlan / persistPlan', () => {
  it('reads, saves with the eTag and updates the case index columns', async () => {
    const draft = createDraftPlan({ caseAlias: 'SO-2026-030', municipality: 'Maasveld', caseDirectorUserId: 'u1', now: NOW });
    const s = store(draft);
    const updateSummary = vi.fn(async () => undefined);
    const services = { plans: s.port, cases: { listCases: async () => [], createCase: async () => { throw new Error('unused'); }, updateSummary }, clock: { now: () => new Date(NOW) } };
    const loaded = await openPlan(services, 'doc-1');
    expect(loaded.eTag).toBe('"v1"');
    const mine = { ...loaded.plan, status: 'preparing' as const };
    const saved = await persistPlan(services, loaded, mine);
    expect(saved.eTag).toBe('"v2"');
    expect(s.current().status).toBe('preparing');
    expect(updateSummary).toHaveBeenCalledWith('doc-1', {
      caseAlias: 'SO-2026-030', status: 'preparing', openAgreements: 0,
      // The area champion's figures travel with the summary (no names, no plan details).
      figures: { agreements: 0, agreementsDoneInTime: 0, caseStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), declines: 0, escalations: 0 },
    });
  });

  it('merges when someone else saved in between, and keeps both edits', async () => {
    const draft = createDraftPlan({ caseAlias: 'SO-2026-031', municipality: 'Maasveld', caseDirectorUserId: 'u1', now: NOW });
    const s = store(draft);
    const services = { plans: s.port, cases: { listCases: async () => [], createCase: async () => { throw new Error('unused'); }, updateSummary: async () => undefined }, clock: { now: () => new Date(NOW) } };
    const loaded = await openPlan(services, 'doc-1');
    s.bump({ ...draft, can: { ...draft.can, own: ['Ik kan zelf koken'] } });
    const saved = await persistPlan(services, loaded, { ...loaded.plan, needs: { ...loaded.plan.needs, shortTerm: ['Hulp bij post'] } });
    expect(saved.merged).toBe(true);
    expect(s.current().can.own).toEqual(['Ik kan zelf koken']);
    expect(s.current().needs.shortTerm).toEqual(['Hulp bij post']);
  });
});
