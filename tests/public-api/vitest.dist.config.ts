import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { resolvePackages } from './resolvePackages.ts';

// The same tests against the built packages, resolved as npm users get them (requires
// `pnpm build` first; scripts/test.mjs does it).
export default defineProject({
  plugins: [react()],
  resolve: { alias: resolvePackages('published') },
  test: {
    name: 'public-api-dist',
    environment: 'node',
    include: ['**/*.test.tsx'],
    // Budgets for two cores shared with other suites (vitest's 5 s default is not), not speed goals.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
