// Reacties: who accepted, is unsure, declined or did not answer (in words, not colour), read from the
// event when the tab opens and on demand. A forward brings a newcomer: ask their reason. A decline: ask
// the area champion for help. After the respond-by date: a reminder. After acceptance, with the
// resident's consent: share the plan, and take it back.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../app/errors';
import { draftReminder, followResponses, remindNonResponders, sentMeetings } from '../../app/invitations';
import type { ForwardedAttendee, InviteeResponse, InviteeStatus, ResponsesOverview } from '../../app/invitations';
import { revokeShare, sharePlanWith } from '../../app/sharePlan';
import { formatDutchDay, hasConsentFor, isPlanShared, shareBlocker } from '../../domain';
import type { PlanParticipant, ShareBlocker } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { formatDateTime } from '../format';
import { useFocusReturn } from '../meeting/record/recordUi';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import type { CaseTabProps } from './CaseScreen';
import { useMe, usePlanEdits } from './prepare/prepareUi';
import { useSectionStyles } from './prepare/sectionStyles';
import { formatSlot } from './prepare/WhenSection';
import { EscalationDialog } from './responses/EscalationDialog';
import { ForwardedReasonForm } from './responses/ForwardedReasonForm';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  cellStack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

const STATUS: Record<InviteeStatus, MessageKey> = {
  accepted: 'responses.status.accepted',
  tentative: 'responses.status.tentative',
  declined: 'responses.status.declined',
  none: 'responses.status.none',
  organiser: 'responses.status.organiser',
  byPhone: 'responses.status.byPhone',
  notOnEvent: 'responses.status.notOnEvent',
};

const BLOCKER: Record<ShareBlocker | 'not-sent', MessageKey> = {
  'no-consent': 'responses.share.noConsent',
  'not-accepted': 'responses.share.notAccepted',
  'no-email': 'responses.share.noEmail',
  'already-shared': 'responses.share.alreadyShared',
  'not-sent': 'responses.share.notAccepted',
};

type Load = { state: 'loading' } | { state: 'ready'; overview: ResponsesOverview } | { state: 'failed'; error: unknown };
type Notice = { kind: 'success'; text: string } | { kind: 'info'; text: string } | { kind: 'error'; error: unknown; retry?: () => void };

