// The ports the use cases need. Adapters (src/graph, src/demo, src/hosts, src/auth) implement them;
// nothing here knows Graph URLs, SDK types or host APIs.
import type { CaseSummary } from '../domain';
import type { Host } from './hostPort';

export interface Person {
  id: string;
  displayName: string;
  mail?: string;
  jobTitle?: string;
  organisation?: string;
}

export interface CaseListEntry extends CaseSummary {
  /** The adapter's handle on the plan document (a drive item id in Graph). */
  documentId: string;
  lastModified: string;
}

export interface NewCaseDocument {
  summary: CaseSummary;
  /** The plan document, serialised. */
  content: string;
}

export interface DirectoryPort {
  me(): Promise<Person>;
}

export interface CaseIndexPort {
  /** Lists the cases from the plan library's index, without reading every plan document. */
  listCases(): Promise<CaseListEntry[]>;
  /** Creates the plan document; fails with graph-conflict when the alias is taken. */
  createCase(document: NewCaseDocument): Promise<CaseListEntry>;
}

export interface Clock {
  now(): Date;
}

export interface Services {
  directory: DirectoryPort;
  cases: CaseIndexPort;
  clock: Clock;
  municipality: string;
}

/** What the demo tenant offers the UI: who you are pretending to be, and a way back to the seed. */
export interface DemoPersona {
  userId: string;
  role: 'caseDirector' | 'chair' | 'participant';
  displayName: string;
  jobTitle: string;
  organisation: string;
}

export interface DemoControls {
  personas: DemoPersona[];
  currentPersonaId(): string;
  switchPersona(userId: string): Promise<void>;
  reset(): Promise<void>;
}

/** Everything the UI gets from the composition root (src/entries). */
export interface Runtime {
  mode: 'demo' | 'tenant';
  host: Host;
  demo?: DemoControls;
  /** Builds the ports for the current user; called again after a demo persona switch or reset. */
  createServices(): Promise<Services>;
}
