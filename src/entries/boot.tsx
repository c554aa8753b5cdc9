// The composition root: paints a loading shell at once, then finds the host, picks demo or tenant
// mode, and wires adapters to ports. Everything heavy arrives as a lazy chunk after the first paint.
import { logFailure } from '../app/log';
import { OUTBOX_DB } from '../app/pendingEdits';
import { createRoot } from 'react-dom/client';
import { chooseRunMode, readAppConfig } from '../app/config';
import { AppError } from '../app/errors';
import type { Surface } from '../app/hostPort';
import type { AreaChampion, Connectivity, LocalStore, OutlookAppointmentPort, Runtime, Services } from '../app/ports';
import { areaChampionsFrom, parseAreaChampions } from '../app/ports/areaChampions';
import { createHandoutFromUrl, DEFAULT_HANDOUT_URL } from '../hosts/handoutFile';
import type { TokenSource } from '../graph/middleware';
import { browserTheme } from '../hosts/browserHost';
import { browserConnectivity } from '../hosts/connectivity';
import { openKvStore } from '../storage/kvStore';
import { createMemoryStore } from '../storage/memoryStore';
import { pendingEditsOnDevice } from '../storage/readSnapshot';
import { detectHost } from '../hosts/detectHost';
import { takeOverWaitingVersion } from '../hosts/waitingVersion';
import { applyLanguage, chooseLocale, pageLanguageSources } from '../ui/language';
import { loadLocale } from '../ui/messages';
import { LoadingShell, Root, StartupFailure, preloadScreens } from '../ui/Root';

const systemClock = { now: () => new Date() };


async function clearOutbox(local: LocalStore): Promise<void> {
  const keys = (await local.keys?.('outbox')) ?? [];
  await Promise.all(keys.map((key) => local.delete(key)));
}

/** IndexedDB when the browser has it; memory otherwise (edits then survive only until the page closes). */
function deviceStore(): LocalStore {
  if (typeof indexedDB === 'undefined') return createMemoryStore();
  return openKvStore(OUTBOX_DB);
}

export function boot(requested: Surface, options: { addinPage?: boolean } = {}): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  const root = createRoot(container);
  root.render(<LoadingShell theme={browserTheme()} />);
  // Only a head start: if this load fails, the screen's own lazy load fails too and its error boundary shows it.
  preloadScreens().catch(() => undefined);
  // English is its own chunk: fetch it while the host is found when the page already asks for it.
  if (chooseLocale(pageLanguageSources()) === 'en') loadLocale('en').catch(() => undefined);

  void beforeStart().then((reloading) => (reloading ? undefined : start(requested, options.addinPage ?? false).then(
    (runtime) => {
      root.render(<Root runtime={runtime} />);
      if (process.env.NODE_ENV === 'production') registerAppShell();
    },
    (error: unknown) => {
      logFailure('start', error);
      const appError = error instanceof AppError ? error : new AppError('host-init-failed', { cause: error });
      root.render(<StartupFailure theme={browserTheme()} error={appError} onRetry={() => window.location.reload()} />);
    },
  )));
}

/** A new app version already waiting takes over before the app starts (src/hosts/waitingVersion.ts); true: reloading. */
async function beforeStart(): Promise<boolean> {
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  try {
    const outcome = await takeOverWaitingVersion(navigator.serviceWorker, {
      pendingEdits: () => pendingEditsOnDevice(indexedDB),
      reload: () => window.location.reload(),
    });
    return outcome === 'reloading';
  } catch (error) {
    // The app starts on the version it has; the app shell tries again later.
    logFailure('app-shell', error);
    return false;
  }
}

/** The offline app shell (service worker); a chunk of its own, loaded after the app has painted. */
function registerAppShell(): void {
  import(/* webpackChunkName: "app-shell" */ '../hosts/appShell').then(({ startAppShell }) => startAppShell({
    pendingEdits: () => pendingEditsOnDevice(indexedDB),
    reload: () => window.location.reload(),
    onError: (error) => logFailure('app-shell', error),
  })).catch((error: unknown) => logFailure('app-shell', error));
}

