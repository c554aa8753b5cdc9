// Step 2: the preparation checklist of Leerplan 4.3, each item with its state in words, and the fields
// that are not asked elsewhere: chair, note taker, what the resident needs to keep regie, history.
import { Field, Select, Textarea } from '@fluentui/react-components';
import { hasConsentFor, updateMeeting } from '../../../domain';
import type { Meeting, MeetingPatch, PlanParticipant, Problem } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { fieldId, problemsAt, validation } from './prepareUi';
import type { PlanEdits } from './prepareUi';
import { useSectionStyles } from './sectionStyles';

export function ChecklistSection({ edits, meeting, invitees, problems, disabled }: { edits: PlanEdits; meeting: Meeting; invitees: PlanParticipant[]; problems: Problem[]; disabled: boolean }) {
  const styles = useSectionStyles();
  const set = (patch: MeetingPatch) => edits.edit((p) => updateMeeting(p, meeting.id, patch, { now: edits.now() }));
  const invited = new Set(invitees.map((p) => p.id));
  const chosen = (id: string | undefined) => id !== undefined && invited.has(id);
  const filled = (text: string | undefined) => (text ?? '').trim() !== '';
  const items: [MessageKey, boolean, boolean?][] = [
    ['prepare.check.consent', hasConsentFor(edits.plan, 'meeting')],
    ['prepare.check.location', meeting.location.kind === 'home' || filled(meeting.location.description)],
    ['prepare.check.goal', filled(meeting.goal)],
    ['prepare.check.chair', chosen(meeting.chairParticipantId)],
    ['prepare.check.noteTaker', chosen(meeting.noteTakerParticipantId)],
    ['prepare.check.residentSupport', filled(meeting.preparation?.residentSupport)],
    ['prepare.check.history', filled(meeting.preparation?.history), true],
  ];
  const people = invitees.filter((p) => p.role !== 'resident');

  return (
    <section aria-labelledby="prepare-checklist" className={styles.section}>
      <h2 id="prepare-checklist">{t('prepare.checklist.heading')}</h2>
      <ul className={styles.plainList} aria-label={t('prepare.checklist.label')}>
        {items.map(([key, done, optional]) => (
          <li key={key}>
            {t(key)}: <strong>{done ? t('prepare.check.done') : optional ? t('prepare.check.optional') : t('prepare.check.todo')}</strong>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Field id={fieldId('chair')} label={t('prepare.chair')} {...validation(problemsAt(problems, 'chair'))}>
          <Select value={chosen(meeting.chairParticipantId) ? meeting.chairParticipantId : ''} disabled={disabled}
            onChange={(_, data) => set({ chairParticipantId: data.value === '' ? undefined : data.value })}>
            <option value="">{t('prepare.choose')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </Field>
        <Field id={fieldId('noteTaker')} label={t('prepare.noteTaker')} {...validation(problemsAt(problems, 'noteTaker'))}>
          <Select value={chosen(meeting.noteTakerParticipantId) ? meeting.noteTakerParticipantId : ''} disabled={disabled}
            onChange={(_, data) => set({ noteTakerParticipantId: data.value === '' ? undefined : data.value })}>
            <option value="">{t('prepare.choose')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </Select>
        </Field>
      </div>
      <Field id={fieldId('preparation.residentSupport')} label={t('prepare.residentSupport')} hint={t('prepare.residentSupport.hint')} {...validation(problemsAt(problems, 'preparation.residentSupport'))}>
        <Textarea value={meeting.preparation?.residentSupport ?? ''} disabled={disabled} resize="vertical" rows={2}
          onChange={(_, data) => set({ preparation: { residentSupport: data.value } })} />
      </Field>
      <Field label={t('prepare.history')} hint={t('prepare.history.hint')}>
        <Textarea value={meeting.preparation?.history ?? ''} disabled={disabled} resize="vertical" rows={2}
          onChange={(_, data) => set({ preparation: { history: data.value } })} />
      </Field>
    </section>
  );
}
