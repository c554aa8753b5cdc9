// Test support for the runner (not imported by production code): a plan document held in React state with
// its edits recorded, a clock the test moves, and a device store.
import { useCallback, useState } from 'react';
import { vi } from 'vitest';
import type { LocalStore } from '../../app/ports/local';
import type { Services } from '../../app/ports';
import type { Plan } from '../../domain';
import { SYNCED_STATUS } from '../case/usePlanDocument';
import type { PlanDocument } from '../case/usePlanDocument';
import { ENTRY, seedPlan014 } from '../case/prepare/fakeServices';
import { servicesFor } from '../testing/servicesFor';
import { createMemoryStore } from '../../storage/memoryStore';
import { MeetingRunner } from './MeetingRunner';

export { ENTRY, seedPlan014 };

/** 1 December 2026, 10:00 in Amsterdam: the seed's SO m-1 starts now. */
export const SO_START = Date.parse('2026-12-01T10:00:00+01:00');

export function testClock(start = SO_START) {
  let now = start;
  return {
    clock: { now: () => new Date(now) },
    advanceMinutes(minutes: number) { now += minutes * 60_000; },
    now: () => now,
  };
}

export function runnerServices(options: { local?: LocalStore; clock?: Services['clock'] } = {}): Services {
  return servicesFor({ local: options.local ?? createMemoryStore(), clock: options.clock ?? testClock().clock } as Partial<Services>);
}

/**
 * The runner on a plan held in state, as CaseScreen gives it; `latest()` is the plan after every edit, and
 * `receive(recipe)` brings in what another device wrote (as the plan sync's refresh does).
 */
export function renderableRunner(services: Services, initial: Plan = seedPlan014(), meetingId = 'm-1') {
  let latest = initial;
  const update = vi.fn();
  let setFromOutside: ((plan: Plan) => void) | undefined;
  function Harness() {
    const [plan, setPlan] = useState(initial);
    setFromOutside = setPlan;
    const onUpdate = useCallback((recipe: (plan: Plan) => Plan) => {
      update(recipe);
      latest = recipe(latest);
      setPlan(latest);
    }, []);
    const document: PlanDocument & { plan: Plan } = {
      plan, save: { kind: 'idle' }, sync: SYNCED_STATUS, userId: 'u-esra', update: onUpdate, saveNow: async () => plan, reload: () => undefined,
    };
    return <MeetingRunner services={services} entry={ENTRY} document={document} meetingId={meetingId} />;
  }
  const receive = (recipe: (plan: Plan) => Plan) => {
    latest = recipe(latest);
    setFromOutside?.(latest);
  };
  return { ui: <Harness />, latest: () => latest, update, receive };
}
