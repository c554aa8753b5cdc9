// The fault matrix (`npm run test:faults`): every fault × the two journeys, end to end against the built app
// (dist/, served like the end-to-end tests), one browser, one cell after the other, each on a fresh shared
// demo tenant. A separate config so `npm run test:e2e` (tests/e2e) does not run these twice. Build first
// (`npm run build`; in CI `npm test` has just built). Port 4175 (FAULTS_PORT), so it can run beside the e2e server.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config';

const ROOT = path.resolve(__dirname, '..', '..');
const PORT = Number(process.env.FAULTS_PORT ?? 4175);
// The matrix's own Graph audit, next to its results (the e2e config points GRAPH_JOURNAL at the e2e run's file).
process.env.GRAPH_JOURNAL = process.env.FAULTS_GRAPH_JOURNAL ?? path.join(ROOT, 'test-results', 'faults', 'graph-journal.jsonl');

export default defineConfig({
  ...e2e,
  testDir: path.resolve(__dirname),
  testMatch: '**/*.faults.ts',
  outputDir: path.join(ROOT, 'test-results', 'faults'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], [path.resolve(__dirname, 'matrixReporter.ts')]],
  use: {
    ...e2e.use,
    baseURL: `http://localhost:${PORT}`,
    trace: 'off',
  },
  webServer: {
    command: 'node scripts/serve-dist.mjs',
    cwd: ROOT,
    env: { PORT: String(PORT) },
    url: `http://localhost:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
