import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code; tests/ holds contract, manifest and accessibility suites.
// End-to-end specs (tests/e2e/*.spec.ts) belong to Playwright and are excluded here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**'],
    environment: 'node',
    setupFiles: ['tests/setup/vitest.setup.ts'],
    restoreMocks: true,
    // Component tests click through whole screens; on a loaded 2-core CI machine one can take several seconds.
    // Nothing here measures time (benchmarks do), so generous limits only remove flakiness.
    testTimeout: 30_000,
  },
});
