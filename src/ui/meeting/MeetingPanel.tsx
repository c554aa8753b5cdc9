// The Teams meeting side panel (320 px wide): the SO of the linked case and nothing else. No app header,
// no way back to the case list, no case tabs: the runner with its sticky run bar, under one short heading
// and the sync state; where Teams can share to the stage, "Op het scherm delen".
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingStageApi } from '../../app/hostPort';
import type { CaseListEntry, Services } from '../../app/ports';
import { SaveStatus } from '../case/CaseScreen';
import { usePlanDocument } from '../case/usePlanDocument';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { MeetingTab } from './MeetingTab';
import { StageShareButton } from './StageShareButton';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, rowGap: 0, fontSize: tokens.fontSizeBase200 },
  h1: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** `stage`: the host's share-to-stage API, given only where the host can share (src/app/hostCapabilities.ts). */
export function MeetingPanel({ services, entry, stage }: { services: Services; entry: CaseListEntry; stage?: MeetingStageApi | undefined }) {
  const styles = useStyles();
  const document = usePlanDocument(services, entry.documentId);
  return (
    <div className={styles.panel}>
      <div className={styles.head}>
        <h1 className={styles.h1}>{t('meeting.panel.heading', { alias: entry.caseAlias })}</h1>
        <SaveStatus document={document} />
      </div>
      {stage && <StageShareButton stage={stage} caseAlias={entry.caseAlias} />}
      {document.loadError !== undefined && <ErrorNotice error={document.loadError} onRetry={document.reload} />}
      {!document.plan && document.loadError === undefined && <Spinner label={t('case.loading')} />}
      {document.plan && <MeetingTab services={services} entry={entry} document={{ ...document, plan: document.plan }} layout="panel" />}
    </div>
  );
}
