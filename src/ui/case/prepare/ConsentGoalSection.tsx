// Step 1: the resident's consent for the SO, where it is held, and its goal (with priorities when the
// goal does not fit one meeting).
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { newRecordId } from '../../../app/planAccess';
import { hasConsentFor, isCalendarDay, recordMeetingConsent, updateMeeting } from '../../../domain';
import type { Consent, Meeting, Problem } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { fieldId, problemsAt, validation } from './prepareUi';
import type { PlanEdits } from './prepareUi';
import { useSectionStyles } from './sectionStyles';
import { formatDay } from '../../format';

const HOW: Record<Consent['how'], MessageKey> = { verbal: 'prepare.consent.how.verbal', written: 'prepare.consent.how.written', digital: 'prepare.consent.how.digital' };

export function ConsentGoalSection({ edits, meeting, problems, userId, disabled }: { edits: PlanEdits; meeting: Meeting; problems: Problem[]; userId: string; disabled: boolean }) {
  const styles = useSectionStyles();
  const { plan } = edits;
  const [how, setHow] = useState<Consent['how']>('verbal');
  const [date, setDate] = useState(edits.today());
  const [refused, setRefused] = useState<Problem[]>();
  const consent = [...plan.consents].reverse().find((c) => c.subject === 'meeting' && c.revokedAt === undefined);
  const consentProblems = [...problemsAt(problems, 'consent'), ...problems.filter((p) => p.code === 'consent-invitee')];
  const set = (patch: Parameters<typeof updateMeeting>[2]) => setRefused(edits.edit((p) => updateMeeting(p, meeting.id, patch, { now: edits.now() })));

  const record = () => {
    setRefused(edits.edit((p) => recordMeetingConsent(p, meeting.id, { id: newRecordId('c'), date, how, byUserId: userId, now: edits.now() })));
  };

  return (
    <section aria-labelledby="prepare-consent" className={styles.section}>
      <h2 id="prepare-consent">{t('prepare.consent.heading')}</h2>
      <div id={fieldId('consent')} tabIndex={-1} className={styles.stack}>
        {consent && hasConsentFor(plan, 'meeting') ? (
          <p>{t('prepare.consent.given', { date: formatDay(consent.date), how: t(HOW[consent.how]) })}</p>
        ) : (
          <p>{t('prepare.consent.none')}</p>
        )}
        {consentProblems.length > 0 && (
          <MessageBar intent={consentProblems.some((p) => p.severity === 'error') ? 'error' : 'warning'}>
            <MessageBarBody>{consentProblems.map((p) => p.message).join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        {!disabled && (!consent || consentProblems.length > 0) && (
          <fieldset className={styles.fieldset}>
            <legend>{consent ? t('prepare.consent.update') : t('prepare.consent.record')}</legend>
            <p className={styles.hint}>{t('prepare.consent.covers')}</p>
            <RadioGroup value={how} onChange={(_, data) => setHow(data.value as Consent['how'])} aria-label={t('prepare.consent.how')} layout="horizontal">
              {(Object.keys(HOW) as Consent['how'][]).map((key) => <Radio key={key} value={key} label={t(HOW[key])} />)}
            </RadioGroup>
            <Field label={t('prepare.consent.date')} {...(isCalendarDay(date) ? {} : { validationState: 'error' as const, validationMessage: t('prepare.invalidDate') })}>
              <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
            </Field>
            <div>
              <Button onClick={record} disabled={!isCalendarDay(date)}>{consent ? t('prepare.consent.updateButton') : t('prepare.consent.recordButton')}</Button>
            </div>
          </fieldset>
        )}
      </div>

      <Field id={fieldId('location')} label={t('prepare.location')}>
        <RadioGroup
          value={meeting.location.kind}
          disabled={disabled}
          onChange={(_, data) => set({ location: data.value === 'home' ? { kind: 'home' } : { kind: 'other', description: meeting.location.kind === 'other' ? meeting.location.description : '' } })}
        >
          <Radio value="home" label={t('prepare.location.home')} />
          <Radio value="other" label={t('prepare.location.other')} />
        </RadioGroup>
      </Field>
      {meeting.location.kind === 'home' && (
        // Personal data: kept in the plan only; the event says "bij de inwoner thuis", and whoever accepted (with
        // the resident's consent) gets the address by mail from the Reacties tab.
        <Field id={fieldId('address')} label={t('calendar.address.label')} hint={t('calendar.address.hint')}>
          <Textarea value={meeting.address ?? ''} resize="vertical" rows={2} onChange={(_, data) => set({ address: data.value === '' ? undefined : data.value })} />
        </Field>
      )}
      {meeting.location.kind === 'other' && (
        <Field id={fieldId('location.description')} label={t('prepare.location.description')} hint={t('prepare.location.hint')} {...validation(problemsAt(problems, 'location.description'))}>
          <Input value={meeting.location.description} disabled={disabled} maxLength={255}
            onChange={(_, data) => set({ location: { kind: 'other', description: data.value } })} />
        </Field>
      )}

      <Field id={fieldId('goal')} label={t('prepare.goal')} hint={t('prepare.goal.hint')} required {...validation(problemsAt(problems, 'goal'))}>
        <Textarea value={meeting.goal} disabled={disabled} resize="vertical" rows={3} onChange={(_, data) => set({ goal: data.value })} />
      </Field>
      <Field label={t('prepare.priorities')} hint={t('prepare.priorities.hint')}>
        <Textarea value={meeting.preparation?.priorities ?? ''} disabled={disabled} resize="vertical" rows={2} onChange={(_, data) => set({ preparation: { priorities: data.value } })} />
      </Field>
      {refused && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{refused.map((p) => p.message).join(' ')}</MessageBarBody></MessageBar>
      )}
    </section>
  );
}
