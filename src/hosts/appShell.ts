// Registers the app's service worker (src/sw/serviceWorker.ts, built into /sw.js) with workbox-window and decides
// when a new app version takes over. A new version never takes over under an unsynced plan edit (the worker
// itself refuses to install or activate while the outbox holds one). It also waits for a moment when nothing
// typed can be lost: at the start of a page (boot asks first, before the app starts: ./waitingVersion.ts; this is
// the fallback when that found an edit or got no answer) or while the page is hidden. Taking over reloads the page, so scripts and pages always come from one build.
import { Workbox } from 'workbox-window';

export interface AppShellOptions {
  /** Unsynced plan edits on this device (src/app/pendingEdits.ts). */
  pendingEdits(): Promise<number>;
  reload(): void;
  onError(error: unknown): void;
  scriptUrl?: string;
  /** How often an open page looks for a new version. */
  updateEveryMs?: number;
}

const HOUR = 60 * 60 * 1000;

export function startAppShell(options: AppShellOptions): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const wb = new Workbox(options.scriptUrl ?? '/sw.js');

  const activateIfSafe = async () => {
    if ((await options.pendingEdits()) === 0) wb.messageSkipWaiting();
  };
  const whenHidden = () => {
    if (document.visibilityState === 'hidden') activateIfSafe().catch(options.onError);
  };

  wb.addEventListener('waiting', (event) => {
    if (event.wasWaitingBeforeRegister || document.visibilityState === 'hidden') activateIfSafe().catch(options.onError);
    document.addEventListener('visibilitychange', whenHidden);
  });
  wb.addEventListener('controlling', (event) => {
    document.removeEventListener('visibilitychange', whenHidden);
    if (event.isUpdate) options.reload();
  });

  wb.register().then(
    () => {
      // The first version fills its offline copy only now that the app has painted (src/sw/serviceWorker.ts).
      wb.messageSW({ type: 'PRECACHE' }).catch(options.onError);
      setInterval(() => { wb.update().catch(options.onError); }, options.updateEveryMs ?? HOUR);
    },
    options.onError,
  );
}
