// "Na het SO": the case director's place for the six weeks after the SO, the evaluation (its own agenda), the
// micro-analysis, and the resident's plan as paper and PDF. Everything reads and writes the same plan.
import { Link } from '@fluentui/react-components';
import type { CaseTabProps } from '../case/CaseScreen';
import { t } from '../messages';
import { useRecordStyles } from '../meeting/record/recordUi';
import { useAfterStyles } from './afterUi';
import { EvaluationPanel } from './EvaluationPanel';
import { FollowUpSection } from './FollowUpSection';
import { MicroAnalysisSection } from './MicroAnalysisSection';
import { ResidentPlanSection } from './ResidentPlanSection';

export function AfterTab({ services, document }: CaseTabProps) {
  const styles = useRecordStyles();
  const after = useAfterStyles();
  return (
    <div className={styles.panel}>
      {/* Fluent's Link takes the theme's link colour (light, dark; forced colours' LinkText); inline keeps the
          underline, so a link is never told apart by colour alone. */}
      <nav aria-label={t('after.nav')}>
        <ul className={after.sectionNav}>
          <li><Link inline className={after.sectionLink} href="#after-follow">{t('after.follow.heading')}</Link></li>
          <li><Link inline className={after.sectionLink} href="#after-eval">{t('after.eval.heading')}</Link></li>
          <li><Link inline className={after.sectionLink} href="#after-micro">{t('after.micro.heading')}</Link></li>
          <li><Link inline className={after.sectionLink} href="#after-resident">{t('after.resident.heading')}</Link></li>
        </ul>
      </nav>
      <FollowUpSection services={services} document={document} />
      <EvaluationPanel services={services} document={document} />
      <MicroAnalysisSection services={services} document={document} />
      <ResidentPlanSection document={document} />
    </div>
  );
}
