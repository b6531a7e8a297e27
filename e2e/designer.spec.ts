// What a designer and a prospect see of the branding: the builder (clean, with a logo host the
// proxy refuses), its preview at phone and desktop width, the texts table, the sticky preview in
// the demo, and the hosted page's consent, document and retry steps in the default and bts
// themes, at 1440 and 375 px, in en and ru. Each state is axe-checked (the hosted page inside its
// frame too) and saved as e2e/screenshots/designer-<state>-<locale>-<width>.png for a person.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Locator } from '@playwright/test';
import { DEMO_FLOW_UI_POLICY } from '../apps/demo/src/demoFlowUiPolicy.ts';
import { DEMO_STRINGS } from '../apps/demo/src/demoStrings.ts';
import { BUILDER_MESSAGES } from '../packages/react/src/builder/builderMessages.ts';
import { axeViolations, expect, flowFrame, project, shot, test } from './demoPage.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's WCAG 2 A/AA rules inside the hosted page's frame (the sandbox's own document). */
async function axeInFrame(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return (result.violations as { id: string; nodes: { target: string[] }[] }[]).flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
    );
  });
}

async function elementShot(locator: Locator, name: string) {
  // Only the page-messages-on run keeps pictures: the silent page looks the same.
  if (project().pageMessages === 'off') return;
  await locator.screenshot({ path: `e2e/screenshots/${name}.png` });
}

const REFUSED_LOGO = 'https://www.bank.example/logo.svg';

