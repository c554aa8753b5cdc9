// One open Samenwerkplan on screen: the draft the user edits, autosaved shortly after each change.
// Edits made while a save is under way are kept and saved next; what others saved meanwhile is merged in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { openPlan, persistPlan } from '../../app/planDocument';
import type { LoadedPlan } from '../../app/planDocument';
import type { Services } from '../../app/ports';
import { mergePlans } from '../../domain';
import type { Plan } from '../../domain';

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; merged: boolean } | { kind: 'failed'; error: unknown };

export interface PlanDocument {
  plan?: Plan;
  loadError?: unknown;
  save: SaveState;
  /** Applies an edit to the draft and schedules a save. */
  update(recipe: (plan: Plan) => Plan): void;
  /** Saves now (before an action that depends on the stored plan, or to retry after a failure). */
  saveNow(): Promise<Plan | undefined>;
  reload(): void;
}

const AUTOSAVE_DELAY_MS = 800;

export function usePlanDocument(services: Services, documentId: string): PlanDocument {
  const [plan, setPlan] = useState<Plan>();
  const [loadError, setLoadError] = useState<unknown>();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [generation, setGeneration] = useState(0);
  const stored = useRef<LoadedPlan | undefined>(undefined);
  const draft = useRef<Plan | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<Plan | undefined> | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setPlan(undefined);
    setLoadError(undefined);
    openPlan(services, documentId).then(
      (loaded) => {
        if (!current) return;
        stored.current = loaded;
        draft.current = loaded.plan;
        setPlan(loaded.plan);
      },
      (error: unknown) => { if (current) setLoadError(error); },
    );
    return () => { current = false; clearTimeout(timer.current); };
  }, [services, documentId, generation]);

  const saveNow = useCallback(async (): Promise<Plan | undefined> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    const base = stored.current;
    const snapshot = draft.current;
    if (!base || !snapshot || snapshot === base.plan) {
      setSave((previous) => (previous.kind === 'pending' ? { kind: 'idle' } : previous));
      return base?.plan;
    }
    setSave({ kind: 'saving' });
    const run = persistPlan(services, base, snapshot).then(
      (saved) => {
        stored.current = saved;
        // Edits typed during the save stay; what others wrote (merged into `saved`) joins them.
        const latest = draft.current === snapshot ? saved.plan : mergePlans(snapshot, draft.current ?? snapshot, saved.plan);
        draft.current = latest;
        setPlan(latest);
        setSave({ kind: 'saved', merged: saved.merged });
        return saved.plan;
      },
      (error: unknown) => {
        setSave({ kind: 'failed', error });
        throw error;
      },
    );
    inFlight.current = run;
    try {
      return await run;
    } finally {
      if (inFlight.current === run) inFlight.current = undefined;
    }
  }, [services]);

  const update = useCallback((recipe: (plan: Plan) => Plan) => {
    if (!draft.current) return;
    draft.current = recipe(draft.current);
    setPlan(draft.current);
    // Never show "saved" while a change is waiting for its autosave.
    setSave({ kind: 'pending' });
    clearTimeout(timer.current);
    // A failed autosave is shown through `save`; the user can retry with saveNow.
    timer.current = setTimeout(() => { saveNow().catch(() => undefined); }, AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { plan, loadError, save, update, saveNow, reload };
}
