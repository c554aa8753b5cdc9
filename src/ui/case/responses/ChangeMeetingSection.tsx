// A sent SO can change: move it, invite one more person (with reasons; they get the hand-out), take someone off
// it, or cancel it with a message. Each change is stored in the plan before Outlook is asked, so a reload or
// another device shows a change that may already have gone out, and finishing it never sends it twice.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup, Select, Spinner, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { addInvitee, cancelMeeting, moveMeeting, pendingChange, removeInvitee } from '../../../app/eventChanges';
import type { ChangeOutcome } from '../../../app/eventChanges';
import { inviteeFromPerson, searchColleagues } from '../../../app/invitations';
import type { InviteeResponse } from '../../../app/invitations';
import type { Person, Services } from '../../../app/ports';
import { amsterdamDay, amsterdamInstant, amsterdamLocal, eventLifeOf, REASON_LABELS, REASONS } from '../../../domain';
import type { Meeting, Reason } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { formatDateTime } from '../../format';
import { t } from '../../messages';
import type { PlanEdits } from '../prepare/prepareUi';
import { useSectionStyles } from '../prepare/sectionStyles';

type Busy = 'move' | 'add' | 'remove' | 'cancel' | 'finish' | 'search' | undefined;
type Notice = { kind: 'success' | 'info'; text: string } | { kind: 'error'; error: unknown; retry?: () => void };

