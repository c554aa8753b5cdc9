// Step 10 of the SO: when the agreements are looked back on, who organises that, and whether that happens
// in an SO or by mail. The draft stays on screen with its problems until it can be stored.
import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { newRecordId } from '../../../app/planAccess';
import type { Services } from '../../../app/ports';
import { agreementOwnerName, agreementOwnerOptions, checkEvaluationDraft, defaultDue, hasErrors, planEvaluation } from '../../../domain';
import type { EvaluationDraft, Meeting } from '../../../domain';
import { t } from '../../messages';
import { OwnerOptions } from './AgreementFields';
import { EvaluationInvite } from './EvaluationInvite';
import { problemsAt, todayOf, useRecordStyles, validation } from './recordUi';
import type { RecordDocument } from './recordUi';
import { formatDay } from '../../format';

type How = EvaluationDraft['how'];
interface Shown { date: string; organiser: string; how: How }

export function EvaluationSection({ services, document, meeting }: { services: Services; document: RecordDocument; meeting: Meeting }) {
  const styles = useRecordStyles();
  const { plan } = document;
  const stored = plan.evaluations.find((e) => e.meetingId === meeting.id);
  // What is stored (or the defaults), with what the user changed on top until it is stored.
  const base: Shown = stored
    ? { date: stored.date, organiser: stored.organiserParticipantId ?? '', how: stored.how }
    : { date: defaultDue(meeting.start), organiser: plan.caseDirection.caseDirectorParticipantId ?? '', how: 'meeting' };
  const [changes, setChanges] = useState<Partial<Shown>>({});
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState<string>();
  const dateRef = useRef<HTMLInputElement>(null);
  const organiserRef = useRef<HTMLSelectElement>(null);
  const shown: Shown = { ...base, ...changes };
  const options = agreementOwnerOptions(plan, meeting.id);

  const draft: EvaluationDraft = {
    id: stored?.id ?? 'new',
    date: shown.date,
    how: shown.how,
    meetingId: meeting.id,
    ...(shown.organiser !== '' ? { organiserParticipantId: shown.organiser } : {}),
  };
  const problems = checkEvaluationDraft(draft, { today: todayOf(services), meetingDate: meeting.start });
  // A missing organiser counts once someone tries to store the evaluation; a date is judged at once.
  const visible = submitted ? problems : problems.filter((p) => p.path !== 'organiserParticipantId' || p.severity !== 'error');
  const set = (patch: Partial<Shown>) => { setChanges((c) => ({ ...c, ...patch })); setSaved(undefined); };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (hasErrors(problems)) {
      setSubmitted(true);
      const first = problems.find((p) => p.severity === 'error');
      (first?.path === 'date' ? dateRef : organiserRef).current?.focus();
      return;
    }
    const at = services.clock.now().toISOString();
    document.update((p) => planEvaluation(p, { ...draft, id: stored?.id ?? newRecordId('e') }, at));
    setChanges({});
    setSubmitted(false);
    setSaved(t('record.evaluation.saved', { date: formatDay(draft.date) }));
  };

  return (
    <section className={styles.section} aria-labelledby="record-evaluation">
      <h3 id="record-evaluation" className={styles.heading}>{t('record.evaluation.heading')}</h3>
      {stored && (
        <p className={styles.intro}>
          {t(stored.how === 'mail' ? 'record.evaluation.storedMail' : 'record.evaluation.storedMeeting', {
            date: formatDay(stored.date),
            organiser: stored.organiserParticipantId ? agreementOwnerName(plan, stored.organiserParticipantId) : t('record.evaluation.noOrganiser'),
          })}
        </p>
      )}
      <form onSubmit={save} noValidate aria-labelledby="record-evaluation">
        <div className={styles.section}>
          <div className={styles.row}>
            <Field className={styles.grow} label={t('record.evaluation.date')} required {...validation(problemsAt(visible, 'date'))}>
              <Input ref={dateRef} className={styles.control} type="date" value={shown.date} onChange={(_, data) => set({ date: data.value })} />
            </Field>
            <Field className={styles.grow} label={t('record.evaluation.organiser')} required {...validation(problemsAt(visible, 'organiserParticipantId'))}>
              <Select ref={organiserRef} className={styles.control} value={shown.organiser} onChange={(_, data) => set({ organiser: data.value })}>
                <option value="">{t('record.who.choose')}</option>
                <OwnerOptions options={options} current={shown.organiser} />
              </Select>
            </Field>
          </div>
          <Field label={t('record.evaluation.how')} {...validation(problemsAt(visible, 'how'))}>
            <RadioGroup layout="horizontal" value={shown.how} onChange={(_, data) => set({ how: data.value as How })}>
              <Radio value="meeting" label={t('record.evaluation.how.meeting')} />
              <Radio value="mail" label={t('record.evaluation.how.mail')} />
            </RadioGroup>
          </Field>
          {visible.filter((p) => !['date', 'organiserParticipantId', 'how'].some((f) => problemsAt([p], f).length > 0)).map((p) => (
            <p key={`${p.code}-${p.path ?? ''}`} className={styles.note}>{p.message}</p>
          ))}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary">{stored ? t('record.evaluation.update') : t('record.evaluation.save')}</Button>
          </div>
          <p className={styles.note} role="status" aria-live="polite">{saved ?? ''}</p>
        </div>
      </form>
      {stored?.how === 'meeting' && (
        <EvaluationInvite services={services} document={document} meeting={meeting} evaluation={stored} unsaved={Object.keys(changes).length > 0} />
      )}
    </section>
  );
}
