// Reacties: who accepted, is unsure, declined or did not answer (in words, not colour), read from the
// event when the tab opens and on demand. A forward brings a newcomer: ask their reason. A decline: ask
// the area champion for help. After the respond-by date: a reminder. After acceptance, with the
// resident's consent: share the plan, and take it back.
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../app/errors';
import { addressBlocker, addressSentAt, sendAddress } from '../../app/eventChanges';
import type { AddressBlocker } from '../../app/eventChanges';
import { draftReminder, followResponses, recordResidentTold, recordResponses, remindNonResponders, residentToldAt, sentMeetings } from '../../app/invitations';
import type { ForwardedAttendee, InviteeResponse, InviteeStatus, ResponsesOverview } from '../../app/invitations';
import { revokeShare, sharePlanWith } from '../../app/sharePlan';
import { escalationsFor, hasConsentFor, isPlanShared, remindersFor, shareBlocker } from '../../domain';
import type { PlanParticipant, ShareBlocker } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { formatDateTime, formatDay } from '../format';
import { useFocusReturn } from '../meeting/record/recordUi';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import type { CaseTabProps } from './CaseScreen';
import { useMe, usePlanEdits } from './prepare/prepareUi';
import { useSectionStyles } from './prepare/sectionStyles';
import { formatSlot } from './prepare/WhenSection';
import { ActionHistory } from './responses/ActionHistory';
import { ChangeMeetingSection } from './responses/ChangeMeetingSection';
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

