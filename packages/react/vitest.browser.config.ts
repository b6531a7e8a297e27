import { defineProject } from 'vitest/config';

// <VerigramFlow> in real Chromium against the real sandbox and proxy (packages/react/browser).
export default defineProject({
  test: {
    name: 'react-browser',
    environment: 'node',
    include: ['browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
