// Test support: a Services object with only the ports a test provides. Any other port fails loudly
// when used, so a screen that starts calling an unexpected port breaks its test instead of passing silently.
import type { Services } from '../../app/ports';
import { alwaysOnline } from '../../app/ports/local';
import { createMemoryStore } from '../../storage/memoryStore';

function unusedPort(name: string): never {
  return new Proxy({}, {
    get: (_target, property) => {
      if (property === 'then') return undefined; // not a promise
      return () => { throw new Error(`services.${name}.${String(property)} is not part of this test`); };
    },
  }) as never;
}

export function servicesFor(provided: Partial<Services>): Services {
  return {
    directory: unusedPort('directory'),
    cases: unusedPort('cases'),
    calendar: unusedPort('calendar'),
    plans: unusedPort('plans'),
    tasks: unusedPort('tasks'),
    mail: unusedPort('mail'),
    handout: unusedPort('handout'),
    areaChampions: unusedPort('areaChampions'),
    clock: { now: () => new Date('2026-11-22T09:00:00+01:00') },
    municipality: 'Gemeente Maasveld',
    // This device: a fresh outbox per Services, always online (plannerPlanId unset: no Planner mirror).
    local: createMemoryStore(),
    connectivity: alwaysOnline,
    ...provided,
  };
}
