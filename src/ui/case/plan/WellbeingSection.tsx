import {
  Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { addWellbeing, checkWellbeingDraft, parseWellbeingScore, WELLBEING_MOMENTS, wellbeingHistory } from '../../../domain';
import type { Plan, WellbeingDraft, WellbeingMoment } from '../../../domain';
import { t } from '../../messages';
import type { MessageKey } from '../../messages';
import { fieldValidation, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';
import { formatDay } from '../../format';

export const MOMENT_LABEL: Record<WellbeingMoment, MessageKey> = {
  start: 'plan.wellbeing.moment.start',
  evaluation: 'plan.wellbeing.moment.evaluation',
  remeasurement: 'plan.wellbeing.moment.remeasurement',
};

const suggestedMoment = (plan: Plan): WellbeingMoment => (plan.wellbeing.length === 0 ? 'start' : 'evaluation');

function NewWellbeing({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  const blank = (): WellbeingDraft => ({ score: '', date: editor.today(), moment: suggestedMoment(editor.plan), comment: '' });
  const [draft, setDraft] = useState<WellbeingDraft>(blank);
  const [submitted, setSubmitted] = useState(false);
  const scoreRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);

  const problems = checkWellbeingDraft(draft, editor.today());
  // A score is judged as soon as something is typed; an empty field only after trying to add it.
  const shown = problems.filter((p) => submitted || p.path !== 'score' || draft.score.trim() !== '');
  const at = (path: string) => shown.filter((p) => p.path === path);
  const set = (patch: Partial<WellbeingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const score = parseWellbeingScore(draft.score);
    if (problems.length > 0 || score === undefined) {
      setSubmitted(true);
      (problems[0]?.path === 'date' ? dateRef : scoreRef).current?.focus();
      return;
    }
    const entry = { id: editor.newId(), score, date: draft.date, moment: draft.moment as WellbeingMoment, comment: draft.comment.trim() };
    editor.edit((p) => addWellbeing(p, entry, editor.now()));
    setDraft({ ...blank(), moment: 'evaluation' });
    setSubmitted(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}><h3 className={styles.legendHeading}>{t('plan.wellbeing.new')}</h3></legend>
        <div className={styles.row}>
          <Field className={styles.grow} label={t('plan.wellbeing.score')} hint={t('plan.wellbeing.scoreHint')} {...fieldValidation(at('score'))}>
            <Input ref={scoreRef} className={styles.control} inputMode="numeric" autoComplete="off" value={draft.score} onChange={(_, data) => set({ score: data.value })} />
          </Field>
          <Field className={styles.grow} label={t('plan.wellbeing.date')} {...fieldValidation(at('date'))}>
            <Input ref={dateRef} className={styles.control} type="date" max={editor.today()} value={draft.date} onChange={(_, data) => set({ date: data.value })} />
          </Field>
          <Field className={styles.grow} label={t('plan.wellbeing.moment')} {...fieldValidation(at('moment'))}>
            <Select className={styles.control} value={draft.moment} onChange={(_, data) => set({ moment: data.value })}>
              {WELLBEING_MOMENTS.map((m) => <option key={m} value={m}>{t(MOMENT_LABEL[m])}</option>)}
            </Select>
          </Field>
        </div>
        <Field label={t('plan.wellbeing.comment')} hint={t('plan.wellbeing.commentHint')} {...fieldValidation([], draft.comment)}>
          <Textarea className={styles.control} resize="vertical" value={draft.comment} onChange={(_, data) => set({ comment: data.value })} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">{t('plan.wellbeing.add')}</Button>
        </div>
      </fieldset>
    </form>
  );
}

/** The welzijnscijfer: the resident's own 1–10, at the start, at the evaluation and at re-measurement. */
export function WellbeingSection({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  const history = wellbeingHistory(editor.plan);
  return (
    <section className={styles.section} aria-labelledby="plan-wellbeing">
      <h2 id="plan-wellbeing" className={styles.heading}>{t('plan.wellbeing.heading')}</h2>
      <p className={styles.intro}>{t('plan.wellbeing.intro')}</p>
      {history.length === 0 ? (
        <p>{t('plan.wellbeing.empty')}</p>
      ) : (
        // A 320 px panel scrolls the table sideways; the region is focusable so keyboards can scroll too.
        <div className={styles.tableWrap} role="region" aria-label={t('plan.wellbeing.table')} tabIndex={0}>
          <Table size="small" aria-label={t('plan.wellbeing.table')} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('plan.wellbeing.col.date')}</TableHeaderCell>
                <TableHeaderCell>{t('plan.wellbeing.col.moment')}</TableHeaderCell>
                <TableHeaderCell>{t('plan.wellbeing.col.score')}</TableHeaderCell>
                <TableHeaderCell>{t('plan.wellbeing.col.comment')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>{formatDay(entry.date)}</TableCell>
                  <TableCell>{t(MOMENT_LABEL[entry.moment])}</TableCell>
                  <TableCell>{entry.score}</TableCell>
                  <TableCell>{entry.comment}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <NewWellbeing editor={editor} />
    </section>
  );
}
