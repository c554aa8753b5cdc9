import {
  Badge, Button, Checkbox, Field, Input, Radio, RadioGroup, Spinner, Textarea,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Person, Services } from '../../../app/ports';
import {
  checkConsentDraft, CONSENT_HOW, isCaseDirectorParticipant, CONSENT_SUBJECTS, consentNamesParticipants, hasConsentFor, participantsWithConsent,
  recordConsent, revokeConsent,
} from '../../../domain';
import type { Consent, ConsentDraft, ConsentSubject, Plan } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { formatDate, formatDay } from '../../format';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { ConfirmButton } from './ConfirmButton';
import { fieldValidation, problemText, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

const SUBJECT_LABEL: Record<ConsentSubject, MessageKey> = {
  samenwerkwijze: 'plan.consent.subject.samenwerkwijze',
  meeting: 'plan.consent.subject.meeting',
  sharePlan: 'plan.consent.subject.sharePlan',
};

const GIVEN: Record<Consent['how'], MessageKey> = {
  verbal: 'plan.consent.given.verbal',
  written: 'plan.consent.given.written',
  digital: 'plan.consent.given.digital',
};

const HOW_LABEL: Record<Consent['how'], MessageKey> = {
  verbal: 'plan.consent.how.verbal',
  written: 'plan.consent.how.written',
  digital: 'plan.consent.how.digital',
};

type Me = { state: 'loading' } | { state: 'ready'; person: Person } | { state: 'failed'; error: unknown };

/** "a", "a en b", "a, b en c". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return t('plan.and', { first: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
}

function participantName(plan: Plan, id: string): string {
  return plan.participants.find((p) => p.id === id)?.name || t('plan.consent.unknownParticipant');
}

/** Who recorded something: me, a participant with that account, or "a colleague". */
function userName(plan: Plan, me: Person | undefined, userId: string | undefined): string {
  if (userId !== undefined && me?.id === userId) return me.displayName;
  return plan.participants.find((p) => p.userId !== undefined && p.userId === userId)?.name ?? t('plan.consent.someone');
}

function consentTitle(plan: Plan, consent: Consent): string {
  const names = joinNames((consent.participantIds ?? []).map((id) => participantName(plan, id)));
  if (consent.subject === 'sharePlan') return t('plan.consent.title.sharePlan', { names });
  if (consent.subject === 'meeting') return names === '' ? t('plan.consent.title.meeting') : t('plan.consent.title.meetingWith', { names });
  return t('plan.consent.title.samenwerkwijze');
}

function ConsentSummary({ plan }: { plan: Plan }) {
  const styles = usePlanStyles();
  const sharedWith = participantsWithConsent(plan, 'sharePlan')
    .filter((id) => {
      const p = plan.participants.find((x) => x.id === id);
      return p?.role !== 'resident' && !isCaseDirectorParticipant(plan, p);
    })
    .map((id) => participantName(plan, id));
  return (
    <ul className={styles.summary}>
      <li>{hasConsentFor(plan, 'samenwerkwijze') ? t('plan.consent.status.samenwerkwijzeYes') : t('plan.consent.status.samenwerkwijzeNo')}</li>
      <li>{hasConsentFor(plan, 'meeting') ? t('plan.consent.status.meetingYes') : t('plan.consent.status.meetingNo')}</li>
      <li>{sharedWith.length > 0 ? t('plan.consent.status.sharedWith', { names: joinNames(sharedWith) }) : t('plan.consent.status.sharedWithNobody')}</li>
    </ul>
  );
}

interface ItemProps {
  plan: Plan;
  consent: Consent;
  index: number;
  me: Person | undefined;
  itemRef(id: string, element: HTMLLIElement | null): void;
  onRevoke(id: string): void;
}

function ConsentItem({ plan, consent, index, me, itemRef, onRevoke }: ItemProps) {
  const styles = usePlanStyles();
  const n = index + 1;
  const revoked = consent.revokedAt !== undefined;
  return (
    <li ref={(el) => itemRef(consent.id, el)} tabIndex={-1} className={styles.consent}>
      <h3 className={styles.legendHeading}>{t('plan.consent.item', { n, title: consentTitle(plan, consent) })}</h3>
      <div className={styles.actions}>
        <Badge appearance="tint" color={revoked ? 'danger' : 'success'}>{revoked ? t('plan.consent.revoked') : t('plan.consent.live')}</Badge>
        {revoked && (
          <span>{t('plan.consent.revokedOn', { date: formatDate(consent.revokedAt!), name: userName(plan, me, consent.revokedByUserId) })}</span>
        )}
      </div>
      <p className={styles.detail}>{t(GIVEN[consent.how], { date: formatDay(consent.date) })}</p>
      <p className={styles.detail}>{t('plan.consent.recordedBy', { name: userName(plan, me, consent.recordedByUserId) })}</p>
      {consent.note !== undefined && consent.note !== '' && <p className={styles.detail}>{t('plan.consent.noteShown', { note: consent.note })}</p>}
      {!revoked && me !== undefined && (
        <div className={styles.actions}>
          <ConfirmButton
            label={t('plan.consent.revoke', { n })}
            title={t('plan.consent.revokeTitle', { n })}
            text={t('plan.consent.revokeText')}
            confirmLabel={t('plan.consent.revokeConfirm')}
            onConfirm={() => onRevoke(consent.id)}
          />
        </div>
      )}
    </li>
  );
}

function blankDraft(today: string): ConsentDraft {
  return { subject: '', participantIds: [], date: today, how: '', note: '' };
}

function NewConsent({ editor, me }: { editor: PlanEditor; me: Person }) {
  const styles = usePlanStyles();
  const { plan } = editor;
  const [draft, setDraft] = useState<ConsentDraft>(() => blankDraft(editor.today()));
  const [submitted, setSubmitted] = useState(false);
  // Counts refused attempts: after each, focus goes to the first field that needs attention.
  const [refused, setRefused] = useState(0);
  const firstField = useRef<HTMLDivElement>(null);
  const whoProblemId = useId();
  const set = (patch: Partial<ConsentDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const named = consentNamesParticipants(draft.subject);
  const checked = { ...draft, participantIds: named ? draft.participantIds : [] };
  const problems = checkConsentDraft(plan, checked, editor.today());
  const shown = problems.filter((p) => submitted || p.path === 'date');
  const at = (path: string) => shown.filter((p) => p.path === path);
  // The resident gives the consent; the case director keeps the plan with her and needs none.
  const candidates = plan.participants.filter((p) => p.role !== 'resident' && !isCaseDirectorParticipant(plan, p));
  const whoProblems = at('participantIds');

  useEffect(() => {
    if (refused === 0) return;
    const container = firstField.current;
    const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"], [data-invalid="true"] input');
    invalid?.focus();
  }, [refused]);

  const toggle = (id: string, on: boolean) =>
    set({ participantIds: on ? [...draft.participantIds.filter((x) => x !== id), id] : draft.participantIds.filter((x) => x !== id) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) {
      setSubmitted(true);
      setRefused((n) => n + 1);
      return;
    }
    const consent = {
      id: editor.newId(),
      subject: draft.subject as ConsentSubject,
      participantIds: checked.participantIds,
      date: draft.date,
      how: draft.how as Consent['how'],
      note: draft.note,
    };
    editor.edit((p) => recordConsent(p, consent, { at: editor.now(), byUserId: me.id }));
    setDraft(blankDraft(editor.today()));
    setSubmitted(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}><h3 className={styles.legendHeading}>{t('plan.consent.new')}</h3></legend>
        <div ref={firstField} className={styles.section}>
          <Field label={t('plan.consent.subject')} {...fieldValidation(at('subject'))}>
            <RadioGroup value={draft.subject} onChange={(_, data) => set({ subject: data.value })}>
              {CONSENT_SUBJECTS.map((s) => <Radio key={s} value={s} label={t(SUBJECT_LABEL[s])} />)}
            </RadioGroup>
          </Field>
          {named && (
            <fieldset
              className={styles.fieldset}
              aria-describedby={whoProblems.length > 0 ? whoProblemId : undefined}
              data-invalid={whoProblems.length > 0 ? 'true' : undefined}
            >
              <legend className={styles.legend}>
                {draft.subject === 'sharePlan' ? t('plan.consent.whoShare') : t('plan.consent.whoMeeting')}
              </legend>
              {candidates.length === 0 ? (
                <p className={styles.note}>{t('plan.consent.noParticipants')}</p>
              ) : (
                candidates.map((p) => (
                  <Checkbox
                    key={p.id}
                    checked={draft.participantIds.includes(p.id)}
                    onChange={(_, data) => toggle(p.id, data.checked === true)}
                    label={p.organisation ? t('plan.consent.participantAt', { name: p.name, organisation: p.organisation }) : p.name}
                  />
                ))
              )}
              {draft.subject === 'sharePlan' && <p className={styles.note}>{t('plan.consent.residentAlways')}</p>}
              {whoProblems.length > 0 && (
                <p id={whoProblemId} role="alert" className={styles.problem}>{whoProblems.map(problemText).join(' ')}</p>
              )}
            </fieldset>
          )}
          <div className={styles.row}>
            <Field className={styles.grow} label={t('plan.consent.date')} {...fieldValidation(at('date'))}>
              <Input className={styles.control} type="date" max={editor.today()} value={draft.date} onChange={(_, data) => set({ date: data.value })} />
            </Field>
            <Field className={styles.grow} label={t('plan.consent.how')} {...fieldValidation(at('how'))}>
              <RadioGroup layout="horizontal" className={styles.wrap} value={draft.how} onChange={(_, data) => set({ how: data.value })}>
                {CONSENT_HOW.map((h) => <Radio key={h} value={h} label={t(HOW_LABEL[h])} />)}
              </RadioGroup>
            </Field>
          </div>
          <p className={styles.detail}>{t('plan.consent.recordedBy', { name: me.displayName })}</p>
          <Field label={t('plan.consent.note')} {...fieldValidation([], draft.note)}>
            <Textarea className={styles.control} resize="vertical" value={draft.note} onChange={(_, data) => set({ note: data.value })} />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">{t('plan.consent.add')}</Button>
        </div>
      </fieldset>
    </form>
  );
}

/** "Toestemming": what the resident agreed to, when and how. Revoking keeps the record. */
export function ConsentSection({ editor, services }: { editor: PlanEditor; services: Services }) {
  const styles = usePlanStyles();
  const { plan } = editor;
  const [me, setMe] = useState<Me>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const items = useRef(new Map<string, HTMLLIElement>());
  const pendingFocus = useRef<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setMe({ state: 'loading' });
    services.directory.me().then(
      (person) => { if (current) setMe({ state: 'ready', person }); },
      (error: unknown) => { if (current) setMe({ state: 'failed', error }); },
    );
    return () => { current = false; };
  }, [services, attempt]);

  // The revoke button goes away with the dialog; focus lands on the record it was about.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === undefined) return;
    pendingFocus.current = undefined;
    items.current.get(id)?.focus();
  }, [plan.consents]);

  const person = me.state === 'ready' ? me.person : undefined;
  const revoke = (id: string) => {
    if (!person) return;
    pendingFocus.current = id;
    editor.edit((p) => revokeConsent(p, id, { at: editor.now(), byUserId: person.id }));
  };
  const itemRef = (id: string, element: HTMLLIElement | null) => {
    if (element) items.current.set(id, element);
    else items.current.delete(id);
  };

  return (
    <section className={styles.section} aria-labelledby="plan-consent">
      <h2 id="plan-consent" className={styles.heading}>{t('plan.consent.heading')}</h2>
      <p className={styles.intro}>{t('plan.consent.intro')}</p>
      <ConsentSummary plan={plan} />
      {plan.consents.length === 0 ? (
        <p>{t('plan.consent.empty')}</p>
      ) : (
        <ol className={styles.list} role="list">
          {plan.consents.map((consent, index) => (
            <ConsentItem key={consent.id} plan={plan} consent={consent} index={index} me={person} itemRef={itemRef} onRevoke={revoke} />
          ))}
        </ol>
      )}
      {me.state === 'loading' && <Spinner size="tiny" label={t('plan.consent.loadingMe')} />}
      {me.state === 'failed' && <ErrorNotice error={me.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {person && <NewConsent editor={editor} me={person} />}
    </section>
  );
}
