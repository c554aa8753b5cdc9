import type { CaseTabProps } from './CaseScreen';

export function ResponsesTab({ document }: CaseTabProps) {
  return <p>{document.plan.caseAlias}</p>;
}
