import {
  createdFlows,
  expect,
  flowFrame,
  passLiveness,
  pressInHostedPage,
  shot,
  startVerification,
  test,
} from './demoPage.ts';

test('a reload in the middle resumes the same flow instead of creating another', async ({ page }) => {
  await page.goto('/');
  await startVerification(page, { template: 'Selfie only', mode: 'In the page' });
  const frame = flowFrame(page);
  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  expect(await createdFlows(page)).toBe(1);
  const before = await page.locator('.flow-frame iframe').getAttribute('src');
  expect(before).toMatch(/\/hf2\/[^/]+\//);

  await page.reload();

  // The same hosted page comes back, on the step it was on, and nothing new was created.
  await expect(page.locator('.flow-frame iframe')).toHaveAttribute('src', before ?? '');
  await passLiveness(frame);
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'in_progress');
  expect(await createdFlows(page)).toBe(0);
  await expect(page.getByTestId('event-log')).toContainText(
    `resumed flow ${before?.split('/hf2/')[1]?.replace('/', '')}`,
  );
  await page.locator('#verification').scrollIntoViewIfNeeded();
  await shot(page, '20-resumed-after-reload', { fullPage: false });

  await pressInHostedPage(frame.getByRole('button', { name: 'Continue' }), page.getByTestId('result-card'));
  await expect(page.getByTestId('result-card')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('result-card')).toContainText(
    before?.split('/hf2/')[1]?.replace('/', '') ?? '?',
  );
});
