import { defineConfig } from 'vitest/config';

// Each package and app owns a vitest.config.ts describing its own project(s).
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest*.config.ts',
      'apps/*/vitest*.config.ts',
      'tests/*/vitest*.config.ts',
      '.storybook/vitest*.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
