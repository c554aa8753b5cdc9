// The evaluation's own agenda (handbook 5.1), not the SO's: (1) was each agreement carried out — done, partly
// or not, with a note; (2) extra actions, added to the same plan with the evaluation's date and due within
// six weeks; (3) the welzijnscijfer now, beside the earlier ones (a chart with a table); (4) what we learned,
// along the handbook's evaluation format. By mail it is the same form: the case director fills it in from
// the replies. Every answer goes into the plan at once; a bad value stays on screen with its problem.
import { Button, Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { newRecordId } from '../../app/planAccess';
import type { Services } from '../../app/ports';
import {
  addEvaluationAction, agreementOwnerName, agreementOwnerOptions, agreementsToEvaluate, checkEvaluationAction, completeEvaluation, currentEvaluation,
  EVALUATION_PHASE_TITLES, EVALUATION_STEPS, evaluationActionDue, evaluationAdditions, evaluationProgress, formatDutchDay, hasErrors, outcomeOf,
  parseWellbeingScore, recordEvaluationWellbeing, setEvaluationHow, setEvaluationLesson, setEvaluationOutcome, startEvaluation, wellbeingSeries,
} from '../../domain';
import type { Evaluation, EvaluationResult, EvaluationStepKey, Plan } from '../../domain';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import { OwnerOptions } from '../meeting/record/AgreementFields';
import { problemsAt, todayOf, useRecordStyles, useStamp, validation } from '../meeting/record/recordUi';
import type { RecordDocument } from '../meeting/record/recordUi';
import { useAfterStyles } from './afterUi';
import { ChartFigure } from './ChartFigure';

const RESULT_LABEL: Record<EvaluationResult, MessageKey> = { done: 'after.eval.result.done', partly: 'after.eval.result.partly', not: 'after.eval.result.not' };
const MOMENT_LABEL = { start: 'after.eval.moment.start', evaluation: 'after.eval.moment.evaluation', remeasurement: 'after.eval.moment.remeasurement' } as const;

export function EvaluationPanel({ services, document }: { services: Services; document: RecordDocument }) {
  const styles = useRecordStyles();
  const { plan } = document;
  const evaluation = currentEvaluation(plan);
  const [how, setHow] = useState<'meeting' | 'mail'>('meeting');

  if (evaluation === undefined) {
    const start = (event: FormEvent) => {
      event.preventDefault();
      const at = services.clock.now().toISOString();
      const organiser = plan.caseDirection.caseDirectorParticipantId;
      document.update((p) => startEvaluation(p, { id: newRecordId('e'), date: todayOf(services), how, ...(organiser === undefined ? {} : { organiserParticipantId: organiser }) }, at));
    };
    return (
      <section className={styles.section} aria-labelledby="after-eval">
        <h2 id="after-eval" className={styles.heading}>{t('after.eval.heading')}</h2>
        <p className={styles.intro}>{t('after.eval.nonePlanned')}</p>
        <form onSubmit={start} className={styles.section} aria-labelledby="after-eval">
          <Field label={t('after.eval.how')}>
            <RadioGroup layout="horizontal" value={how} onChange={(_, d) => setHow(d.value as 'meeting' | 'mail')}>
              <Radio value="meeting" label={t('after.eval.how.meeting')} />
              <Radio value="mail" label={t('after.eval.how.mail')} />
            </RadioGroup>
          </Field>
          <div className={styles.actions}><Button type="submit" appearance="primary">{t('after.eval.start')}</Button></div>
        </form>
      </section>
    );
  }
  return <EvaluationAgenda services={services} document={document} evaluation={evaluation} />;
}

function EvaluationAgenda({ services, document, evaluation }: { services: Services; document: RecordDocument; evaluation: Evaluation }) {
  const styles = useRecordStyles();
  const stamp = useStamp(services, document);
  const { plan } = document;
  const progress = evaluationProgress(plan, evaluation.id)!;
  const done = evaluation.status === 'done';
  return (
    <section className={styles.section} aria-labelledby="after-eval">
      <h2 id="after-eval" className={styles.heading}>{t('after.eval.heading')}</h2>
      <p className={styles.intro}>
        {t(evaluation.how === 'mail' ? 'after.eval.byMail' : 'after.eval.inMeeting', { date: formatDutchDay(evaluation.date) })}
      </p>
      {!done && (
        <Field label={t('after.eval.how')}>
          <RadioGroup layout="horizontal" value={evaluation.how} onChange={(_, d) => document.update((p) => setEvaluationHow(p, evaluation.id, d.value as 'meeting' | 'mail', stamp().at))}>
            <Radio value="meeting" label={t('after.eval.how.meeting')} />
            <Radio value="mail" label={t('after.eval.how.mail')} />
          </RadioGroup>
        </Field>
      )}
      <p className={styles.note} role="status" aria-live="polite">
        {t('after.eval.progress', { answered: progress.answered, agreements: progress.agreements, done: progress.done, additions: progress.additions })}
      </p>
      <ol className={styles.list} aria-label={t('after.eval.agenda')}>
        <li className={styles.item}><OutcomesItem services={services} document={document} evaluation={evaluation} /></li>
        <li className={styles.item}><AdditionsItem services={services} document={document} evaluation={evaluation} /></li>
        <li className={styles.item}><WellbeingItem services={services} document={document} evaluation={evaluation} /></li>
        <li className={styles.item}><LessonsItem services={services} document={document} evaluation={evaluation} /></li>
      </ol>
      <div className={styles.actions}>
        {done ? (
          <p className={styles.intro}>{t('after.eval.completed', { date: formatDutchDay(evaluation.completedAt?.slice(0, 10) ?? evaluation.date) })}</p>
        ) : (
          <Button appearance="primary" onClick={() => document.update((p) => completeEvaluation(p, evaluation.id, stamp()))}>{t('after.eval.complete')}</Button>
        )}
      </div>
    </section>
  );
}

interface ItemProps { services: Services; document: RecordDocument; evaluation: Evaluation }

function OutcomesItem({ services, document, evaluation }: ItemProps) {
  const styles = useRecordStyles();
  const stamp = useStamp(services, document);
  const { plan } = document;
  const asked = agreementsToEvaluate(plan, evaluation.id);
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <>
      <h3 className={styles.subheading}>{t('after.eval.item.outcomes')}</h3>
      {asked.length === 0 && <p className={styles.intro}>{t('after.eval.noAgreements')}</p>}
      {asked.map((a) => {
        const outcome = outcomeOf(evaluation, a.id);
        const note = notes[a.id] ?? outcome?.note ?? '';
        const save = (result: EvaluationResult | undefined, text: string) => {
          if (result === undefined) return;
          document.update((p) => setEvaluationOutcome(p, evaluation.id, { agreementId: a.id, result, note: text }, stamp()));
        };
        return (
          <fieldset key={a.id} className={styles.fieldset} data-testid={`outcome-${a.id}`}>
            <legend className={styles.legend}>{t('after.eval.outcomeLegend', { what: a.what, who: agreementOwnerName(plan, a.who) })}</legend>
            <Field label={t('after.eval.carriedOut')}>
              <RadioGroup layout="horizontal" value={outcome?.result ?? ''} onChange={(_, d) => save(d.value as EvaluationResult, note)}>
                {(['done', 'partly', 'not'] as const).map((r) => <Radio key={r} value={r} label={t(RESULT_LABEL[r])} />)}
              </RadioGroup>
            </Field>
            <Field label={t('after.eval.outcomeNote')}>
              <Input value={note} onChange={(_, d) => setNotes((n) => ({ ...n, [a.id]: d.value }))} onBlur={() => save(outcome?.result, note)} />
            </Field>
          </fieldset>
        );
      })}
    </>
  );
}

