import { axeViolations, expect, flowFrame, passLiveness, shot, startVerification, test } from './demoPage.ts';

test('the customer closes the tab right after the selfie: the verdict still lands in the back office, exactly once', async ({
  context,
}) => {
  // The customer's tab first: it gets the session cookie the back office tab then shares.
  const customer = await context.newPage();
  await customer.goto('/');
  const backOffice = await context.newPage();
  await backOffice.setViewportSize({ width: 1440, height: 900 });
  await backOffice.goto('/?view=back-office');
  await expect(backOffice.getByRole('heading', { name: 'Back office' })).toBeVisible();

  await customer.bringToFront();
  await startVerification(customer, { template: 'Selfie only', mode: 'In the page' });
  const frame = flowFrame(customer);
  await frame.getByTestId('start').click();
  await passLiveness(frame);

  // The server watches the flow from its creation, before any verdict.
  const watching = backOffice.getByTestId('back-office-watching').locator('li');
  await expect(watching).toHaveCount(1);
  const flowId = (await watching.locator('code').textContent()) ?? '';
  expect(flowId).not.toBe('');
  await shot(backOffice, '30-back-office-watching', { fullPage: false });

  // The selfie is taken; the moment the sandbox has it, the customer closes the tab.
  const selfieSent = customer.waitForResponse(
    // The selfie's own action, not a keep-alive ping to the same URL: a ping answered while the
    // selfie waits behind it would close the tab before the selfie is sent.
    (response) =>
      response.url().endsWith('/actions') &&
      response.request().method() === 'POST' &&
      (response.request().postData() ?? '').includes('"outcome"'),
  );
  // By keyboard: in this two-tab context a mouse click on the frame's Continue is reported done but
  // never reaches the page (every run, whether or not the customer's tab is brought to the front
  // first; no full-page capture before it). The one-tab journeys click with the mouse.
  await frame.getByRole('button', { name: 'Continue' }).press('Enter');
  expect((await selfieSent).ok()).toBe(true);
  await customer.close();

  const verdict = backOffice.getByTestId('back-office-verdict');
  await expect(verdict).toHaveCount(1, { timeout: 20_000 });
  await expect(verdict).toHaveAttribute('data-flow-id', flowId);
  await expect(verdict).toHaveAttribute('data-outcome', 'pass');
  await expect(verdict).toContainText('Passed');
  await expect(verdict).toContainText('delivered once');
  await expect(watching).toHaveCount(0);

  // Still one verdict, delivered once, after three more polls of the back office.
  for (let poll = 0; poll < 3; poll++) {
    await backOffice.waitForResponse((response) => response.url().endsWith('/demo/back-office'));
  }
  await expect(verdict).toHaveCount(1);
  await expect(verdict).toHaveAttribute('data-deliveries', '1');
  await shot(backOffice, '31-back-office-verdict-after-tab-closed', { fullPage: false });
  expect(await axeViolations(backOffice)).toEqual([]);
});

test('in one tab: "simulate: close the customer\'s tab" at the selfie, the sandbox finishes the flow with no browser, the verdict arrives', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await startVerification(page, { template: 'Selfie only', mode: 'In the page' });
  const frame = flowFrame(page);
  await frame.getByTestId('start').click();
  await passLiveness(frame);
  const panel = page.getByTestId('back-office');
  await expect(panel.getByTestId('back-office-watching').locator('li')).toHaveCount(1);

  await panel.getByRole('button', { name: 'Simulate: close the customer’s tab' }).click();
  await expect(page.getByTestId('customer-gone')).toBeVisible();
  await expect(page.locator('.flow-frame iframe')).toHaveCount(0);
  await expect(page.getByTestId('flow-status')).toHaveCount(0);

  // From here on no request of this page reaches the proxy's flow routes.
  const flowReads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/verigram/')) flowReads.push(request.url());
  });
  await panel.getByRole('button', { name: 'finish the flow with no browser' }).click();

  const verdict = panel.getByTestId('back-office-verdict');
  await expect(verdict).toHaveCount(1, { timeout: 20_000 });
  await expect(verdict).toHaveAttribute('data-outcome', 'pass');
  await expect(verdict).toHaveAttribute('data-deliveries', '1');
  expect(flowReads).toEqual([]);
  await panel.scrollIntoViewIfNeeded();
  await shot(page, '32-back-office-beside-customer', { fullPage: false });
  expect(await axeViolations(page)).toEqual([]);
});
