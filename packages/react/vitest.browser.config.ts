import { defineProject } from 'vitest/config';

// The Chromium tests, selected by their .chromium.test.ts suffix: <VerigramFlow> against the real
// sandbox and proxy, <FlowUiBuilder> previewing the sandbox's hosted page.
export default defineProject({
  test: {
    name: 'react-browser',
    environment: 'node',
    include: ['src/**/__tests__/*.chromium.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    provide: { reactMajor: 19 },
  },
});
