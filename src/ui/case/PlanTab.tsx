import type { CaseTabProps } from './CaseScreen';

export function PlanTab({ document }: CaseTabProps) {
  return <p>{document.plan.caseAlias}</p>;
}
