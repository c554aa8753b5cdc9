// Process-wide observers of every demo tenant, so a test setup can watch tenants that tests create themselves
// (the Vitest setup journals every exchange to GRAPH_JOURNAL and fails a test on any contract violation).
import type { JournalEntry } from './journal';

export interface ContractViolationReport {
  at: string;
  requestId: string;
  method: string;
  url: string;
  direction: 'request' | 'response';
  /** The type or action the body was checked against. */
  target: string;
  /** One line per violation: "PATCH /planner/tasks/x request plannerTask: $.dueDate unknown property ..." */
  messages: string[];
}

export interface DemoTenantHooks {
  onJournal?(entry: JournalEntry): void;
  onContractViolation?(report: ContractViolationReport): void;
}

const registry: DemoTenantHooks[] = [];

/** Registers hooks for every tenant; returns the function that removes them. */
export function addDemoTenantHooks(hooks: DemoTenantHooks): () => void {
  registry.push(hooks);
  return () => {
    const index = registry.indexOf(hooks);
    if (index >= 0) registry.splice(index, 1);
  };
}

export function globalDemoTenantHooks(): readonly DemoTenantHooks[] {
  return registry;
}
