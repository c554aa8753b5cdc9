// A new app version that was already waiting when this page loaded takes over before the app starts, not after.
// Taking over later (src/hosts/appShell.ts) means the old worker is retired while the page's first requests and the
// demo's Mock Service Worker handshake run through it: Chromium then restarts the old worker without that state,
// and the takeover can stall behind the page's own retries. Before the app starts nothing typed can be lost, so
// this is the safest moment: ask the waiting worker to take over and reload once it controls the page.
// The worker itself refuses while an edit is pending (src/sw/serviceWorker.ts) and then says so on the port.

/** The parts of navigator.serviceWorker this needs (a fake in unit tests). */
export interface WorkerContainer {
  readonly controller: unknown;
  getRegistration(): Promise<{ waiting: { postMessage(message: unknown, transfer: Transferable[]): void } | null } | undefined>;
  addEventListener(type: 'controllerchange', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'controllerchange', listener: () => void): void;
}

export interface TakeOverOptions {
  pendingEdits(): Promise<number>;
  reload(): void;
  /** How long a worker that never answers may hold up the start. */
  giveUpAfterMs?: number;
  /** A port pair; MessageChannel in the browser. */
  channel?: () => { port1: MessagePort; port2: MessagePort };
  /** Starts the give-up timer; returns its cancel. */
  setTimer?: (run: () => void, ms: number) => () => void;
}

export type TakeOverResult = 'none-waiting' | 'edits-pending' | 'refused' | 'no-answer' | 'reloading';

/** Lets a waiting version take over when the page starts; 'reloading' means the page is about to reload. */
export async function takeOverWaitingVersion(container: WorkerContainer | undefined, options: TakeOverOptions): Promise<TakeOverResult> {
  // A page without a controller is a first start: the first version takes control on its own.
  if (!container?.controller) return 'none-waiting';
  const waiting = (await container.getRegistration())?.waiting;
  if (!waiting) return 'none-waiting';
  if ((await options.pendingEdits()) > 0) return 'edits-pending';

  const { port1, port2 } = (options.channel ?? (() => new MessageChannel()))();
  const setTimer = options.setTimer ?? ((run, ms) => { const timer = setTimeout(run, ms); return () => clearTimeout(timer); });
  let cancelTimer = () => {};
  const outcome = await new Promise<TakeOverResult>((resolve) => {
    const taken = () => resolve('reloading');
    container.addEventListener('controllerchange', taken, { once: true });
    port1.onmessage = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING_REFUSED') {
        container.removeEventListener('controllerchange', taken);
        resolve('refused');
      }
    };
    cancelTimer = setTimer(() => { container.removeEventListener('controllerchange', taken); resolve('no-answer'); }, options.giveUpAfterMs ?? 10_000);
    waiting.postMessage({ type: 'SKIP_WAITING' }, [port2]);
  });
  cancelTimer();
  port1.close();
  if (outcome === 'reloading') options.reload();
  return outcome;
}
