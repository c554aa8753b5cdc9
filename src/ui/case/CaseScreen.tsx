import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import type { CaseListEntry, Services } from '../../app/ports';
import type { Plan } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { caseTabs } from './caseTabs';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import { useNavigation } from '../navigation';
import type { CaseTab } from '../route';
import { ReadOnlyNote, ReadOnlyPlan } from './ReadOnlyPlan';
import { usePlanDocument } from './usePlanDocument';
import type { PlanDocument } from './usePlanDocument';

export type { CaseTab } from '../route';

/** What each tab gets: the open plan document and the services. */
export interface CaseTabProps {
  services: Services;
  entry: CaseListEntry;
  document: PlanDocument & { plan: Plan };
  /** Switches the case screen to another tab (a way forward, e.g. from the runner to SO voorbereiden). */
  onSelectTab?: (tab: CaseTab) => void;
}

export type CaseTabs = Record<CaseTab, ComponentType<CaseTabProps>>;

const TAB_LABEL: Record<CaseTab, MessageKey> = {
  plan: 'case.tab.plan',
  prepare: 'case.tab.prepare',
  responses: 'case.tab.responses',
  meeting: 'case.tab.meeting',
  after: 'after.tab',
};

const useStyles = makeStyles({
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalM },
  saveState: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
  panel: { paddingTop: tokens.spacingVerticalL },
  // Four tabs do not fit a 320 px side panel on one line: they wrap.
  tabs: { flexWrap: 'wrap' },
});

/** Where the plan stands: saved on this device, how much is not yet synchronised, offline, synced, failed. */
export function SaveStatus({ document }: { document: PlanDocument }) {
  const styles = useStyles();
  const { sync } = document;
  // Zero of the user's own changes can still leave the app's bookkeeping (Planner links) to sync.
  const changes = sync.unsyncedCount === 0 ? t('sync.unsynced.none') : sync.unsyncedCount === 1 ? t('sync.unsynced.one') : t('sync.unsynced.many', { count: sync.unsyncedCount });
  let text = '';
  switch (sync.state) {
    case 'loading': break;
    case 'synced': text = sync.savingLocally ? t('sync.savingLocally') : sync.merged ? t('sync.syncedMerged') : t('sync.synced'); break;
    case 'local': text = sync.savingLocally ? t('sync.savingLocally') : t('sync.local', { changes }); break;
    case 'syncing': text = t('sync.syncing', { changes }); break;
    case 'offline': text = sync.unsyncedCount > 0 ? t('sync.offline', { changes }) : t('sync.offlineNothing'); break;
    case 'waiting': text = t('sync.waiting', { changes }); break;
    case 'failed': text = t('sync.failed', { changes }); break;
  }
  const retry = () => { document.saveNow().catch(() => undefined); };
  return (
    <span className={styles.saveState}>
      <span role="status" aria-live="polite">
        {text}
        {sync.planner.state === 'failed' && ` ${t('sync.planner.failed')}`}
      </span>
      {sync.state === 'waiting' && <Button size="small" appearance="subtle" onClick={retry}>{t('sync.retryNow')}</Button>}
      {sync.state !== 'waiting' && sync.planner.state === 'failed' && <Button size="small" appearance="subtle" onClick={retry}>{t('sync.planner.retry')}</Button>}
    </span>
  );
}

/** One case: its Samenwerkplan, preparing the SO, and following the responses. */
export function CaseScreen({ services, entry, tabs = caseTabs, initialTab = 'plan', onBack }: { services: Services; entry: CaseListEntry; tabs?: CaseTabs; initialTab?: CaseTab; onBack: () => void }) {
  const styles = useStyles();
  // The tab is part of the address (case=…&tab=…): Back returns to the tab before.
  const { route, navigate } = useNavigation({ view: 'case', caseAlias: entry.caseAlias, tab: initialTab });
  const tab: CaseTab = (route.view === 'case' ? route.tab : undefined) ?? initialTab;
  const setTab = (next: CaseTab) => {
    if (next !== tab) navigate({ view: 'case', caseAlias: route.view === 'case' ? route.caseAlias : entry.caseAlias, tab: next });
  };
  const document = usePlanDocument(services, entry.documentId);
  const ActiveTab = tabs[tab];
  // The drive lets this user only read the plan: the plan as text, no organiser tabs, no edit control.
  const readOnly = document.rights === 'read';

  return (
    <div>
      <div className={styles.top}>
        <Button appearance="subtle" onClick={onBack}>{t('case.back')}</Button>
        <SaveStatus document={document} />
      </div>
      <h1>{t('case.heading', { alias: entry.caseAlias })}</h1>
      {document.refused !== undefined && <ErrorNotice error={document.refused} />}
      {readOnly && document.plan && (
        <>
          <ReadOnlyNote plan={document.plan} />
          <ReadOnlyPlan plan={document.plan} />
        </>
      )}
      {!readOnly && <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as CaseTab)} aria-label={t('case.tabs')}>
        {(Object.keys(TAB_LABEL) as CaseTab[]).map((key) => (
          <Tab key={key} value={key} id={`tab-${key}`} aria-controls={`panel-${key}`}>{t(TAB_LABEL[key])}</Tab>
        ))}
      </TabList>}
      {document.save.kind === 'failed' && (
        <ErrorNotice error={document.save.error} onRetry={() => { document.saveNow().catch(() => undefined); }} />
      )}
      {document.sync.localError !== undefined && (
        <MessageBar intent="warning"><MessageBarBody>{t('sync.localFailed')}</MessageBarBody></MessageBar>
      )}
      {!readOnly && (
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.panel}>
          {document.loadError !== undefined && <ErrorNotice error={document.loadError} onRetry={document.reload} />}
          {!document.plan && document.loadError === undefined && <Spinner label={t('case.loading')} />}
          {document.plan && <ActiveTab key={tab} services={services} entry={entry} document={{ ...document, plan: document.plan }} onSelectTab={setTab} />}
        </div>
      )}
      {document.plan && document.plan.caseAlias !== entry.caseAlias && (
        <MessageBar intent="warning"><MessageBarBody>{t('case.aliasMismatch')}</MessageBarBody></MessageBar>
      )}
    </div>
  );
}
