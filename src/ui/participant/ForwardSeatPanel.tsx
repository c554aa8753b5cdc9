// Passing my seat to a colleague who fits better: find them in the directory, say why, forward (Graph).
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { searchColleagues } from '../../app/invitations';
import { checkForward, forwardSeat } from '../../app/participant';
import type { ForwardProblem } from '../../app/participant';
import type { Person, Services } from '../../app/ports';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import { useDetailStyles } from './detailStyles';

const useStyles = makeStyles({
  search: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '12rem' },
});

const PROBLEM_TEXT: Record<ForwardProblem, MessageKey> = {
  'colleague-missing': 'participant.forward.colleagueMissing',
  'colleague-no-mail': 'participant.forward.colleagueNoMail',
  'colleague-is-me': 'participant.forward.colleagueIsMe',
  'note-missing': 'participant.forward.noteMissing',
};

function describe(person: Person): string {
  const where = [person.jobTitle, person.organisation].filter(Boolean).join(', ');
  return where ? `${person.displayName} – ${where}` : person.displayName;
}

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'found'; people: Person[] } | { state: 'failed'; error: unknown };

export function ForwardSeatPanel({ services, eventId, disabled }: { services: Services; eventId: string; disabled?: boolean }) {
  const styles = useStyles();
  const detail = useDetailStyles();
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [chosenId, setChosenId] = useState<string>();
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<ForwardProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'done'; name: string } | { kind: 'failed'; error: unknown }>();

  const found = search.state === 'found' ? search.people : [];
  const colleague = found.find((p) => p.id === chosenId);

  const find = async (event?: FormEvent) => {
    event?.preventDefault();
    if (query.trim().length < 2) {
      setSearch({ state: 'found', people: [] });
      return;
    }
    setSearch({ state: 'searching' });
    setChosenId(undefined);
    try {
      const me = await services.directory.me();
      const people = (await searchColleagues(services, query)).filter((p) => (p.mail ?? '').toLowerCase() !== (me.mail ?? '').toLowerCase());
      setSearch({ state: 'found', people });
    } catch (error) {
      setSearch({ state: 'failed', error });
    }
  };

  const send = async () => {
    const check = checkForward(undefined, colleague, note);
    setProblems(check);
    setOutcome(undefined);
    if (check.length > 0 || !colleague) return;
    setSending(true);
    try {
      await forwardSeat(services, eventId, colleague, note);
      setOutcome({ kind: 'done', name: colleague.displayName });
      setNote('');
      setChosenId(undefined);
      setSearch({ state: 'idle' });
      setQuery('');
    } catch (error) {
      if (error instanceof RangeError) setProblems(checkForward(await services.directory.me().catch(() => undefined), colleague, note));
      else setOutcome({ kind: 'failed', error });
    } finally {
      setSending(false);
    }
  };

  const colleagueProblem = problems.find((p) => p.startsWith('colleague'));
  const noteProblem = problems.includes('note-missing');
  const off = disabled || sending;

  return (
    <section className={detail.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={detail.h2}>{t('participant.forward.heading')}</h2>
      <p className={detail.prose}>{t('participant.forward.intro')}</p>
      <form className={styles.search} onSubmit={(e) => void find(e)} role="search" aria-label={t('participant.forward.searchLabel')}>
        <Field
          className={styles.grow}
          label={t('participant.forward.search')}
          hint={t('participant.forward.searchHint')}
          validationState={colleagueProblem && found.length === 0 ? 'error' : 'none'}
          validationMessage={colleagueProblem && found.length === 0 ? t(PROBLEM_TEXT[colleagueProblem]) : undefined}
        >
          <Input value={query} onChange={(_, data) => setQuery(data.value)} disabled={off} type="search" />
        </Field>
        <Button type="submit" disabled={disabled} disabledFocusable={sending || search.state === 'searching'}>{t('participant.forward.find')}</Button>
      </form>
      <div aria-live="polite">
        {search.state === 'searching' && <Spinner size="tiny" label={t('participant.forward.searching')} />}
        {search.state === 'found' && found.length === 0 && <p className={detail.prose}>{t('participant.forward.none')}</p>}
        {search.state === 'found' && found.length > 0 && <p className={detail.prose}>{t('participant.forward.found', { count: found.length })}</p>}
      </div>
      {search.state === 'failed' && <ErrorNotice error={search.error} onRetry={() => void find()} />}
      {found.length > 0 && (
        <Field
          label={t('participant.forward.colleague')}
          required
          validationState={colleagueProblem ? 'error' : 'none'}
          validationMessage={colleagueProblem ? t(PROBLEM_TEXT[colleagueProblem]) : undefined}
        >
          <RadioGroup value={chosenId ?? ''} onChange={(_, data) => { setChosenId(data.value); setProblems((p) => p.filter((x) => !x.startsWith('colleague'))); }} disabled={off}>
            {found.map((p) => <Radio key={p.id} value={p.id} label={describe(p)} />)}
          </RadioGroup>
        </Field>
      )}
      <Field
        label={t('participant.forward.note')}
        hint={t('participant.forward.noteHint')}
        required
        validationState={noteProblem ? 'error' : 'none'}
        validationMessage={noteProblem ? t(PROBLEM_TEXT['note-missing']) : undefined}
      >
        <Textarea value={note} onChange={(_, data) => { setNote(data.value); if (data.value.trim()) setProblems((p) => p.filter((x) => x !== 'note-missing')); }} resize="vertical" disabled={off} />
      </Field>
      <div className={styles.search}>
        <Button appearance="primary" onClick={() => void send()} disabled={disabled} disabledFocusable={sending}>{t('participant.forward.send')}</Button>
        {sending && <Spinner size="tiny" label={t('participant.forward.sending')} />}
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'done' && <MessageBar intent="success"><MessageBarBody>{t('participant.forward.done', { name: outcome.name })}</MessageBarBody></MessageBar>}
      </div>
      {outcome?.kind === 'failed' && <ErrorNotice error={outcome.error} onRetry={() => void send()} />}
    </section>
  );
}
