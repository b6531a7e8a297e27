import type { Page } from '@playwright/test';
import {
  demoOrigin,
  expect,
  flowFrame,
  hostedPageUrl,
  passLiveness,
  pressInHostedPage,
  project,
  shot,
  startVerification,
  test,
} from './demoPage.ts';

/**
 * What every mode must end with, with the page posting messages or silent: the result card, the
 * status card, onComplete exactly once, and events from the page only when it speaks.
 */
async function expectOneCompletion(page: Page): Promise<void> {
  await expect(page.getByTestId('result-card')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'passed');
  const log = page.getByTestId('event-log');
  await expect(log).toContainText('complete: pass');
  // A late poll or message must not complete it twice.
  await page.waitForTimeout(1500);
  await expect(log.locator('li', { hasText: 'complete: pass' })).toHaveCount(1);
  // The log marks events the kit read from the server (source=server); the rest came from the page.
  const events = log.locator('li[data-kind="event"]');
  const fromPage = events.filter({ hasNotText: 'source=server' });
  if (project().pageMessages === 'off') {
    await expect(events.first()).toBeVisible();
    await expect(fromPage).toHaveCount(0);
  } else await expect(fromPage.first()).toBeVisible();
}

test('popup mode: the flow runs in a window opened from a click; the page learns the result', async ({
  page,
}) => {
  await page.goto('/');
  await startVerification(page, { mode: 'In a pop-up window' });
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('#verification').getByRole('button', { name: 'Start verification' }).click(),
  ]);
  await expect(popup).toHaveURL(hostedPageUrl());
  await pressInHostedPage(popup.getByTestId('start'), popup.locator('.vg-oval'));
  await passLiveness(popup);
  await shot(popup, '30-popup-liveness', { fullPage: false });
  await shot(page, '31-popup-opener-waiting');
  await pressInHostedPage(popup.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));

  // The kit closes the window once the server confirms the end (told by the page's "completed"
  // message, or by the popup reaching the callback page when the page is silent).
  await expect.poll(() => popup.isClosed()).toBe(true);
  await expectOneCompletion(page);
  await shot(page, '32-popup-result');
});

test('redirect mode: the tab goes to the hosted page and comes back to the result', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { mode: 'Full-page redirect' });
  await page.waitForURL(hostedPageUrl());
  await pressInHostedPage(page.getByTestId('start'), page.locator('.vg-oval'));
  await passLiveness(page);
  await shot(page, '40-redirect-hosted-page', { fullPage: false });
  await pressInHostedPage(page.getByRole('button', { name: 'Continue' }), page.locator('.vg-oval'), 'hidden');

  // Back through the callback page, with the flow id, to the demo, which asks the server.
  await page.waitForURL(new RegExp(`^${demoOrigin()}/\\?verigram_flow_id=`));
  await expect(page.getByTestId('result-card')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'passed');
  // Once settled, the address bar is clean again.
  await expect(page).toHaveURL(`${demoOrigin()}/`);
  const log = page.getByTestId('event-log');
  await page.waitForTimeout(1500);
  await expect(log.locator('li', { hasText: 'complete: pass' })).toHaveCount(1);
  await shot(page, '41-redirect-result');
});

test('modal mode: the flow runs in a dialog that gives way to the result', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { mode: 'In a dialog' });
  const dialog = page.getByRole('dialog', { name: 'Identity verification' });
  await expect(dialog).toBeVisible();
  const frame = dialog.frameLocator('iframe');
  await expect(dialog.locator('iframe')).toHaveAttribute('src', hostedPageUrl());
  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  await shot(page, '35-modal-liveness', { fullPage: false });
  await pressInHostedPage(frame.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));
  await expect(dialog).toBeHidden();
  await expectOneCompletion(page);
});

test('auto mode: the camera pre-flight picks the inline frame, which completes', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { mode: 'Automatic (checks the camera)' });
  // The camera is allowed and the frame may use it: the pre-flight keeps the flow in the page.
  await expect(page.locator('.flow-frame iframe')).toHaveAttribute('src', hostedPageUrl());
  const frame = flowFrame(page);
  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  await pressInHostedPage(frame.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));
  await expectOneCompletion(page);
  await shot(page, '36-auto-result');
});

test('inline mode: the frame reaches the callback page and the kit completes once', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { mode: 'In the page' });
  const frame = flowFrame(page);
  await expect(page.locator('.flow-frame iframe')).toHaveAttribute('src', hostedPageUrl());
  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  await pressInHostedPage(frame.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));
  await expect(page.getByTestId('event-log')).toContainText('callback detected: /verigram/callback');
  await expectOneCompletion(page);
});
