// A Teams meeting surface (side panel, content, stage) or `?surface=meeting&case=…` in a browser: opens the
// SO of the case the meeting tab was linked to. Without a case (or one this user cannot see), the personal
// home with the case list is the way forward.
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { listMyCases } from '../../app/cases';
import type { MeetingStageApi } from '../../app/hostPort';
import type { CaseListEntry, Services } from '../../app/ports';
import { CaseScreen } from '../case/CaseScreen';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { useNavigation } from '../navigation';
import { PersonalHome } from '../participant/PersonalHome';
import { MeetingPanel } from './MeetingPanel';
import { StageView } from './StageView';

type Lookup = { state: 'looking' } | { state: 'found'; entry: CaseListEntry } | { state: 'missing' } | { state: 'failed'; error: unknown };

export function MeetingSurface({ services, caseAlias, view, stage }: { services: Services; caseAlias?: string | undefined; view: 'runner' | 'panel' | 'stage'; stage?: MeetingStageApi | undefined }) {
  const [lookup, setLookup] = useState<Lookup>(caseAlias ? { state: 'looking' } : { state: 'missing' });
  const [attempt, setAttempt] = useState(0);
  const [leftOnce, setLeftOnce] = useState(false);
  // Back to the list is an address like any other: Back (the browser's) returns to this SO's runner.
  const { route, navigate } = useNavigation({ view: 'home' });
  const onThisCase = caseAlias !== undefined && route.view === 'case' && route.caseAlias.toUpperCase() === caseAlias.toUpperCase();
  const left = leftOnce && !onThisCase;
  const leave = useCallback(() => {
    setLeftOnce(true);
    navigate({ view: 'home', tab: 'cases' });
  }, [navigate]);

  useEffect(() => {
    if (!caseAlias) return undefined;
    let current = true;
    setLookup({ state: 'looking' });
    const wanted = caseAlias.toUpperCase();
    listMyCases(services).then(
      (cases) => {
        if (!current) return;
        const entry = cases.find((c) => c.caseAlias.toUpperCase() === wanted);
        setLookup(entry ? { state: 'found', entry } : { state: 'missing' });
      },
      (error: unknown) => { if (current) setLookup({ state: 'failed', error }); },
    );
    return () => { current = false; };
  }, [services, caseAlias, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  // A case this user cannot see: the personal home below is the way forward, so the address says home
  // (else the home would open the same missing case a second time).
  const missing = lookup.state === 'missing' && caseAlias !== undefined;
  useEffect(() => {
    if (missing) navigate({ view: 'home' }, { replace: true });
  }, [missing, navigate]);

  if (lookup.state === 'looking') return <Spinner label={t('cases.loading')} />;
  if (lookup.state === 'failed') return <ErrorNotice error={lookup.error} onRetry={retry} />;
  if (lookup.state === 'missing' || left) {
    return (
      <>
        {lookup.state === 'missing' && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{caseAlias ? t('run.surface.caseNotFound', { alias: caseAlias }) : t('run.surface.noCase')}</MessageBarBody>
          </MessageBar>
        )}
        <PersonalHome services={services} />
      </>
    );
  }
  if (view === 'stage') return <StageView services={services} entry={lookup.entry} />;
  if (view === 'panel') return <MeetingPanel services={services} entry={lookup.entry} stage={stage} />;
  return <CaseScreen services={services} entry={lookup.entry} initialTab="meeting" onBack={leave} />;
}
