import { Field, MessageBar, MessageBarBody, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { listMyCases } from '../app/cases';
import type { TabConfigApi } from '../app/hostPort';
import { meetingTabConfig } from '../app/meetingTab';
import type { CaseListEntry, Services } from '../app/ports';
import { ErrorNotice } from './ErrorNotice';
import { t } from './messages';

/** The meeting tab's settings page (pages.config): link this Teams meeting to a case's SO. */
export function ConfigScreen({ services, tabConfig }: { services: Services; tabConfig: TabConfigApi | undefined }) {
  const [cases, setCases] = useState<CaseListEntry[]>();
  const [error, setError] = useState<unknown>();
  const [chosen, setChosen] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(undefined);
    listMyCases(services).then(setCases, setError);
  }, [services, attempt]);

  useEffect(() => {
    if (!tabConfig) return;
    tabConfig.setValid(chosen !== '');
    if (chosen) tabConfig.onSave(() => meetingTabConfig(chosen, window.location.origin, t('config.tabName', { alias: chosen })));
  }, [tabConfig, chosen]);

  return (
    <div>
      <h1>{t('config.heading')}</h1>
      <p>{t('config.intro')}</p>
      {!tabConfig && <MessageBar intent="info"><MessageBarBody>{t('config.outsideTeams')}</MessageBarBody></MessageBar>}
      {error !== undefined && <ErrorNotice error={error} onRetry={() => setAttempt((a) => a + 1)} />}
      {!cases && error === undefined && <Spinner label={t('cases.loading')} />}
      {cases && (
        <Field label={t('config.case')}>
          <Select value={chosen} onChange={(_, data) => setChosen(data.value)}>
            <option value="">{t('config.choose')}</option>
            {cases.map((c) => <option key={c.documentId} value={c.caseAlias}>{c.caseAlias}</option>)}
          </Select>
        </Field>
      )}
    </div>
  );
}
