// The demo tenant's Mock Service Worker lives inside the app's service worker: a page has one controlling
// worker per scope, and the demo's pages must be controlled by both the app shell (offline start) and MSW
// (Graph answered in the browser). MSW's script is loaded with importScripts, but only its message and fetch
// listeners are kept, the fetch listener only for Graph: its lifecycle (skip waiting on every install,
// unregister when its last page closes) would throw the app shell away and let a new version take over under
// a pending edit. Which version runs is the app worker's decision (src/sw/serviceWorker.ts).

/** The part of a worker's global scope the bridge touches. */
export interface ListenerTarget {
  addEventListener(type: string, listener: (event: never) => void, options?: unknown): void;
}

interface MessageLike { data?: unknown }
interface FetchLike { request: { url: string } }

/** Graph requests are the only ones the demo tenant answers; everything else is the app shell's or the network's. */
export function isGraphRequest(url: string): boolean {
  try {
    return new URL(url).origin === 'https://graph.microsoft.com';
  } catch {
    return false;
  }
}

/**
 * Wraps the listeners a script registers while `load` runs: 'install' and 'activate' are dropped, 'fetch' sees
 * only Graph requests, 'message' loses MSW's CLIENT_CLOSED (its self-unregistering). Other types pass through.
 */
export function adoptListeners(target: ListenerTarget, load: () => void): void {
  const own = Object.prototype.hasOwnProperty.call(target, 'addEventListener');
  const original = target.addEventListener;
  const add = original.bind(target);
  target.addEventListener = (type, listener, options) => {
    if (type === 'install' || type === 'activate') return;
    const inner = listener as (event: unknown) => void;
    if (type === 'fetch') {
      add(type, ((event: FetchLike) => { if (isGraphRequest(event.request.url)) inner(event); }) as (event: never) => void, options);
      return;
    }
    if (type === 'message') {
      add(type, ((event: MessageLike) => { if (event.data !== 'CLIENT_CLOSED') inner(event); }) as (event: never) => void, options);
      return;
    }
    add(type, listener, options);
  };
  try {
    load();
  } finally {
    if (own) target.addEventListener = original;
    else delete (target as { addEventListener?: unknown }).addEventListener;
  }
}
