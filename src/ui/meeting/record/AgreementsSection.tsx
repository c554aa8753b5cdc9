// Agreements ("wie doet wat, uiterlijk wanneer"), reachable at every step of the SO: a form to record one
// and the list of this meeting's agreements. The list must stay quick with a couple of hundred rows while
// someone types, so the form keeps its draft to itself and every row is memoised on its agreement object.
import {
  Badge, Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
} from '@fluentui/react-components';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { newRecordId } from '../../../app/planAccess';
import type { Services } from '../../../app/ports';
import { addAgreement, agreementOwnerOptions, defaultDue, editAgreement, hasErrors, meetingAgreements } from '../../../domain';
import type { Agreement, AgreementPatch, EditStamp, Meeting, OwnerOption, Plan, Want } from '../../../domain';
import { t } from '../../messages';
import { AgreementFields, draftProblems, wantLabel } from './AgreementFields';
import type { AgreementDraft } from './AgreementFields';
import { todayOf, useFocusReturn, useRecordStyles, useStamp } from './recordUi';
import type { RecordDocument } from './recordUi';
import { formatDay } from '../../format';

/** Keeps the previous array when the new one holds the same elements, so memoised children can skip. */
function useSameElements<T>(next: readonly T[]): readonly T[] {
  const previous = useRef(next);
  const same = previous.current.length === next.length && previous.current.every((item, i) => item === next[i]);
  if (!same) previous.current = next;
  return previous.current;
}

/** Keeps the previous value while the new one has the same content (small values only: it compares JSON). */
function useSameContent<T>(next: T): T {
  const previous = useRef({ value: next, json: JSON.stringify(next) });
  const json = JSON.stringify(next);
  if (json !== previous.current.json) previous.current = { value: next, json };
  return previous.current.value;
}

/** The want behind a step of the runner: step 'want-2' is the second "ik wil" point. */
function stepWantId(plan: Plan, stepKey: string): string {
  const match = /^want-(\d+)$/.exec(stepKey);
  return match ? plan.wants[Number(match[1]) - 1]?.id ?? '' : '';
}

type Edit = (recipe: (plan: Plan) => Plan) => void;

interface FormProps {
  meeting: Meeting;
  options: readonly OwnerOption[];
  wants: readonly Want[];
  defaultWantId: string;
  today: string;
  onAdd(draft: AgreementDraft): void;
}

/** "Afspraak vastleggen": its draft is its own state, so a keystroke here re-renders this form only. */
const AgreementForm = memo(function AgreementForm({ meeting, options, wants, defaultWantId, today, onAdd }: FormProps) {
  const styles = useRecordStyles();
  const blank = useCallback(
    (): AgreementDraft => ({ who: '', what: '', due: defaultDue(meeting.start), wantId: defaultWantId, perspectiveOnly: false, perspectiveNote: '' }),
    [meeting.start, defaultWantId],
  );
  const [draft, setDraft] = useState<AgreementDraft>(blank);
  const [submitted, setSubmitted] = useState(false);
  const [added, setAdded] = useState<string>();
  const whoRef = useRef<HTMLSelectElement>(null);
  const whatRef = useRef<HTMLTextAreaElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const perspectiveRef = useRef<HTMLTextAreaElement>(null);

  // Moving to another "ik wil" point suggests that point for the next agreement (unless one was chosen).
  const [wantFor, setWantFor] = useState(defaultWantId);
  if (wantFor !== defaultWantId) {
    setWantFor(defaultWantId);
    setDraft((d) => (d.wantId === wantFor ? { ...d, wantId: defaultWantId } : d));
  }

  const problems = draftProblems(draft, { meetingDate: meeting.start, today });
  // An empty "wie" or "wat" only counts once someone tries to add; a date is judged as soon as it is there.
  const shown = submitted ? problems : problems.filter((p) => p.path === 'due');
  const set = (patch: Partial<AgreementDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hasErrors(problems)) {
      setSubmitted(true);
      setAdded(undefined);
      const first = problems.find((p) => p.severity === 'error')?.path;
      (first === 'what' ? whatRef : first === 'due' ? dueRef : first === 'perspectiveNote' ? perspectiveRef : whoRef).current?.focus();
      return;
    }
    onAdd(draft);
    setAdded(t('record.added', { what: draft.what.trim() }));
    setDraft(blank());
    setSubmitted(false);
    whoRef.current?.focus();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="record-new-heading">
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}><span id="record-new-heading">{t('record.new')}</span></legend>
        <AgreementFields idPrefix="record-new" draft={draft} set={set} problems={shown} options={options} wants={wants} whoRef={whoRef} whatRef={whatRef} dueRef={dueRef} perspectiveRef={perspectiveRef} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">{t('record.add')}</Button>
        </div>
        <p className={styles.note} role="status" aria-live="polite">{added ?? ''}</p>
      </fieldset>
    </form>
  );
});

