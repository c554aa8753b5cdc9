import { FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { hostCan } from '../app/hostCapabilities';
import type { HostTheme, Surface } from '../app/hostPort';
import type { Runtime, Services } from '../app/ports';
import { DemoBanner } from './DemoBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorNotice } from './ErrorNotice';
import { meetingCaseAlias } from './meeting/meetingChoice';
import { LanguageSwitch } from './LanguageSwitch';
import { currentLocale, onLocaleChange, t } from './messages';
import { NavigationProvider, useNavigation } from './navigation';
import { hasRoute, parseSubPageId } from './route';
import { fluentTheme } from './theme';

/** Starts loading the screens' chunk; the composition root calls it at once, in parallel with the host and session. */
export const preloadScreens = () => import(/* webpackChunkName: "screens" */ './screens');
const ConfigScreen = lazy(() => preloadScreens().then((m) => ({ default: m.ConfigScreen })));
// "Mijn casussen" and "Mijn uitnodigingen" (with the case screen behind a case).
const PersonalHome = lazy(() => preloadScreens().then((m) => ({ default: m.PersonalHome })));
const AddinOrganizerScreen = lazy(() => preloadScreens().then((m) => ({ default: m.AddinOrganizerScreen })));
const AddinAttendeeScreen = lazy(() => preloadScreens().then((m) => ({ default: m.AddinAttendeeScreen })));
// SO voorzitten on the Teams meeting surfaces: the runner (side panel, content) or the stage view.
const MeetingSurface = lazy(() => preloadScreens().then((m) => ({ default: m.MeetingSurface })));

/**
 * The screen for the surface: the Outlook add-in's own screens only inside Outlook (with the open item); the
 * meeting surfaces open the SO of the case the meeting tab names.
 */
function SurfaceScreen({ surface, services, host, meetingCase }: { surface: Surface; services: Services; host: Runtime['host']; meetingCase?: string }) {
  if (surface === 'tabSettings') return <ConfigScreen services={services} tabConfig={host.tabConfig} />;
  // "Op het scherm delen" only where the host can share to the stage (asked of teams-js at start).
  if (surface === 'meetingSidePanel') return <MeetingSurface services={services} caseAlias={meetingCase} view="panel" stage={hostCan(host, 'stageShare') ? host.stage : undefined} />;
  if (surface === 'meetingContent') return <MeetingSurface services={services} caseAlias={meetingCase} view="runner" />;
  if (surface === 'meetingStage') return <MeetingSurface services={services} caseAlias={meetingCase} view="stage" />;
  if (surface === 'addinOrganizer' && services.outlook?.mode === 'organizer') return <AddinOrganizerScreen services={services} />;
  if (surface === 'addinAttendee' && services.outlook?.mode === 'attendee') return <AddinAttendeeScreen services={services} />;
  return <PersonalHome services={services} />;
}

const useStyles = makeStyles({
  // Headings wrap in a 320 px side panel: give them a line height of their own (the body's 20 px made
  // two lines of a large heading overlap).
  provider: { minHeight: '100vh', display: 'flex', flexDirection: 'column', '& h1, & h2, & h3': { lineHeight: 1.25, overflowWrap: 'anywhere' } },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  main: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`, maxWidth: '72rem', width: '100%', boxSizing: 'border-box' },
  // The 320 px side panel has no room for the page's margins.
  mainPanel: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  skip: {
    position: 'absolute',
    left: '-9999px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 1, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
});

/** The first paint: shown before the host, the session and the data are known. */
export function LoadingShell({ theme }: { theme: HostTheme }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      <main className={styles.main}>
        <Spinner label={t('app.loading')} style={{ marginTop: '20vh' }} />
      </main>
    </FluentProvider>
  );
}

/** Shown when the app cannot even start (no host answer, the demo cannot run): a reason and a way forward. */
export function StartupFailure({ theme, error, onRetry }: { theme: HostTheme; error: unknown; onRetry: () => void }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      <main className={styles.main}>
        <h1>{t('app.title')}</h1>
        <ErrorNotice error={error} onRetry={onRetry} />
      </main>
    </FluentProvider>
  );
}

type Session = { state: 'opening' } | { state: 'open'; services: Services } | { state: 'failed'; error: unknown };

/**
 * The case a meeting tab was linked to: its content URL carries `case=` (src/app/meetingTab.ts), in Teams
 * and in a plain browser alike. Read once, here, so the screens get it as a prop.
 */
const meetingCaseOfPage = () => meetingCaseAlias(window.location.search);

/**
 * The address names the screen (src/ui/route.ts). Teams opens a deep link's subEntityId in the tab as the
 * context's `page.subPageId`: when the address names nothing itself, that is where the tab starts.
 */
export function Root(props: { runtime: Runtime; meetingCase?: string }) {
  const [initial] = useState(() => (hasRoute(window.location.search) ? undefined : parseSubPageId(props.runtime.host.info.subPageId)));
  return (
    <NavigationProvider initial={initial}>
      <RootShell {...props} />
    </NavigationProvider>
  );
}

function RootShell({ runtime, meetingCase }: { runtime: Runtime; meetingCase?: string }) {
  const styles = useStyles();
  const { navigate } = useNavigation({ view: 'home' });
  const [pageCase] = useState(meetingCaseOfPage);
  const surfaceCase = meetingCase ?? pageCase;
  const [theme, setTheme] = useState<HostTheme>(runtime.host.info.theme);
  const [session, setSession] = useState<Session>({ state: 'opening' });
  const [notice, setNotice] = useState<string>();
  const [userName, setUserName] = useState<string>();
  const notified = useRef(false);
  // A language switch re-renders every screen in the new language (memoised rows included).
  const [locale, setLocaleState] = useState(currentLocale);
  useEffect(() => onLocaleChange(setLocaleState), []);

  useEffect(() => runtime.host.onThemeChange(setTheme), [runtime]);

  const open = useCallback(async (afterChange?: string) => {
    setSession({ state: 'opening' });
    setNotice(afterChange);
    try {
      setSession({ state: 'open', services: await runtime.createServices() });
    } catch (error) {
      setSession({ state: 'failed', error });
    }
  }, [runtime]);

  useEffect(() => { void open(); }, [open]);

  useEffect(() => {
    if (session.state === 'opening') return;
    if (!notified.current) {
      notified.current = true;
      // The first screen is usable (or shows a way forward): hide the host's loading indicator.
      runtime.host.notifySuccess();
    }
    if (session.state !== 'open') return;
    let current = true;
    session.services.directory.me().then(
      (me) => { if (current) setUserName(me.displayName); },
      // The name is decoration; the screen below reports the same failure with a way forward.
      () => { if (current) setUserName(undefined); },
    );
    return () => { current = false; };
  }, [session, runtime]);

  const surface = runtime.host.info.surface;
  // The meeting's side panel and stage are the meeting's own: no app header (Teams shows the app's name).
  const bare = surface === 'meetingSidePanel' || surface === 'meetingStage';
  const meetingSurface = bare || surface === 'meetingContent';
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      <a href="#main" className={styles.skip}>{t('app.skipToContent')}</a>
      {runtime.demo && (
        <DemoBanner
          demo={runtime.demo}
          // Another persona (or the seed back) is another person's app: start at their home, not in a case they may not see.
          // A meeting surface goes back to the meeting's own case (it shows the home itself when this person cannot see it).
          onChanged={(text) => {
            navigate(meetingSurface && surfaceCase ? { view: 'case', caseAlias: surfaceCase } : { view: 'home' }, { replace: true });
            return open(text);
          }}
        />
      )}
      {!bare && (
        <header className={styles.header}>
          <p className={styles.title}>{t('app.title')}</p>
          {userName && <p style={{ margin: 0 }}>{t('app.signedInAs', { name: userName })}</p>}
          <LanguageSwitch />
        </header>
      )}
      <main id="main" key={locale} className={mergeClasses(styles.main, surface === 'meetingSidePanel' && styles.mainPanel)} tabIndex={-1}>
        <div aria-live="polite">
          {notice && <MessageBar intent="success"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
        </div>
        {(surface === 'addinOrganizer' || surface === 'addinAttendee') && runtime.host.info.kind === 'browser' && (
          <MessageBar intent="info"><MessageBarBody>{t('addin.outsideOutlook')}</MessageBarBody></MessageBar>
        )}
        {session.state === 'opening' && <Spinner label={t('app.loading')} />}
        {session.state === 'failed' && <ErrorNotice error={session.error} onRetry={() => void open()} />}
        {session.state === 'open' && (
          <ErrorBoundary>
            <Suspense fallback={<Spinner label={t('app.loading')} />}>
              <SurfaceScreen surface={surface} services={session.services} host={runtime.host} meetingCase={surfaceCase} />
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </FluentProvider>
  );
}