function AdditionsItem({ services, document, evaluation }: ItemProps) {
  const styles = useRecordStyles();
  const after = useAfterStyles();
  const stamp = useStamp(services, document);
  const { plan } = document;
  const additions = evaluationAdditions(plan, evaluation.id);
  const [draft, setDraft] = useState({ who: '', what: '', due: evaluationActionDue(evaluation.date) });
  const [submitted, setSubmitted] = useState(false);
  const whoRef = useRef<HTMLSelectElement>(null);
  const whatRef = useRef<HTMLInputElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const problems = checkEvaluationAction({ id: 'new', ...draft }, { evaluationDate: evaluation.date, today: todayOf(services) });
  const visible = submitted ? problems : problems.filter((p) => p.severity !== 'error' || p.path === 'due');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (hasErrors(problems)) {
      setSubmitted(true);
      const first = problems.find((p) => p.severity === 'error')?.path;
      (first === 'who' ? whoRef : first === 'what' ? whatRef : dueRef).current?.focus();
      return;
    }
    document.update((p) => addEvaluationAction(p, evaluation.id, { id: newRecordId('a'), who: draft.who, what: draft.what, due: draft.due }, stamp()));
    setDraft({ who: '', what: '', due: evaluationActionDue(evaluation.date) });
    setSubmitted(false);
  };
  return (
    <>
      <h3 className={styles.subheading}>{t('after.eval.item.additions')}</h3>
      <p className={styles.intro}>{t('after.eval.additionsIntro')}</p>
      {additions.length > 0 && (
        <ul className={styles.list} aria-label={t('after.eval.additionsList')}>
          {additions.map((a) => (
            <li key={a.id} className={`${styles.item} ${after.addition}`}>
              <span className={after.label}>{t('after.addition.label', { date: formatDutchDay(evaluation.date) })}</span>
              <p className={styles.what}>{a.what}</p>
              <p className={styles.meta}>{t('after.eval.additionMeta', { who: agreementOwnerName(plan, a.who), due: formatDutchDay(a.due) })}</p>
            </li>
          ))}
        </ul>
      )}
      {evaluation.status !== 'done' && (
        <form onSubmit={add} noValidate className={styles.section} aria-label={t('after.eval.addForm')}>
          <div className={styles.row}>
            <Field className={styles.grow} label={t('after.eval.addWho')} required {...validation(problemsAt(visible, 'who'))}>
              <Select ref={whoRef} className={styles.control} value={draft.who} onChange={(_, d) => setDraft((x) => ({ ...x, who: d.value }))}>
                <option value="">{t('record.who.choose')}</option>
                <OwnerOptions options={agreementOwnerOptions(plan)} current={draft.who} />
              </Select>
            </Field>
            <Field className={styles.grow} label={t('after.eval.addWhat')} required {...validation(problemsAt(visible, 'what'))}>
              <Input ref={whatRef} className={styles.control} value={draft.what} onChange={(_, d) => setDraft((x) => ({ ...x, what: d.value }))} />
            </Field>
            <Field className={styles.grow} label={t('after.eval.addDue')} required {...validation(problemsAt(visible, 'due'))}>
              <Input ref={dueRef} className={styles.control} type="date" value={draft.due} onChange={(_, d) => setDraft((x) => ({ ...x, due: d.value }))} />
            </Field>
          </div>
          <div className={styles.actions}><Button type="submit">{t('after.eval.add')}</Button></div>
        </form>
      )}
    </>
  );
}

