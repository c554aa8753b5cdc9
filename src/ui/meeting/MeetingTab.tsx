// The case's "SO voorzitten" tab: which SO to run (the next one still planned, else the latest held; a
// choice when there are several), or a way to prepare one when the plan has none.
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseTabProps } from '../case/CaseScreen';
import { formatDateTime } from '../format';
import { t } from '../messages';
import { useNavigation } from '../navigation';
import { defaultRunMeetingId, runnableMeetings } from './meetingChoice';
import { MeetingRunner } from './MeetingRunner';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  choose: { maxWidth: '28rem' },
});

export function MeetingTab({ services, entry, document, onSelectTab }: CaseTabProps) {
  const styles = useStyles();
  // The chosen SO is part of the address (…&tab=meeting&meeting=<id>), so a link or Back reopens that SO.
  const { route, navigate } = useNavigation({ view: 'case', caseAlias: entry.caseAlias, tab: 'meeting' });
  const chosenId = route.view === 'case' ? route.meetingId : undefined;
  const setChosenId = (id: string) => navigate({ view: 'case', caseAlias: route.view === 'case' ? route.caseAlias : entry.caseAlias, tab: 'meeting', meetingId: id });
  const meetings = runnableMeetings(document.plan);
  const meetingId = chosenId && meetings.some((m) => m.id === chosenId) ? chosenId : defaultRunMeetingId(document.plan);

  if (!meetingId) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('run.noMeeting')}</MessageBarBody>
        {onSelectTab && (
          <MessageBarActions>
            <Button onClick={() => onSelectTab('prepare')}>{t('run.toPrepare')}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }

  return (
    <div className={styles.page}>
      {meetings.length > 1 && (
        <Field label={t('run.choose')} className={styles.choose}>
          <Select value={meetingId} onChange={(_, data) => setChosenId(data.value)}>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {t(m.status === 'held' ? 'run.choose.held' : 'run.choose.planned', { when: formatDateTime(m.start) })}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <MeetingRunner key={meetingId} services={services} entry={entry} document={document} meetingId={meetingId} />
    </div>
  );
}
