import { Field, Input, Select } from '@fluentui/react-components';
import type { AreaChampion } from '../../../app/ports';
import { setArea, setResidentName } from '../../../domain';
import { formatDate } from '../../format';
import { t } from '../../messages';
import { fieldValidation, useCommittedText, usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

/**
 * "Dit is het plan van": the resident by name; outside the plan the case goes by its alias only. And the area
 * the case belongs to, so a decline reaches that area's champion.
 */
export function ResidentSection({ editor, areas }: { editor: PlanEditor; areas: readonly Pick<AreaChampion, 'areaId' | 'areaName'>[] }) {
  const styles = usePlanStyles();
  const { plan } = editor;
  const name = useCommittedText(plan.resident.name, () => [], (text) => editor.edit((p) => setResidentName(p, text)));
  const known = areas.filter((a, i) => areas.findIndex((b) => b.areaId === a.areaId) === i);
  // An area the configuration no longer names stays choosable, under its id, so nothing is lost unseen.
  const options = plan.areaId !== undefined && !known.some((a) => a.areaId === plan.areaId) ? [...known, { areaId: plan.areaId, areaName: plan.areaId }] : known;
  return (
    <section className={styles.section} aria-labelledby="plan-resident">
      <h2 id="plan-resident" className={styles.heading}>{t('plan.resident.heading')}</h2>
      <Field label={t('plan.resident.name')} {...fieldValidation(name.problems, name.value)}>
        <Input className={styles.control} value={name.value} onChange={(_, data) => name.onChange(data.value)} autoComplete="off" />
      </Field>
      {options.length > 0 && (
        <Field label={t('plan.area.label')} hint={t('plan.area.hint')}>
          <Select className={styles.control} value={plan.areaId ?? ''} onChange={(_, data) => editor.edit((p) => setArea(p, data.value))}>
            <option value="">{t('plan.area.none')}</option>
            {options.map((a) => <option key={a.areaId} value={a.areaId}>{a.areaName}</option>)}
          </Select>
        </Field>
      )}
      <p className={styles.note}>{t('plan.resident.alias', { alias: plan.caseAlias })}</p>
      <p className={styles.note}>{t('plan.resident.created', { date: formatDate(plan.createdAt) })}</p>
    </section>
  );
}
