import { t } from '../../messages';
import { LineListEditor } from './LineListEditor';
import { usePlanStyles } from './planUi';
import type { PlanEditor } from './planUi';

/** "Ik kan": what the resident (with their network) does, and what others can ask of them. */
export function CanSection({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  return (
    <section className={styles.section} aria-labelledby="plan-can">
      <h2 id="plan-can" className={styles.heading}>{t('plan.can.heading')}</h2>
      <p className={styles.intro}>{t('plan.can.intro')}</p>
      <LineListEditor editor={editor} list="can.own" heading="plan.can.own" name="plan.can.ownName" />
      <LineListEditor editor={editor} list="can.offer" heading="plan.can.offer" name="plan.can.offerName" />
    </section>
  );
}

/** "Ik heb nodig": what is needed now (to solve or treat), and for longer (support). */
export function NeedsSection({ editor }: { editor: PlanEditor }) {
  const styles = usePlanStyles();
  return (
    <section className={styles.section} aria-labelledby="plan-needs">
      <h2 id="plan-needs" className={styles.heading}>{t('plan.needs.heading')}</h2>
      <p className={styles.intro}>{t('plan.needs.intro')}</p>
      <LineListEditor editor={editor} list="needs.shortTerm" heading="plan.needs.shortTerm" name="plan.needs.shortTermName" hint="plan.needs.shortTermHint" />
      <LineListEditor editor={editor} list="needs.longTerm" heading="plan.needs.longTerm" name="plan.needs.longTermName" hint="plan.needs.longTermHint" />
    </section>
  );
}
