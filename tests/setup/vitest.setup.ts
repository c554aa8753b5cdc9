// IndexedDB for the demo tenant and the outbox when tests run outside a browser.
import 'fake-indexeddb/auto';
import path from 'node:path';
import { configure } from '@testing-library/react';
import { afterEach, beforeEach, expect } from 'vitest';
import { addDemoTenantHooks } from '../../src/demo/hooks';
import { createJournalFileSink } from '../../src/demo/journal';
import { recordContractViolation, takeContractViolations } from './contractViolations';

// GRAPH_JOURNAL=<file>: every request any demo tenant serves in this run is appended there as one JSON line,
// with the test that caused it, so anyone can audit what the app sent to Graph.
const journalFile = process.env.GRAPH_JOURNAL;
const sink = journalFile ? createJournalFileSink(path.resolve(journalFile)) : undefined;

addDemoTenantHooks({
  onJournal: sink
    ? (entry) => {
      const state = expect.getState();
      sink({ ...entry, test: state.currentTestName ?? null, file: state.testPath ? path.relative(process.cwd(), state.testPath) : null });
    }
    : undefined,
  onContractViolation: recordContractViolation,
});

// findBy*/waitFor wait for what the screen will show; under CI load the default second is too short.
configure({ asyncUtilTimeout: 8_000 });

// Any body that breaks Graph's contract fails the test that caused it.
beforeEach(() => {
  takeContractViolations();
});
afterEach(() => {
  const left = takeContractViolations();
  if (left.length > 0) {
    throw new Error(`The demo tenant saw ${left.length} body/bodies that break Graph's v1.0 contract:\n${left.flatMap((r) => r.messages).join('\n')}`);
  }
});
