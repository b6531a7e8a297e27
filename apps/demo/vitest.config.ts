import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'demo',
    // Budgets for two cores shared with other suites (vitest's 5 s default is not), not speed goals.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    environment: 'node',
    include: ['server/**/__tests__/*.test.ts', 'src/**/__tests__/*.test.ts', 'build/**/__tests__/*.test.ts'],
  },
});
