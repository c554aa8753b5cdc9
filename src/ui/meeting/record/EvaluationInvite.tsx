// Under a stored evaluation held in an SO: send its invitation in Outlook from here. The app plans the follow-up
// SO in the plan and sends one event (the hand-out attached); a retry is always safe. Offline it waits.
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { followEvaluationDate, sendEvaluationInvitation } from '../../../app/evaluationInvitation';
import { documentAccess } from '../../../app/planAccess';
import type { EvaluationSendOutcome } from '../../../app/evaluationInvitation';
import type { Services } from '../../../app/ports';
import { evaluationMeeting, evaluationStart } from '../../../domain';
import type { Evaluation, Meeting } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { formatDateTime, formatDay } from '../../format';
import { t } from '../../messages';
import { useRecordStyles } from './recordUi';
import type { RecordDocument } from './recordUi';

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'done'; outcome: EvaluationSendOutcome } | { state: 'failed'; error: unknown };

export function EvaluationInvite({ services, document, meeting, evaluation, unsaved }: {
  services: Services; document: RecordDocument; meeting: Meeting; evaluation: Evaluation; unsaved: boolean;
}) {
  const styles = useRecordStyles();
  const id = useId();
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const followUp = evaluationMeeting(document.plan, evaluation.id);
  const start = evaluationStart(evaluation.date, meeting);
  const reason = document.sync.state === 'offline' ? t('record.evaluation.invite.offline') : unsaved ? t('record.evaluation.invite.unsaved') : undefined;
  const outcome = sending.state === 'done' ? sending.outcome : undefined;
  const sentNow = outcome?.kind === 'sent' || outcome?.kind === 'already-sent';

  // The evaluation's day changed after its invitation went out: the event follows (one update to everyone).
  const stale = followUp?.eventId !== undefined && start !== undefined && !unsaved && Date.parse(start) !== Date.parse(followUp.start);
  const [moving, setMoving] = useState<{ state: 'idle' | 'moving' | 'moved' } | { state: 'refused'; organiser: string } | { state: 'failed'; error: unknown }>({ state: 'idle' });
  const follow = async () => {
    setMoving({ state: 'moving' });
    try {
      const result = await followEvaluationDate(services, documentAccess(document, document.plan), evaluation.id);
      setMoving(result.kind === 'not-organiser' ? { state: 'refused', organiser: result.organiser } : { state: 'moved' });
    } catch (error) {
      setMoving({ state: 'failed', error });
    }
  };

  const send = async () => {
    setSending({ state: 'sending' });
    try {
      setSending({ state: 'done', outcome: await sendEvaluationInvitation(services, document, evaluation.id) });
    } catch (error) {
      setSending({ state: 'failed', error });
    }
  };

  return (
    <div className={styles.section}>
      <h4 className={styles.subheading}>{t('record.evaluation.invite.heading')}</h4>
      {followUp?.eventId !== undefined && !sentNow ? (
        <p className={styles.intro}>{t('record.evaluation.invite.sentAt', { time: formatDateTime(followUp.sentAt ?? followUp.updatedAt) })}</p>
      ) : !sentNow && (
        <>
          <p className={styles.intro}>{t('record.evaluation.invite.intro', { when: start === undefined ? formatDay(evaluation.date) : formatDateTime(start) })}</p>
          <div className={styles.actions}>
            <Button
              disabledFocusable={reason !== undefined || sending.state === 'sending'}
              aria-describedby={reason === undefined ? undefined : `${id}-reason`}
              onClick={() => void send()}
            >
              {t('record.evaluation.invite.button')}
            </Button>
            {reason !== undefined && <span id={`${id}-reason`} className={styles.note}>{reason}</span>}
          </div>
        </>
      )}
      {stale && followUp && (
        <div className={styles.actions}>
          <span className={styles.note}>{t('calendar.evaluation.stale', { from: formatDateTime(followUp.start), to: formatDateTime(start!) })}</span>
          <Button disabledFocusable={moving.state === 'moving' || reason !== undefined} onClick={() => void follow()}>{t('calendar.evaluation.follow')}</Button>
        </div>
      )}
      <div aria-live="polite" className={styles.section}>
        {moving.state === 'moving' && <Spinner size="tiny" label={t('calendar.change.busy')} />}
        {moving.state === 'moved' && <MessageBar intent="success"><MessageBarBody>{t('calendar.evaluation.followed')}</MessageBarBody></MessageBar>}
        {moving.state === 'refused' && <MessageBar intent="info"><MessageBarBody>{t('calendar.evaluation.notOrganiser', { name: moving.organiser })}</MessageBarBody></MessageBar>}
        {sending.state === 'sending' && <Spinner size="tiny" label={t('record.evaluation.invite.sending')} />}
        {sentNow && (
          <MessageBar intent="success">
            <MessageBarBody>{t('record.evaluation.invite.sent')}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'blocked' && (
          <div>
            <p className={styles.problem}>{t('record.evaluation.invite.blocked')}</p>
            <ul className={styles.summaryList}>
              {outcome.problems.filter((p) => p.severity === 'error').map((p, i) => <li key={`${p.code}-${p.path ?? ''}-${i}`}>{p.message}</li>)}
            </ul>
          </div>
        )}
      </div>
      {sending.state === 'failed' && <ErrorNotice error={sending.error} onRetry={() => void send()} />}
      {moving.state === 'failed' && <ErrorNotice error={moving.error} onRetry={() => void follow()} />}
    </div>
  );
}
