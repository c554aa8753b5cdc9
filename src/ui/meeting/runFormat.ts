// Durations on the runner's clocks: "4:05" below an hour, "1:02:05" above.
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Whole minutes, rounded up from the first second: "1 minuut over" as soon as the box is passed. */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.ceil(ms / 60_000));
}