const ADDRESS: Record<Exclude<AddressBlocker, 'already-sent'>, MessageKey> = {
  'no-address': 'calendar.address.noAddress',
  'not-accepted': 'calendar.address.notAccepted',
  'no-consent': 'calendar.address.noConsent',
  'no-email': 'calendar.address.noEmail',
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
  const [remindAgain, setRemindAgain] = useState(false);
  const lastOverview = useRef<ResponsesOverview>(undefined);
  const { access } = edits;
  // The dialogs are rendered only while open: focus goes back to the button that opened them.
  const refreshButton = useRef<HTMLButtonElement>(null);
  const escalationFocus = useFocusReturn(escalating !== undefined, () => refreshButton.current);
  const reminderFocus = useFocusReturn(reminding, () => refreshButton.current);

  const refresh = useCallback(async () => {
    if (meetingId === undefined) return;
    setLoad({ state: 'loading' });
    let overview: ResponsesOverview;
    try {
      overview = await followResponses(services, access.current(), meetingId);
      setLoad({ state: 'ready', overview });
    } catch (error) {
      setLoad({ state: 'failed', error });
      return;
    }
    // The answers' words become facts in the plan: they stay when the mail goes, and other devices see them.
    try {
      await recordResponses(services, access, meetingId, overview.messages);
    } catch (error) {
      setNotice({ kind: 'error', error });
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

  const tellResident = async (row: { participantId: string; name: string }) => {
    setBusy(`told-${row.participantId}`);
    setNotice(undefined);
    try {
      await recordResidentTold(services, access, meetingId, row.participantId);
      setNotice({ kind: 'success', text: t('calendar.resident.recorded', { name: row.name }) });
    } catch (error) {
      setNotice({ kind: 'error', error, retry: () => void tellResident(row) });
    } finally {
      setBusy(undefined);
    }
  };

  const mailAddress = async (row: InviteeResponse) => {
    setBusy(`address-${row.participantId}`);
    setNotice(undefined);
    try {
      const outcome = await sendAddress(services, access, meetingId, row.participantId, row.status === 'accepted');
      setNotice(outcome.kind === 'sent' ? { kind: 'success', text: t('calendar.address.sent', { name: row.name }) } : { kind: 'info', text: t('calendar.address.refused') });
    } catch (error) {
      setNotice(error instanceof AppError && error.code === 'mail-ambiguous' ? { kind: 'error', error } : { kind: 'error', error, retry: () => void mailAddress(row) });
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
      setRemindAgain(false);
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

  /** What they said: their comment, or that they passed their seat and why; who passed a seat to them. */
  const wordsCell = (row: { comment?: string; passedTo?: { name: string; note: string }; passedBy?: { name: string; note: string } }) => (
    <div className={styles.cellStack}>
      {row.passedTo && <span>{t('calendar.words.passedTo', { name: row.passedTo.name })}{row.passedTo.note ? ` ${t('calendar.words.quote', { text: row.passedTo.note })}` : ''}</span>}
      {row.comment && <span>{t('calendar.words.quote', { text: row.comment })}</span>}
      {row.passedBy && <span>{t('calendar.words.passedBy', { name: row.passedBy.name })}{row.passedBy.note ? ` ${t('calendar.words.quote', { text: row.passedBy.note })}` : ''}</span>}
      {!row.passedTo && !row.comment && !row.passedBy && <span>–</span>}
    </div>
  );

  const escalateCell = (row: InviteeResponse) => {
    if (row.status !== 'declined' || row.passedTo) return null;
    const earlier = escalationsFor(plan, meetingId, row.participantId);
    const last = earlier.at(-1);
    return (
      <div className={styles.cellStack}>
        {last && <span>{t(last.state === 'done' ? 'calendar.escalation.doneAt' : 'calendar.escalation.maybeAt', { time: formatDateTime(last.at) })}</span>}
        <Button size="small" onClick={() => { escalationFocus.remember(); setEscalating(participantOf(row.participantId)); }}
          aria-label={t(last ? 'calendar.escalation.againFor' : 'responses.escalate.buttonFor', { name: row.name })}>
          {last ? t('calendar.escalation.again') : t('responses.escalate.button')}
        </Button>
      </div>
    );
  };

  const residentCell = (row: { participantId: string; name: string }) => {
    const told = residentToldAt(plan, meetingId, row.participantId);
    if (told) return <span>{t('calendar.resident.toldAt', { time: formatDateTime(told) })}</span>;
    return (
      <div className={styles.cellStack}>
        <span>{t('calendar.resident.ask', { name: row.name })}</span>
        <Button size="small" disabledFocusable={busy !== undefined} onClick={() => void tellResident(row)} aria-label={t('calendar.resident.buttonFor', { name: row.name })}>
          {t('calendar.resident.button')}
        </Button>
      </div>
    );
  };

  const addressCell = (row: InviteeResponse) => {
    if (row.status !== 'accepted' || row.role === 'resident') return null;
    const sentAt = addressSentAt(plan, meetingId, row.participantId);
    if (sentAt) return <span>{t('calendar.address.sentAt', { time: formatDateTime(sentAt) })}</span>;
    const blocker = addressBlocker(plan, meetingId, row.participantId, true);
    if (blocker === 'no-address') return null;
    const reasonId = `address-reason-${row.participantId}`;
    return (
      <div className={styles.cellStack}>
        <Button size="small" disabledFocusable={blocker !== undefined || busy !== undefined} aria-describedby={blocker ? reasonId : undefined}
          onClick={() => void mailAddress(row)} aria-label={t('calendar.address.buttonFor', { name: row.name })}>
          {t('calendar.address.button')}
        </Button>
        {blocker && blocker !== 'already-sent' && <span id={reasonId}>{t(ADDRESS[blocker], { name: row.name })}</span>}
      </div>
    );
  };

  const overview = load.state === 'ready' ? load.overview : undefined;
  const shownOverview = overview?.meetingId === meetingId ? overview : lastOverview.current?.meetingId === meetingId ? lastOverview.current : undefined;
  if (overview) lastOverview.current = overview;
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
        {meeting.respondBy && ` ${t('responses.respondBy', { date: formatDay(meeting.respondBy) })}`}
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
            {t('responses.reminder.due', { date: formatDay(overview.respondBy ?? ''), count: overview.nonResponders.length })}
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
                <TableHeaderCell>{t('calendar.col.words')}</TableHeaderCell>
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
                  <TableCell>{wordsCell(row)}</TableCell>
                  <TableCell>{shareCell(row)}</TableCell>
                  <TableCell>
                    <div className={styles.cellStack}>
                      {escalateCell(row)}
                      {row.viaForward && residentCell(row)}
                      {addressCell(row)}
                    </div>
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
                    <TableCell>{wordsCell(person)}</TableCell>
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
                      <TableCell colSpan={6}>
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

      {shownOverview && (
        // Stays mounted while the answers reload after a change, so its own notice stays on screen.
        <ChangeMeetingSection key={meeting.id} services={services} edits={edits} meeting={meeting} invitees={shownOverview.invitees} onChanged={() => void refresh()} />
      )}
      <ActionHistory plan={plan} meetingId={meetingId} />

      {escalating && me && (
        <EscalationDialog services={services} edits={edits} meetingId={meetingId} participant={escalating} organiser={me.displayName}
          declineReason={overview?.invitees.find((i) => i.participantId === escalating.id)?.comment ?? ''}
          earlier={escalationsFor(plan, meetingId, escalating.id).at(-1)}
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
                {remindersFor(plan, meetingId).length > 0 && (
                  <>
                    <MessageBar intent="warning"><MessageBarBody>{t('calendar.reminder.earlier', { time: formatDateTime(remindersFor(plan, meetingId).at(-1)!.at) })}</MessageBarBody></MessageBar>
                    <Checkbox checked={remindAgain} onChange={(_, data) => setRemindAgain(data.checked === true)} label={t('calendar.reminder.confirmAgain')} />
                  </>
                )}
                <div aria-live="polite">{busy === 'reminder' && <Spinner size="tiny" label={t('responses.reminder.sending')} />}</div>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" disabledFocusable={busy !== undefined || (remindersFor(plan, meetingId).length > 0 && !remindAgain)} onClick={() => void remind()}>{t('responses.reminder.send')}</Button>
                <Button disabled={busy === 'reminder'} onClick={() => setReminding(false)}>{t('responses.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
