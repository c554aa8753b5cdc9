// The plan as a reader sees it when the drive lets them only read (domain planRights → 'read'): what the
// resident wants, the agreements, the meetings and who takes part, as text — no field, no button that would
// change the plan, and none of the organiser's tabs.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Plan } from '../../domain';
import { formatDateTime, formatDay } from '../format';
import { t } from '../messages';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  scroll: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The case director's name as the plan knows it (their participant record), if it does. */
export function caseDirectorName(plan: Plan): string | undefined {
  const byParticipant = plan.caseDirection.caseDirectorParticipantId;
  const participant = plan.participants.find((p) => (byParticipant !== undefined && p.id === byParticipant) || p.userId === plan.caseDirectorUserId);
  return participant?.name;
}

/** The note above a read-only plan: it is read-only, and who can change it. */
export function ReadOnlyNote({ plan }: { plan: Plan }) {
  const name = caseDirectorName(plan);
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>{t('rights.readOnly.title')}</MessageBarTitle>
        {name ? t('rights.readOnly.note', { name }) : t('rights.readOnly.noteNoName')}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ReadOnlyPlan({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const meetings = [...plan.meetings].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <div>
      <section className={styles.section} aria-labelledby="ro-wants">
        <h2 id="ro-wants">{t('rights.plan.wants')}</h2>
        {plan.wants.length === 0 ? <p className={styles.muted}>{t('rights.plan.wantsNone')}</p> : (
          <ul>
            {plan.wants.map((w) => (
              <li key={w.id}>{w.text}{w.target ? <><br /><span className={styles.muted}>{t('rights.plan.wantTarget', { target: w.target })}</span></> : null}</li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="ro-agreements">
        <h2 id="ro-agreements">{t('rights.plan.agreements')}</h2>
        {plan.agreements.length === 0 ? <p className={styles.muted}>{t('rights.plan.agreementsNone')}</p> : (
          <div className={styles.scroll}>
            <table className={styles.table} aria-labelledby="ro-agreements">
              <thead>
                <tr>
                  <th scope="col">{t('rights.plan.agreement.what')}</th>
                  <th scope="col">{t('rights.plan.agreement.who')}</th>
                  <th scope="col">{t('rights.plan.agreement.due')}</th>
                  <th scope="col">{t('rights.plan.agreement.status')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.agreements.map((a) => (
                  <tr key={a.id}>
                    <td>{a.what}</td>
                    <td>{a.who}</td>
                    <td>{a.perspectiveOnly ? t('rights.plan.agreement.perspective') : formatDay(a.due)}</td>
                    <td>{a.status === 'done' ? t('rights.plan.agreement.done') : t('rights.plan.agreement.open')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className={styles.section} aria-labelledby="ro-meetings">
        <h2 id="ro-meetings">{t('rights.plan.meetings')}</h2>
        {meetings.length === 0 ? <p className={styles.muted}>{t('rights.plan.meetingsNone')}</p> : (
          <ul>
            {meetings.map((m) => (
              <li key={m.id}>{t('rights.plan.meeting', { when: formatDateTime(m.start), status: t(`rights.plan.meeting.${m.status}`) })}</li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="ro-participants">
        <h2 id="ro-participants">{t('rights.plan.participants')}</h2>
        <ul>
          {plan.participants.filter((p) => p.role === 'professional').map((p) => (
            <li key={p.id}>{p.organisation ? `${p.name} (${p.organisation})` : p.name}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
