// The six weeks, for the case director: every agreement with its owner, due date and days left, overdue
// first (said in words and marked with a border, never by colour alone); reminders to owners of overdue
// agreements (mail once a week for professionals, in person for the resident and the network, each
// recorded in the plan); and changes after the plan was handed out, shared with everyone involved.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { recordPersonalReminder, sendFollowUpReminders, shareAgreementChanges } from '../../app/followUp';
import type { SendOutcome } from '../../app/followUp';
import type { Services } from '../../app/ports';
import { changeRecipients, followUpRows, formatDutchDay, pendingAgreementChanges, remindersDue } from '../../domain';
import type { FollowUpRow } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { useRecordStyles } from '../meeting/record/recordUi';
import type { RecordDocument } from '../meeting/record/recordUi';
import { useAfterStyles } from './afterUi';

function daysText(row: FollowUpRow): string {
  if (row.state === 'done') return row.doneOn === undefined ? t('after.follow.done') : t('after.follow.doneOn', { date: formatDutchDay(row.doneOn) });
  if (row.daysLeft < 0) return t('after.follow.overdueDays', { days: -row.daysLeft });
  if (row.daysLeft === 0) return t('after.follow.today');
  return t('after.follow.daysLeft', { days: row.daysLeft });
}

const STATE_LABEL = { overdue: 'after.follow.state.overdue', open: 'after.follow.state.open', done: 'after.follow.state.done' } as const;