function WellbeingItem({ services, document, evaluation }: ItemProps) {
  const styles = useRecordStyles();
  const after = useAfterStyles();
  const { plan } = document;
  const current = evaluation.wellbeingId === undefined ? undefined : plan.wellbeing.find((w) => w.id === evaluation.wellbeingId);
  const [score, setScore] = useState(current === undefined ? '' : String(current.score));
  const [comment, setComment] = useState(current?.comment ?? '');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState('');
  const series = wellbeingSeries(plan);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = parseWellbeingScore(score);
    if (value === undefined) {
      setError(t('after.eval.scoreInvalid'));
      return;
    }
    setError(undefined);
    const at = services.clock.now().toISOString();
    document.update((p: Plan) => recordEvaluationWellbeing(p, evaluation.id, { id: newRecordId('wb'), score: value, date: todayOf(services), comment }, at));
    setSaved(t('after.eval.scoreSaved', { score: value }));
  };
  return (
    <>
      <h3 className={styles.subheading}>{t('after.eval.item.wellbeing')}</h3>
      <form onSubmit={save} noValidate className={styles.section} aria-label={t('after.eval.item.wellbeing')}>
        <div className={styles.row}>
          <Field className={styles.grow} label={t('after.eval.score')} hint={t('after.eval.scoreHint')} required {...(error === undefined ? {} : { validationState: 'error' as const, validationMessage: error })}>
            <Input className={styles.control} inputMode="numeric" value={score} onChange={(_, d) => { setScore(d.value); setSaved(''); }} />
          </Field>
          <Field className={styles.grow} label={t('after.eval.scoreComment')}>
            <Input className={styles.control} value={comment} onChange={(_, d) => { setComment(d.value); setSaved(''); }} />
          </Field>
        </div>
        <div className={styles.actions}><Button type="submit">{t('after.eval.scoreSave')}</Button></div>
        <p className={styles.note} role="status" aria-live="polite">{saved}</p>
      </form>
      {series.length > 0 && (
        <ChartFigure
          caption={t('after.eval.scoreChart')}
          data={series.map((w) => ({ label: `${t(MOMENT_LABEL[w.moment])} ${w.date.slice(8, 10)}-${w.date.slice(5, 7)}`, value: w.score, valueText: String(w.score) }))}
          alternative={
            <div className={after.tableWrap}>
              <table className={after.table}>
                <caption>{t('after.eval.scoreTable')}</caption>
                <thead><tr><th scope="col">{t('after.eval.scoreDate')}</th><th scope="col">{t('after.eval.scoreMoment')}</th><th scope="col" className="num">{t('after.eval.score')}</th></tr></thead>
                <tbody>
                  {series.map((w) => <tr key={w.id}><td>{formatDutchDay(w.date)}</td><td>{t(MOMENT_LABEL[w.moment])}</td><td className="num">{w.score}</td></tr>)}
                </tbody>
              </table>
            </div>
          }
        />
      )}
    </>
  );
}

