import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import type { Locale } from '@verigram-kit/core';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';

/**
 * The story tests in one toolbar locale: every story becomes a test rendered in Debian's Chromium
 * (Playwright cannot download its own here), its `globals.locale` starting at `locale` as if a
 * designer had picked it in the toolbar. A story pinned to a language (`globals: { locale }`) runs
 * only in the project of that language, so each test is counted once.
 */
export function storybookProject(locale: Locale) {
  return defineProject({
    plugins: [
      storybookTest({
        configDir: import.meta.dirname,
        tags: {
          exclude: (['en', 'ru', 'kk'] as const).filter((l) => l !== locale).map((l) => `pinned-${l}`),
        },
      }),
    ],
    define: { 'import.meta.env.STORYBOOK_TEST_LOCALE': JSON.stringify(locale) },
    // Each locale's Vite server keeps its own dependency cache: three servers, one folder, races.
    cacheDir: `node_modules/.vite-storybook-${locale}`,
    test: {
      name: locale === 'en' ? 'storybook' : `storybook-${locale}`,
      // Chromium on two cores shared with other suites: a budget, not a speed goal.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
        instances: [{ browser: 'chromium' }],
      },
    },
  });
}
