// What the SO preparation and the responses screen share: who I am, the plan as use cases see it,
// guarded edits, and problems shown next to the field they concern.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppError } from '../../../app/errors';
import type { PlanAccess } from '../../../app/planAccess';
import type { Person, Services } from '../../../app/ports';
import { amsterdamDay, hasErrors, validatePlan } from '../../../domain';
import type { Plan, PlanParticipant, Problem } from '../../../domain';
import type { PlanDocument } from '../usePlanDocument';

/** The signed-in user (the organiser), read once per screen. */
export function useMe(services: Services): { me?: Person; error?: unknown; retry: () => void } {
  const [me, setMe] = useState<Person>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    services.directory.me().then(
      (person) => { if (current) { setMe(person); setError(undefined); } },
      (failure: unknown) => { if (current) setError(failure); },
    );
    return () => { current = false; };
  }, [services, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { me, error, retry };
}

export interface PlanEdits {
  plan: Plan;
  /** ISO now from the services' clock. */
  now(): string;
  today(): string;
  /**
   * Applies an edit to the draft (autosaved). An edit that would make the plan unreadable is refused:
   * it returns the problems and the plan stays as it was.
   */
  edit(recipe: (plan: Plan) => Plan): Problem[] | undefined;
  /** The plan as the use cases see it: commit = apply the edit and save now. */
  access: PlanAccess;
}

export function usePlanEdits(services: Services, documentId: string, document: PlanDocument & { plan: Plan }): PlanEdits {
  const latest = useRef(document.plan);
  latest.current = document.plan;
  const { update, saveNow } = document;
  const now = useCallback(() => services.clock.now().toISOString(), [services]);
  const today = useCallback(() => amsterdamDay(services.clock.now().getTime()), [services]);
  const edit = useCallback((recipe: (plan: Plan) => Plan) => {
    let refused: Problem[] | undefined;
    update((plan) => {
      const next = recipe(plan);
      if (next === plan) return plan;
      // Refused only for errors this edit brings in: an old flaw elsewhere must not block every edit.
      const key = (p: Problem) => `${p.code}|${p.path ?? ''}`;
      const problems = validatePlan(next).problems.filter((p) => p.severity === 'error');
      const before = hasErrors(problems) ? new Set(validatePlan(plan).problems.map(key)) : new Set<string>();
      const introduced = problems.filter((p) => !before.has(key(p)));
      if (introduced.length > 0) {
        refused = introduced;
        return plan;
      }
      latest.current = next;
      return next;
    });
    return refused;
  }, [update]);
  const access = useMemo<PlanAccess>(() => ({
    documentId,
    current: () => latest.current,
    async commit(recipe) {
      update((plan) => {
        const next = recipe(plan);
        latest.current = next;
        return next;
      });
      const stored = await saveNow();
      if (!stored) throw new AppError('unexpected', { detail: 'the plan was not saved' });
      return stored;
    },
  }), [documentId, update, saveNow]);
  return { plan: document.plan, now, today, edit, access };
}

export { problemsAt } from '../../../app/invitations';

/** Props for a Fluent Field: the worst problem decides the state, all messages are shown. */
export function validation(problems: readonly Problem[]): { validationState?: 'error' | 'warning'; validationMessage?: string } {
  if (problems.length === 0) return {};
  const state = problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
  return { validationState: state, validationMessage: problems.map((p) => p.message).join(' ') };
}

/**
 * composeInvitation speaks of `participants.{i}.field` (i in its own list); on screen an invitee is known
 * by id. Rewrites those paths to `invitee.{id}.field`.
 */
export function byInvitee(problems: readonly Problem[], invitees: readonly PlanParticipant[]): Problem[] {
  return problems.map((p) => {
    const m = p.path === undefined ? null : /^participants\.(\d+)(\..*)?$/.exec(p.path);
    const who = m ? invitees[Number(m[1])] : undefined;
    return who ? { ...p, path: `invitee.${who.id}${m![2] ?? ''}` } : p;
  });
}

/** A DOM id for the field a problem path names (for the summary's links). */
export function fieldId(path: string): string {
  return `so-field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
