import type { CaseTabProps } from './CaseScreen';

export function PrepareTab({ document }: CaseTabProps) {
  return <p>{document.plan.caseAlias}</p>;
}
