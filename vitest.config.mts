import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/smoke/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Opening a desk in beforeEach does a test's worth of work (migrations, setup, sign-in).
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser and one harness at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
