// The lazily loaded Graph chunk: builds every port on one requester.
import type { CaseIndexPort, DirectoryPort } from '../app/ports';
import { createGraphRequester } from './graphClient';
import type { TokenSource } from './graphClient';
import { createDirectoryAdapter } from './directoryAdapter';
import { createPlanLibraryAdapter } from './planLibraryAdapter';

export interface GraphGateway {
  directory: DirectoryPort;
  cases: CaseIndexPort;
}

export function createGraphGateway(options: { getToken: TokenSource; planDriveId: string }): GraphGateway {
  const graph = createGraphRequester(options.getToken);
  return {
    directory: createDirectoryAdapter(graph),
    cases: createPlanLibraryAdapter(graph, options.planDriveId),
  };
}
