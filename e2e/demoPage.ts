import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/**
 * Playwright's `test`, with every journey held to the demo's Content-Security-Policy: a
 * `securitypolicyviolation` in any of its pages or frames, or a CSP error on the console, fails
 * the test after it ran. Nothing bypasses the policy (no `bypassCSP`, no injected script tags).
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, baseURL }, use) => {
      const violations: string[] = [];
      // The guard proves nothing on a page served without a policy: each demo page must carry one.
      context.on('response', (response) => {
        const request = response.request();
        if (request.resourceType() !== 'document' || !baseURL || !response.url().startsWith(baseURL)) return;
        const policy = response.headers()['content-security-policy'] ?? '';
        if (!/script-src 'self' 'nonce-|script-src 'self' 'sha256-/.test(policy) || /unsafe-/.test(policy)) {
          violations.push(`${response.url()}: served without the strict policy (${policy || 'none'})`);
        }
      });
      await context.exposeBinding('__reportCspViolation', (_source, line: string) => violations.push(line));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation?: (line: string) => void })
            .__reportCspViolation;
          report?.(`${location.href}: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`);
        });
      });
      context.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          violations.push(message.text());
        }
      });
      await use(violations);
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

import type { DemoProjectMetadata } from '../playwright.config.ts';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * Saves `e2e/screenshots/<name>.png` for people to look at after a run. A full-page capture
 * briefly resizes the viewport; pass `fullPage: false` while a hosted page is mid-step.
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // The silent-page run keeps its own copies beside the others.
  const suffix = project().pageMessages === 'off' ? '-page-silent' : '';
  const fullPage = options.fullPage ?? true;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}${suffix}.png`), fullPage });
  // A full-page capture (CDP captureBeyondViewport) leaves Chromium hit-testing the cross-origin
  // frame by the capture's layout: about one mouse click in three into the hosted page then lands
  // on the demo's <iframe> element and never reaches the page. An ordinary viewport capture,
  // discarded, puts the page back as a person sees it (0 lost clicks in 200 rounds, 14 in 40 without).
  if (fullPage) await page.screenshot();
}

/** The running project's demo: whether its hosted page posts messages, and where it lives. */
export const project = (): DemoProjectMetadata => test.info().project.metadata as DemoProjectMetadata;

/** The demo's own origin in this project, e.g. `http://localhost:5173`. */
export const demoOrigin = (): string => test.info().project.use.baseURL as string;

/** Matches a URL on the sandbox's hosted page origin (never the API's: they are two origins). */
export const hostedPageUrl = (): RegExp => new RegExp(`^${escapeRegExp(project().pageOrigin)}/hf2/`);

/** The hosted page inside the demo's inline frame. */
export const flowFrame = (page: Page): FrameLocator => page.frameLocator('.flow-frame iframe');

export interface StartOptions {
  template?: 'Selfie only' | 'ID + selfie' | 'Full KYC';
  mode?:
    | 'In the page'
    | 'In a dialog'
    | 'In a pop-up window'
    | 'Full-page redirect'
    | 'Automatic (checks the camera)';
}

/** Picks the options (English UI) and presses the start button. */
export async function startVerification(page: Page, options: StartOptions = {}): Promise<void> {
  await page
    .getByRole('radio', { name: new RegExp(`^${escapeRegExp(options.template ?? 'Selfie only')}`) })
    .check();
  await page.getByLabel('How to show it').selectOption({ label: options.mode ?? 'In the page' });
  await page.getByRole('button', { name: 'Verify my identity' }).click();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The liveness step with the fake camera: the video goes live, then Continue passes it. */
export async function passLiveness(frame: FrameLocator | Page): Promise<void> {
  const video = frame.locator('.vg-oval[data-state="live"] video');
  await expect(video).toBeVisible();
  // Real frames from Chromium's fake device, not just the element: HAVE_CURRENT_DATA (2) or more,
  // with a picture of a real size.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => [v.readyState >= 2, v.videoWidth > 0]), {
      timeout: 10_000,
    })
    .toEqual([true, true]);
}

/** The number of flows this page created, read from the event log. */
export const createdFlows = (page: Page) =>
  page
    .getByTestId('event-log')
    .locator('li', { hasText: /POST \/flow .*→/ })
    .count();

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's WCAG 2 A/AA rules on the demo's own document (frames excluded: the hosted page is
 * the sandbox's and is checked in its own tests). Returns "rule: target" lines, empty when clean.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the test driver, not added as a <script>: the demo's CSP refuses inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown }> };
      }
    ).axe;
    const result = await axe.run(
      { exclude: [['iframe']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, iframes: false },
    );
    return (result.violations as { id: string; nodes: { target: string[] }[] }[]).flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
    );
  });
}

/**
 * Clicks a button of the sandbox's hosted page and waits for `until`. One click is enough: an
 * action made while a keep-alive ping is in flight waits for it (packages/sandbox/src/page/hostedPageScript.ts).
 */
export async function pressInHostedPage(
  button: Locator,
  until: Locator,
  state: 'visible' | 'hidden' = 'visible',
): Promise<void> {
  await button.click();
  if (state === 'visible') await expect(until).toBeVisible();
  else await expect(until).toBeHidden();
}
