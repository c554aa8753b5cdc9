// The Outlook add-in on an appointment the case director is composing: choose the case and its planned SO, and
// the app fills this appointment (subject, time, place, invitees, text, hand-out) with exactly the invitation the
// personal tab would send. The case director checks it and sends it with Outlook's own Send button.
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listMyCases } from '../../app/cases';
import { invitationForMeeting } from '../../app/invitations';
import type { MeetingInvitation } from '../../app/invitations';
import { openPlan } from '../../app/planDocument';
import type { LoadedPlan } from '../../app/planDocument';
import type { CaseListEntry, Person, Services } from '../../app/ports';
import { hasErrors, protectedPeople } from '../../domain';
import type { Meeting, Plan } from '../../domain';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import { formatSpan } from '../participant/participantText';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, maxWidth: '40rem' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  prose: { margin: 0, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** SOs still to be held, soonest first: the ones an invitation can be for. */
export function plannedMeetings(plan: Plan): Meeting[] {
  return plan.meetings.filter((m) => m.status === 'planned').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function meetingLabel(m: Meeting): string {
  const end = new Date(Date.parse(m.start) + m.durationMinutes * 60_000).toISOString();
  return `${formatSpan(m.start, end)}${m.eventId ? ` – ${t('addin.organizer.alreadySent')}` : ''}`;
}

type Step<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };
type Fill = { state: 'idle' } | { state: 'filling' } | { state: 'done' } | { state: 'failed'; error: unknown };

export function AddinOrganizerScreen({ services }: { services: Services }) {
  const styles = useStyles();
  const [cases, setCases] = useState<Step<CaseListEntry[]>>({ state: 'loading' });
  const [me, setMe] = useState<Step<Person>>({ state: 'loading' });
  const [documentId, setDocumentId] = useState('');
  const [plan, setPlan] = useState<Step<LoadedPlan>>({ state: 'idle' });
  const [meetingId, setMeetingId] = useState<string>();
  const [fill, setFill] = useState<Fill>({ state: 'idle' });

  const loadCases = useCallback(async () => {
    setCases({ state: 'loading' });
    setMe({ state: 'loading' });
    const [list, who] = await Promise.allSettled([listMyCases(services), services.directory.me()]);
    setCases(list.status === 'fulfilled' ? { state: 'ready', value: list.value } : { state: 'failed', error: list.reason });
    setMe(who.status === 'fulfilled' ? { state: 'ready', value: who.value } : { state: 'failed', error: who.reason });
  }, [services]);

  useEffect(() => { void loadCases(); }, [loadCases]);

  const loadPlan = useCallback(async (id: string) => {
    setPlan({ state: 'loading' });
    setMeetingId(undefined);
    setFill({ state: 'idle' });
    try {
      const loaded = await openPlan(services, id);
      setPlan({ state: 'ready', value: loaded });
      setMeetingId((plannedMeetings(loaded.plan).find((m) => m.eventId === undefined) ?? plannedMeetings(loaded.plan)[0])?.id);
    } catch (error) {
      setPlan({ state: 'failed', error });
    }
  }, [services]);

  const meetings = plan.state === 'ready' ? plannedMeetings(plan.value.plan) : [];
  const meeting = meetings.find((m) => m.id === meetingId);

  const invitation = useMemo<MeetingInvitation | undefined>(() => {
    if (plan.state !== 'ready' || !meeting || me.state !== 'ready') return undefined;
    return invitationForMeeting(plan.value.plan, meeting.id, {
      organiser: { name: me.value.displayName, email: me.value.mail ?? '' },
      municipality: services.municipality,
      now: services.clock.now(),
    });
  }, [plan, meeting, me, services]);

  const errors = invitation?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = invitation?.problems.filter((p) => p.severity === 'warning') ?? [];
  const blocked = !invitation || hasErrors(invitation.problems) || meeting?.eventId !== undefined || !services.outlook;

  const fillAppointment = async () => {
    if (!invitation || blocked || !services.outlook) return;
    setFill({ state: 'filling' });
    try {
      const handout = await services.handout.load();
      await services.outlook.fillAppointment({
        subject: invitation.subject,
        html: invitation.html,
        text: invitation.text,
        location: invitation.location,
        start: invitation.start,
        end: invitation.end,
        requiredAttendees: invitation.attendees.filter((a) => a.type === 'required').map((a) => ({ name: a.name, email: a.email })),
        optionalAttendees: invitation.attendees.filter((a) => a.type === 'optional').map((a) => ({ name: a.name, email: a.email })),
        attachment: { name: handout.name, bytesBase64: handout.bytesBase64 },
        // For Outlook's send-time check: it holds the invitation back if these names are typed in later.
        protectedPeople: plan.state === 'ready' ? protectedPeople(plan.value.plan) : [],
      });
      setFill({ state: 'done' });
    } catch (error) {
      setFill({ state: 'failed', error });
    }
  };

  return (
    <div className={styles.page}>
      <h1 style={{ margin: 0 }}>{t('addin.organizer.heading')}</h1>
      <p className={styles.prose}>{t('addin.organizer.intro')}</p>

      {(cases.state === 'loading' || me.state === 'loading') && <Spinner label={t('addin.organizer.loadingCases')} />}
      {cases.state === 'failed' && <ErrorNotice error={cases.error} onRetry={() => void loadCases()} />}
      {cases.state !== 'failed' && me.state === 'failed' && <ErrorNotice error={me.error} onRetry={() => void loadCases()} />}
      {cases.state === 'ready' && cases.value.length === 0 && <p className={styles.prose}>{t('addin.organizer.noCases')}</p>}
      {cases.state === 'ready' && cases.value.length > 0 && (
        <Field label={t('addin.organizer.case')}>
          <Select
            value={documentId}
            onChange={(_, data) => {
              setDocumentId(data.value);
              if (data.value) void loadPlan(data.value);
              else setPlan({ state: 'idle' });
            }}
          >
            <option value="">{t('addin.organizer.chooseCase')}</option>
            {cases.value.map((c) => <option key={c.documentId} value={c.documentId}>{c.caseAlias}</option>)}
          </Select>
        </Field>
      )}

      {plan.state === 'loading' && <Spinner label={t('addin.organizer.loadingPlan')} />}
      {plan.state === 'failed' && <ErrorNotice error={plan.error} onRetry={() => void loadPlan(documentId)} />}
      {plan.state === 'ready' && meetings.length === 0 && (
        <MessageBar intent="info"><MessageBarBody>{t('addin.organizer.noMeetings')}</MessageBarBody></MessageBar>
      )}
      {plan.state === 'ready' && meetings.length > 0 && (
        <Field label={t('addin.organizer.meeting')}>
          <RadioGroup value={meetingId ?? ''} onChange={(_, data) => { setMeetingId(data.value); setFill({ state: 'idle' }); }}>
            {meetings.map((m) => <Radio key={m.id} value={m.id} label={meetingLabel(m)} />)}
          </RadioGroup>
        </Field>
      )}

      {invitation && meeting && (
        <section className={styles.section} aria-labelledby="addin-preview">
          <h2 id="addin-preview" className={styles.h2}>{t('addin.organizer.preview')}</h2>
          <p className={styles.prose}><strong>{t('addin.organizer.subject')}</strong> {invitation.subject}</p>
          <p className={styles.prose}><strong>{t('addin.organizer.where')}</strong> {invitation.location}</p>
          <p className={styles.prose}><strong>{t('addin.organizer.invitees', { count: invitation.attendees.length })}</strong></p>
          {invitation.attendees.length > 0 && (
            <ul className={styles.list}>
              {invitation.attendees.map((a) => <li key={a.email}>{a.type === 'optional' ? t('addin.organizer.optional', { name: a.name }) : a.name}</li>)}
            </ul>
          )}
          {invitation.byPhone.length > 0 && (
            <p className={styles.prose}>{t('addin.organizer.byPhone', { names: invitation.byPhone.map((p) => p.name).join(', ') })}</p>
          )}
          {meeting.eventId !== undefined && (
            <MessageBar intent="info"><MessageBarBody>{t('addin.organizer.sentNotice')}</MessageBarBody></MessageBar>
          )}
          {errors.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {t('addin.organizer.errors')}
                <ul className={styles.list}>{errors.map((p, i) => <li key={`${p.code}-${i}`}>{p.message}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {warnings.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t('addin.organizer.warnings')}
                <ul className={styles.list}>{warnings.map((p, i) => <li key={`${p.code}-${i}`}>{p.message}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={blocked || fill.state === 'filling'} onClick={() => void fillAppointment()}>
              {t('addin.organizer.fill')}
            </Button>
            {fill.state === 'filling' && <Spinner size="tiny" label={t('addin.organizer.filling')} />}
          </div>
        </section>
      )}
      <div aria-live="polite">
        {fill.state === 'done' && <MessageBar intent="success"><MessageBarBody>{t('addin.organizer.filled')}</MessageBarBody></MessageBar>}
      </div>
      {fill.state === 'failed' && <ErrorNotice error={fill.error} onRetry={() => void fillAppointment()} />}
    </div>
  );
}
