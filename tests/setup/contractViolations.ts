// Contract violations seen by any demo tenant during the current test. The Vitest setup fails the test when some
// are left at its end; a test that provokes violations on purpose takes them with takeContractViolations().
import { expect } from 'vitest';
import type { ContractViolationReport } from '../../src/demo/hooks';

const KEY = Symbol.for('samenwerkoverleg.demoContractViolations');
type Store = { reports: ContractViolationReport[] };
const store = ((globalThis as Record<symbol, unknown>)[KEY] ??= { reports: [] }) as Store;

export function recordContractViolation(report: ContractViolationReport): void {
  store.reports.push(report);
}

/** Returns and clears the violations seen since the last call (or the start of the test). */
export function takeContractViolations(): ContractViolationReport[] {
  return store.reports.splice(0, store.reports.length);
}

/** Asserts that no demo tenant saw a body that breaks Graph's contract (and clears the list). */
export function expectNoContractViolations(): void {
  const messages = takeContractViolations().flatMap((r) => r.messages);
  expect(messages, 'Graph contract violations').toEqual([]);
}
