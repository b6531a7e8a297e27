import { expect, flowFrame, pressInHostedPage, shot, startVerification, test } from './demoPage.ts';

// At a phone's width, so the layout is exercised mid-flow as well.
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('a failing scenario: the ID card is rejected on every attempt, the flow fails, the result says so', async ({
  page,
}) => {
  await page.goto('/');
  await startVerification(page, { template: 'ID + selfie', mode: 'In the page' });
  const frame = flowFrame(page);

  // Consent first.
  await pressInHostedPage(frame.getByTestId('start'), frame.getByRole('checkbox'));
  await frame.getByRole('checkbox').check();
  await pressInHostedPage(frame.getByRole('button', { name: 'Continue' }), frame.locator('.vg-doc'));

  // The document step: the sandbox panel's Fail, twice (the demo's template allows one retry: two attempts).
  await pressInHostedPage(frame.getByTestId('tester-fail'), frame.getByTestId('retry'));
  await page.locator('#verification').scrollIntoViewIfNeeded();
  await shot(page, '10-fail-retry-phone', { fullPage: false });
  await frame.getByTestId('retry').click();
  await pressInHostedPage(frame.getByTestId('tester-fail'), page.getByTestId('result-card'));

  const card = page.getByTestId('result-card');
  await expect(card).toHaveAttribute('data-status', 'fail');
  await expect(card.getByRole('heading', { name: 'We could not confirm your identity' })).toBeFocused();
  // What to do next, and a way on; no raw end_cause ("completed" means the pipeline ran to its end).
  await expect(card.locator('.result__next')).toContainText('visit a branch with your identity document');
  await expect(card.getByRole('button', { name: 'Start a new verification' })).toBeVisible();
  await expect(card.locator('.vgk-flow-status__summary')).not.toContainText('completed');
  // One row per attempt, by human name and numbered; the internal names wait under the details.
  const checks = card.locator('.vgk-flow-status__check');
  await expect(checks.locator('.vgk-flow-status__check-name')).toHaveText([
    'Consent',
    'Identity document · attempt 1',
    'Identity document · attempt 2',
  ]);
  await expect(checks.last()).toHaveAttribute('data-result', 'failed');
  await expect(card.getByText('veridoc').first()).toBeHidden();
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'failed');
  // No liveness session ran, so there is no best frame to show.
  await expect(card.getByRole('img')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, '11-fail-result-phone');
});