function LessonsItem({ services, document, evaluation }: ItemProps) {
  const styles = useRecordStyles();
  const [drafts, setDrafts] = useState<Partial<Record<EvaluationStepKey, { did: string; wentWell: string; needed: string }>>>({});
  const phases = ['before', 'meeting', 'after'] as const;
  const stored = (step: EvaluationStepKey) => evaluation.lessons?.find((l) => l.step === step);
  const valueOf = (step: EvaluationStepKey) => drafts[step] ?? { did: stored(step)?.did ?? '', wentWell: stored(step)?.wentWell ?? '', needed: stored(step)?.needed ?? '' };
  const save = (step: EvaluationStepKey) => {
    const value = valueOf(step);
    document.update((p) => setEvaluationLesson(p, evaluation.id, { step, ...value }, services.clock.now().toISOString()));
  };
  return (
    <>
      <h3 className={styles.subheading}>{t('after.eval.item.lessons')}</h3>
      <p className={styles.intro}>{t('after.eval.lessonsIntro')}</p>
      {phases.map((phase) => (
        <details key={phase}>
          <summary>{EVALUATION_PHASE_TITLES[phase]}</summary>
          {EVALUATION_STEPS.filter((s) => s.phase === phase).map((step) => {
            const value = valueOf(step.key);
            const set = (patch: Partial<typeof value>) => setDrafts((d) => ({ ...d, [step.key]: { ...value, ...patch } }));
            return (
              <fieldset key={step.key} className={styles.fieldset}>
                <legend className={styles.legend}>{step.title}</legend>
                <Field label={t('after.eval.lesson.did')}><Textarea value={value.did} onChange={(_, d) => set({ did: d.value })} onBlur={() => save(step.key)} /></Field>
                <Field label={t('after.eval.lesson.wentWell')}><Textarea value={value.wentWell} onChange={(_, d) => set({ wentWell: d.value })} onBlur={() => save(step.key)} /></Field>
                <Field label={t('after.eval.lesson.needed')}><Textarea value={value.needed} onChange={(_, d) => set({ needed: d.value })} onBlur={() => save(step.key)} /></Field>
              </fieldset>
            );
          })}
        </details>
      ))}
    </>
  );
}
