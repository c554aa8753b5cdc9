// Use cases around the case list.
import { createDraftPlan, nextCaseAlias, summarisePlan } from '../domain';
import { currentUserId, UNKNOWN_USER } from './currentUser';
import { AppError } from './errors';
import type { CaseListEntry, Services } from './ports';

export interface CaseList {
  cases: CaseListEntry[];
  /** Set when Graph could not be reached and this is the device's copy from that moment (ISO). */
  savedAt?: string;
}

type ListServices = Pick<Services, 'cases'> & Partial<Pick<Services, 'local' | 'directory' | 'clock'>>;

// Failures where the list on this device is better than nothing: no network, or the service is down.
const UNREACHABLE = new Set(['network-offline', 'graph-unavailable', 'graph-throttled']);

const copyKey = (userId: string) => `cases:${userId}`;

/**
 * The case list, sorted by alias. A successful answer is kept on the device (the aliases and index columns
 * only, never plan content), so that after a reload without a network the chair can still reach the SO
 * whose edits wait in the outbox.
 */
export async function loadMyCases(services: ListServices): Promise<CaseList> {
  const local = services.local;
  const userId = local && services.directory ? currentUserId({ local, directory: services.directory }) : undefined;
  try {
    const cases = [...(await services.cases.listCases())].sort((a, b) => a.caseAlias.localeCompare(b.caseAlias));
    const id = await userId;
    if (local && id !== undefined && id !== UNKNOWN_USER) {
      const savedAt = (services.clock?.now() ?? new Date()).toISOString();
      await local.set(copyKey(id), { savedAt, cases }).catch(() => undefined);
    }
    return { cases };
  } catch (error) {
    const id = await userId;
    if (!(error instanceof AppError) || !UNREACHABLE.has(error.code) || !local || id === undefined || id === UNKNOWN_USER) throw error;
    const copy = await local.get<CaseList>(copyKey(id)).catch(() => undefined);
    if (!copy?.savedAt || !Array.isArray(copy.cases)) throw error;
    return { cases: copy.cases, savedAt: copy.savedAt };
  }
}

export async function listMyCases(services: ListServices): Promise<CaseListEntry[]> {
  return (await loadMyCases(services)).cases;
}

/**
 * Starts a new case as a draft plan under the next free alias. Another case director may take
 * the same alias at the same moment; the store refuses the duplicate and we try the next one.
 */
export async function startCase(
  services: Pick<Services, 'directory' | 'cases' | 'clock' | 'municipality'>,
  existing: readonly CaseListEntry[],
  options: { areaId?: string } = {},
): Promise<CaseListEntry> {
  const me = await services.directory.me();
  const now = services.clock.now();
  const taken = existing.map((c) => c.caseAlias);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const caseAlias = nextCaseAlias(taken, now.getFullYear());
    const plan = createDraftPlan({
      caseAlias,
      municipality: services.municipality,
      caseDirectorUserId: me.id,
      caseDirector: { name: me.displayName, ...(me.mail ? { email: me.mail } : {}), ...(me.jobTitle ? { jobTitle: me.jobTitle } : {}), ...(me.organisation ? { organisation: me.organisation } : {}) },
      now: now.toISOString(),
      ...(options.areaId ? { areaId: options.areaId } : {}),
    });
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
