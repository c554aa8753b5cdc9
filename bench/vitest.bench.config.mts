// Vitest for `npm run bench` only: the request counts of bench/*.bench-test.ts, on the demo tenant in Node with the
// same setup as the unit tests (fake IndexedDB, a contract violation fails the run). `npm run test:unit` does not
// include these files (vitest.config.ts looks in src/ and tests/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.bench-test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/vitest.setup.ts'],
    restoreMocks: true,
    testTimeout: 120_000,
  },
});
