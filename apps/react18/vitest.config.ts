import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// The react package's component tests again, on React 18. This folder is its own pnpm importer
// so React 18, react-dom 18 and the libraries peering on them resolve to each other; the
// aliases point the tests' imports at them.
const require = createRequire(import.meta.url);
const here = (name: string) => dirname(require.resolve(`${name}/package.json`));
const reactPackage = join(import.meta.dirname, '../../packages/react');

export default defineProject({
  plugins: [react()],
  resolve: {
    alias: ['react', 'react-dom', '@testing-library/react', '@tanstack/react-query'].map((name) => ({
      find: new RegExp(`^${name}(/.*)?$`),
      replacement: `${here(name)}$1`,
    })),
  },
  test: {
    name: 'react18',
    // Budgets for two cores shared with other suites (vitest's 5 s default is not), not speed goals.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    environment: 'jsdom',
    dir: join(reactPackage, 'src'),
    include: ['**/__tests__/*.test.{ts,tsx}'],
    // <VerigramFlow>'s Chromium test bundles the react package's own React (19); the builder's
    // bundles the React major it is given, so it runs here on 18 too.
    exclude: ['**/VerigramFlow.chromium.test.ts'],
    setupFiles: [join(reactPackage, 'vitest.setup.ts')],
    provide: { reactMajor: 18 },
    server: { deps: { inline: [/@testing-library\/react/, /@tanstack\/react-query/] } },
  },
});
