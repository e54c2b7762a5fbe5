/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

/**
 * Tests that measure time (how long teachers' writes wait, how responsive the server stays): they
 * run last and alone, so that other test files do not share the CPUs with them.
 */
const timed = [
  'src/server/backup/export-writes.test.ts',
  'src/server/backup/backup-blocking.test.ts',
  'src/server/print/print-jobs.responsive.test.ts',
  'src/server/lessons/review.test.ts',
];

// Groups run one after another: unit and server tests two files at a time (most of their time is
// waiting on PostgreSQL, child processes and the disk), then the browser, then the timed tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/contract/**/*.test.ts', 'src/web/**/*.test.ts'],
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['test/e2e/**', ...timed],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The demo school is seeded once for the run and copied for each file (harness.ts).
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'timed',
          include: timed,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
