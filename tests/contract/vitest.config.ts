import { defineProject } from 'vitest/config';
import { resolvePackages } from '../public-api/resolvePackages.ts';

// Contracts between packages, each imported by name as an app would (their sources).
export default defineProject({
  resolve: { alias: resolvePackages('source') },
  test: {
    name: 'contract',
    environment: 'node',
    include: ['**/*.test.ts'],
    // Budgets for two cores shared with other suites (vitest's 5 s default is not), not speed goals.
    testTimeout: 60_000,
  },
});
