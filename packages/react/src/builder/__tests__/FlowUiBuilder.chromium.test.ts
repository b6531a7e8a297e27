// @vitest-environment node
// <FlowUiBuilder> in Debian's Chromium (playwright library), previewing the sandbox's hosted page
// (ours, not Verigram's): the builder's edits must reach the page's computed style and text. The page is bundled
// with esbuild against the React major the project runs (19 here, 18 in the react18 project).
// Screenshots go to packages/react/.screenshots/ (gitignored).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { TRANSLATION_CATALOG } from '@verigram-kit/core/ui';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { build } from 'esbuild';
import { type Browser, chromium, type Frame, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../../scripts/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    reactMajor: number;
  }
}

const here = import.meta.dirname;
const SHOTS = join(here, '../../../.screenshots/');
const reactMajor = inject('reactMajor');

let sandbox: RunningSandbox;
let server: Server;
let origin: string;
let browser: Browser;

// React as the running project resolves it: the react package's own (19), or apps/react18's.
function reactAliases(): Record<string, string> {
  const from =
    reactMajor === 18
      ? join(here, '../../../../../apps/react18/package.json')
      : join(here, '../../../package.json');
  const require = createRequire(from);
  const dir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  return { react: dir('react'), 'react-dom': dir('react-dom') };
}

