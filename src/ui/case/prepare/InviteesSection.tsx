// Step 3: who is invited and why. Colleagues come from the directory; network members and the resident
// are added by name (e-mail optional: without one they are called). Per invitee: the reasons, what is
// expected, whether they are optional, and a way to take them off the list.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Switch, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { inviteeFromPerson, searchColleagues } from '../../../app/invitations';
import { newRecordId } from '../../../app/planAccess';
import type { Person, Services } from '../../../app/ports';
import { addInvitee, findParticipant, isEmailAddress, isOptionalInvitee, REASON_LABELS, REASONS, removeInvitee, setInviteeOptional, updateParticipant } from '../../../domain';
import type { Meeting, ParticipantPatch, PlanParticipant, Problem, Reason } from '../../../domain';
import { ErrorNotice } from '../../ErrorNotice';
import { t } from '../../messages';
import { fieldId, problemsAt, validation } from './prepareUi';
import type { PlanEdits } from './prepareUi';
import { useSectionStyles } from './sectionStyles';

interface Props {
  services: Services;
  edits: PlanEdits;
  meeting: Meeting;
  invitees: PlanParticipant[];
  /** Problems with invitee paths (`invitee.{id}.field`). */
  problems: Problem[];
  me?: Person;
  disabled: boolean;
}

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'done'; results: Person[]; query: string } | { state: 'failed'; error: unknown };

