import type { Page } from '@playwright/test';
import { DEMO_STRINGS, type TemplateName } from '../apps/demo/src/demoStrings.ts';

type Locale = 'en' | 'ru';

import {
  axeViolations,
  demoOrigin,
  expect,
  flowFrame,
  hostedPageUrl,
  project,
  shot,
  test,
} from './demoPage.ts';

// Every state a customer can end up in besides success, as the demo shows it at a desktop's and a
// phone's width, in English and Russian: a refused start, the dialog (open, asking to stop, then
// stopped), a failed attempt with another one left, the final failure, manual review, a timed-out
// step, <FlowStatus> in its side column, and redirect mode's return before the end. One page per locale, both widths per state; each
// state is axe-checked at both widths and saved as e2e/screenshots/failure-<state>-<locale>-<width>.png.

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
] as const;

const TITLES: Record<
  Locale,
  {
    refused: RegExp;
    cancelled: string;
    rejected: string;
    review: string;
    expired: string;
    resume: string;
  }
> = {
  en: {
    refused: /^Verification cannot start/,
    cancelled: 'You stopped the verification',
    rejected: 'We could not confirm your identity',
    review: 'Sent for manual review',
    expired: 'The verification timed out',
    resume: 'Continue verification',
  },
  ru: {
    refused: /^Проверку нельзя начать/,
    cancelled: 'Вы остановили проверку',
    rejected: 'Не удалось подтвердить личность',
    review: 'Отправлено на ручную проверку',
    expired: 'Время проверки истекло',
    resume: 'Продолжить проверку',
  },
};

/** Screenshots `what` (scrolled into view first) at both widths, axe-checking each. */
async function atBothWidths(page: Page, locale: Locale, state: string, what?: () => Promise<void>) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await what?.();
    // Nothing wider than the viewport, at either width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    expect(await axeViolations(page), `axe: ${state} at ${size.width} px`).toEqual([]);
    await shot(page, `failure-${state}-${locale}-${size.width}`, { fullPage: false });
  }
  await page.setViewportSize(WIDTHS[0]);
}

/** Picks the check set and the display mode in the demo's own language, then starts. */
async function begin(
  page: Page,
  locale: Locale,
  template: TemplateName,
  mode: 'inline' | 'modal' | 'redirect',
) {
  const t = DEMO_STRINGS[locale];
  await page
    .getByRole('radio', { name: new RegExp(`^${t.presets[template][0].replace(/[+]/g, '\\+')}`) })
    .check();
  await page.getByLabel(t.modeLabel).selectOption({ label: t.modes[mode] });
  await page.getByRole('button', { name: t.startButton }).click();
}

/** The flow the demo follows now (it keeps it in sessionStorage for a reload). */
const currentFlowId = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('aurora:flow') ?? 'null') as { flowId: string }).flowId,
  );

/** The sandbox's API origin for this project (the hosted page's port, minus one). */
const sandboxApi = () => {
  const url = new URL(project().pageOrigin);
  url.port = String(Number(url.port) - 1);
  return url.origin;
};

const scrollTo = (page: Page, selector: string) => () =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => node.scrollIntoView({ block: 'start' }));

