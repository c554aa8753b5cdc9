// The Samenwerkplan as the handbook's form has it: whose plan, ik wil, welzijnscijfer, ik kan, ik heb
// nodig, the organisations involved, and the resident's consents. Every change goes through the plan
// document (which autosaves); a value that is not valid stays in its field with a message instead.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { amsterdamDay, hasErrors, validatePlan } from '../../domain';
import type { Plan, Problem } from '../../domain';
import { t } from '../messages';
import type { CaseTabProps } from './CaseScreen';
import { CanSection, NeedsSection } from './plan/CanAndNeedsSections';
import { ConsentSection } from './plan/ConsentSection';
import { OrganisationsSection } from './plan/OrganisationsSection';
import type { PlanEditor } from './plan/planUi';
import { ResidentSection } from './plan/ResidentSection';
import { WantsSection } from './plan/WantsSection';
import { WellbeingSection } from './plan/WellbeingSection';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, minWidth: 0, maxWidth: '48rem' },
});

/**
 * The tab itself holds no hooks: CaseScreen calls each tab as a function (`tabs[tab](props)`), so hooks
 * here would run as CaseScreen's own and break when the plan arrives or the tab changes. The editor is
 * a component of its own.
 */
export function PlanTab(props: CaseTabProps) {
  return <PlanEditorView {...props} />;
}

function PlanEditorView({ services, document }: CaseTabProps) {
  const styles = useStyles();
  const [refused, setRefused] = useState<Problem[]>();

  const editor: PlanEditor = {
    plan: document.plan,
    edit(recipe) {
      // The sections check what is typed before they edit; this is the last guard: a plan that would not
      // pass validatePlan is never handed to the document (and so never saved).
      let problems: Problem[] | undefined;
      document.update((plan: Plan) => {
        const next = recipe(plan);
        if (next === plan) return plan;
        const result = validatePlan(next);
        if (hasErrors(result.problems)) {
          problems = result.problems.filter((p) => p.severity === 'error');
          return plan;
        }
        return next;
      });
      setRefused(problems);
    },
    now: () => services.clock.now().toISOString(),
    today: () => amsterdamDay(services.clock.now().getTime()),
    newId: () => crypto.randomUUID(),
  };

  return (
    <div className={styles.plan}>
      {refused !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('plan.refused')}</MessageBarTitle>
            {refused.map((p) => p.message).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <ResidentSection editor={editor} areas={services.areaChampions.all()} />
      <WantsSection editor={editor} />
      <WellbeingSection editor={editor} />
      <CanSection editor={editor} />
      <NeedsSection editor={editor} />
      <OrganisationsSection editor={editor} />
      <ConsentSection editor={editor} services={services} />
    </div>
  );
}
