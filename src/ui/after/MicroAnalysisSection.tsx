// The micro-analysis (handbook appendix 1): cost lines per group — what, who pays, an amount in euros in Dutch
// notation, the period — with the sums computed by the domain while you type (a year is 42 weeks), a table
// and a chart of the totals, kept in the plan and printable. A bad amount stays on screen with a Dutch error
// next to it; nothing typed is lost, and nothing invalid reaches the plan.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { newRecordId } from '../../app/planAccess';
import type { Services } from '../../app/ports';
import {
  checkMicroAnalysisDraft, COST_GROUPS, COST_PERIODS, costLineDraft, draftSummary, formatEuro, formatEuroInput, hasErrors, latestMicroAnalysis,
  microAnalysisHtml, saveMicroAnalysis, toCostLines, wellbeingSeries,
} from '../../domain';
import type { CostGroup, CostLineDraft, CostPeriod, MicroAnalysisDraft } from '../../domain';
import { t } from '../messages';
import type { MessageKey } from '../messages';
import { PrintView } from '../meeting/record/PrintView';
import { problemsAt, todayOf, useFocusReturn, useRecordStyles, validation } from '../meeting/record/recordUi';
import type { RecordDocument } from '../meeting/record/recordUi';
import { useAfterStyles } from './afterUi';
import { ChartFigure } from './ChartFigure';

const GROUP_TITLE: Record<CostGroup, MessageKey> = {
  before: 'after.micro.group.before',
  after: 'after.micro.group.after',
  oneOff: 'after.micro.group.oneOff',
  doNothing: 'after.micro.group.doNothing',
};
const PERIOD_LABEL: Record<CostPeriod, MessageKey> = {
  week: 'after.micro.period.week',
  month: 'after.micro.period.month',
  year: 'after.micro.period.year',
  once: 'after.micro.period.once',
};

let keyCounter = 0;
const newKey = () => `l${(keyCounter += 1)}`;
const emptyLine = (group: CostGroup): CostLineDraft => ({ key: newKey(), label: '', payer: '', amount: '', period: group === 'oneOff' ? 'once' : group === 'doNothing' ? 'year' : 'week' });

function draftFrom(document: RecordDocument): MicroAnalysisDraft {
  const stored = latestMicroAnalysis(document.plan);
  const lines = (group: CostGroup) => {
    const existing = stored?.[group].map((l) => costLineDraft(l, newKey(), formatEuroInput)) ?? [];
    return existing.length > 0 ? existing : [emptyLine(group)];
  };
  return { before: lines('before'), after: lines('after'), oneOff: lines('oneOff'), doNothing: lines('doNothing') };
}

