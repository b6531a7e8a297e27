import { expect, passLiveness, pressInHostedPage, shot, startVerification, test } from './demoPage.ts';

test('popup mode: the flow runs in a window opened from a click; the page learns the result', async ({
  page,
}) => {
  await page.goto('/');
  await startVerification(page, { mode: 'In a pop-up window' });
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('#verification').getByRole('button', { name: 'Start verification' }).click(),
  ]);
  await pressInHostedPage(popup.getByTestId('start'), popup.locator('.vg-oval'));
  await passLiveness(popup);
  await shot(popup, '30-popup-liveness', { fullPage: false });
  await shot(page, '31-popup-opener-waiting');
  await pressInHostedPage(popup.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));

  await expect(page.getByTestId('result-card')).toHaveAttribute('data-status', 'pass');
  // The kit closes the window once the server confirms the end (the page's "completed" message
  // usually gets there before the callback page does).
  await expect.poll(() => popup.isClosed()).toBe(true);
  await expect(page.getByTestId('event-log')).toContainText('complete: pass');
  await shot(page, '32-popup-result');
});

test('redirect mode: the tab goes to the hosted page and comes back to the result', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { mode: 'Full-page redirect' });
  await page.waitForURL(/127\.0\.0\.1:4011\/hf2\//);
  await pressInHostedPage(page.getByTestId('start'), page.locator('.vg-oval'));
  await passLiveness(page);
  await shot(page, '40-redirect-hosted-page', { fullPage: false });
  await pressInHostedPage(page.getByRole('button', { name: 'Continue' }), page.locator('.vg-oval'), 'hidden');

  // Back through the callback page, with the flow id, to the demo, which asks the server.
  await page.waitForURL(/localhost:5173\/\?verigram_flow_id=/);
  await expect(page.getByTestId('result-card')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'passed');
  // Once settled, the address bar is clean again.
  await expect(page).toHaveURL('http://localhost:5173/');
  await shot(page, '41-redirect-result');
});

test('modal mode: the flow runs in a dialog that gives way to the result', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { mode: 'In a dialog' });
  const dialog = page.getByRole('dialog', { name: 'Identity verification' });
  await expect(dialog).toBeVisible();
  const frame = dialog.frameLocator('iframe');
  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  await shot(page, '35-modal-liveness', { fullPage: false });
  await pressInHostedPage(frame.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('result-card')).toHaveAttribute('data-status', 'pass');
});
