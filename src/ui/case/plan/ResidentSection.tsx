import { Field, Input } from '@fluentui/react-components';
import { setResidentName } from '../../../domain';
import { formatDate } from '../../format';
import { t } from '../../messages';
import { fieldValidation, useCommittedText, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

/** "Dit is het plan van": the resident by name; outside the plan the case goes by its alias only. */
export function ResidentSection({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  const { plan } = editor;
  const name = useCommittedText(plan.resident.name, () => [], (text) => editor.edit((p) => setResidentName(p, text)));
  return (
    <section className={styles.section} aria-labelledby="plan-resident">
      <h2 id="plan-resident" className={styles.heading}>{t('plan.resident.heading')}</h2>
      <Field label={t('plan.resident.name')} {...fieldValidation(name.problems, name.value)}>
        <Input className={styles.control} value={name.value} onChange={(_, data) => name.onChange(data.value)} autoComplete="off" />
      </Field>
      <p className={styles.note}>{t('plan.resident.alias', { alias: plan.caseAlias })}</p>
      <p className={styles.note}>{t('plan.resident.created', { date: formatDate(plan.createdAt) })}</p>
    </section>
  );
}
