// Playwright for `npm run bench` only (first paint, keystroke-to-paint latency): the e2e run does not pick these
// up (its testDir is tests/e2e). Same browser, locale, time zone and static server as playwright.config.ts, on a
// port of its own so a running e2e server with another build is never measured by mistake.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

const PORT = Number(process.env.BENCH_PORT ?? 4183);

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  outputDir: '../test-results/bench',
  timeout: 180_000,
  reporter: [['list']],
  use: { ...base.use, baseURL: `http://localhost:${PORT}`, trace: 'off' },
  webServer: {
    // The config's directory is the working directory: the server finds dist/ next to its own script.
    command: 'node ../scripts/serve-dist.mjs',
    env: { PORT: String(PORT) },
    url: `http://localhost:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
