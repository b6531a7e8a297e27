import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'react',
    // Budgets for two cores shared with other suites (vitest's 5 s default is not), not speed goals.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    environment: 'jsdom',
    include: ['src/**/__tests__/*.test.{ts,tsx}'],
    // Chromium tests (the .chromium.test.ts suffix) run in the react-browser project.
    exclude: ['**/*.chromium.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    provide: { reactMajor: 19 },
  },
});
