import {
  axeViolations,
  demoOrigin,
  expect,
  flowFrame,
  passLiveness,
  pressInHostedPage,
  shot,
  startVerification,
  test,
} from './demoPage.ts';

test('the sales journey: brand → start → liveness in the frame → callback → passed → result with the best frame', async ({
  page,
}) => {
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = response.url();
    if (url.startsWith(`${demoOrigin()}/`) && /javascript/.test(response.headers()['content-type'] ?? '')) {
      scripts.add(url);
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Open your Aurora account in three minutes',
  );
  await expect(page.getByText('Sandbox: pass or fail on purpose')).toBeVisible();
  await shot(page, '01-landing');
  expect(await axeViolations(page)).toEqual([]);

  // Brand: open the builder, set Aurora's teal as the primary colour and a header title.
  await page.getByText('1. Brand the verification page').click();
  const primary = page.getByRole('textbox', { name: 'Primary colour', exact: true });
  await primary.fill('#0f766e');
  await page.getByRole('searchbox', { name: 'Search texts' }).fill('header.title');
  await page.getByRole('textbox', { name: 'header.title, en' }).fill('Aurora Bank · identity check');
  await expect(page.getByText('Custom branding is on')).toBeVisible();
  await shot(page, '02-branding');
  await page.getByText('1. Brand the verification page').click();

  // Start: inline, selfie only.
  await startVerification(page, { template: 'Selfie only', mode: 'In the page' });
  const frame = flowFrame(page);
  await expect(frame.getByRole('heading', { name: 'Aurora Bank · identity check' })).toBeVisible();
  // The brand reached the hosted page: its primary button wears the teal.
  await expect(frame.getByTestId('start')).toHaveCSS('background-color', 'rgb(15, 118, 110)');
  await expect(page.getByTestId('event-log')).toContainText('POST /flow (selfie-only, branded)');
  await shot(page, '03-flow-welcome');

  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  await page.locator('#verification').scrollIntoViewIfNeeded();
  await shot(page, '04-liveness-camera', { fullPage: false });
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'in_progress');
  await pressInHostedPage(
    frame.getByRole('button', { name: 'Continue' }),
    page.getByTestId('event-log').getByText(/step_completed/),
  );

  // The page goes to the callback URL; the kit notices and asks the server, which says "pass".
  await expect(page.getByTestId('event-log')).toContainText('callback detected: /verigram/callback');
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-state', 'passed');
  // The status card, from its heading down, as the passed verdict arrives.
  await page
    .locator('section[aria-labelledby="status-title"]')
    .evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await shot(page, '05-status-passed', { fullPage: false });
  const card = page.getByTestId('result-card');
  await expect(card).toHaveAttribute('data-status', 'pass');
  await expect(card.getByRole('heading', { name: 'Identity confirmed' })).toBeVisible();
  // Checks by what the customer did, never the internal service name (that is under the details).
  await expect(card.locator('.vgk-flow-status__check-name')).toHaveText(['Selfie check']);
  const bestframe = card.getByRole('img', { name: 'Best frame from the liveness check' });
  await expect(bestframe).toBeVisible();
  expect(await bestframe.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('event-log')).toContainText(/poll.*GET \/flow/s);
  await card.scrollIntoViewIfNeeded();
  await shot(page, '06-result-desktop');
  expect(await axeViolations(page)).toEqual([]);

  // The API key stays on the demo's server: no script the browser loaded carries it (dozens of
  // modules from the dev server, a few chunks from the build).
  expect(scripts.size).toBeGreaterThan(0);
  for (const url of scripts) {
    expect(await (await page.request.get(url)).text(), url).not.toContain('sandbox-test-key');
  }

  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, '07-result-phone');
});
