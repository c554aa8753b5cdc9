// Step 5: what each invitee will receive, every problem in one list (errors block sending), and the send
// itself: progress, success with the time, or the Dutch error with a retry that is always safe.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { sendSoInvitation } from '../../../app/invitations';
import type { MeetingInvitation, SendOutcome } from '../../../app/invitations';
import type { Services } from '../../../app/ports';
import { eventLifeOf, hasErrors } from '../../../domain';
import type { Meeting, Problem } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { formatDateTime } from '../../format';
import { t } from '../../messages';
import { fieldId } from './prepareUi';
import type { PlanEdits } from './prepareUi';
import { useSectionStyles } from './sectionStyles';
import { formatSlot } from './WhenSection';

// Paths the user cannot edit here (they come from the tenant or the clock).
const NO_FIELD = new Set(['now', 'municipality', 'organiser.name', 'organiser.email', 'caseAlias']);

type Sending = { state: 'idle' } | { state: 'sending' } | { state: 'done'; outcome: SendOutcome } | { state: 'failed'; error: unknown };

function focusField(path: string | undefined) {
  if (path === undefined) return;
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  const target = el.matches('input, textarea, select, button') ? el : (el.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])') ?? el);
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

export function ProblemSummary({ problems }: { problems: Problem[] }) {
  const styles = useSectionStyles();
  if (problems.length === 0) return <p>{t('prepare.preview.noProblems')}</p>;
  const ordered = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
  return (
    <div className={styles.stack}>
      <h3 className={styles.h3} id="prepare-problems">{t('prepare.preview.problems', { errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity !== 'error').length })}</h3>
      <ul className={styles.plainList} aria-labelledby="prepare-problems">
        {ordered.map((p, i) => (
          <li key={`${p.code}-${p.path ?? ''}-${i}`}>
            <strong>{p.severity === 'error' ? t('prepare.preview.error') : t('prepare.preview.warning')}</strong> {p.message}{' '}
            {p.path !== undefined && !NO_FIELD.has(p.path) && (
              <Button appearance="transparent" size="small" onClick={() => focusField(p.path)}>{t('prepare.preview.goTo')}</Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PreviewSendSection({ services, edits, meeting, invitation, problems, onSent }: {
  services: Services; edits: PlanEdits; meeting: Meeting; invitation: MeetingInvitation; problems: Problem[]; onSent?: () => void;
}) {
  const styles = useSectionStyles();
  const [selected, setSelected] = useState<string>();
  const [attachment, setAttachment] = useState<string>();
  const [sending, setSending] = useState<Sending>({ state: 'idle' });

  useEffect(() => {
    let current = true;
    services.handout.load().then((file) => { if (current) setAttachment(file.name); }, () => { if (current) setAttachment(undefined); });
    return () => { current = false; };
  }, [services]);

  const people = invitation.invitees;
  const shown = people.find((p) => p.id === selected) ?? people[0];
  const attendee = shown ? invitation.attendees.find((a) => a.email.toLowerCase() === (shown.email ?? '').trim().toLowerCase()) : undefined;
  const byPhone = shown ? invitation.byPhone.some((p) => p.id === shown.id) : false;
  const errors = hasErrors(problems);
  const sent = meeting.eventId !== undefined;
  const blockedReason = sent ? t('prepare.send.alreadySent') : errors ? t('prepare.send.blocked', { count: problems.filter((p) => p.severity === 'error').length }) : undefined;
  // A transactionId in the plan without an event id: an earlier attempt (a reload mid-send, another device) may
  // have sent it. Finishing is safe (the event is looked up first); it is never offered as a fresh send.
  const maybeSent = eventLifeOf(edits.plan, meeting, { sendingHere: sending.state === 'sending' }).name === 'maybe-sent' && sending.state !== 'done';

  const send = async () => {
    setSending({ state: 'sending' });
    try {
      const outcome = await sendSoInvitation(services, edits.access, meeting.id);
      setSending({ state: 'done', outcome });
      if (outcome.kind === 'sent' || outcome.kind === 'already-sent') onSent?.();
    } catch (error) {
      setSending({ state: 'failed', error });
    }
  };

  return (
    <section aria-labelledby="prepare-preview" className={styles.section}>
      <h2 id="prepare-preview">{t('prepare.preview.heading')}</h2>
      <ProblemSummary problems={problems} />

      <h3 className={styles.h3} id="prepare-recipients">{t('prepare.preview.recipients')}</h3>
      <ul className={styles.list} aria-labelledby="prepare-recipients">
        {people.map((p) => (
          <li key={p.id}>
            <Button appearance={shown?.id === p.id ? 'primary' : 'secondary'} aria-pressed={shown?.id === p.id} onClick={() => setSelected(p.id)}>
              {p.name || t('prepare.invitee.unnamed')}
              {invitation.byPhone.some((x) => x.id === p.id) ? ` – ${t('prepare.preview.phone')}` : ''}
            </Button>
          </li>
        ))}
      </ul>
      {shown && (
        <div className={styles.card} aria-labelledby="prepare-preview-of">
          <h3 className={styles.h3} id="prepare-preview-of">{t('prepare.preview.of', { name: shown.name || t('prepare.invitee.unnamed') })}</h3>
          <dl>
            <dt>{t('prepare.preview.to')}</dt>
            <dd>
              {attendee
                ? `${attendee.name} <${attendee.email}> (${attendee.type === 'optional' ? t('prepare.preview.optional') : t('prepare.preview.required')})`
                : byPhone ? t('prepare.preview.callInstead', { name: shown.name }) : t('prepare.preview.organiser')}
            </dd>
            <dt>{t('prepare.preview.subject')}</dt>
            <dd>{invitation.subject}</dd>
            <dt>{t('prepare.preview.time')}</dt>
            <dd>{invitation.startLocal ? formatSlot(invitation.start, invitation.end) : t('prepare.when.noTime')}</dd>
            <dt>{t('prepare.preview.location')}</dt>
            <dd>{invitation.location}</dd>
            <dt>{t('prepare.preview.attachment')}</dt>
            <dd>{attachment ?? t('prepare.preview.attachmentLoading')}</dd>
          </dl>
          <h4 className={styles.h3} id="prepare-preview-body">{t('prepare.preview.body')}</h4>
          {/* The text version of the same message: nothing typed is ever injected as HTML here. */}
          <pre className={styles.preview} tabIndex={0} role="region" aria-labelledby="prepare-preview-body">{invitation.text}</pre>
        </div>
      )}

      {maybeSent && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('calendar.send.maybeTitle')}</MessageBarTitle>
            {t('calendar.send.maybe')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={blockedReason !== undefined || sending.state === 'sending'} aria-describedby={blockedReason ? 'prepare-send-reason' : undefined} onClick={() => void send()}>
          {maybeSent ? t('calendar.send.finish') : t('prepare.send.button')}
        </Button>
        {blockedReason && <span id="prepare-send-reason">{blockedReason}</span>}
      </div>
      <div aria-live="polite" className={styles.stack}>
        {sending.state === 'sending' && <Spinner size="tiny" label={t('prepare.send.sending')} />}
        {sending.state === 'done' && (sending.outcome.kind === 'sent' || sending.outcome.kind === 'already-sent') && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t('prepare.send.sent')}</MessageBarTitle>
              {t('prepare.send.sentAt', { time: formatDateTime(sending.outcome.sentAt ?? services.clock.now().toISOString()) })}
              {sending.outcome.kind === 'sent' && sending.outcome.byPhone.length > 0 && ` ${t('prepare.send.callThem', { names: sending.outcome.byPhone.map((p) => p.name).join(', ') })}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {sending.state === 'done' && sending.outcome.kind === 'blocked' && (
          <MessageBar intent="error"><MessageBarBody>{t('prepare.send.blocked', { count: sending.outcome.problems.filter((p) => p.severity === 'error').length })}</MessageBarBody></MessageBar>
        )}
      </div>
      {sending.state === 'failed' && <ErrorNotice error={sending.error} onRetry={() => void send()} />}
      {sent && sending.state !== 'done' && (
        <MessageBar intent="info"><MessageBarBody>{t('prepare.send.sentBefore', { time: meeting.sentAt ? formatDateTime(meeting.sentAt) : '' })}</MessageBarBody></MessageBar>
      )}
    </section>
  );
}
