// The run of one SO on this device: its events (start, next step, pause, resume, extend) kept in the
// device's local store, so a reload or a closed laptop keeps the timers. Nothing of it goes into the plan.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Services } from '../../app/ports';
import type { RunEvent } from '../../domain';
import { runEventsKey } from './meetingChoice';

export interface RunEvents {
  /** Undefined until the stored events are read. */
  events?: readonly RunEvent[];
  /** Reading or writing the device's store failed; the run goes on in memory. */
  error?: unknown;
  record(event: RunEvent): void;
  retry(): void;
}

function isRunEvent(value: unknown): value is RunEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  if (typeof e.at !== 'number' || !Number.isFinite(e.at)) return false;
  switch (e.type) {
    case 'start':
    case 'goto':
      return typeof e.stepKey === 'string';
    case 'pause':
    case 'resume':
      return true;
    case 'extend':
      return typeof e.stepKey === 'string' && typeof e.minutes === 'number' && Number.isFinite(e.minutes);
    default:
      return false;
  }
}

/** What was stored, as far as it is a list of run events (a damaged store must not stop the meeting). */
export function readRunEvents(stored: unknown): RunEvent[] {
  return Array.isArray(stored) ? stored.filter(isRunEvent) : [];
}

export function useRunEvents(local: Services['local'], documentId: string, meetingId: string): RunEvents {
  const key = runEventsKey(documentId, meetingId);
  const [loaded, setLoaded] = useState<{ key: string; events: readonly RunEvent[] }>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const latest = useRef<readonly RunEvent[]>([]);
  /** The last read failed: what is in memory is not (yet) what the store holds. */
  const readFailed = useRef(false);
  // Writes one after another, so an older list never lands after a newer one.
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  const write = useCallback((events: readonly RunEvent[]) => {
    writes.current = writes.current.then(() => local.set(key, events)).then(
      () => setError(undefined),
      (failure: unknown) => setError(failure),
    );
  }, [local, key]);

  const forKey = useRef(key);
  useEffect(() => {
    let current = true;
    if (forKey.current !== key) {
      // Another meeting: nothing of the previous one's run carries over.
      forKey.current = key;
      latest.current = [];
      readFailed.current = false;
    }
    local.get<unknown>(key).then(
      (stored) => {
        if (!current) return;
        const recordedMeanwhile = readFailed.current && latest.current.length > 0;
        readFailed.current = false;
        setError(undefined);
        // Events recorded in memory after a failed read are newer than anything stored: they stay.
        if (recordedMeanwhile) write(latest.current);
        else latest.current = readRunEvents(stored);
        setLoaded({ key, events: latest.current });
      },
      (failure: unknown) => {
        if (!current) return;
        readFailed.current = true;
        setError(failure);
        // Not readable: run in memory rather than block the meeting.
        setLoaded((was) => (was?.key === key ? was : { key, events: latest.current }));
      },
    );
    return () => { current = false; };
  }, [local, key, attempt, write]);

  const record = useCallback((event: RunEvent) => {
    const next = [...latest.current, event];
    latest.current = next;
    setLoaded({ key, events: next });
    // Never overwrite a store we could not read: the retry reads it first.
    if (!readFailed.current) write(next);
  }, [key, write]);

  const retry = useCallback(() => {
    if (readFailed.current) setAttempt((a) => a + 1);
    else write(latest.current);
  }, [write]);

  return { events: loaded?.key === key ? loaded.events : undefined, error, record, retry };
}
