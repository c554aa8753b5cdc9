// Answering the invitation: accept, tentative or decline, with an optional comment for the organiser.
import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { answerInvitation } from '../../app/participant';
import type { AttendeeResponseStatus, MeetingReply, Services } from '../../app/ports';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import { useDetailStyles } from './detailStyles';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const REPLIES: { reply: MeetingReply; label: MessageKey; done: MessageKey; response: AttendeeResponseStatus; primary?: boolean }[] = [
  { reply: 'accept', label: 'participant.respond.accept', done: 'participant.respond.accepted', response: 'accepted', primary: true },
  { reply: 'tentative', label: 'participant.respond.tentative', done: 'participant.respond.tentativeDone', response: 'tentative' },
  { reply: 'decline', label: 'participant.respond.decline', done: 'participant.respond.declined', response: 'declined' },
];

export function RespondPanel({ services, eventId, organizer, disabled, onAnswered }: {
  services: Services;
  eventId: string;
  organizer: string;
  disabled?: boolean;
  onAnswered: (response: AttendeeResponseStatus) => void;
}) {
  const styles = useStyles();
  const detail = useDetailStyles();
  const headingId = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<MeetingReply>();
  const [outcome, setOutcome] = useState<{ kind: 'done'; text: string } | { kind: 'failed'; error: unknown; reply: MeetingReply }>();

  const answer = async (reply: (typeof REPLIES)[number]) => {
    setBusy(reply.reply);
    setOutcome(undefined);
    try {
      await answerInvitation(services, eventId, reply.reply, comment);
      setOutcome({ kind: 'done', text: t(reply.done, { organizer }) });
      setComment('');
      onAnswered(reply.response);
    } catch (error) {
      setOutcome({ kind: 'failed', error, reply: reply.reply });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className={detail.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={detail.h2}>{t('participant.respond.heading')}</h2>
      <Field label={t('participant.respond.comment')} hint={t('participant.respond.commentHint')}>
        <Textarea value={comment} onChange={(_, data) => setComment(data.value)} resize="vertical" disabled={disabled || busy !== undefined} />
      </Field>
      <div className={styles.actions}>
        {REPLIES.map((r) => (
          <Button key={r.reply} appearance={r.primary ? 'primary' : 'secondary'} disabled={disabled} disabledFocusable={busy !== undefined} onClick={() => void answer(r)}>
            {t(r.label)}
          </Button>
        ))}
        {busy && <Spinner size="tiny" label={t('participant.respond.sending')} />}
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'done' && <MessageBar intent="success"><MessageBarBody>{outcome.text}</MessageBarBody></MessageBar>}
      </div>
      {outcome?.kind === 'failed' && (
        <ErrorNotice error={outcome.error} onRetry={() => void answer(REPLIES.find((r) => r.reply === outcome.reply)!)} />
      )}
    </section>
  );
}
