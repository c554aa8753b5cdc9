// A decline: the case director asks the area champion for help (Leerplan 4.2). The message is prefilled
// (case alias, goal, who declined and why; nothing else) and editable; it goes out through Graph.
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, Spinner, Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { AppError } from '../../../app/errors';
import { draftEscalation, escalateDecline } from '../../../app/invitations';
import type { Services } from '../../../app/ports';
import { checkMessage, hasErrors } from '../../../domain';
import type { MeetingAction, PlanParticipant } from '../../../domain';
import { formatDateTime } from '../../format';
import { ErrorNotice } from '../../ErrorNotice';
import { errorMessage, t } from '../../messages';
import type { PlanEdits } from '../prepare/prepareUi';
import { useSectionStyles } from '../prepare/sectionStyles';

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'ambiguous' } | { state: 'failed'; error: unknown };

export function EscalationDialog({ services, edits, meetingId, participant, organiser, declineReason = '', earlier: earlierProp, onClose, onSent }: {
  services: Services;
  edits: PlanEdits;
  meetingId: string;
  participant: PlanParticipant;
  organiser: string;
  /** The reason they gave with their decline (prefilled; editable). */
  declineReason?: string;
  /** The last escalation about this decline: a second one needs an explicit yes. */
  earlier?: MeetingAction | undefined;
  onClose: () => void;
  onSent: (championName: string) => void;
}) {
  const styles = useSectionStyles();
  const [reason, setReason] = useState(declineReason);
  const [again, setAgain] = useState(false);
  // As it was when the dialog opened: an unclear send from this dialog has its own notice below.
  const [earlier] = useState(earlierProp);
  const [text, setText] = useState<string>();
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const draft = draftEscalation(services, edits.plan, meetingId, participant.id, { organiser, declineReason: reason });
  // Until the user edits the text itself, it follows the reason they type.
  const message = { subject: draft.message.subject, text: text ?? draft.message.text };
  const problems = checkMessage(message, t('responses.escalate.messageLabel'));
  const champion = draft.champion;
  const blocked = !champion || hasErrors(problems) || message.text.trim() === '' || (earlier !== undefined && !again);

  const send = async () => {
    setSending({ state: 'sending' });
    try {
      const outcome = await escalateDecline(services, edits.access, participant.id, message, { meetingId, ...(reason.trim() ? { declineReason: reason.trim() } : {}) });
      if (outcome.kind === 'sent') onSent(champion?.name ?? '');
      else setSending({ state: 'idle' });
    } catch (error) {
      setSending(error instanceof AppError && error.code === 'mail-ambiguous' ? { state: 'ambiguous' } : { state: 'failed', error });
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => { if (!data.open && sending.state !== 'sending') onClose(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('responses.escalate.title', { name: participant.name })}</DialogTitle>
          <DialogContent className={styles.stack}>
            {champion ? (
              <p>{t('responses.escalate.to', { name: champion.name, email: champion.email, area: champion.areaName })}</p>
            ) : (
              <MessageBar intent="warning"><MessageBarBody>{t('responses.escalate.noChampion')}</MessageBarBody></MessageBar>
            )}
            {earlier && (
              <>
                <MessageBar intent="warning">
                  <MessageBarBody>{t(earlier.state === 'done' ? 'calendar.escalation.earlier' : 'calendar.escalation.earlierMaybe', { time: formatDateTime(earlier.at), name: (earlier.to ?? []).map((r) => r.name).join(', ') })}</MessageBarBody>
                </MessageBar>
                <Checkbox checked={again} onChange={(_, data) => setAgain(data.checked === true)} label={t('calendar.escalation.confirmAgain')} />
              </>
            )}
            <Field label={t('responses.escalate.reason', { name: participant.name })} hint={t('responses.escalate.reasonHint')}>
              <Input value={reason} onChange={(_, data) => setReason(data.value)} />
            </Field>
            <p><strong>{t('responses.escalate.subject')}</strong> {message.subject}</p>
            <Field
              label={t('responses.escalate.message')}
              hint={t('responses.escalate.messageHint')}
              {...(problems.length > 0 ? { validationState: hasErrors(problems) ? 'error' as const : 'warning' as const, validationMessage: problems.map((p) => p.message).join(' ') } : {})}
            >
              <Textarea value={message.text} onChange={(_, data) => setText(data.value)} rows={14} resize="vertical" />
            </Field>
            {text !== undefined && (
              <div><Button appearance="subtle" onClick={() => setText(undefined)}>{t('responses.escalate.resetText')}</Button></div>
            )}
            <div aria-live="polite">
              {sending.state === 'sending' && <Spinner size="tiny" label={t('responses.escalate.sending')} />}
            </div>
            {sending.state === 'ambiguous' && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{errorMessage('mail-ambiguous')}</MessageBarBody>
              </MessageBar>
            )}
            {sending.state === 'failed' && <ErrorNotice error={sending.error} />}
          </DialogContent>
          <DialogActions>
            {sending.state === 'ambiguous' ? (
              <Button appearance="primary" onClick={() => void send()}>{t('responses.escalate.sendAnyway')}</Button>
            ) : (
              <Button appearance="primary" disabledFocusable={blocked || sending.state === 'sending'} onClick={() => void send()}>
                {sending.state === 'failed' ? t('error.retry') : t('responses.escalate.send')}
              </Button>
            )}
            <Button onClick={onClose} disabled={sending.state === 'sending'}>{t('responses.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