async function bundleApp(): Promise<string> {
  const entry = `
    import { version } from 'react';
    import { createRoot } from 'react-dom/client';
    import { FlowUiBuilder } from ${JSON.stringify(join(here, '../index.ts'))};
    const params = new URLSearchParams(location.search);
    const preview = params.get('preview');
    window.__changes = [];
    window.__reactVersion = version;
    createRoot(document.getElementById('root')).render(
      <FlowUiBuilder previewUrl={preview} locale={params.get('locale') ?? 'en'} previewDebounceMs={50} onChange={(ui) => window.__changes.push(ui)} />,
    );`;
  const result = await build({
    stdin: { contents: entry, resolveDir: join(here, '../../..'), loader: 'tsx' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    alias: reactAliases(),
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const [running, app] = await Promise.all([startSandbox({ port: 0, env: {} }), bundleApp()]);
  sandbox = running;
  server = createServer((req, res) => {
    if (req.url?.startsWith('/app.js')) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(app);
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Builder</title><body style="margin:16px"><main id="root"></main><script src="/app.js"></script></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function openBuilder(width = 1400, locale = 'en'): Promise<{ page: Page; preview: Frame }> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(
    `${origin}/?locale=${locale}&preview=${encodeURIComponent(`${sandbox.pageUrl}/hf2/preview/`)}`,
  );
  await page.locator('section.vgb-preview[data-state="ready"]').waitFor({ timeout: 20_000 });
  const preview = page.frames().find((f) => f.url().startsWith(`${sandbox.pageUrl}/hf2/preview/`));
  if (!preview) throw new Error('the preview frame is missing');
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __reactVersion: string }).__reactVersion)).toMatch(
    new RegExp(`^${reactMajor}\\.`),
  );
  return { page, preview };
}

const buttonStyle = (preview: Frame) =>
  preview.evaluate(() => {
    const style = getComputedStyle(document.querySelector('.vg-btn') as Element);
    return { background: style.backgroundColor, color: style.color };
  });

// Each test's own waits add up to 60 s at most (20 s for the preview, then up to four polls of
// 10 s); its budget exceeds them, so a timeout names the wait that failed, not the test.
describe(`<FlowUiBuilder> in Chromium (React ${reactMajor})`, { timeout: 90_000 }, () => {
  it('changing the primary colour restyles the sandbox preview page', async () => {
    const { page, preview } = await openBuilder();
    // The default theme's primary (#1f5eff) before any edit.
    expect(await buttonStyle(preview)).toEqual({
      background: 'rgb(31, 94, 255)',
      color: 'rgb(255, 255, 255)',
    });

    await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#ffd400');
    // Yellow gets black text: on-primary is computed for contrast.
    await expect
      .poll(() => buttonStyle(preview), { timeout: 10_000 })
      .toEqual({ background: 'rgb(255, 212, 0)', color: 'rgb(0, 0, 0)' });

    // The colour picker drives the same token.
    await page.getByLabel('Primary colour, picker', { exact: true }).fill('#0a7e5c');
    await expect
      .poll(() => buttonStyle(preview), { timeout: 10_000 })
      .toEqual({ background: 'rgb(10, 126, 92)', color: 'rgb(255, 255, 255)' });
    await page.screenshot({ path: `${SHOTS}builder-primary.png`, fullPage: false });
    await page.close();
  });

  it('takes the kit-wide --vgk-* theme properties from any ancestor, over its own defaults', async () => {
    const { page } = await openBuilder();
    const border = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('.vgb-fieldset') as Element).borderTopColor,
      );
    // The builder's own default border (#d0d7de, as the rest of the kit) until the page sets one for the whole kit.
    expect(await border()).toBe('rgb(208, 215, 222)');
    await page.evaluate(() => document.body.style.setProperty('--vgk-color-border', 'rgb(1, 2, 3)'));
    expect(await border()).toBe('rgb(1, 2, 3)');
    await page.close();
  });

  it('a translation override shows up in the preview, in the locale picked there', async () => {
    const { page, preview } = await openBuilder();
    const title = () => preview.textContent('.vg-title');
    expect(await title()).toBe(TRANSLATION_CATALOG['header.title'].defaults.en);

    await page.getByRole('searchbox', { name: 'Search texts' }).fill('header.title');
    await page.getByRole('textbox', { name: 'header.title, ru' }).fill('Проверка Acme Bank');
    await page.getByRole('textbox', { name: 'header.title, en' }).fill('Acme Bank check');
    await expect.poll(title, { timeout: 10_000 }).toBe('Acme Bank check');

    await page.getByRole('radio', { name: 'ru', exact: true }).check();
    await expect.poll(title, { timeout: 10_000 }).toBe('Проверка Acme Bank');

    // The step switcher moves the preview through the pipeline.
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect
      .poll(() => preview.textContent('h2'), { timeout: 10_000 })
      .toBe(TRANSLATION_CATALOG['liveness.title'].defaults.ru);

    await page.getByRole('radio', { name: 'BTS (dark)' }).check();
    await expect
      .poll(() => preview.evaluate(() => getComputedStyle(document.body).backgroundColor), {
        timeout: 10_000,
      })
      .toBe('rgb(15, 27, 45)');
    const changes = await page.evaluate(
      () => (window as unknown as { __changes: unknown[] }).__changes.length,
    );
    expect(changes).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}builder-translation-ru-bts.png`, fullPage: false });
    await page.close();
  });

  it('at 1280 px, it tells spec fields from sandbox-only ones, and a key of your own is exported with that note', async () => {
    const { page, preview } = await openBuilder(1280);
    expect(await page.getByText("Verigram's spec defines five fields", { exact: false }).isVisible()).toBe(
      true,
    );
    const sandboxOnly = page.getByText('Text keys, --vg-* CSS properties and bts colours', { exact: false });
    expect(await sandboxOnly.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Preview: sandbox page' }).isVisible()).toBe(true);
    // Nothing spills sideways at a common laptop width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: `${SHOTS}builder-1280-scopes.png`, fullPage: false });

    await page.getByRole('textbox', { name: 'Key', exact: true }).fill('acme.consent_footer');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('en');
    await page.getByRole('textbox', { name: 'Text', exact: true }).fill('Acme keeps your data in Almaty');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const cell = page.getByRole('textbox', { name: 'acme.consent_footer, en' });
    await expect.poll(() => cell.inputValue()).toBe('Acme keeps your data in Almaty');
    expect(await cell.getAttribute('aria-invalid')).toBeNull();
    // The sandbox page ignores a key it does not know: it keeps rendering, with its own title.
    await expect
      .poll(() => preview.textContent('.vg-title'), { timeout: 10_000 })
      .toBe(TRANSLATION_CATALOG['header.title'].defaults.en);

    const output = page.getByRole('textbox', { name: 'Exported code' });
    expect(JSON.parse(await output.inputValue()).translation).toEqual({
      en: { 'acme.consent_footer': 'Acme keeps your data in Almaty' },
    });
    const note = page.getByText('Known to work only on the sandbox page: translation.', { exact: false });
    expect(await note.isVisible()).toBe(true);
    await page.getByRole('combobox', { name: 'Export as' }).selectOption('ts');
    expect(await output.inputValue()).toContain(
      "// Known to work only on the verigram-kit sandbox's page: translation keys.",
    );
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}builder-1280-custom-key-export.png`, fullPage: false });
    await page.getByRole('row', { name: /acme\.consent_footer/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}builder-1280-custom-key-row.png`, fullPage: false });
    await page.screenshot({ path: `${SHOTS}builder-1280-full.png`, fullPage: true });
    await page.close();
  });

  it('at 1280 px, the desktop preview is a 1280 px page scaled into its column, the texts table shows its en column, and a reset with nothing to reset is not shown', async () => {
    const { page } = await openBuilder(1280);
    const frame = page.locator('iframe.vgb-frame');
    const wrap = page.locator('.vgb-frame-wrap');
    await page.getByRole('radio', { name: 'Desktop' }).check();
    await expect.poll(() => frame.evaluate((f) => f.clientWidth)).toBe(1280);
    // Drawn within the column (scaled), not cropped and not a column-wide "desktop".
    const shown = await frame.boundingBox();
    const column = await wrap.boundingBox();
    expect(shown && column && shown.width <= column.width).toBe(true);
    expect(shown?.width).toBeGreaterThan(200);
    expect(await page.getByTestId('preview-size').textContent()).toMatch(/^1280 px wide, shown at \d+%$/);

    const tableWrap = page.locator('.vgb-table-wrap');
    const enCell = page.getByRole('textbox', { name: 'header.title, en' });
    const [tableBox, enBox] = [await tableWrap.boundingBox(), await enCell.boundingBox()];
    expect(tableBox && enBox && enBox.x + enBox.width <= tableBox.x + tableBox.width).toBe(true);
    expect(await tableWrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const reset = page.getByRole('button', { name: 'Reset primary colour' });
    expect(await reset.isVisible()).toBe(false);
    await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#0a7e5c');
    expect(await reset.isVisible()).toBe(true);
    await page.close();
  });

  it('at 1280 px in Kazakh, the spec and sandbox-only notes fit beside the preview', async () => {
    const { page } = await openBuilder(1280, 'kk');
    expect(
      await page.getByText('Verigram спецификациясы бес өрісті анықтайды', { exact: false }).isVisible(),
    ).toBe(true);
    expect(await page.getByRole('heading', { name: 'Алдын ала қарау: құмсалғыш беті' }).isVisible()).toBe(
      true,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: `${SHOTS}builder-1280-kk.png`, fullPage: false });
    await page.close();
  });
});
