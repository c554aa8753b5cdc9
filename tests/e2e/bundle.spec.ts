// Reads the size report the production build wrote: first paint must stay small, and the heavy
// or mode-specific libraries must load lazily.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface SizeReport { entries: Record<string, { gzipBytes: number; packages: string[]; files: string[] }> }
const report = JSON.parse(readFileSync('dist/size-report.json', 'utf8')) as SizeReport;

test('the personal tab paints with at most 200 KB of gzipped JavaScript', () => {
  const personal = report.entries.personal;
  expect(personal).toBeDefined();
  expect(personal!.gzipBytes).toBeGreaterThan(10_000);
  expect(personal!.gzipBytes).toBeLessThanOrEqual(200 * 1024);
});

test('MSAL, the Graph client, teams-js, MSW, zod and the demo stay out of every first-paint chunk', () => {
  for (const name of ['personal', 'config', 'addin']) {
    const packages = report.entries[name]!.packages;
    expect(packages).toContain('react');
    for (const lazy of ['@azure/msal-browser', '@microsoft/microsoft-graph-client', '@microsoft/teams-js', 'msw', 'zod']) {
      expect(packages, `${name} must not contain ${lazy}`).not.toContain(lazy);
    }
  }
});
