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
interface FetchLike {
  request: { url: string };
  clientId?: string;
  respondWith?(response: Promise<unknown> | unknown): void;
}

/** Whether the page a request came from is still open (clients.get in the worker). */
export type ClientAlive = (clientId: string) => Promise<boolean>;

const CLIENT_CHECK_MS = 1000;

/**
 * MSW answers a Graph request by asking the page that made it; a page that reloads or closes never answers, and
 * the fetch event would stay open for minutes. An open event keeps this worker busy, and a busy worker blocks the
 * next app version from taking over. So the answer also ends, as a network error, once the page is gone.
 */
export function endWhenClientGone<T>(answer: Promise<T>, clientId: string | undefined, alive: ClientAlive, fail: () => T): Promise<T> {
  if (!clientId) return answer;
  let settled = false;
  const gone = new Promise<T>((resolve) => {
    const check = () => {
      if (settled) return;
      alive(clientId).then((open) => (open ? setTimeout(check, CLIENT_CHECK_MS) : resolve(fail())), () => setTimeout(check, CLIENT_CHECK_MS));
    };
    setTimeout(check, CLIENT_CHECK_MS);
  });
  return Promise.race([answer, gone]).finally(() => { settled = true; });
}

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
 * only Graph requests (and, given clientAlive, its answer ends when the asking page is gone), 'message' loses
 * MSW's CLIENT_CLOSED (its self-unregistering). Other types pass through.
 */
export function adoptListeners(target: ListenerTarget, load: () => void, clientAlive?: ClientAlive): void {
  const own = Object.prototype.hasOwnProperty.call(target, 'addEventListener');
  const original = target.addEventListener;
  const add = original.bind(target);
  target.addEventListener = (type, listener, options) => {
    if (type === 'install' || type === 'activate') return;
    const inner = listener as (event: unknown) => void;
    if (type === 'fetch') {
      add(type, ((event: FetchLike) => {
        if (!isGraphRequest(event.request.url)) return;
        const respondWith = event.respondWith?.bind(event);
        if (respondWith && clientAlive) {
          event.respondWith = (response) => respondWith(endWhenClientGone(Promise.resolve(response), event.clientId, clientAlive, () => Response.error()));
        }
        inner(event);
      }) as (event: never) => void, options);
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