for (const locale of ['en', 'ru'] as const) {
  test(`the failure path in ${locale}: refused, stopped, retried, failed, reviewed, expired — each says why and what next`, async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const t = DEMO_STRINGS[locale];
    const titles = TITLES[locale];
    await page.addInitScript((lang) => {
      if (!localStorage.getItem('aurora:lang')) localStorage.setItem('aurora:lang', JSON.stringify(lang));
    }, locale);
    await page.goto('/');
    const status = page.getByTestId('flow-status');
    const frame = flowFrame(page);

    // 1. A refused start: the page's design breaks the proxy's FlowConfigUi policy (a logo from a
    // host it does not allow). The request is the demo's own with that ui added; the 422 is the
    // real proxy's.
    await page.route('**/api/verigram/flow', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      await route.continue({
        postData: JSON.stringify({
          ...body,
          ui: { theme: 'default', logo_url: 'https://cdn.invalid/logo.png' },
        }),
      });
    });
    await begin(page, locale, 'selfie-only', 'inline');
    const refused = page.locator('.flow-frame [role="alert"]');
    await expect(refused).toHaveText(titles.refused);
    await expect(refused).toHaveAttribute('data-error-code', 'INVALID_UI');
    // The same request would be refused again: no retry is offered.
    await expect(refused.getByRole('button')).toHaveCount(0);
    await atBothWidths(page, locale, 'refused-start', scrollTo(page, '#verification'));
    await page.unroute('**/api/verigram/flow');

    // 2. The dialog: open, then Escape pressed inside the hosted page asks to stop (the sandbox's
    // page forwards it; a silent page cannot), then stopped.
    await page.getByRole('button', { name: t.restartButton }).click();
    await begin(page, locale, 'selfie-only', 'modal');
    const dialog = page.getByRole('dialog');
    const modalFrame = page.frameLocator('[data-verigram-modal] iframe');
    await expect(modalFrame.getByTestId('start')).toBeVisible();
    await atBothWidths(page, locale, 'dialog-open', async () => {
      const box = await dialog.boundingBox();
      const viewport = page.viewportSize();
      // Full screen on a phone: the camera step needs the room.
      if (viewport && viewport.width < 600) expect(box).toEqual({ x: 0, y: 0, ...viewport });
    });
    // Focus inside the cross-origin frame: this document never sees the key; the page tells it.
    await modalFrame.getByTestId('start').focus();
    await page.keyboard.press('Escape');
    const question = page.getByRole('alertdialog');
    await expect(question).toBeVisible();
    await expect(question.getByRole('button').first()).toBeFocused();
    await atBothWidths(page, locale, 'stop-confirm');
    await question.getByRole('button').last().click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.notice', { hasText: t.flowCancelled })).toBeVisible();
    await expect(status).toHaveAttribute('data-state', 'cancelled');
    await expect(status.locator('.vgk-flow-status__headline')).toHaveText(titles.cancelled);
    // The stopped flow and, beside it (below it on a phone), the status widget saying so.
    await atBothWidths(page, locale, 'cancelled', async () => {
      const phone = (page.viewportSize()?.width ?? 0) < 600;
      await scrollTo(page, phone ? 'section[aria-labelledby="status-title"]' : '.layout')();
    });

    // 3. A failed attempt with another one left (ID + selfie allows one retry on the document).
    await page.getByRole('button', { name: t.restartButton }).click();
    await begin(page, locale, 'id-selfie', 'inline');
    await frame.getByTestId('start').click();
    await frame.getByRole('checkbox').check();
    await frame.locator('.vg-card button').click();
    await expect(frame.locator('.vg-doc')).toBeVisible();
    await frame.getByTestId('tester-fail').click();
    await expect(frame.getByTestId('retry')).toBeVisible();
    await expect(status).toHaveAttribute('data-state', 'in_progress');
    await atBothWidths(page, locale, 'attempt-failed', scrollTo(page, '#verification'));
    // <FlowStatus> in its side column, mid-flow.
    await atBothWidths(
      page,
      locale,
      'status-side-column',
      scrollTo(page, 'section[aria-labelledby="status-title"]'),
    );

    // 4. The last attempt fails too: the result says so, what to do next, and offers a new start.
    await frame.getByTestId('retry').click();
    await frame.getByTestId('tester-fail').click();
    const card = page.getByTestId('result-card');
    await expect(card.getByRole('heading', { name: titles.rejected })).toBeFocused();
    await expect(card.getByRole('button', { name: t.resultStartAgain })).toBeVisible();
    await expect(card.locator('.vgk-flow-status__attempt')).toHaveCount(2);
    await atBothWidths(page, locale, 'failed-final', scrollTo(page, '#verification'));

    // "Start a new verification" does: a new flow, the same checks.
    await card.getByRole('button', { name: t.resultStartAgain }).click();
    await expect(frame.getByTestId('start')).toBeVisible();

    // 5. Manual review: a decision to come, not a failure (amber, and no "start again").
    await page.getByRole('button', { name: t.restartButton }).click();
    await begin(page, locale, 'selfie-only', 'inline');
    await frame.getByTestId('start').click();
    await frame.getByTestId('tester-review').click();
    await expect(card.getByRole('heading', { name: titles.review })).toBeVisible();
    await expect(card.getByRole('button', { name: t.resultStartAgain })).toHaveCount(0);
    await expect(page.getByTestId('event-log').locator('li[data-tone="pending"]')).toHaveCount(1);
    await atBothWidths(page, locale, 'review', scrollTo(page, '#verification'));

    // 6. A step that ran out of time (decided through the sandbox's control route).
    await page.getByRole('button', { name: t.restartButton }).click();
    await begin(page, locale, 'selfie-only', 'inline');
    await expect(frame.getByTestId('start')).toBeVisible();
    const flowId = await currentFlowId(page);
    const timedOut = await request.post(`${sandboxApi()}/_sandbox/flows/${flowId}/steps/current`, {
      headers: { 'x-verigram-api-key': 'sandbox-test-key' },
      data: { outcome: 'timeout' },
    });
    expect(timedOut.status()).toBe(200);
    await expect(card.getByRole('heading', { name: titles.expired })).toBeVisible({ timeout: 20_000 });
    await atBothWidths(page, locale, 'expired', scrollTo(page, '#verification'));

    // 7. Redirect mode, back before the end: the tab went to the hosted page and came back through
    // the callback page (here the test opens it, as the page would on leaving) with the flow
    // unfinished. The kit does not leave again: the flow card offers the way back to it.
    await page.getByRole('button', { name: t.restartButton }).click();
    await begin(page, locale, 'selfie-only', 'redirect');
    await page.waitForURL(hostedPageUrl());
    await expect(page.getByTestId('start')).toBeVisible();
    await page.goto(`${demoOrigin()}/verigram/callback`);
    await page.waitForURL(new RegExp(`^${demoOrigin()}/\\?verigram_flow_id=`));
    const resume = page.locator('#verification').getByRole('button', { name: titles.resume });
    await expect(resume).toBeVisible();
    await expect(status).toHaveAttribute('data-state', 'not_started');
    // The button and, beside it (below it on a phone), the status widget: not started yet.
    await atBothWidths(page, locale, 'redirect-back-unfinished', async () => {
      const phone = (page.viewportSize()?.width ?? 0) < 600;
      await scrollTo(page, phone ? '#verification' : '.layout')();
    });
    await expect(page).toHaveURL(new RegExp(`^${demoOrigin()}/\\?verigram_flow_id=`));

    // The event log: no aborted reads, long flow ids wrap inside it.
    const log = page.getByTestId('event-log');
    await expect(log).not.toContainText('aborted');
    const logBox = await log.boundingBox();
    const items = await log
      .locator('.event-log__text')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().right));
    for (const right of items) expect(right).toBeLessThanOrEqual((logBox?.x ?? 0) + (logBox?.width ?? 0) + 1);
  });
}
