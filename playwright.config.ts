import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';

// The demo's end-to-end journeys in Debian Chromium with a fake camera, twice: once with the
// sandbox's hosted page posting its own postMessage protocol, and once with it silent, as
// Verigram's real page is (it documents no messages; it only goes to callback_url at the end).
// Each run has its own demo and in-process sandbox on fixed ports (API and hosted page on two
// origins, as Verigram's services.* and web.*); tests run one at a time. A third run serves the
// built demo as a salesperson starts it (`pnpm demo:build && pnpm demo:start`: plain node, no
// Vite), through the sales journey and the back office.
export interface DemoProjectMetadata {
  /** `on`: the sandbox's protocol; `off`: a silent page, like production. */
  pageMessages: 'on' | 'off';
  /** Where vlinks point: the sandbox's hosted page origin. */
  pageOrigin: string;
}

interface Demo {
  name: string;
  pageMessages: 'on' | 'off';
  demoPort: number;
  sandboxPort: number;
  command: string;
  /** Only these specs run against this demo. @default every spec */
  testMatch?: string[];
  /** These specs do not run against this demo. @default none */
  testIgnore?: string[];
  /** How long its start may take. @default 60 s */
  startTimeout?: number;
}

const DEMOS: Demo[] = [
  { name: 'page-messages-on', pageMessages: 'on', demoPort: 5173, sandboxPort: 4010, command: 'pnpm demo' },
  {
    name: 'page-messages-off',
    pageMessages: 'off',
    demoPort: 5174,
    sandboxPort: 4020,
    command: 'pnpm demo',
    // The failure path's screenshots are taken once, with the page's messages (it asserts Escape
    // forwarded from inside the frame, which a silent page cannot do: windowModes covers that demo).
    testIgnore: ['failurePath.spec.ts'],
  },
  {
    name: 'built-demo',
    pageMessages: 'on',
    demoPort: 5175,
    sandboxPort: 4030,
    command: 'pnpm demo:build && pnpm demo:start',
    testMatch: ['salesJourney.spec.ts', 'backOffice.spec.ts'],
    // The packages' and the demo's builds come first, on two cores shared with the other demos' starts.
    startTimeout: 180_000,
  },
];

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
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    permissions: ['camera'],
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: DEMOS.map((demo) => ({
    name: demo.name,
    ...(demo.testMatch ? { testMatch: demo.testMatch } : {}),
    ...(demo.testIgnore ? { testIgnore: demo.testIgnore } : {}),
    use: { baseURL: `http://localhost:${demo.demoPort}` },
    metadata: {
      pageMessages: demo.pageMessages,
      pageOrigin: `http://127.0.0.1:${demo.sandboxPort + 1}`,
    } satisfies DemoProjectMetadata,
  })),
  webServer: DEMOS.map((demo) => ({
    command: demo.command,
    url: `http://localhost:${demo.demoPort}/`,
    // Never reuse: a stray demo on the port (another checkout, other settings, a real key) would
    // be tested in place of this one. A busy port fails the run loudly instead.
    reuseExistingServer: false,
    timeout: demo.startTimeout ?? 60_000,
    stdout: 'pipe' as const,
    env: {
      // The demo must never talk to a real Verigram from the test run.
      VERIGRAM_API_URL: '',
      VERIGRAM_API_KEY: '',
      DEMO_PORT: String(demo.demoPort),
      SANDBOX_PORT: String(demo.sandboxPort),
      SANDBOX_PAGE_PORT: String(demo.sandboxPort + 1),
      VERIGRAM_SANDBOX_PAGE_MESSAGES: demo.pageMessages,
    },
  })),
});