function DirectorySearch({ services, edits, meeting, disabled }: Pick<Props, 'services' | 'edits' | 'meeting' | 'disabled'>) {
  const styles = useSectionStyles();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [added, setAdded] = useState<string>();

  const run = async (event?: FormEvent) => {
    event?.preventDefault();
    if (query.trim().length < 2) return;
    setSearch({ state: 'searching' });
    try {
      setSearch({ state: 'done', results: await searchColleagues(services, query), query: query.trim() });
    } catch (error) {
      setSearch({ state: 'failed', error });
    }
  };

  const invite = (person: Person) => {
    edits.edit((p) => addInvitee(p, meeting.id, inviteeFromPerson(person, newRecordId('p')), { now: edits.now() }).plan);
    setAdded(t('prepare.invitees.added', { name: person.displayName }));
  };

  const invitedIds = new Set(meeting.invitedParticipantIds ?? edits.plan.participants.map((p) => p.id));
  const isInvited = (person: Person) => {
    const existing = findParticipant(edits.plan, { userId: person.id, ...(person.mail ? { email: person.mail } : {}) });
    return existing !== undefined && invitedIds.has(existing.id);
  };

  return (
    <form onSubmit={(e) => void run(e)} className={styles.stack} role="search" aria-label={t('prepare.search.label')}>
      <div className={styles.row}>
        <Field label={t('prepare.search.label')} hint={t('prepare.search.hint')}>
          <Input value={query} disabled={disabled} onChange={(_, data) => setQuery(data.value)} type="search" />
        </Field>
        <Button type="submit" disabled={disabled || query.trim().length < 2} disabledFocusable={search.state === 'searching'}>{t('prepare.search.button')}</Button>
      </div>
      <div aria-live="polite" className={styles.stack}>
        {search.state === 'searching' && <Spinner size="tiny" label={t('prepare.search.searching')} />}
        {search.state === 'done' && <p className={styles.hint}>{search.results.length === 0 ? t('prepare.search.none', { query: search.query }) : t('prepare.search.count', { count: search.results.length })}</p>}
        {added && <p className={styles.hint}>{added}</p>}
      </div>
      {search.state === 'failed' && <ErrorNotice error={search.error} onRetry={() => void run()} />}
      {search.state === 'done' && search.results.length > 0 && (
        <ul className={styles.list} aria-label={t('prepare.search.results')}>
          {search.results.map((person) => (
            <li key={person.id} className={styles.row}>
              <span>
                <strong>{person.displayName}</strong>
                {[person.jobTitle, person.organisation, person.mail].filter(Boolean).length > 0 && ` – ${[person.jobTitle, person.organisation, person.mail].filter(Boolean).join(', ')}`}
              </span>
              {isInvited(person) ? (
                <span>{t('prepare.search.alreadyInvited')}</span>
              ) : (
                <Button size="small" disabled={disabled} onClick={() => invite(person)} aria-label={t('prepare.search.invite', { name: person.displayName })}>
                  {t('prepare.search.inviteShort')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

function AddPersonForm({ edits, meeting, disabled }: Pick<Props, 'edits' | 'meeting' | 'disabled'>) {
  const styles = useSectionStyles();
  const hasResident = edits.plan.participants.some((p) => p.role === 'resident');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'network' | 'resident'>('network');
  const [tried, setTried] = useState(false);
  const emailOk = email.trim() === '' || isEmailAddress(email.trim());
  const nameOk = name.trim() !== '';

  const add = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!nameOk || !emailOk) return;
    const asResident = role === 'resident' && !hasResident;
    edits.edit((p) => addInvitee(p, meeting.id, {
      id: asResident ? newRecordId('p-resident') : newRecordId('p'),
      name: name.trim(),
      role: asResident ? 'resident' : 'network',
      reasons: asResident ? [] : ['experience'],
      ...(email.trim() ? { email: email.trim() } : {}),
    }, { now: edits.now() }).plan);
    setName('');
    setEmail('');
    setTried(false);
  };

  return (
    <form onSubmit={add} className={styles.fieldset} aria-labelledby="prepare-add-person">
      <h3 id="prepare-add-person" className={styles.h3}>{t('prepare.addPerson.heading')}</h3>
      <p className={styles.hint}>{t('prepare.addPerson.intro')}</p>
      {!hasResident && (
        <RadioGroup value={role} onChange={(_, data) => setRole(data.value as 'network' | 'resident')} aria-label={t('prepare.addPerson.role')} layout="horizontal" disabled={disabled}>
          <Radio value="network" label={t('prepare.role.network')} />
          <Radio value="resident" label={t('prepare.role.resident')} />
        </RadioGroup>
      )}
      <div className={styles.row}>
        <Field label={t('prepare.addPerson.name')} required {...(tried && !nameOk ? { validationState: 'error' as const, validationMessage: t('prepare.addPerson.nameMissing') } : {})}>
          <Input value={name} disabled={disabled} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={t('prepare.addPerson.email')} hint={t('prepare.addPerson.emailHint')} {...(!emailOk ? { validationState: 'error' as const, validationMessage: t('prepare.addPerson.emailInvalid') } : {})}>
          <Input type="email" value={email} disabled={disabled} onChange={(_, data) => setEmail(data.value)} />
        </Field>
        <Button type="submit" disabled={disabled}>{t('prepare.addPerson.add')}</Button>
      </div>
    </form>
  );
}

function InviteeCard({ edits, meeting, person, problems, isMe, disabled }: { edits: PlanEdits; meeting: Meeting; person: PlanParticipant; problems: Problem[]; isMe: boolean; disabled: boolean }) {
  const styles = useSectionStyles();
  const base = `invitee.${person.id}`;
  const change = (patch: ParticipantPatch) => edits.edit((p) => updateParticipant(p, person.id, patch, { now: edits.now() }));
  const toggleReason = (reason: Reason, on: boolean) =>
    change({ reasons: on ? REASONS.filter((r) => r === reason || person.reasons.includes(r)) : person.reasons.filter((r) => r !== reason) });
  const email = (person.email ?? '').trim();
  const where = person.role === 'professional' ? [person.jobTitle, person.organisation].filter(Boolean).join(', ') : t(person.role === 'resident' ? 'prepare.role.resident' : 'prepare.role.network');
  const headingId = `invitee-${person.id}-name`;

  return (
    <li className={styles.card} id={fieldId(base)} tabIndex={-1}>
      <h3 id={headingId} className={styles.h3}>
        {person.name || t('prepare.invitee.unnamed')}
        {isMe && ` (${t('prepare.invitee.me')})`}
      </h3>
      {where && <p className={styles.hint}>{where}</p>}
      {problemsAt(problems, base).filter((p) => p.path === base).map((p) => (
        <MessageBar key={p.code + p.message} intent={p.severity === 'error' ? 'error' : 'warning'}><MessageBarBody>{p.message}</MessageBarBody></MessageBar>
      ))}
      {person.role === 'professional' ? (
        <p>{email ? t('prepare.invitee.email', { email }) : t('prepare.invitee.byPhone')}</p>
      ) : (
        <Field id={fieldId(`${base}.email`)} label={t('prepare.invitee.emailLabel', { name: person.name })} hint={email ? undefined : t('prepare.invitee.byPhone')} {...validation(problemsAt(problems, `${base}.email`))}>
          <Input type="email" value={person.email ?? ''} disabled={disabled} onChange={(_, data) => change({ email: data.value === '' ? undefined : data.value })} />
        </Field>
      )}
      {person.role !== 'resident' && (
        <fieldset className={styles.fieldset} id={fieldId(`${base}.reasons`)}>
          <legend>{t('prepare.invitee.reasons', { name: person.name })}</legend>
          {REASONS.map((reason) => (
            <Checkbox key={reason} label={REASON_LABELS[reason]} checked={person.reasons.includes(reason)} disabled={disabled}
              onChange={(_, data) => toggleReason(reason, data.checked === true)} />
          ))}
          {problemsAt(problems, `${base}.reasons`).map((p) => (
            <MessageBar key={p.code} intent={p.severity === 'error' ? 'error' : 'warning'}><MessageBarBody>{p.message}</MessageBarBody></MessageBar>
          ))}
        </fieldset>
      )}
      <Field id={fieldId(`${base}.expectation`)} label={t('prepare.invitee.expectation', { name: person.name })} {...validation(problemsAt(problems, `${base}.expectation`))}>
        <Textarea value={person.expectation ?? ''} disabled={disabled} resize="vertical" rows={2} onChange={(_, data) => change({ expectation: data.value })} />
      </Field>
      {problemsAt(problems, `${base}.name`).length > 0 && (
        <Field id={fieldId(`${base}.name`)} label={t('prepare.invitee.name')} {...validation(problemsAt(problems, `${base}.name`))}>
          <Input value={person.name} disabled={disabled} onChange={(_, data) => change({ name: data.value })} />
        </Field>
      )}
      {[...problemsAt(problems, `${base}.organisation`), ...problemsAt(problems, `${base}.jobTitle`)].map((p) => (
        <MessageBar key={p.path} intent={p.severity === 'error' ? 'error' : 'warning'}><MessageBarBody>{p.message}</MessageBarBody></MessageBar>
      ))}
      <div className={styles.row}>
        {!isMe && (
          <Switch label={t('prepare.invitee.optional')} checked={isOptionalInvitee(meeting, person.id)} disabled={disabled || email === ''}
            onChange={(_, data) => edits.edit((p) => setInviteeOptional(p, meeting.id, person.id, data.checked, { now: edits.now() }))} />
        )}
        <Button disabled={disabled} onClick={() => edits.edit((p) => removeInvitee(p, meeting.id, person.id, { now: edits.now() }))}>
          {t('prepare.invitee.remove', { name: person.name || t('prepare.invitee.unnamed') })}
        </Button>
      </div>
    </li>
  );
}

export function InviteesSection({ services, edits, meeting, invitees, problems, me, disabled }: Props) {
  const styles = useSectionStyles();
  const general = problems.filter((p) => p.path === 'participants');
  const isMe = (p: PlanParticipant) => (me?.id !== undefined && p.userId === me.id) || (me?.mail !== undefined && (p.email ?? '').trim().toLowerCase() === me.mail.toLowerCase());
  return (
    <section aria-labelledby="prepare-invitees" className={styles.section}>
      <h2 id="prepare-invitees">{t('prepare.invitees.heading')}</h2>
      <p className={styles.hint}>{t('prepare.invitees.intro')}</p>
      <DirectorySearch services={services} edits={edits} meeting={meeting} disabled={disabled} />
      <AddPersonForm edits={edits} meeting={meeting} disabled={disabled} />
      <div id={fieldId('participants')} tabIndex={-1}>
        {general.map((p) => (
          <MessageBar key={p.code} intent={p.severity === 'error' ? 'error' : 'warning'}><MessageBarBody>{p.message}</MessageBarBody></MessageBar>
        ))}
      </div>
      {invitees.length === 0 ? (
        <p>{t('prepare.invitees.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('prepare.invitees.list')}>
          {invitees.map((person) => (
            <InviteeCard key={person.id} edits={edits} meeting={meeting} person={person} problems={problems} isMe={isMe(person)} disabled={disabled} />
          ))}
        </ul>
      )}
    </section>
  );
}
