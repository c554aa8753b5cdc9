// The ports the use cases need. Adapters (src/graph, src/demo, src/hosts, src/auth) implement them;
// nothing here knows Graph URLs, SDK types or host APIs.
import type { CaseSummary } from '../domain';
import type { Host } from './hostPort';
import type { CalendarPort } from './ports/calendar';
import type { MailPort } from './ports/mail';
import type { PlanStorePort } from './ports/planStore';
import type { TaskBoardPort } from './ports/taskBoard';
import type { AreaChampionPort } from './ports/areaChampions';
import type { HandoutPort } from './ports/handout';
import type { OutlookAppointmentPort } from './ports/outlook';
import type { Connectivity, LocalStore } from './ports/local';

export type * from './ports/calendar';
export type * from './ports/mail';
export type * from './ports/planStore';
export type * from './ports/taskBoard';
export type * from './ports/areaChampions';
export type * from './ports/handout';
export type * from './ports/outlook';
export type * from './ports/local';

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
  /** People relevant to me (my recent contacts first), fuzzy on name and mail; at most 10. */
  searchPeople(query: string): Promise<Person[]>;
  /** Users in the directory whose name or mail starts with the query. */
  searchUsers(query: string, top?: number): Promise<Person[]>;
}

export interface CaseIndexPort {
  /** Lists the cases from the plan library's index, without reading every plan document. */
  listCases(): Promise<CaseListEntry[]>;
  /** Creates the plan document; fails with graph-conflict when the alias is taken. */
  createCase(document: NewCaseDocument): Promise<CaseListEntry>;
  /** Keeps the index columns in step with the plan after a save. */
  updateSummary(documentId: string, summary: CaseSummary): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Services {
  directory: DirectoryPort;
  cases: CaseIndexPort;
  calendar: CalendarPort;
  plans: PlanStorePort;
  tasks: TaskBoardPort;
  mail: MailPort;
  handout: HandoutPort;
  areaChampions: AreaChampionPort;
  clock: Clock;
  municipality: string;
  /** This device's storage: the outbox of plan edits not yet synchronised (survives a reload). */
  local: LocalStore;
  /** Whether the device is online: the sync loop pauses while it is not. */
  connectivity: Connectivity;
  /** The area team's Planner plan the agreements are mirrored to; unset = no Planner mirror. */
  plannerPlanId?: string;
  /** The open Outlook appointment (Office.js), in the Outlook add-in only. */
  outlook?: OutlookAppointmentPort;
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
  /** Graph contract violations the demo tenant saw (request or response bodies), one line each, for the demo banner. */
  contractViolations?: () => string[];
  /** Calls the listener whenever a new contract violation is recorded; returns the unsubscribe. */
  onContractViolation?: (listener: () => void) => () => void;
}

/** Everything the UI gets from the composition root (src/entries). */
export interface Runtime {
  mode: 'demo' | 'tenant';
  host: Host;
  demo?: DemoControls;
  /** Builds the ports for the current user; called again after a demo persona switch or reset. */
  createServices(): Promise<Services>;
}
