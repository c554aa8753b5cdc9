// The app's service worker, built by workbox-webpack-plugin (InjectManifest) into dist/sw.js. It precaches the
// built app (pages, scripts, icons), so a reload or a fresh start without network opens the app, which then
// shows the device's copy of the plans. The demo tenant's Mock Service Worker runs inside it (./demoBridge).
//
// Versions: the first version takes control at once (there is nothing to protect) and fills its precache only
// when a page asks (PRECACHE, sent by src/hosts/appShell.ts after the app has painted): the demo's first start
// waits for this worker to activate, and must not wait for two megabytes it does not need yet. A later version
// downloads everything while installing, installs only while this device holds no unsynced plan edit, and then
// waits; it takes over when a page asks (SKIP_WAITING) and only if still no edit is pending. So a new build never
// takes over under an edit that is not yet written.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { pendingEditsOnDevice } from '../storage/readSnapshot';
import { adoptListeners } from './demoBridge';

interface ExtendableEventLike { type: string; waitUntil(promise: Promise<unknown>): void }
interface ExtendableMessageEventLike extends ExtendableEventLike { data: unknown; ports: readonly MessagePort[] }

interface WorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  registration: { active: unknown };
  skipWaiting(): Promise<void>;
  importScripts(...urls: string[]): void;
  addEventListener(type: string, listener: (event: never) => void, options?: unknown): void;
  indexedDB: IDBFactory;
  clients: { get(id: string): Promise<unknown> };
}

declare const self: WorkerScope;
const scope = self;

/** MSW's worker script, served from the site root (webpack.config.js copies it there). */
const MOCK_WORKER_URL = '/mockServiceWorker.js';

adoptListeners(scope, () => scope.importScripts(MOCK_WORKER_URL), async (clientId) => (await scope.clients.get(clientId)) !== undefined);

const precache = new PrecacheController();
precache.addToCacheList(self.__WB_MANIFEST);
// Pages are opened with query strings (?surface=meeting&case=…): they are the same precached file. Until the
// precache is filled, a request goes to the network.
registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/.*/] }));
cleanupOutdatedCaches();
clientsClaim();

const pendingEdits = () => pendingEditsOnDevice(scope.indexedDB);
/** Workbox fills the precache only for an event of type 'install'; a page's PRECACHE message stands in for it. */
const asInstall = (event: ExtendableEventLike): ExtendableEventLike => ({ type: 'install', waitUntil: (promise) => event.waitUntil(promise) });
type PrecacheEvent = Parameters<PrecacheController['install']>[0];

on('install', (event: ExtendableEventLike) => {
  if (!scope.registration.active) {
    void scope.skipWaiting();
    return;
  }
  // A refused install is tried again at the next update check (each page load, and appShell's hourly check).
  event.waitUntil(pendingEdits().then((count) => {
    if (count > 0) throw new Error(`${count} plan(s) with unsynced edits on this device: the new version waits`);
    return precache.install(event as unknown as PrecacheEvent);
  }));
});

on('activate', (event: ExtendableEventLike) => {
  // Drops what the previous version precached and this one does not name.
  void precache.activate(event as unknown as PrecacheEvent);
});

on('message', (event: ExtendableMessageEventLike) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  // The answer (when the page asked with a port) says the offline copy is complete.
  if (type === 'PRECACHE') {
    precache.install(asInstall(event) as unknown as PrecacheEvent).then(
      (result) => event.ports[0]?.postMessage({ type: 'PRECACHED', updated: result.updatedURLs.length }),
      (error: unknown) => event.ports[0]?.postMessage({ type: 'PRECACHE_FAILED', error: String(error) }),
    );
  }
  // A page that asked with a port (src/hosts/waitingVersion.ts) hears a refusal, so it need not wait for a takeover.
  if (type === 'SKIP_WAITING') {
    const refuse = (reason: string) => event.ports[0]?.postMessage({ type: 'SKIP_WAITING_REFUSED', reason });
    event.waitUntil(pendingEdits().then(
      (count) => (count === 0 ? scope.skipWaiting() : refuse(`${count} plan(s) with unsynced edits`)),
      (error: unknown) => { refuse('the outbox could not be read'); throw error; },
    ));
  }
});

function on<E>(type: string, listener: (event: E) => void): void {
  scope.addEventListener(type, listener as (event: never) => void);
}
