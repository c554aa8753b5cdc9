// What is written into the plan during the SO, under every step of the runner: agreements at any step,
// and what a step is about at its own step (casusregie and procesregie, the evaluation, closing the SO).
// Every edit goes through the plan document, which keeps it on this device first and syncs it.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Services } from '../../../app/ports';
import type { Plan } from '../../../domain';
import type { PlanDocument } from '../../case/usePlanDocument';
import { t } from '../../messages';
import { AgreementsSection } from './AgreementsSection';
import { CaseDirectionSection } from './CaseDirectionSection';
import { ClosingSection } from './ClosingSection';
import { EvaluationSection } from './EvaluationSection';
import { useRecordStyles } from './recordUi';

export function RecordPanel({ services, document, meetingId, stepKey }: { services: Services; document: PlanDocument & { plan: Plan }; meetingId: string; stepKey: string }) {
  const styles = useRecordStyles();
  const meeting = document.plan.meetings.find((m) => m.id === meetingId);
  return (
    <section className={styles.panel} aria-labelledby="record-panel-heading">
      <h2 id="record-panel-heading" className={styles.heading}>{t('record.panel.heading')}</h2>
      {meeting === undefined ? (
        <MessageBar intent="error"><MessageBarBody>{t('record.meetingMissing')}</MessageBarBody></MessageBar>
      ) : (
        <>
          {stepKey === 'caseDirection' && <CaseDirectionSection document={document} />}
          {stepKey === 'evaluation' && <EvaluationSection services={services} document={document} meeting={meeting} />}
          {stepKey === 'closingRound' && <ClosingSection services={services} document={document} meeting={meeting} />}
          <AgreementsSection services={services} document={document} meeting={meeting} stepKey={stepKey} />
        </>
      )}
    </section>
  );
}
