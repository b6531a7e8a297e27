import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';

// The demo's end-to-end journeys (issue 7) in Debian Chromium with a fake camera. The demo owns
// fixed ports (sandbox 4010, demo 5173), so the tests run one at a time against one server.
export default defineConfig({
  testDir: 'e2e',
  // Not under .test-results: pnpm test recreates that folder while other suites run.
  outputDir: 'e2e/.artifacts',
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky journey is a bug to see, not to hide.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: 'http://localhost:5173',
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    permissions: ['camera'],
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'pnpm demo',
    url: 'http://localhost:5173/',
    // Never reuse: a stray demo on :5173 (another checkout, other settings, a real key) would be
    // tested in place of this one. A busy port fails the run loudly instead.
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    // The demo must never talk to a real Verigram from the test run.
    env: { VERIGRAM_API_URL: '', VERIGRAM_API_KEY: '' },
  },
});
