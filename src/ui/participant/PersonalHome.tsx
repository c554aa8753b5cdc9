// The personal tab: "Mijn casussen" (the case director's work), "Mijn uitnodigingen" (SO invitations in my
// calendar) and "Mijn afspraken" (what I took on in SOs) side by side. Someone without cases (an invited
// professional) starts on the invitations.
import { Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { CaseListEntry, Services } from '../../app/ports';
import { CasesScreen } from '../CasesScreen';
import { CaseScreen } from '../case/CaseScreen';
import { t } from '../messages';
import { MyAgreementsScreen } from '../mine/MyAgreementsScreen';
import { InvitationsScreen } from './InvitationsScreen';

export type HomeTab = 'cases' | 'invitations' | 'agreements';

const useStyles = makeStyles({
  // The tabs fit a 320 px side panel side by side (small size); should a translation be longer, they wrap.
  tabs: { marginTop: tokens.spacingVerticalS, flexWrap: 'wrap' },
  panel: { paddingTop: tokens.spacingVerticalS },
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
  const [tab, setTab] = useState<HomeTab | undefined>(initialTab);
  const [openCase, setOpenCase] = useState<CaseListEntry>();

  useEffect(() => {
    if (initialTab) return;
    let current = true;
    primed.first.then(
      (cases) => { if (current) setTab((was) => was ?? (cases.length === 0 ? 'invitations' : 'cases')); },
      // The case list shows the failure with a way forward.
      () => { if (current) setTab((was) => was ?? 'cases'); },
    );
    return () => { current = false; };
  }, [primed, initialTab]);

  if (!tab) return <Spinner label={t('app.loading')} />;
  if (openCase) return <CaseScreen services={primed.services} entry={openCase} onBack={() => setOpenCase(undefined)} />;
  return (
    <div>
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as HomeTab)} aria-label={t('participant.home.tabs')}>
        <Tab value="cases" id="home-tab-cases" aria-controls={tab === 'cases' ? 'home-panel-cases' : undefined}>{t('nav.cases')}</Tab>
        <Tab value="invitations" id="home-tab-invitations" aria-controls={tab === 'invitations' ? 'home-panel-invitations' : undefined}>{t('participant.home.invitations')}</Tab>
        <Tab value="agreements" id="home-tab-agreements" aria-controls={tab === 'agreements' ? 'home-panel-agreements' : undefined}>{t('mine.heading')}</Tab>
      </TabList>
      <div role="tabpanel" id={`home-panel-${tab}`} aria-labelledby={`home-tab-${tab}`} className={styles.panel}>
        {tab === 'cases' && <CasesScreen services={primed.services} onOpen={setOpenCase} />}
        {tab === 'invitations' && <InvitationsScreen services={services} />}
        {tab === 'agreements' && <MyAgreementsScreen services={services} />}
      </div>
    </div>
  );
}
