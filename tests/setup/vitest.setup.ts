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

// happy-dom does not give tabster (Fluent's focus manager) the focus events a browser does, so a timer left by an
// earlier dialog can put aria-hidden on the portal of the dialog that is open now — on a loaded machine, now and
// then. No browser hides the open modal; this keeps it that way here (the e2e axe runs check the real thing).
if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  const revealOpenDialog = () => {
    const open = [...document.querySelectorAll('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]')].at(-1);
    for (let element: Element | null = open ?? null; element; element = element.parentElement) {
      if (element.getAttribute('aria-hidden') === 'true') element.removeAttribute('aria-hidden');
    }
  };
  new MutationObserver(revealOpenDialog).observe(document.documentElement, { attributes: true, attributeFilter: ['aria-hidden'], childList: true, subtree: true });
}
