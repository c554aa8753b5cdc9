// Opening and saving one Samenwerkplan: every screen that edits a plan goes through here, so the
// If-Match/merge rule and the case index columns stay in step.
import { summarisePlan } from '../domain';
import type { Plan } from '../domain';
import { planCodec, savePlan } from './savePlan';
import type { Services } from './ports';

export interface LoadedPlan {
  documentId: string;
  plan: Plan;
  eTag: string;
}

export async function openPlan(services: Pick<Services, 'plans'>, documentId: string): Promise<LoadedPlan> {
  const { content, eTag } = await services.plans.read(documentId);
  return { documentId, plan: planCodec.parse(content), eTag };
}

/**
 * Writes my version of the plan over the one I loaded (merging with whatever others wrote meanwhile),
 * then updates the case list's columns. Returns what is stored now.
 */
export async function persistPlan(services: Pick<Services, 'plans' | 'cases' | 'clock'>, loaded: LoadedPlan, mine: Plan): Promise<LoadedPlan & { merged: boolean }> {
  const saved = await savePlan(services.plans, loaded.documentId, { plan: loaded.plan, eTag: loaded.eTag }, mine);
  await services.cases.updateSummary(loaded.documentId, summarisePlan(saved.plan, services.clock.now().toISOString()));
  return { documentId: loaded.documentId, plan: saved.plan, eTag: saved.eTag, merged: saved.merged };
}
