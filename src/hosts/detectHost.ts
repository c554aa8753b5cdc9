// Decides once where the app runs and initialises that host's SDK. teams-js is tried first:
// outside a Microsoft 365 host `app.initialize()` rejects (top-level window) or never answers
// (a foreign frame), so it is raced against a timeout and the plain browser is the fallback.
import { createBrowserHost } from './browserHost';
import type { Host, Surface } from '../app/hostPort';

export interface DetectOptions {
  requested: Surface;
  /** The Outlook add-in page loads Office.js; other pages never wait for it. */
  addinPage: boolean;
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not answer within ${ms} ms`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}

/**
 * The same test teams-js makes before it gives up with "No Parent window found": without a parent
 * frame, an opener or a mobile host's native bridge no Microsoft 365 host can be talking to us.
 * Skipping teams-js then saves its download and its fetch of valid origins from Microsoft's CDN.
 */
export function couldBeHosted(win: { parent: unknown; self: unknown; opener: unknown; nativeInterface?: unknown }): boolean {
  return win.parent !== win.self || Boolean(win.opener) || win.nativeInterface !== undefined;
}

export async function detectHost(options: DetectOptions): Promise<Host> {
  const timeoutMs = options.timeoutMs ?? 3000;
  if (options.addinPage) {
    const { waitForOffice, createOfficeHost, addinSurface } = await import(/* webpackChunkName: "office-host" */ './officeHost');
    const office = await waitForOffice(timeoutMs);
    if (office) return createOfficeHost(office, addinSurface(window.location.search));
    return createBrowserHost(addinSurface(window.location.search));
  }
  if (!couldBeHosted(window)) return createBrowserHost(options.requested);
  const teams = await import(/* webpackChunkName: "teams-host" */ './teamsHost');
  try {
    await withTimeout(teams.initialiseTeams(), timeoutMs);
  } catch {
    // Not inside Teams, Outlook or the Microsoft 365 app: a plain browser.
    return createBrowserHost(options.requested);
  }
  return teams.createTeamsHost(options.requested);
}
