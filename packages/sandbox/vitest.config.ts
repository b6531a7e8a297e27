import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sandbox',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The Chromium test shares two cores with other packages' suites.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