for (const locale of ['en', 'ru'] as const) {
  for (const width of [1440, 375] as const) {
    test(`designer states in ${locale} at ${width} px`, async ({ page }) => {
      const t = DEMO_STRINGS[locale];
      const m = BUILDER_MESSAGES[locale];
      const name = (state: string) => `designer-${state}-${locale}-${width}`;
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 812 });
      await page.goto('/');
      if (locale === 'ru') await page.getByRole('radio', { name: /Русский/ }).check();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      // The builder, clean.
      const branding = page.locator('section.branding');
      await branding.getByText(t.brandingTitle).click();
      const builder = page.locator('.vgb-root');
      await expect(builder.getByText(m.summary(0, 0))).toBeVisible();
      const preview = page.locator('.vgb-preview[data-state="ready"]');
      await expect(preview).toBeVisible();
      const hostedPreview = page.frameLocator('iframe.vgb-frame');
      await expect(hostedPreview.locator('.vg-card')).toBeVisible();
      // The logo hint names the hosts the demo's proxy allows, before anything is typed.
      const logo = page.getByRole('textbox', { name: m.logoUrl });
      const hosts = DEMO_FLOW_UI_POLICY.allowedAssetHosts ?? [];
      await expect(logo).toHaveAccessibleDescription(m.urlHint(hosts));
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, name('builder-clean'), { fullPage: false });

      // The preview, phone then desktop.
      await preview.scrollIntoViewIfNeeded();
      await elementShot(preview, name('preview-phone'));
      await preview.getByRole('radio', { name: m.desktop }).check();
      await expect(page.locator('iframe.vgb-frame')).toHaveAttribute('data-width', 'desktop');
      await expect(preview.getByTestId('preview-size')).toContainText('1280');
      await elementShot(preview, name('preview-desktop'));
      await preview.getByRole('radio', { name: m.phone }).check();

      // The texts table: the en column is there, whole.
      const texts = page.locator('fieldset', { has: page.locator('.vgb-table') });
      const enCell = page.getByRole('textbox', { name: m.cellLabel('header.title', 'en') });
      await enCell.scrollIntoViewIfNeeded();
      const [wrap, cell] = [await page.locator('.vgb-table-wrap').boundingBox(), await enCell.boundingBox()];
      expect(wrap && cell && cell.x + cell.width <= wrap.x + wrap.width + 0.5).toBe(true);
      await elementShot(texts, name('texts'));

      // The demo's branding section while the form scrolls: the preview stays in view beside it.
      await page.locator('.vgb-table-wrap').scrollIntoViewIfNeeded();
      if (width === 1440) {
        const box = await page.locator('.vgb-preview').boundingBox();
        expect(box && box.y >= 0 && box.y < 900).toBe(true);
      }
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, name('branding-sticky'), { fullPage: false });

      // A logo on a host the proxy refuses: an error before export, and the chip says the default
      // look is used.
      await logo.fill(REFUSED_LOGO);
      await expect(logo).toHaveAttribute('aria-invalid', 'true');
      await expect(branding.locator('.chip')).toHaveText(t.brandingBlocked);
      await page.getByRole('group', { name: m.themeAndAssets }).scrollIntoViewIfNeeded();
      await page.evaluate(() => scrollBy(0, -24));
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, name('builder-refused-logo'), { fullPage: false });
      await logo.fill('');
      await expect(builder.getByText(m.summary(0, 0))).toBeVisible();

      // The hosted page's steps, in the default theme and then in bts.
      for (const theme of ['default', 'bts'] as const) {
        await builder.getByRole('radio', { name: theme === 'bts' ? m.themeBts : m.themeDefault }).check();
        if (theme === 'bts') {
          // bts's own white-on-teal buttons miss WCAG AA: the builder warns, and the designer
          // follows it by setting the primary colour, whose text colour is then computed.
          await expect(builder.getByText(m.summary(0, 1))).toBeVisible();
          await builder.getByRole('textbox', { name: m.primaryColor, exact: true }).fill('#00a19a');
          await expect(builder.getByText(m.summary(0, 0))).toBeVisible();
        }
        await page
          .getByRole('radio', { name: new RegExp(`^${t.presets['id-selfie'][0].replace('+', '\\+')}`) })
          .check();
        await page.getByRole('button', { name: t.startButton }).click();
        const frame = flowFrame(page);
        const frameElement = page.locator('.flow-frame iframe');
        const hosted = page.frameLocator('.flow-frame iframe');
        await hosted.getByTestId('start').click();
        await expect(hosted.locator('[data-service="consent"]')).toBeVisible();
        const live = page
          .frames()
          .find(
            (f) => f.url().startsWith(project().pageOrigin) && !f.url().includes('/hf2/preview/'),
          ) as Frame;
        expect(await axeInFrame(live)).toEqual([]);
        await elementShot(frameElement, name(`hosted-consent-${theme}`));

        await frame.locator('.vg-check input').check();
        await frame.locator('[data-service="consent"] .vg-btn').click();
        await expect(frame.locator('[data-service="veridoc"]')).toBeVisible();
        expect(await axeInFrame(live)).toEqual([]);
        await elementShot(frameElement, name(`hosted-document-${theme}`));

        await frame.getByTestId('tester-fail').click();
        await expect(frame.getByTestId('retry')).toBeVisible();
        expect(await axeInFrame(live)).toEqual([]);
        await elementShot(frameElement, name(`hosted-retry-${theme}`));
        await page.getByRole('button', { name: t.restartButton }).click();
      }
    });
  }
}

test('at 1280×720, once a verification starts, its Start button is in view; the ru preset cards line up', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('radio', { name: /Русский/ }).check();
  // Each card's detail sits right under its title, however tall its neighbours make the row.
  const gaps = await page.locator('.preset').evaluateAll((cards) =>
    cards.map((card) => {
      // The text's own line boxes: a grid item stretched to its row is taller than its text.
      const lines = (selector: string) => {
        const range = document.createRange();
        range.selectNodeContents(card.querySelector(selector) as Node);
        return [...range.getClientRects()];
      };
      return Math.round(
        (lines('.preset__detail')[0]?.top ?? 0) - (lines('.preset__title').at(-1)?.bottom ?? 0),
      );
    }),
  );
  await elementShot(page.locator('.preset-grid'), 'designer-presets-ru-1280');
  expect(
    Math.max(...gaps) - Math.min(...gaps),
    `title-to-detail gaps ${gaps.join(', ')}`,
  ).toBeLessThanOrEqual(2);
  await page.getByRole('button', { name: DEMO_STRINGS.ru.startButton }).click();
  const start = flowFrame(page).getByTestId('start');
  await expect(start).toBeVisible();
  await shot(page, 'designer-started-ru-1280x720', { fullPage: false });
  const box = await page.locator('.flow-frame iframe').boundingBox();
  const inFrame = await start.boundingBox();
  expect(box && inFrame && inFrame.y + inFrame.height <= 720).toBe(true);
});
