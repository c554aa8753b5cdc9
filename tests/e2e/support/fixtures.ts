// Every end-to-end test runs with a Graph audit: a contract violation reported by the demo tenant
// fails the test, and with GRAPH_JOURNAL=<file> every request the demo tenant served is appended to
// that file as one JSON line (the same format as the Vitest run).
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';

const VIOLATION = '[demo tenant] Graph contract violation:';

/** The anchor Monday the demo seed is written for (src/demo/seedTime.ts); scenario tests set their clocks from it. */
export const SEED_WEEK = '2026-11-23T09:00:00+01:00';

export const test = base.extend<{ graphAudit: void; demoSeedWeek: string | 'today'; seedWeek: void }>({
  // Scenario tests install a fixed clock and expect the seed as written; 'today' seeds the demo as a user
  // meets it (moved to the current week), for the tests that prove the demo does not rot.
  demoSeedWeek: [SEED_WEEK, { option: true }],
  seedWeek: [async ({ context, demoSeedWeek }, use) => {
    if (demoSeedWeek !== 'today') {
      await context.addInitScript((week) => { (window as unknown as { __soDemoSeedWeek?: string }).__soDemoSeedWeek = week; }, demoSeedWeek);
    }
    await use();
  }, { auto: true }],
  graphAudit: [async ({ page }, use, testInfo) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith(VIOLATION)) violations.push(message.text());
    });
    const journalFile = process.env.GRAPH_JOURNAL;
    if (journalFile) {
      mkdirSync(path.dirname(journalFile), { recursive: true });
      const testName = testInfo.titlePath.join(' › ');
      await page.exposeFunction('__soJournalSink', (entry: unknown) => {
        appendFileSync(journalFile, `${JSON.stringify({ runner: 'playwright', test: testName, ...(entry as object) })}\n`);
      });
    }
    await use();
    expect(violations, 'the demo tenant reported Graph contract violations').toEqual([]);
  }, { auto: true }],
});

export { expect };
