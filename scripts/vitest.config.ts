import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'scripts',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    environment: 'node',
    // Runs the real vitest and Playwright on small fixture suites.
    testTimeout: 120_000,
  },
});