export function FollowUpSection({ services, document }: { services: Services; document: RecordDocument }) {
  const styles = useRecordStyles();
  const after = useAfterStyles();
  const { plan } = document;
  const now = services.clock.now().toISOString();
  const rows = followUpRows(plan, now);
  const due = remindersDue(plan, now);
  const mailDue = due.filter((d) => d.channel === 'mail');
  const personalDue = due.filter((d) => d.channel === 'personal');
  const changes = pendingAgreementChanges(plan);
  const recipients = changeRecipients(plan);
  const [busy, setBusy] = useState<'remind' | 'share'>();
  const [outcomes, setOutcomes] = useState<{ kind: 'remind' | 'share'; list: SendOutcome[] }>();
  const [failure, setFailure] = useState<unknown>();
  const overdue = rows.filter((r) => r.state === 'overdue').length;

  const run = async (kind: 'remind' | 'share') => {
    setBusy(kind);
    setFailure(undefined);
    try {
      const list = kind === 'remind' ? await sendFollowUpReminders(services, document) : await shareAgreementChanges(services, document);
      setOutcomes({ kind, list });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="after-follow">
      <h2 id="after-follow" className={styles.heading}>{t('after.follow.heading')}</h2>
      <p className={styles.intro}>{overdue === 0 ? t('after.follow.noneOverdue') : t('after.follow.overdueCount', { count: overdue })}</p>
      {rows.length === 0 ? (
        <p className={styles.intro}>{t('after.follow.empty')}</p>
      ) : (
        <div className={after.tableWrap}>
          <table className={after.table}>
            <caption>{t('after.follow.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('after.follow.col.state')}</th>
                <th scope="col">{t('after.follow.col.what')}</th>
                <th scope="col">{t('after.follow.col.who')}</th>
                <th scope="col">{t('after.follow.col.due')}</th>
                <th scope="col">{t('after.follow.col.days')}</th>
                <th scope="col">{t('after.follow.col.reminded')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className={row.state === 'overdue' ? after.overdue : row.addedOn !== undefined ? after.addition : undefined} data-testid={`follow-${row.id}`}>
                  <td><span className={after.label}>{t(STATE_LABEL[row.state])}</span></td>
                  <td>
                    {row.addedOn !== undefined && <><span className={after.label}>{t('after.addition.label', { date: formatDutchDay(row.addedOn) })}</span><br /></>}
                    {row.what}
                    {row.perspectiveOnly && <><br /><small>{row.perspectiveNote === undefined ? t('after.follow.perspective') : t('after.follow.perspectiveNote', { note: row.perspectiveNote })}</small></>}
                  </td>
                  <td>{row.owner}</td>
                  <td>{formatDutchDay(row.due)}</td>
                  <td>{daysText(row)}</td>
                  <td>{row.lastReminder === undefined ? t('after.follow.notReminded') : formatDutchDay(row.lastReminder)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className={styles.subheading}>{t('after.remind.heading')}</h3>
      {due.length === 0 ? (
        <p className={styles.intro}>{t('after.remind.nobody')}</p>
      ) : (
        <>
          {mailDue.length > 0 && (
            <>
              <p className={styles.intro}>{t('after.remind.mailIntro', { names: mailDue.map((d) => d.name).join(', ') })}</p>
              <div className={styles.actions}>
                <Button appearance="primary" disabledFocusable={busy !== undefined} onClick={() => { run('remind').catch(() => undefined); }}>
                  {busy === 'remind' ? t('after.remind.sending') : t('after.remind.send', { count: mailDue.length })}
                </Button>
              </div>
            </>
          )}
          {personalDue.length > 0 && (
            <ul className={styles.list} aria-label={t('after.remind.personalList')}>
              {personalDue.map((d) => (
                <li key={d.participantId} className={styles.item}>
                  <p className={styles.what}>{t('after.remind.personal', { name: d.name, count: d.agreementIds.length })}</p>
                  <div className={styles.actions}>
                    <Button onClick={() => recordPersonalReminder(services, document, d)}>{t('after.remind.personalDone', { name: d.name })}</Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className={styles.note}>{t('after.remind.rule', { count: plan.followUpReminders.length })}</p>
      {outcomes?.kind === 'remind' && <OutcomeList outcomes={outcomes.list} sent="after.remind.sent" />}

      <h3 className={styles.subheading}>{t('after.change.heading')}</h3>
      {changes.length === 0 ? (
        <p className={styles.intro}>{t('after.change.none')}</p>
      ) : (
        <>
          <p className={styles.intro}>{t('after.change.pending', { count: changes.length })}</p>
          <p className={styles.intro}>
            {t('after.change.recipients', {
              mail: recipients.filter((r) => r.channel === 'mail').map((r) => r.name).join(', ') || t('after.change.nobody'),
              print: recipients.filter((r) => r.channel === 'print').map((r) => r.name).join(', ') || t('after.change.nobody'),
            })}
          </p>
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={busy !== undefined} onClick={() => { run('share').catch(() => undefined); }}>
              {busy === 'share' ? t('after.change.sharing') : t('after.change.share')}
            </Button>
          </div>
        </>
      )}
      {outcomes?.kind === 'share' && <OutcomeList outcomes={outcomes.list} sent="after.change.sent" />}
      {failure !== undefined && <ErrorNotice error={failure} onRetry={() => setFailure(undefined)} />}
    </section>
  );
}

function OutcomeList({ outcomes, sent }: { outcomes: SendOutcome[]; sent: 'after.remind.sent' | 'after.change.sent' }) {
  const styles = useRecordStyles();
  return (
    <div role="status" aria-live="polite">
      {outcomes.length === 0 && <p className={styles.note}>{t('after.outcome.nothing')}</p>}
      {outcomes.filter((o) => o.status === 'sent').length > 0 && (
        <MessageBar intent="success"><MessageBarBody>{t(sent, { names: outcomes.filter((o) => o.status === 'sent').map((o) => o.name).join(', ') })}</MessageBarBody></MessageBar>
      )}
      {outcomes.filter((o) => o.status === 'failed').map((o) => (
        <MessageBar key={o.participantId} intent="error"><MessageBarBody>{t('after.outcome.failed', { name: o.name, code: o.error?.code ?? 'unexpected' })}</MessageBarBody></MessageBar>
      ))}
    </div>
  );
}
