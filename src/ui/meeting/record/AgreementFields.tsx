// The fields of one agreement (wie / wat / uiterlijk / bij welk "ik wil"-punt / perspectief), used by the
// form that adds an agreement and by the dialog that changes one. The draft lives in the form that owns it:
// typing here re-renders that form only, never the list of agreements.
import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Ref } from 'react';
import { checkAgreement } from '../../../domain';
import type { OwnerOption, ParticipantRole, Problem, Want } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { plannerPrivacyWarning, problemsAt, useRecordStyles, validation } from './recordUi';

export interface AgreementDraft {
  who: string;
  what: string;
  due: string;
  /** '' when the agreement is not tied to an "ik wil" point. */
  wantId: string;
  perspectiveOnly: boolean;
  /** Kept while the box is unticked, so ticking it again brings back what was typed. */
  perspectiveNote: string;
}

const ROLE_GROUP: Record<ParticipantRole, MessageKey> = {
  resident: 'record.who.group.resident',
  network: 'record.who.group.network',
  professional: 'record.who.group.professional',
};

const ROLES: readonly ParticipantRole[] = ['resident', 'network', 'professional'];

/** What checkAgreement finds in a draft, for the meeting held on `meetingDate`. */
export function draftProblems(draft: AgreementDraft, context: { meetingDate: string; today: string }): Problem[] {
  return checkAgreement({ id: 'draft', who: draft.who, what: draft.what, due: draft.due, perspectiveOnly: draft.perspectiveOnly, perspectiveNote: draft.perspectiveNote }, context);
}

export function ownerLabel(option: OwnerOption): string {
  return option.role === 'professional' && option.organisation ? `${option.name} (${option.organisation})` : option.name;
}

/** "Ik wil"-point n with the start of its text, so the chair recognises it in a 320 px panel. */
export function wantLabel(want: Want, index: number): string {
  const text = want.text.trim().replace(/\s+/g, ' ');
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return t('record.want.option', { n: index + 1, text: short });
}

/** The people of the meeting as <option>s grouped by role; a chosen id no longer among them stays selectable. */
export function OwnerOptions({ options, current }: { options: readonly OwnerOption[]; current: string }) {
  const unknown = current !== '' && !options.some((o) => o.participantId === current);
  return (
    <>
      {ROLES.map((role) => {
        const people = options.filter((o) => o.role === role);
        if (people.length === 0) return null;
        return (
          <optgroup key={role} label={t(ROLE_GROUP[role])}>
            {people.map((o) => <option key={o.participantId} value={o.participantId}>{ownerLabel(o)}</option>)}
          </optgroup>
        );
      })}
      {unknown && <option value={current}>{t('record.who.other')}</option>}
    </>
  );
}

interface Props {
  /** Makes the ids unique when the add form and the edit dialog are on screen together. */
  idPrefix: string;
  draft: AgreementDraft;
  set(patch: Partial<AgreementDraft>): void;
  /** The problems to show now (the owner decides when an empty field starts to count). */
  problems: readonly Problem[];
  options: readonly OwnerOption[];
  wants: readonly Want[];
  whoRef?: Ref<HTMLSelectElement>;
  whatRef?: Ref<HTMLTextAreaElement>;
  dueRef?: Ref<HTMLInputElement>;
  perspectiveRef?: Ref<HTMLTextAreaElement>;
}

export function AgreementFields({ idPrefix, draft, set, problems, options, wants, whoRef, whatRef, dueRef, perspectiveRef }: Props) {
  const styles = useRecordStyles();
  return (
    <>
      <Field label={t('record.who')} required {...validation(problemsAt(problems, 'who'))}>
        <Select id={`${idPrefix}-who`} ref={whoRef} className={styles.control} value={draft.who} onChange={(_, data) => set({ who: data.value })}>
          <option value="">{t('record.who.choose')}</option>
          <OwnerOptions options={options} current={draft.who} />
        </Select>
      </Field>
      <Field label={t('record.what')} hint={t('record.what.hint')} required {...validation(problemsAt(problems, 'what'), plannerPrivacyWarning(draft.what))}>
        <Textarea id={`${idPrefix}-what`} ref={whatRef} className={styles.control} resize="vertical" rows={2} value={draft.what} onChange={(_, data) => set({ what: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label={t('record.due')} required {...validation(problemsAt(problems, 'due'))}>
          <Input id={`${idPrefix}-due`} ref={dueRef} className={styles.control} type="date" value={draft.due} onChange={(_, data) => set({ due: data.value })} />
        </Field>
        {wants.length > 0 && (
          <Field className={styles.grow} label={t('record.want')}>
            <Select id={`${idPrefix}-want`} className={styles.control} value={draft.wantId} onChange={(_, data) => set({ wantId: data.value })}>
              <option value="">{t('record.want.none')}</option>
              {wants.map((w, i) => <option key={w.id} value={w.id}>{wantLabel(w, i)}</option>)}
            </Select>
          </Field>
        )}
      </div>
      <Checkbox
        id={`${idPrefix}-perspective`}
        checked={draft.perspectiveOnly}
        onChange={(_, data) => set({ perspectiveOnly: data.checked === true })}
        label={t('record.perspective')}
      />
      {draft.perspectiveOnly && (
        <Field label={t('record.perspective.note')} hint={t('record.perspective.note.hint')} required {...validation(problemsAt(problems, 'perspectiveNote'), plannerPrivacyWarning(draft.perspectiveNote))}>
          <Textarea id={`${idPrefix}-perspective-note`} ref={perspectiveRef} className={styles.control} resize="vertical" rows={2} value={draft.perspectiveNote} onChange={(_, data) => set({ perspectiveNote: data.value })} />
        </Field>
      )}
    </>
  );
}
