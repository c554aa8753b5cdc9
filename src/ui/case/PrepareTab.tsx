// SO voorbereiden: one page in five steps (Leerplan 4.3 and 4.2): consent and goal, the checklist, the
// invitees and why, when, and a preview of exactly what goes out, with the send. Everything typed goes
// into the plan (autosaved), so nothing is lost when sending fails.
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { invitationForMeeting } from '../../app/invitations';
import { newRecordId } from '../../app/planAccess';
import { createMeeting } from '../../domain';
import type { Meeting, Plan } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import type { CaseTabProps } from './CaseScreen';
import { ChecklistSection } from './prepare/ChecklistSection';
import { ConsentGoalSection } from './prepare/ConsentGoalSection';
import { InviteesSection } from './prepare/InviteesSection';
import { PreviewSendSection } from './prepare/PreviewSendSection';
import { byInvitee, useMe, usePlanEdits } from './prepare/prepareUi';
import { WhenSection, formatSlot } from './prepare/WhenSection';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, minWidth: 0, maxWidth: '52rem' },
  top: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});

/** SOs still to be held, soonest first. */
export function openMeetings(plan: Plan): Meeting[] {
  return plan.meetings.filter((m) => m.status === 'planned').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** The SO to prepare: the first whose invitation has not gone out, else the latest one. */
export function defaultMeetingId(plan: Plan): string | undefined {
  const open = openMeetings(plan);
  return (open.find((m) => m.eventId === undefined) ?? open[open.length - 1])?.id;
}

export function PrepareTab({ services, entry, document }: CaseTabProps) {
  const styles = useStyles();
  const edits = usePlanEdits(services, entry.documentId, document);
  const { me, error: meError, retry } = useMe(services);
  const [chosenId, setChosenId] = useState<string>();
  const plan = edits.plan;
  const open = openMeetings(plan);
  const meeting = plan.meetings.find((m) => m.id === (chosenId ?? defaultMeetingId(plan)));

  const newMeeting = () => {
    const id = newRecordId('m');
    edits.edit((p) => createMeeting(p, { id, now: edits.now() }));
    setChosenId(id);
  };

  if (meError !== undefined) return <ErrorNotice error={meError} onRetry={retry} />;
  if (!me) return <Spinner label={t('prepare.loading')} />;

  const picker = (
    <div className={styles.top}>
      {open.length > 1 && meeting && (
        <Field label={t('prepare.meeting.choose')}>
          <Select value={meeting.id} onChange={(_, data) => setChosenId(data.value)}>
            {open.map((m) => (
              <option key={m.id} value={m.id}>
                {formatSlot(m.start, new Date(Date.parse(m.start) + m.durationMinutes * 60_000).toISOString())}
                {m.eventId ? ` – ${t('prepare.meeting.sent')}` : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {(!meeting || meeting.eventId !== undefined) && <Button onClick={newMeeting}>{t('prepare.meeting.new')}</Button>}
    </div>
  );

  if (!meeting) {
    return (
      <div className={styles.page}>
        <p>{t('prepare.meeting.none')}</p>
        {picker}
      </div>
    );
  }

  const invitation = invitationForMeeting(plan, meeting.id, {
    organiser: { name: me.displayName, email: me.mail ?? '' },
    municipality: services.municipality,
    now: services.clock.now(),
  });
  const problems = byInvitee(invitation.problems, invitation.invitees);
  const sent = meeting.eventId !== undefined;

  return (
    <div className={styles.page}>
      {picker}
      {sent && (
        <MessageBar intent="info">
          <MessageBarBody>{t('prepare.meeting.readOnly')}</MessageBarBody>
        </MessageBar>
      )}
      <ConsentGoalSection edits={edits} meeting={meeting} problems={problems} userId={me.id} disabled={sent} />
      <ChecklistSection edits={edits} meeting={meeting} invitees={invitation.invitees} problems={problems} disabled={sent} />
      <InviteesSection services={services} edits={edits} meeting={meeting} invitees={invitation.invitees} problems={problems} me={me} disabled={sent} />
      <WhenSection services={services} edits={edits} meeting={meeting} invitation={invitation} problems={problems} disabled={sent} />
      <PreviewSendSection services={services} edits={edits} meeting={meeting} invitation={invitation} problems={problems} />
    </div>
  );
}
