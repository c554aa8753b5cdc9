// The personal tab: "Mijn casussen" (the case director's work), "Mijn uitnodigingen" (SO invitations in my
// calendar) and "Mijn afspraken" (what I took on in SOs) side by side. Someone without cases (an invited
// professional) starts on the invitations.
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listMyCases } from '../../app/cases';
import type { CaseListEntry, Services } from '../../app/ports';
import { CasesScreen } from '../CasesScreen';
import { CaseScreen } from '../case/CaseScreen';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { useNavigation } from '../navigation';
import type { HomeTab } from '../route';
import { MyAgreementsScreen } from '../mine/MyAgreementsScreen';
import { InvitationsScreen } from './InvitationsScreen';

export type { HomeTab } from '../route';

const useStyles = makeStyles({
  // The tabs fit a 320 px side panel side by side (small size); should a translation be longer, they wrap.
  tabs: { marginTop: tokens.spacingVerticalS, flexWrap: 'wrap' },
  panel: { paddingTop: tokens.spacingVerticalS },
  notice: { marginTop: tokens.spacingVerticalM },
});

/**
 * The first case list is fetched once here (to choose the tab) and handed to the case list as its first
 * answer, so choosing the tab costs no extra request.
 */
function usePrimedCases(services: Services): { services: Services; first: Promise<CaseListEntry[]> } {
  return useMemo(() => {
    let first: Promise<CaseListEntry[]> | undefined = services.cases.listCases();
    const primed = first;
    primed.catch(() => undefined);
    return {
      first: primed,
      services: {
        ...services,
        cases: {
          ...services.cases,
          listCases: () => {
            const answer = first ?? services.cases.listCases();
            first = undefined;
            return answer;
          },
        },
      },
    };
  }, [services]);
}

// Each set of services (a new session: another demo persona, a reset) starts the personal tab afresh.
const sessionIds = new WeakMap<Services, number>();
let lastSessionId = 0;
function sessionId(services: Services): number {
  let id = sessionIds.get(services);
  if (id === undefined) {
    id = (lastSessionId += 1);
    sessionIds.set(services, id);
  }
  return id;
}

export function PersonalHome(props: { services: Services; initialTab?: HomeTab }) {
  return <Home key={sessionId(props.services)} {...props} />;
}

function Home({ services, initialTab }: { services: Services; initialTab?: HomeTab }) {
  const styles = useStyles();
  const primed = usePrimedCases(services);
  // Which tab or case is shown is the address (src/ui/route.ts): Back/Forward and links walk it.
  const { route, navigate } = useNavigation(initialTab ? { view: 'home', tab: initialTab } : { view: 'home' });
  const [firstTab, setFirstTab] = useState<HomeTab | undefined>(initialTab);
  // Cases opened or created in this session: opening one needs no second look at the list.
  const [known, setKnown] = useState<readonly CaseListEntry[]>([]);
  const [created, setCreated] = useState<string>();

  useEffect(() => {
    if (initialTab) return;
    let current = true;
    primed.first.then(
      (cases) => { if (current) setFirstTab((was) => was ?? (cases.length === 0 ? 'invitations' : 'cases')); },
      // The case list shows the failure with a way forward.
      () => { if (current) setFirstTab((was) => was ?? 'cases'); },
    );
    return () => { current = false; };
  }, [primed, initialTab]);

  const openCase = useCallback((entry: CaseListEntry, how?: { created?: boolean }) => {
    setKnown((was) => [entry, ...was.filter((e) => e.documentId !== entry.documentId)]);
    setCreated(how?.created ? entry.caseAlias : undefined);
    navigate({ view: 'case', caseAlias: entry.caseAlias });
  }, [navigate]);

  const toList = useCallback(() => {
    setCreated(undefined);
    navigate({ view: 'home', tab: 'cases' });
  }, [navigate]);

  if (route.view === 'case') {
    return <CaseRoute services={primed.services} caseAlias={route.caseAlias} known={known} created={created} onBack={toList} />;
  }
  const tab = route.tab ?? firstTab;
  if (!tab) return <Spinner label={t('app.loading')} />;
  return (
    <div>
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => navigate({ view: 'home', tab: data.value as HomeTab })} aria-label={t('participant.home.tabs')}>
        <Tab value="cases" id="home-tab-cases" aria-controls={tab === 'cases' ? 'home-panel-cases' : undefined}>{t('nav.cases')}</Tab>
        <Tab value="invitations" id="home-tab-invitations" aria-controls={tab === 'invitations' ? 'home-panel-invitations' : undefined}>{t('participant.home.invitations')}</Tab>
        <Tab value="agreements" id="home-tab-agreements" aria-controls={tab === 'agreements' ? 'home-panel-agreements' : undefined}>{t('mine.heading')}</Tab>
      </TabList>
      <div role="tabpanel" id={`home-panel-${tab}`} aria-labelledby={`home-tab-${tab}`} className={styles.panel}>
        {tab === 'cases' && <CasesScreen services={primed.services} onOpen={openCase} />}
        {tab === 'invitations' && <InvitationsScreen services={services} />}
        {tab === 'agreements' && <MyAgreementsScreen services={services} />}
      </div>
    </div>
  );
}

type Lookup = { state: 'looking' } | { state: 'found'; entry: CaseListEntry } | { state: 'missing' } | { state: 'failed'; error: unknown };

const sameAlias = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * A case named by the address: found among the cases this session already saw, else in my case list (the
 * device's copy when Graph is out of reach, so a reload offline still reaches the outbox). A case that is not
 * mine says so, with the way back to the list.
 */
function CaseRoute({ services, caseAlias, known, created, onBack }: { services: Services; caseAlias: string; known: readonly CaseListEntry[]; created?: string; onBack: () => void }) {
  const styles = useStyles();
  const seen = known.find((e) => sameAlias(e.caseAlias, caseAlias));
  const [lookup, setLookup] = useState<Lookup>(seen ? { state: 'found', entry: seen } : { state: 'looking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (seen) {
      setLookup((was) => (was.state === 'found' && was.entry === seen ? was : { state: 'found', entry: seen }));
      return undefined;
    }
    let current = true;
    setLookup({ state: 'looking' });
    listMyCases(services).then(
      (cases) => {
        if (!current) return;
        const entry = cases.find((c) => sameAlias(c.caseAlias, caseAlias));
        setLookup(entry ? { state: 'found', entry } : { state: 'missing' });
      },
      (error: unknown) => { if (current) setLookup({ state: 'failed', error }); },
    );
    return () => { current = false; };
  }, [services, caseAlias, seen, attempt]);

  if (lookup.state === 'looking') return <Spinner label={t('cases.loading')} />;
  if (lookup.state === 'found') {
    return (
      <>
        <div aria-live="polite">
          {created !== undefined && sameAlias(created, lookup.entry.caseAlias) && (
            <MessageBar intent="success" className={styles.notice}><MessageBarBody>{t('cases.created', { alias: lookup.entry.caseAlias })}</MessageBarBody></MessageBar>
          )}
        </div>
        <CaseScreen key={lookup.entry.documentId} services={services} entry={lookup.entry} onBack={onBack} />
      </>
    );
  }
  return (
    <div className={styles.panel}>
      {lookup.state === 'failed' && <ErrorNotice error={lookup.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {lookup.state === 'missing' && (
        <MessageBar intent="info" layout="multiline"><MessageBarBody>{t('route.caseNotFound', { alias: caseAlias })}</MessageBarBody></MessageBar>
      )}
      <Button className={styles.notice} onClick={onBack}>{t('route.toCases')}</Button>
    </div>
  );
}
