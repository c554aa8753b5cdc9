// Someone got the invitation through a forward: the case director says why they are welcome, and they
// join the plan's invitees.
import { Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { addForwardedParticipant } from '../../../app/invitations';
import type { ForwardedAttendee } from '../../../app/invitations';
import type { Services } from '../../../app/ports';
import { REASON_LABELS, REASONS } from '../../../domain';
import type { Reason } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { t } from '../../messages';
import type { PlanEdits } from '../prepare/prepareUi';
import { useSectionStyles } from '../prepare/sectionStyles';

export function ForwardedReasonForm({ services, edits, meetingId, person, onDone, onCancel }: {
  services: Services; edits: PlanEdits; meetingId: string; person: ForwardedAttendee; onDone: () => void; onCancel: () => void;
}) {
  const styles = useSectionStyles();
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [expectation, setExpectation] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setTried(true);
    if (reasons.length === 0) return;
    setSaving(true);
    setError(undefined);
    try {
      await addForwardedParticipant(services, edits.access, meetingId, { name: person.name, email: person.email, reasons, expectation });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} className={styles.fieldset} aria-label={t('responses.forwarded.formLabel', { name: person.name })}>
      {person.passedBy ? (
        <p>{t('calendar.forward.note', { from: person.passedBy.name, name: person.name, note: person.passedBy.note || t('calendar.forward.noNote') })}</p>
      ) : (
        <p>{t('calendar.forward.unknown', { name: person.name })}</p>
      )}
      <fieldset className={styles.fieldset}>
        <legend>{t('prepare.invitee.reasons', { name: person.name })}</legend>
        {REASONS.map((reason) => (
          <Checkbox key={reason} label={REASON_LABELS[reason]} checked={reasons.includes(reason)}
            onChange={(_, data) => setReasons((current) => (data.checked === true ? REASONS.filter((r) => r === reason || current.includes(r)) : current.filter((r) => r !== reason)))} />
        ))}
        {tried && reasons.length === 0 && <p role="alert">{t('responses.forwarded.reasonMissing')}</p>}
      </fieldset>
      <Field label={t('prepare.invitee.expectation', { name: person.name })}>
        <Textarea value={expectation} onChange={(_, data) => setExpectation(data.value)} rows={2} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>{t('responses.forwarded.save')}</Button>
        <Button onClick={onCancel} disabled={saving}>{t('responses.cancel')}</Button>
      </div>
      {error !== undefined && <ErrorNotice error={error} onRetry={() => void save()} />}
    </form>
  );
}
