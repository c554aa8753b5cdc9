// One live run on every device (issue 13). The run is facts in the plan (`runFacts`), so it travels with the
// plan sync: the chair's click goes through the domain's state chart against the facts this device has and
// lands in the draft at once (the step moves on this screen without waiting), then is written straight away;
// every other device reads the plan again every few seconds while the run is on screen and derives the same
// step and clocks from the same facts. A device that was offline or reloads catches up from the plan.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Services } from '../../app/ports';
import { applyRunCommand, liveRunOf, withRunFacts } from '../../domain';
import type { LiveRun, RunCommand, RunFact, RunStep } from '../../domain';
import type { PlanDocument } from '../case/usePlanDocument';

/**
 * How often a screen showing the run reads the plan again. The chair's click is written at once; with this
 * poll the other screens show it within the issue's 5 seconds (write + at most one poll + read).
 */
export const LIVE_RUN_REFRESH_MS = 2_000;

/**
 * Reads the plan again every LIVE_RUN_REFRESH_MS while `active` and the page is visible, and at once when it
 * becomes visible again or the device comes back online (a laptop opened again catches up without a click).
 */
export function useLiveRefresh(refresh: ((options?: { quiet?: boolean }) => void) | undefined, active: boolean): void {
  useEffect(() => {
    if (!refresh || !active) return undefined;
    const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';
    // Quiet: a poll every two seconds must not flicker the sync status (nor have screen readers announce it).
    const tick = () => { if (visible()) refresh({ quiet: true }); };
    const timer = setInterval(tick, LIVE_RUN_REFRESH_MS);
    const onVisible = () => { if (visible()) refresh({ quiet: true }); };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
    };
  }, [refresh, active]);
}

export interface LiveRunControls {
  run: LiveRun;
  /** The chair's click: applied to this device's plan at once, then written to the shared plan. */
  command(command: RunCommand): void;
  /** This device has run facts (or other edits) the shared plan does not have yet, and cannot write them now. */
  notShared: boolean;
}

/** Runs `task` once the browser has painted the current frame (a plain task where there are no frames). */
function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => { setTimeout(task, 0); });
  else setTimeout(task, 0);
}

const newClickId = (meetingId: string) =>
  `${meetingId}:run:${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}`;

export function useLiveRun(services: Pick<Services, 'clock'>, document: PlanDocument & { plan: NonNullable<PlanDocument['plan']> }, meetingId: string, steps: readonly RunStep[]): LiveRunControls {
  const { runFacts } = document.plan;
  // The chair's clicks of this frame: shown at once from here, put into the plan right after the paint (the
  // plan edit and its write are the expensive part of a click; the step on screen must not wait for them).
  const [pending, setPending] = useState<readonly RunFact[]>([]);
  const facts = useMemo(() => {
    const known = new Set(runFacts.map((f) => f.id));
    const waiting = pending.filter((f) => !known.has(f.id));
    return waiting.length === 0 ? runFacts : [...runFacts, ...waiting];
  }, [runFacts, pending]);
  const run = useMemo(() => liveRunOf({ runFacts: facts }, meetingId, steps), [facts, meetingId, steps]);
  const { update, saveNow, userId } = document;
  const latest = useRef({ plan: document.plan, facts });
  latest.current = { plan: document.plan, facts };

  const command = useCallback((cmd: RunCommand) => {
    // One id per click, fixed before the edit: an edit applied twice records the click once.
    const clickId = newClickId(meetingId);
    const now = services.clock.now().getTime();
    // Against every fact this device has, the clicks not yet in the plan included (two quick clicks).
    const { plan, facts: current } = latest.current;
    const input = userId === undefined ? { meetingId, steps, command: cmd, now, clickId } : { meetingId, steps, command: cmd, now, clickId, byUserId: userId };
    const made = applyRunCommand({ ...plan, runFacts: [...current] }, input).runFacts.slice(current.length);
    if (made.length === 0) return;
    latest.current = { plan, facts: [...current, ...made] };
    setPending((p) => [...p, ...made]);
    // After the next frame: into the plan, then written straight away (the other screens wait for it). A failed
    // write is not lost: the fact stays in this device's outbox, the sync retries, and its state (offline,
    // waiting, failed) is what `notShared` and the case's sync line show.
    afterPaint(() => {
      update((p) => withRunFacts(p, made));
      saveNow().catch(() => undefined);
    });
  }, [services.clock, update, saveNow, userId, meetingId, steps]);

  const { state, unsyncedCount } = document.sync;
  const notShared = unsyncedCount > 0 && (state === 'offline' || state === 'waiting' || state === 'failed');
  return { run, command, notShared };
}
