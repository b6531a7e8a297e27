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
  await expect(card.getByRole('heading', { name: 'Verification failed' })).toBeFocused();
  // end_cause: the execution finished without errors, whatever the verdict (spec FlowEndCause).
  await expect(card.locator('code', { hasText: 'completed' })).toBeVisible();
  // One session per attempt, both rejected.
  await expect(card.locator('li', { hasText: 'veridoc' })).toHaveCount(2);
  await expect(card.locator('li', { hasText: 'veridoc' }).last()).toContainText('Failed');
  await expect(card.locator('li', { hasText: 'consent' })).toContainText('Passed');
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'failed');
  // No liveness session ran, so there is no best frame to show.
  await expect(card.getByRole('img')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, '11-fail-result-phone');
});