interface RowProps {
  agreement: Agreement;
  owner: string;
  want?: string;
  unsynced: boolean;
  onToggleDone(id: string, done: boolean): void;
  onEdit(id: string): void;
}

/** One agreement. Memoised: it renders again only when its agreement object (or what is shown of it) changes. */
const AgreementRow = memo(function AgreementRow({ agreement, owner, want, unsynced, onToggleDone, onEdit }: RowProps) {
  const styles = useRecordStyles();
  const done = agreement.status === 'done';
  return (
    <li className={done ? `${styles.item} ${styles.itemDone}` : styles.item}>
      <p className={styles.what}><strong>{owner}</strong>: {agreement.what}</p>
      <p className={styles.meta}>
        {t('record.list.due', { date: formatDay(agreement.due) })}
        {want !== undefined && ` · ${want}`}
      </p>
      {agreement.perspectiveOnly === true && agreement.perspectiveNote !== undefined && (
        <p className={styles.meta}>{t('record.list.perspectiveNote', { note: agreement.perspectiveNote })}</p>
      )}
      <div className={styles.badges}>
        {agreement.perspectiveOnly === true && <Badge appearance="tint" color="informative">{t('record.list.perspective')}</Badge>}
        {unsynced && <Badge appearance="outline" color="warning">{t('record.list.unsynced')}</Badge>}
        {agreement.planner !== undefined && <Badge appearance="outline" color="brand">{t('record.list.planner')}</Badge>}
      </div>
      <div className={styles.actions}>
        <Checkbox
          checked={done}
          onChange={(_, data) => onToggleDone(agreement.id, data.checked === true)}
          label={t('record.list.doneToggle')}
          aria-label={t('record.list.doneToggleFor', { what: agreement.what })}
        />
        <Button size="small" id={`record-edit-${agreement.id}`} onClick={() => onEdit(agreement.id)} aria-label={t('record.list.editFor', { what: agreement.what })}>
          {t('record.list.edit')}
        </Button>
      </div>
    </li>
  );
});

interface ListProps {
  agreements: readonly Agreement[];
  names: ReadonlyMap<string, string>;
  wantLabels: ReadonlyMap<string, string>;
  unsynced: ReadonlySet<string>;
  onToggleDone(id: string, done: boolean): void;
  onEdit(id: string): void;
}

const AgreementList = memo(function AgreementList({ agreements, names, wantLabels, unsynced, onToggleDone, onEdit }: ListProps) {
  const styles = useRecordStyles();
  if (agreements.length === 0) return <p className={styles.intro}>{t('record.list.empty')}</p>;
  return (
    <ul className={styles.list} role="list" aria-label={t('record.list.label')}>
      {agreements.map((a) => (
        <AgreementRow
          key={a.id}
          agreement={a}
          owner={names.get(a.who) ?? a.who}
          {...(a.wantId !== undefined && wantLabels.has(a.wantId) ? { want: wantLabels.get(a.wantId)! } : {})}
          unsynced={unsynced.has(a.id)}
          onToggleDone={onToggleDone}
          onEdit={onEdit}
        />
      ))}
    </ul>
  );
});

interface EditProps {
  agreement: Agreement;
  meeting: Meeting;
  options: readonly OwnerOption[];
  wants: readonly Want[];
  today: string;
  onSave(id: string, patch: AgreementPatch): void;
  onClose(): void;
}