export function ResponsesTab({ services, entry, document }: CaseTabProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const edits = usePlanEdits(services, entry.documentId, document);
  const { me, error: meError, retry: retryMe } = useMe(services);
  const plan = edits.plan;
  const sent = sentMeetings(plan);
  const [chosenId, setChosenId] = useState<string>();
  const meetingId = (sent.find((m) => m.id === chosenId) ?? sent[0])?.id;
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState<string>();
  const [escalating, setEscalating] = useState<PlanParticipant>();
  const [reasonFor, setReasonFor] = useState<string>();
  const [reminding, setReminding] = useState(false);
  const { access } = edits;
  // The dialogs are rendered only while open: focus goes back to the button that opened them.
  const refreshButton = useRef<HTMLButtonElement>(null);
  const escalationFocus = useFocusReturn(escalating !== undefined, () => refreshButton.current);
  const reminderFocus = useFocusReturn(reminding, () => refreshButton.current);

  const refresh = useCallback(async () => {
    if (meetingId === undefined) return;
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', overview: await followResponses(services, access.current(), meetingId) });
    } catch (error) {
      setLoad({ state: 'failed', error });
    }
  }, [services, access, meetingId]);

  // Fresh answers every time the tab opens (and when another SO is chosen).
  useEffect(() => { void refresh(); }, [refresh]);

  if (meError !== undefined) return <ErrorNotice error={meError} onRetry={retryMe} />;
  if (!meeting || meetingId === undefined) return <p>{t('responses.none')}</p>;

  const participantOf = (id: string) => plan.participants.find((p) => p.id === id);

  const share = async (row: InviteeResponse) => {
    setBusy(row.participantId);
    setNotice(undefined);
    try {
      const outcome = await sharePlanWith(services, access, meetingId, row.participantId);
      setNotice(outcome.kind === 'shared'
        ? { kind: 'success', text: t('responses.share.done', { name: row.name }) }
        : { kind: 'info', text: t(BLOCKER[outcome.reason], { name: row.name }) });
    } catch (error) {
      setNotice({ kind: 'error', error, retry: () => void share(row) });
    } finally {
      setBusy(undefined);
    }
  };

  const revoke = async (participant: PlanParticipant) => {
    setBusy(participant.id);
    setNotice(undefined);
    try {
      const outcome = await revokeShare(services, access, participant.id);
      setNotice({ kind: 'success', text: outcome.kind === 'revoked' ? t('responses.share.revoked', { name: participant.name }) : t('responses.share.notShared', { name: participant.name }) });
    } catch (error) {
      setNotice({ kind: 'error', error, retry: () => void revoke(participant) });
    } finally {
      setBusy(undefined);
    }
  };

  const remind = async () => {
    setBusy('reminder');
    setNotice(undefined);
    try {
      const outcome = await remindNonResponders(services, access, meetingId);
      setReminding(false);
      if (outcome.kind === 'sent') setNotice({ kind: 'success', text: t('responses.reminder.done', { names: outcome.to.map((r) => r.name).join(', ') }) });
      else setNotice({ kind: 'info', text: t(outcome.kind === 'not-due' ? 'responses.reminder.notDue' : 'responses.reminder.nobody') });
      void refresh();
    } catch (error) {
      setReminding(false);
      setNotice(error instanceof AppError && error.code === 'mail-ambiguous'
        ? { kind: 'error', error }
        : { kind: 'error', error, retry: () => void remind() });
    } finally {
      setBusy(undefined);
    }
  };

  const shareCell = (row: InviteeResponse) => {
    const participant = participantOf(row.participantId);
    if (!participant || row.status === 'organiser' || row.role === 'resident') return null;
    if (participant.share && isPlanShared(participant)) {
      const consentGone = !hasConsentFor(plan, 'sharePlan', participant.id);
      return (
        <div className={styles.cellStack}>
          <span>{t('responses.share.sharedAt', { time: formatDateTime(participant.share.sharedAt) })}</span>
          {consentGone && <span>{t('responses.share.consentGone')}</span>}
          <Button size="small" disabledFocusable={busy !== undefined} onClick={() => void revoke(participant)} aria-label={t('responses.share.revokeFor', { name: row.name })}>
            {t('responses.share.revoke')}
          </Button>
        </div>
      );
    }
    if (row.status !== 'accepted') return <span>{participant.share?.revokedAt ? t('responses.share.revokedAt', { time: formatDateTime(participant.share.revokedAt) }) : ''}</span>;
    const blocker = shareBlocker(plan, participant.id, true);
    const reasonId = `share-reason-${participant.id}`;
    return (
      <div className={styles.cellStack}>
        <Button size="small" disabledFocusable={blocker !== undefined || busy !== undefined} aria-describedby={blocker ? reasonId : undefined}
          onClick={() => void share(row)} aria-label={t('responses.share.buttonFor', { name: row.name })}>
          {t('responses.share.button')}
        </Button>
        {blocker && <span id={reasonId}>{t(BLOCKER[blocker], { name: row.name })}</span>}
      </div>
    );
  };

  const overview = load.state === 'ready' ? load.overview : undefined;
  const reminder = overview && me ? draftReminder(plan, meetingId, overview, me.displayName) : undefined;

  return (
    <div className={styles.page}>
      <div className={section.row}>
        {sent.length > 1 && (
          <Field label={t('responses.meeting')}>
            <Select value={meetingId} onChange={(_, data) => setChosenId(data.value)}>
              {sent.map((m) => <option key={m.id} value={m.id}>{formatSlot(m.start, new Date(Date.parse(m.start) + m.durationMinutes * 60_000).toISOString())}</option>)}
            </Select>
          </Field>
        )}
        <Button ref={refreshButton} onClick={() => void refresh()} disabledFocusable={load.state === 'loading'}>{t('responses.refresh')}</Button>
      </div>
      <p>
        {t('responses.intro', { slot: formatSlot(meeting.start, new Date(Date.parse(meeting.start) + meeting.durationMinutes * 60_000).toISOString()) })}
        {meeting.respondBy && ` ${t('responses.respondBy', { date: formatDutchDay(meeting.respondBy) })}`}
      </p>
      <div aria-live="polite" className={section.stack}>
        {load.state === 'loading' && <Spinner size="tiny" label={t('responses.loading')} />}
        {notice?.kind === 'success' && <MessageBar intent="success"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
        {notice?.kind === 'info' && <MessageBar intent="info"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
      </div>
      {notice?.kind === 'error' && <ErrorNotice error={notice.error} {...(notice.retry ? { onRetry: notice.retry } : {})} />}
      {load.state === 'failed' && <ErrorNotice error={load.error} onRetry={() => void refresh()} />}

      {overview?.reminderDue && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('responses.reminder.title')}</MessageBarTitle>
            {t('responses.reminder.due', { date: formatDutchDay(overview.respondBy ?? ''), count: overview.nonResponders.length })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => { reminderFocus.remember(); setReminding(true); }} disabled={busy !== undefined}>{t('responses.reminder.button')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {overview?.lastReminderAt && <p>{t('responses.reminder.last', { time: formatDateTime(overview.lastReminderAt) })}</p>}

      {overview && (
        <div className={section.tableWrap} role="region" aria-label={t('responses.table')} tabIndex={0}>
          <Table aria-label={t('responses.table')} size="small" className={section.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('responses.col.name')}</TableHeaderCell>
                <TableHeaderCell>{t('responses.col.status')}</TableHeaderCell>
                <TableHeaderCell>{t('responses.col.respondedAt')}</TableHeaderCell>
                <TableHeaderCell>{t('responses.col.share')}</TableHeaderCell>
                <TableHeaderCell>{t('responses.col.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.invitees.map((row) => (
                <TableRow key={row.participantId}>
                  <TableCell>
                    <div className={styles.cellStack}>
                      <strong>{row.name}</strong>
                      {row.optional && <span>{t('responses.optional')}</span>}
                      {row.viaForward && <span>{t('responses.viaForward')}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{t(STATUS[row.status])}</TableCell>
                  <TableCell>{row.respondedAt ? formatDateTime(row.respondedAt) : '–'}</TableCell>
                  <TableCell>{shareCell(row)}</TableCell>
                  <TableCell>
                    {row.status === 'declined' && (
                      <Button size="small" onClick={() => { escalationFocus.remember(); setEscalating(participantOf(row.participantId)); }} aria-label={t('responses.escalate.buttonFor', { name: row.name })}>
                        {t('responses.escalate.button')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {overview.forwarded.map((person: ForwardedAttendee) => (
                <Fragment key={person.email}>
                  <TableRow>
                    <TableCell>
                      <div className={styles.cellStack}>
                        <strong>{person.name}</strong>
                        <span>{t('responses.forwarded.new')}</span>
                      </div>
                    </TableCell>
                    <TableCell>{t(STATUS[person.status])}</TableCell>
                    <TableCell>{person.respondedAt ? formatDateTime(person.respondedAt) : '–'}</TableCell>
                    <TableCell>{t('responses.forwarded.noShare')}</TableCell>
                    <TableCell>
                      <Button size="small" aria-expanded={reasonFor === person.email} onClick={() => setReasonFor(reasonFor === person.email ? undefined : person.email)}
                        aria-label={t('responses.forwarded.giveReasonFor', { name: person.name })}>
                        {t('responses.forwarded.giveReason')}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {reasonFor === person.email && (
                    <TableRow>
                      <TableCell colSpan={5}>
                        <ForwardedReasonForm services={services} edits={edits} meetingId={meetingId} person={person}
                          onCancel={() => setReasonFor(undefined)}
                          onDone={() => { setReasonFor(undefined); setNotice({ kind: 'success', text: t('responses.forwarded.added', { name: person.name }) }); void refresh(); }} />
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {overview && overview.forwarded.length > 0 && <p>{t('responses.forwarded.prompt', { count: overview.forwarded.length })}</p>}

      {escalating && me && (
        <EscalationDialog services={services} edits={edits} meetingId={meetingId} participant={escalating} organiser={me.displayName}
          onClose={() => setEscalating(undefined)}
          onSent={(champion) => { setEscalating(undefined); setNotice({ kind: 'success', text: t('responses.escalate.done', { name: champion }) }); }} />
      )}

      {reminding && reminder && (
        <Dialog open modalType="modal" onOpenChange={(_, data) => { if (!data.open && busy !== 'reminder') setReminding(false); }}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('responses.reminder.confirmTitle')}</DialogTitle>
              <DialogContent className={section.stack}>
                <p>{t('responses.reminder.to', { names: reminder.to.map((r) => r.name).join(', ') })}</p>
                <p><strong>{t('responses.escalate.subject')}</strong> {reminder.message.subject}</p>
                <pre className={section.preview} tabIndex={0} role="region" aria-label={t('responses.reminder.text')}>{reminder.message.text}</pre>
                <p>{t('responses.reminder.once')}</p>
                <div aria-live="polite">{busy === 'reminder' && <Spinner size="tiny" label={t('responses.reminder.sending')} />}</div>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" disabledFocusable={busy !== undefined} onClick={() => void remind()}>{t('responses.reminder.send')}</Button>
                <Button disabled={busy === 'reminder'} onClick={() => setReminding(false)}>{t('responses.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
