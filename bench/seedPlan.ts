// Puts many agreements into a seed plan of the shared tenant, as if earlier SOs had recorded them: the load the
// runner screen must stay quick under.
import { migratePlan } from '../src/domain';
import type { SharedTenant } from '../tests/e2e/support/sharedTenant';
import { PERSONAS } from '../tests/e2e/support/sharedTenant';

export const BENCH_CASE = 'SO-2026-014';
/** The SO of SO-2026-014 in the seed (1 December 2026). */
export const BENCH_MEETING_ID = 'm-1';

/**
 * Adds `count` open agreements of the case's meeting, owned in turn by the resident and the network members: owners
 * outside the tenant, so no Planner mirror runs in the background while the bench measures typing.
 */
export async function seedAgreements(shared: SharedTenant, count: number, caseAlias = BENCH_CASE, meetingId = BENCH_MEETING_ID): Promise<void> {
  const { plan } = await shared.readPlan(caseAlias);
  const owners = plan.participants.filter((p) => p.role === 'resident' || p.role === 'network');
  if (owners.length === 0) throw new Error(`${caseAlias} has no resident or network member to own agreements`);
  const base = Date.parse('2026-12-01T10:05:00Z');
  const added = Array.from({ length: count }, (_, i) => {
    const at = new Date(base + i * 1000).toISOString();
    return {
      id: `bench-agreement-${String(i + 1).padStart(3, '0')}`,
      who: owners[i % owners.length]!.id,
      what: `Afspraak ${i + 1}: samen de post van deze week doornemen en bespreken wat er moet gebeuren`,
      due: '2027-01-12',
      status: 'open' as const,
      createdAt: at,
      updatedAt: at,
      meetingId,
      history: [{ at, byUserId: PERSONAS.caseDirector.id, change: 'created' as const }],
    };
  });
  const next = { ...plan, agreements: [...plan.agreements, ...added] };
  // The domain must accept it, or the app would not open it either.
  const checked = migratePlan(JSON.parse(JSON.stringify(next)) as unknown);
  if (!checked.plan) throw new Error(`the seeded plan does not parse: ${JSON.stringify(checked.problems)}`);
  await shared.writePlan(caseAlias, checked.plan);
}
