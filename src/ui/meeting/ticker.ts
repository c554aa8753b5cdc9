// One clock tick per second for the parts of the runner that show time. Only components that read the
// ticker re-render on a tick; the agenda and the step content do not (typing stays fast with a long plan).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Clock } from '../../app/ports';

export interface Ticker {
  /** Epoch ms of the last tick (stable between ticks, as useSyncExternalStore needs). */
  now(): number;
  subscribe(listener: () => void): () => void;
  /** Reads the clock at once (after a run event, so its time and the shown time agree). */
  bump(): void;
}

export function createTicker(clock: Clock, intervalMs = 1000): Ticker {
  let current = clock.now().getTime();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    current = clock.now().getTime();
    listeners.forEach((listener) => listener());
  };
  return {
    now: () => current,
    bump: tick,
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        // Fresh time for the first reader; React re-reads the snapshot after subscribing.
        current = clock.now().getTime();
        timer = setInterval(tick, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

export const TickerContext = createContext<Ticker | undefined>(undefined);

/** The ticking time in epoch ms; re-renders the calling component once a second. */
export function useNow(): number {
  const ticker = useContext(TickerContext);
  if (!ticker) throw new Error('useNow needs a TickerContext');
  return useSyncExternalStore(ticker.subscribe, ticker.now);
}