export function MicroAnalysisSection({ services, document }: { services: Services; document: RecordDocument }) {
  const styles = useRecordStyles();
  const after = useAfterStyles();
  const stored = latestMicroAnalysis(document.plan);
  const [draft, setDraft] = useState<MicroAnalysisDraft>(() => draftFrom(document));
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState('');
  const [printing, setPrinting] = useState<string>();
  const printFocus = useFocusReturn(printing !== undefined);
  const form = useRef<HTMLFormElement>(null);
  const problems = checkMicroAnalysisDraft(draft);
  // An amount is judged once it was typed; a missing label only when saving.
  const visible = submitted ? problems : problems.filter((p) => p.code !== 'label-missing' && p.code !== 'amount-missing');
  const summary = useMemo(() => draftSummary(draft), [draft]);
  const scores = wellbeingSeries(document.plan);

  const setLine = (group: CostGroup, key: string, patch: Partial<CostLineDraft>) => {
    setDraft((d) => ({ ...d, [group]: d[group].map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
    setStatus('');
  };
  const addLine = (group: CostGroup) => setDraft((d) => ({ ...d, [group]: [...d[group], emptyLine(group)] }));
  const removeLine = (group: CostGroup, key: string) => {
    setDraft((d) => {
      const rest = d[group].filter((l) => l.key !== key);
      return { ...d, [group]: rest.length === 0 ? [emptyLine(group)] : rest };
    });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (hasErrors(problems)) {
      setSubmitted(true);
      setStatus(t('after.micro.fixFirst', { count: problems.length }));
      const first = problems[0]!.path!;
      form.current?.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
      return;
    }
    const lines = { before: toCostLines(draft.before), after: toCostLines(draft.after), oneOff: toCostLines(draft.oneOff), doNothing: toCostLines(draft.doNothing) };
    const at = services.clock.now().toISOString();
    const id = stored?.id ?? newRecordId('ma');
    document.update((plan) => saveMicroAnalysis(plan, { id, date: todayOf(services), lines }, at));
    setSubmitted(false);
    setStatus(t('after.micro.saved'));
  };

  const summaryRows: [MessageKey, number][] = [
    ['after.micro.sum.before', summary.beforeCents],
    ['after.micro.sum.after', summary.afterCents],
    ['after.micro.sum.oneOff', summary.oneOffCents],
    ['after.micro.sum.difference', summary.differenceCents],
    ['after.micro.sum.doNothing', summary.doNothingCents],
  ];
  const chartData = [
    { label: t('after.micro.bar.before'), value: summary.beforeCents / 100, valueText: formatEuro(summary.beforeCents) },
    { label: t('after.micro.bar.after'), value: summary.afterCents / 100, valueText: formatEuro(summary.afterCents) },
    { label: t('after.micro.bar.oneOff'), value: summary.oneOffCents / 100, valueText: formatEuro(summary.oneOffCents) },
    { label: t('after.micro.bar.doNothing'), value: summary.doNothingCents / 100, valueText: formatEuro(summary.doNothingCents) },
  ];

  return (
    <section className={styles.section} aria-labelledby="after-micro">
      <h2 id="after-micro" className={styles.heading}>{t('after.micro.heading')}</h2>
      <p className={styles.intro}>{t('after.micro.intro')}</p>
      {scores.length > 0 && <p className={styles.intro}>{t('after.micro.wellbeing', { scores: scores.map((s) => s.score).join(' → ') })}</p>}
      <form ref={form} onSubmit={save} noValidate aria-labelledby="after-micro" className={styles.section}>
        {COST_GROUPS.map((group) => (
          <fieldset key={group} className={styles.fieldset}>
            <legend className={styles.legend}>{t(GROUP_TITLE[group])}</legend>
            {draft[group].map((line, index) => {
              const at = (field: string) => problemsAt(visible, `${group}.${line.key}.${field}`);
              const n = index + 1;
              return (
                <div key={line.key} className={styles.row} role="group" aria-label={t('after.micro.line', { n, group: t(GROUP_TITLE[group]) })}>
                  <Field className={styles.grow} label={t('after.micro.label')} {...validation(at('label'))}>
                    <Input className={styles.control} data-path={`${group}.${line.key}.label`} value={line.label} onChange={(_, d) => setLine(group, line.key, { label: d.value })} />
                  </Field>
                  <Field className={styles.grow} label={t('after.micro.payer')}>
                    <Input className={styles.control} data-path={`${group}.${line.key}.payer`} value={line.payer} onChange={(_, d) => setLine(group, line.key, { payer: d.value })} />
                  </Field>
                  <Field className={styles.grow} label={t('after.micro.amount')} hint={t('after.micro.amountHint')} {...validation(at('amount'))}>
                    <Input className={styles.control} data-path={`${group}.${line.key}.amount`} inputMode="decimal" contentBefore="€" value={line.amount} onChange={(_, d) => setLine(group, line.key, { amount: d.value })} />
                  </Field>
                  <Field className={styles.grow} label={t('after.micro.period')} {...validation(at('period'))}>
                    <Select className={styles.control} data-path={`${group}.${line.key}.period`} value={line.period} onChange={(_, d) => setLine(group, line.key, { period: d.value })}>
                      {COST_PERIODS.map((p) => <option key={p} value={p}>{t(PERIOD_LABEL[p])}</option>)}
                    </Select>
                  </Field>
                  <Button onClick={() => removeLine(group, line.key)} aria-label={t('after.micro.removeLine', { n, group: t(GROUP_TITLE[group]) })}>{t('after.micro.remove', { n })}</Button>
                </div>
              );
            })}
            <div className={styles.actions}>
              <Button onClick={() => addLine(group)}>{t('after.micro.addLine', { group: t(GROUP_TITLE[group]) })}</Button>
            </div>
          </fieldset>
        ))}
        <div className={after.tableWrap}><table className={after.table} aria-labelledby="after-micro-summary">
          <caption id="after-micro-summary">{t('after.micro.summary')}</caption>
          <tbody>
            {summaryRows.map(([label, cents]) => (
              <tr key={label}><th scope="row">{t(label)}</th><td data-testid={`micro-${label.split('.').pop()!}`}>{formatEuro(cents)}</td></tr>
            ))}
          </tbody>
        </table></div>
        <ChartFigure caption={t('after.micro.chartCaption')} data={chartData} yFormat={(v) => `€ ${Math.round(v).toLocaleString('nl-NL')}`} alternative={<p className={styles.note}>{t('after.micro.chartAlternative')}</p>} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">{t('after.micro.save')}</Button>
          {stored !== undefined && (
            <Button onClick={() => { printFocus.remember(); setPrinting(microAnalysisHtml(document.plan, stored, formatEuro)); }}>{t('after.micro.print')}</Button>
          )}
        </div>
        <p className={styles.note} role="status" aria-live="polite">{status}</p>
      </form>
      {printing !== undefined && <PrintView html={printing} onClose={() => setPrinting(undefined)} />}
    </section>
  );
}
