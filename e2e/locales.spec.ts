import { DEMO_STRINGS } from '../apps/demo/src/demoStrings.ts';
import { expect, flowFrame, passLiveness, pressInHostedPage, shot, test } from './demoPage.ts';

test('Kazakh: the demo, the kit and the hosted page all speak kk', async ({ page }) => {
  const kk = DEMO_STRINGS.kk;
  await page.goto('/');
  await page.getByRole('radio', { name: /Қазақша/ }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kk.heroTitle);
  // The verification's language follows the visitor's until they pick another.
  await expect(page.getByLabel(kk.localeLabel)).toHaveValue('kk');
  await page.getByRole('button', { name: kk.startButton }).click();

  const frame = flowFrame(page);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(frame.getByTestId('start')).toHaveText('Бастау');
  await expect(page.getByTestId('event-log')).toContainText('POST /flow');
  await shot(page, '50-kk-welcome');
});

test('Russian: a whole journey in ru, down to the result card', async ({ page }) => {
  const ru = DEMO_STRINGS.ru;
  await page.goto('/');
  await page.getByRole('radio', { name: /Русский/ }).check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ru.heroTitle);
  await page.getByRole('button', { name: ru.startButton }).click();

  const frame = flowFrame(page);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  await pressInHostedPage(frame.getByTestId('start'), frame.locator('.vg-oval'));
  await passLiveness(frame);
  await pressInHostedPage(frame.getByRole('button', { name: 'Продолжить' }), page.getByTestId('result-card'));

  const card = page.getByTestId('result-card');
  // The kit's words for the outcome (FlowStatus's Russian headline).
  await expect(card.getByRole('heading', { name: 'Личность подтверждена' })).toBeVisible();
  await expect(card.getByRole('img', { name: ru.resultBestframe })).toBeVisible();
  await shot(page, '51-ru-result');
});
