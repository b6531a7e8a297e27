import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { resolvePackages } from './resolvePackages.ts';

export default defineProject({
  plugins: [react()],
  resolve: { alias: resolvePackages('source') },
  test: {
    name: 'public-api',
    environment: 'node',
    include: ['**/*.test.tsx'],
    // Budgets for two cores shared with other suites (vitest's 5 s default is not), not speed goals.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