/** Changing an agreement, in a dialog (focus stays inside; on close it returns to the row's button). */
function EditAgreementDialog({ agreement, meeting, options, wants, today, onSave, onClose }: EditProps) {
  const styles = useRecordStyles();
  const [draft, setDraft] = useState<AgreementDraft>({
    who: agreement.who, what: agreement.what, due: agreement.due, wantId: agreement.wantId ?? '', perspectiveOnly: agreement.perspectiveOnly === true,
    perspectiveNote: agreement.perspectiveNote ?? '',
  });
  const [submitted, setSubmitted] = useState(false);
  // A date that was already there (and may have passed since) does not block changing the text.
  const problems = draftProblems(draft, { meetingDate: meeting.start, today }).filter((p) => !(p.code === 'due-past' && draft.due === agreement.due));
  const shown = submitted ? problems : problems.filter((p) => p.path === 'due' || p.severity === 'warning');
  const set = (patch: Partial<AgreementDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (hasErrors(problems)) {
      setSubmitted(true);
      return;
    }
    // Only what changed: an unchanged field must not count as the latest change when two devices merge.
    const patch: AgreementPatch = { who: draft.who, what: draft.what.trim(), due: draft.due };
    if (draft.perspectiveOnly !== (agreement.perspectiveOnly === true)) patch.perspectiveOnly = draft.perspectiveOnly;
    // The explanation belongs to a perspective: without one it goes ('' clears it).
    const note = draft.perspectiveOnly ? draft.perspectiveNote.trim() : '';
    if (note !== (agreement.perspectiveNote ?? '')) patch.perspectiveNote = note;
    // '' unlinks the agreement from its "ik wil" point.
    if (draft.wantId !== (agreement.wantId ?? '')) patch.wantId = draft.wantId;
    onSave(agreement.id, patch);
    onClose();
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => { if (!data.open) onClose(); }}>
      <DialogSurface>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('record.edit.title')}</DialogTitle>
            <DialogContent className={styles.section}>
              <AgreementFields idPrefix="record-edit" draft={draft} set={set} problems={shown} options={options} wants={wants} />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">{t('record.edit.save')}</Button>
              <Button onClick={onClose}>{t('record.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export function AgreementsSection({ services, document, meeting, stepKey }: { services: Services; document: RecordDocument; meeting: Meeting; stepKey: string }) {
  const styles = useRecordStyles();
  const { plan } = document;
  const stamp = useStamp(services, document);
  const [editingId, setEditingId] = useState<string>();
  const today = todayOf(services);

  // Everything the list gets is kept stable while the agreements do not change, so a re-render of the
  // panel (the runner's timer, a note being typed) costs the list nothing.
  const agreements = useSameElements(meetingAgreements(plan, meeting.id));
  const options = useSameContent(agreementOwnerOptions(plan, meeting.id));
  const participants = plan.participants;
  const names = useMemo(() => new Map(participants.map((p) => [p.id, p.name])), [participants]);
  const wants = plan.wants;
  const wantLabels = useMemo(() => new Map(wants.map((w, i) => [w.id, wantLabel(w, i)])), [wants]);
  const unsynced = document.sync.unsyncedAgreementIds;

  // `update` is stable (usePlanDocument's useCallback); the ref keeps these callbacks stable even if not.
  const update = useRef<Edit>(document.update);
  update.current = document.update;
  const onToggleDone = useCallback((id: string, done: boolean) => {
    update.current((p) => editAgreement(p, id, { status: done ? 'done' : 'open' }, stamp()));
  }, [stamp]);
  const editFocus = useFocusReturn(editingId !== undefined);
  const onEdit = useCallback((id: string) => {
    editFocus.remember();
    setEditingId(id);
  }, [editFocus]);
  const onSave = useCallback((id: string, patch: AgreementPatch) => {
    update.current((p) => editAgreement(p, id, patch, stamp()));
  }, [stamp]);
  const meetingId = meeting.id;
  const onAdd = useCallback((draft: AgreementDraft) => {
    const by: EditStamp = stamp();
    update.current((p) => addAgreement(p, {
      id: newRecordId('a'),
      who: draft.who,
      what: draft.what.trim(),
      due: draft.due,
      meetingId,
      ...(draft.wantId !== '' ? { wantId: draft.wantId } : {}),
      ...(draft.perspectiveOnly ? { perspectiveOnly: true, perspectiveNote: draft.perspectiveNote.trim() } : {}),
    }, by));
  }, [stamp, meetingId]);
  const onClose = useCallback(() => setEditingId(undefined), []);

  const editing = editingId === undefined ? undefined : agreements.find((a) => a.id === editingId);
  const open = agreements.filter((a) => a.status === 'open').length;

  return (
    <section className={styles.section} aria-labelledby="record-agreements">
      <h3 id="record-agreements" className={styles.heading}>{t('record.heading')}</h3>
      <p className={styles.intro}>{t('record.intro')}</p>
      <AgreementForm meeting={meeting} options={options} wants={wants} defaultWantId={stepWantId(plan, stepKey)} today={today} onAdd={onAdd} />
      <h4 id="record-list-heading" className={styles.subheading}>{t('record.list.heading')}</h4>
      {agreements.length > 0 && <p className={styles.note}>{t('record.list.count', { count: agreements.length, open })}</p>}
      <AgreementList agreements={agreements} names={names} wantLabels={wantLabels} unsynced={unsynced} onToggleDone={onToggleDone} onEdit={onEdit} />
      {editing && (
        <EditAgreementDialog key={editing.id} agreement={editing} meeting={meeting} options={options} wants={wants} today={today} onSave={onSave} onClose={onClose} />
      )}
    </section>
  );
}
