// Use cases around the case list.
import { createDraftPlan, nextCaseAlias, summarisePlan } from '../domain';
import { AppError } from './errors';
import type { CaseListEntry, Services } from './ports';

export async function listMyCases(services: Pick<Services, 'cases'>): Promise<CaseListEntry[]> {
  const cases = await services.cases.listCases();
  return [...cases].sort((a, b) => a.caseAlias.localeCompare(b.caseAlias));
}

/**
 * Starts a new case as a draft plan under the next free alias. Another case director may take
 * the same alias at the same moment; the store refuses the duplicate and we try the next one.
 */
export async function startCase(services: Pick<Services, 'directory' | 'cases' | 'clock' | 'municipality'>, existing: readonly CaseListEntry[]): Promise<CaseListEntry> {
  const me = await services.directory.me();
  const now = services.clock.now();
  const taken = existing.map((c) => c.caseAlias);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const caseAlias = nextCaseAlias(taken, now.getFullYear());
    const plan = createDraftPlan({ caseAlias, municipality: services.municipality, caseDirectorUserId: me.id, now: now.toISOString() });
    try {
      return await services.cases.createCase({ summary: summarisePlan(plan, now.toISOString()), content: JSON.stringify(plan, null, 2) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'graph-conflict') {
        taken.push(caseAlias);
        continue;
      }
      throw error;
    }
  }
  throw new AppError('graph-conflict', { detail: 'no free case alias after 3 attempts' });
}
