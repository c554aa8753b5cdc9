import type { CaseTabs } from './CaseScreen';
import { PlanTab } from './PlanTab';
import { PrepareTab } from './PrepareTab';
import { ResponsesTab } from './ResponsesTab';
import { MeetingTab } from '../meeting/MeetingTab';
import { AfterTab } from '../after/AfterTab';

export const caseTabs: CaseTabs = {
  plan: PlanTab,
  prepare: PrepareTab,
  responses: ResponsesTab,
  meeting: MeetingTab,
  after: AfterTab,
};