/** Inside Outlook: the open appointment (Office.js mailbox item) as a port; absent anywhere else. */
async function outlookItem(host: Runtime['host']): Promise<OutlookAppointmentPort | undefined> {
  if (host.info.kind !== 'outlookAddin') return undefined;
  const mailbox = (window as { Office?: typeof Office }).Office?.context?.mailbox;
  if (!mailbox?.item) return undefined;
  const { createOutlookAppointment } = await import(/* webpackChunkName: "office-host" */ '../hosts/outlookAppointment');
  return createOutlookAppointment(mailbox as unknown as Parameters<typeof createOutlookAppointment>[0]);
}

async function start(requested: Surface, addinPage: boolean): Promise<Runtime> {
  const config = readAppConfig();
  const host = await detectHost({ requested, addinPage });
  // The language follows ?lang=, the user's switch, the host (Teams app.locale / Office displayLanguage), the browser.
  await applyLanguage(pageLanguageSources(host.info.locale));
  const mode = chooseRunMode(config, window.location.search, host.info.kind !== 'browser');
  const outlook = await outlookItem(host);
  // One store and one connectivity per page: every Services built (persona switch, reset) shares them.
  const local = deviceStore();
  const connectivity = browserConnectivity();

  if (mode === 'demo') {
    const { startDemo } = await import(/* webpackChunkName: "demo" */ '../demo/startDemo').catch((cause: unknown) => {
      throw new AppError('demo-start-failed', { cause });
    });
    const demo = await startDemo().catch((cause: unknown) => { throw new AppError('demo-start-failed', { cause }); });
    return {
      mode,
      host,
      // A reset puts the seed back: edits kept on this device belong to the old tenant and must go too.
      demo: { ...demo.controls, reset: async () => { await demo.controls.reset(); await clearOutbox(local); } },
      createServices: () => createGraphServices({
        getToken: demo.getToken,
        planDriveId: demo.planDriveId,
        municipality: demo.municipality,
        areaChampions: demo.areaChampions,
        plannerPlanId: demo.plannerPlanId,
        local,
        connectivity,
        outlook,
      }),
    };
  }

  const { createMsalTokenProvider } = await import(/* webpackChunkName: "auth" */ '../auth/msalAuth');
  const tokens = await createMsalTokenProvider({ clientId: config.clientId, tenantId: config.tenantId, host: host.info });
  return {
    mode,
    host,
    createServices: () => createGraphServices({
      getToken: (request) => tokens.getToken(request?.scopes, { forceRefresh: request?.forceRefresh ?? false }),
      planDriveId: config.planDriveId,
      municipality: config.municipality,
      areaChampions: parseAreaChampions(config.areaChampions).champions,
      plannerPlanId: config.plannerPlanId || undefined,
      local,
      connectivity,
      outlook,
    }),
  };
}

interface ServiceOptions {
  getToken: TokenSource;
  planDriveId: string;
  municipality: string;
  areaChampions: AreaChampion[];
  plannerPlanId: string | undefined;
  local: LocalStore;
  connectivity: Connectivity;
  /** The open Outlook appointment, in the add-in only. */
  outlook: OutlookAppointmentPort | undefined;
}

async function createGraphServices(options: ServiceOptions): Promise<Services> {
  const { createGraphGateway } = await import(/* webpackChunkName: "graph" */ '../graph/createGraphGateway');
  const gateway = createGraphGateway({ ...options, isOnline: () => options.connectivity.isOnline() });
  const services: Services = {
    ...gateway,
    local: options.local,
    connectivity: options.connectivity,
    // The build serves the municipality's own PDF here when HANDOUT_PDF is set (webpack.config.js).
    handout: createHandoutFromUrl(DEFAULT_HANDOUT_URL),
    areaChampions: areaChampionsFrom(options.areaChampions),
    clock: systemClock,
    municipality: options.municipality,
  };
  if (options.outlook) services.outlook = options.outlook;
  if (options.plannerPlanId) services.plannerPlanId = options.plannerPlanId;
  return services;
}