export function ChangeMeetingSection({ services, edits, meeting, invitees, onChanged }: {
  services: Services; edits: PlanEdits; meeting: Meeting; invitees: InviteeResponse[]; onChanged: () => void;
}) {
  const styles = useSectionStyles();
  const { plan, access } = edits;
  const life = eventLifeOf(plan, meeting);
  const pending = pendingChange(plan, meeting.id);
  const local = amsterdamLocal(Date.parse(meeting.start));
  const [date, setDate] = useState(local.slice(0, 10));
  const [time, setTime] = useState(local.slice(11, 16));
  const [busy, setBusy] = useState<Busy>();
  const [notice, setNotice] = useState<Notice>();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[]>();
  const [chosen, setChosen] = useState<string>();
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [expectation, setExpectation] = useState('');
  const [removeId, setRemoveId] = useState<string>('');
  const [cancelText, setCancelText] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);

  if (life.name === 'cancelled') {
    const at = plan.actions.find((a) => a.meetingId === meeting.id && a.kind === 'cancelled')?.at;
    return (
      <section aria-labelledby="change-heading" className={styles.section}>
        <h2 id="change-heading">{t('calendar.change.heading')}</h2>
        <div aria-live="polite">
          {notice?.kind === 'success' && <MessageBar intent="success"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
        </div>
        <p>{at ? t('calendar.change.cancelledAt', { time: formatDateTime(at) }) : t('calendar.change.cancelled')}</p>
      </section>
    );
  }
  if (life.name !== 'sent' && life.name !== 'moved') return null;

  const run = async (kind: Busy, work: () => Promise<ChangeOutcome>, success: string, retry: () => void) => {
    setBusy(kind);
    setNotice(undefined);
    try {
      const outcome = await work();
      if (outcome.kind === 'done') {
        setNotice({ kind: 'success', text: success });
        onChanged();
      } else if (outcome.kind === 'blocked') setNotice({ kind: 'info', text: outcome.problems.map((p) => p.message).join(' ') });
      else setNotice({ kind: 'info', text: t(`calendar.change.nothing.${outcome.reason}`) });
    } catch (error) {
      setNotice({ kind: 'error', error, retry });
    } finally {
      setBusy(undefined);
    }
  };

  const typed = amsterdamInstant(`${date}T${time}:00`);
  // Only a time still to come: a sent SO is never moved into the past.
  const past = typed !== undefined && Date.parse(typed) <= services.clock.now().getTime();
  const newStart = past ? undefined : typed;
  const move = () => {
    if (!newStart) return;
    void run('move', () => moveMeeting(services, access, meeting.id, newStart), t('calendar.change.moved', { time: formatDateTime(newStart) }), move);
  };
  const finish = () => {
    if (!pending) return;
    if (pending.kind === 'moved') void run('finish', () => moveMeeting(services, access, meeting.id, pending.until!), t('calendar.change.finished'), finish);
    else void run('finish', () => cancelMeeting(services, access, meeting.id, pending.comment ?? ''), t('calendar.change.finished'), finish);
  };
  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy('search');
    setChosen(undefined);
    try {
      const people = await searchColleagues(services, query);
      setFound(people.filter((p) => p.mail && !plan.participants.some((x) => (x.email ?? '').toLowerCase() === p.mail!.toLowerCase() && invitees.some((i) => i.participantId === x.id))));
    } catch (error) {
      setNotice({ kind: 'error', error });
    } finally {
      setBusy(undefined);
    }
  };
  const person = found?.find((p) => p.id === chosen);
  const add = () => {
    if (!person || reasons.length === 0) return;
    const invitee = { ...inviteeFromPerson(person), reasons, ...(expectation.trim() ? { expectation: expectation.trim() } : {}) };
    void run('add', () => addInvitee(services, access, meeting.id, invitee), t('calendar.change.added', { name: person.displayName }), add).then(() => {
      setFound(undefined); setQuery(''); setReasons([]); setExpectation('');
    });
  };
  const removable = invitees.filter((i) => i.email && i.status !== 'organiser');
  const remove = () => {
    const who = removable.find((i) => i.participantId === removeId);
    if (!who) return;
    void run('remove', () => removeInvitee(services, access, meeting.id, who.participantId), t('calendar.change.removed', { name: who.name }), remove);
  };
  const cancel = () => {
    void run('cancel', () => cancelMeeting(services, access, meeting.id, cancelText), t('calendar.change.cancelDone'), cancel).then(() => setConfirmCancel(false));
  };
  const locked = busy !== undefined || pending !== undefined;

  return (
    <section aria-labelledby="change-heading" className={styles.section}>
      <h2 id="change-heading">{t('calendar.change.heading')}</h2>
      <p>{t('calendar.change.intro')}</p>
      {pending && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(pending.kind === 'moved' ? 'calendar.change.pendingMove' : 'calendar.change.pendingCancel', { time: formatDateTime(pending.at) })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={finish} disabledFocusable={busy !== undefined}>{t('calendar.change.finish')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div aria-live="polite" className={styles.stack}>
        {busy !== undefined && busy !== 'search' && <Spinner size="tiny" label={t('calendar.change.busy')} />}
        {notice && notice.kind !== 'error' && <MessageBar intent={notice.kind}><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
      </div>
      {notice?.kind === 'error' && <ErrorNotice error={notice.error} {...(notice.retry ? { onRetry: notice.retry } : {})} />}

      <fieldset className={styles.fieldset}>
        <legend>{t('calendar.change.moveLegend')}</legend>
        <div className={styles.row}>
          <Field label={t('calendar.change.date')} {...(newStart ? {} : { validationState: 'error' as const, validationMessage: t(past ? 'calendar.change.pastTime' : 'calendar.change.invalidTime') })}>
            <Input type="date" value={date} min={amsterdamDay(services.clock.now().getTime())} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t('calendar.change.time')}>
            <Input type="time" value={time} step={900} onChange={(_, d) => setTime(d.value)} />
          </Field>
        </div>
        <p className={styles.hint}>{t('calendar.change.moveHint')}</p>
        <div><Button onClick={move} disabledFocusable={locked || !newStart || Date.parse(newStart) === Date.parse(meeting.start)}>{t('calendar.change.move')}</Button></div>
      </fieldset>

      <form className={styles.fieldset} onSubmit={(e) => void search(e)} aria-label={t('calendar.change.addLegend')}>
        <fieldset className={styles.fieldset}>
          <legend>{t('calendar.change.addLegend')}</legend>
          <div className={styles.row}>
            <Field label={t('calendar.change.search')}>
              <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
            </Field>
            <Button type="submit" disabledFocusable={busy !== undefined || query.trim().length < 2}>{t('calendar.change.find')}</Button>
          </div>
          {found && found.length === 0 && <p role="status">{t('calendar.change.noneFound')}</p>}
          {found && found.length > 0 && (
            <RadioGroup aria-label={t('calendar.change.who')} value={chosen ?? ''} onChange={(_, d) => setChosen(d.value)}>
              {found.map((p) => <Radio key={p.id} value={p.id} label={[p.displayName, p.jobTitle, p.organisation].filter(Boolean).join(' – ')} />)}
            </RadioGroup>
          )}
          {person && (
            <>
              <fieldset className={styles.fieldset}>
                <legend>{t('prepare.invitee.reasons', { name: person.displayName })}</legend>
                {REASONS.map((reason) => (
                  <Checkbox key={reason} label={REASON_LABELS[reason]} checked={reasons.includes(reason)}
                    onChange={(_, d) => setReasons((current) => (d.checked === true ? REASONS.filter((r) => r === reason || current.includes(r)) : current.filter((r) => r !== reason)))} />
                ))}
              </fieldset>
              <Field label={t('prepare.invitee.expectation', { name: person.displayName })}>
                <Textarea value={expectation} onChange={(_, d) => setExpectation(d.value)} rows={2} resize="vertical" />
              </Field>
              <p className={styles.hint}>{t('calendar.change.addHint')}</p>
              <div>
                <Button appearance="primary" onClick={add} disabledFocusable={locked || reasons.length === 0}>{t('calendar.change.add', { name: person.displayName })}</Button>
              </div>
            </>
          )}
        </fieldset>
      </form>

      {removable.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend>{t('calendar.change.removeLegend')}</legend>
          <Field label={t('calendar.change.removeWho')}>
            <Select value={removeId} onChange={(_, d) => setRemoveId(d.value)}>
              <option value="">{t('calendar.change.removeChoose')}</option>
              {removable.map((i) => <option key={i.participantId} value={i.participantId}>{i.name}</option>)}
            </Select>
          </Field>
          <p className={styles.hint}>{t('calendar.change.removeHint')}</p>
          <div><Button onClick={remove} disabledFocusable={locked || removeId === ''}>{t('calendar.change.remove')}</Button></div>
        </fieldset>
      )}

      <fieldset className={styles.fieldset}>
        <legend>{t('calendar.change.cancelLegend')}</legend>
        <Field label={t('calendar.change.cancelMessage')} hint={t('calendar.change.cancelHint')}>
          <Textarea value={cancelText} onChange={(_, d) => setCancelText(d.value)} rows={3} resize="vertical" />
        </Field>
        {!confirmCancel ? (
          <div><Button onClick={() => setConfirmCancel(true)} disabledFocusable={locked || cancelText.trim() === ''}>{t('calendar.change.cancel')}</Button></div>
        ) : (
          <div className={styles.row} role="group" aria-label={t('calendar.change.cancelConfirm')}>
            <span>{t('calendar.change.cancelConfirm')}</span>
            <Button appearance="primary" onClick={cancel} disabledFocusable={locked}>{t('calendar.change.cancelYes')}</Button>
            <Button onClick={() => setConfirmCancel(false)} disabled={busy === 'cancel'}>{t('calendar.change.cancelNo')}</Button>
          </div>
        )}
      </fieldset>
    </section>
  );
}
