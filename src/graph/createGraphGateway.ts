// The lazily loaded Graph chunk: builds every port on one requester (one client, one request path).
import type { CalendarPort, CaseIndexPort, DirectoryPort, MailPort, PlanStorePort, TaskBoardPort } from '../app/ports';
import { createCalendarAdapter } from './calendarAdapter';
import { createDirectoryAdapter } from './directoryAdapter';
import { createGraphRequester } from './graphClient';
import type { GraphRequesterOptions, TokenSource } from './graphClient';
import { createMailAdapter } from './mailAdapter';
import { createPlanLibraryAdapter } from './planLibraryAdapter';
import { createPlanStoreAdapter } from './planStoreAdapter';
import { createTaskBoardAdapter } from './taskBoardAdapter';

export interface GraphGateway {
  directory: DirectoryPort;
  cases: CaseIndexPort;
  calendar: CalendarPort;
  plans: PlanStorePort;
  tasks: TaskBoardPort;
  mail: MailPort;
}

export interface GraphGatewayOptions extends GraphRequesterOptions {
  getToken: TokenSource;
  planDriveId: string;
}

export function createGraphGateway(options: GraphGatewayOptions): GraphGateway {
  const graph = createGraphRequester(options.getToken, { retry: options.retry, maxInFlightPerMailbox: options.maxInFlightPerMailbox, isOnline: options.isOnline });
  return {
    directory: createDirectoryAdapter(graph),
    cases: createPlanLibraryAdapter(graph, options.planDriveId),
    calendar: createCalendarAdapter(graph),
    plans: createPlanStoreAdapter(graph, options.planDriveId),
    tasks: createTaskBoardAdapter(graph),
    mail: createMailAdapter(graph),
  };
}
