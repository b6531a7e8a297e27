// The hosted page as a person sees it, in Debian's Chromium (playwright library). Screenshots go
// to packages/sandbox/.screenshots/ (gitignored) for a human to look at.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TRANSLATION_CATALOG } from '@verigram-kit/core/ui';
import { build } from 'esbuild';
import { type Browser, chromium, type Frame, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../../scripts/chromium.ts';
import { API_HEADERS } from '../../__tests__/httpHarness.ts';
import { type RunningSandbox, startSandbox } from '../../server/startSandbox.ts';

const SHOTS = fileURLToPath(new URL('../../../.screenshots/', import.meta.url));
// A valid `uri` (spec format): the SVG is percent-encoded, spaces included.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='40' viewBox='0 0 160 40'><rect x='2' y='6' width='28' height='28' rx='6' fill='#e6007e'/><path d='M9 20l5 5 9-10' stroke='#fff' stroke-width='3' fill='none'/><text x='38' y='28' font-family='Arial' font-weight='700' font-size='21' fill='#ffffff'>Acme Bank</text></svg>",
)}`;

let sandbox: RunningSandbox;
let embedder: Server;
let embedderOrigin: string;
let browser: Browser;
let memoryBundle = '';

function frameHtml(src: string, allow: string | null): string {
  return `<!doctype html><meta charset="utf-8"><title>Embedder</title>
<style>body{margin:0;background:#e9edf3;font-family:sans-serif}iframe{display:block;width:480px;height:940px;margin:0 auto;border:0}</style>
<script>window.__messages=[];addEventListener('message',function(e){var f=document.querySelector('iframe');if(f&&e.source===f.contentWindow)window.__messages.push({origin:e.origin,data:e.data});});</script>
<iframe title="Identity verification" src="${src}"${allow === null ? '' : ` allow="${allow}"`}></iframe>`;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sandbox = await startSandbox({ env: {} });
  // The in-memory client, bundled for the browser: the bundle would fail on any node: import.
  const entry = fileURLToPath(new URL('../../index.ts', import.meta.url));
  const bundled = await build({
    stdin: {
      contents: `import { createInMemoryClient } from ${JSON.stringify(entry)}; window.createInMemoryClient = createInMemoryClient;`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  memoryBundle = bundled.outputFiles[0]?.text ?? '';
  embedder = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const html = (body: string) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (url.pathname === '/frame')
      return html(frameHtml(url.searchParams.get('src') ?? '', url.searchParams.get('allow')));
    if (url.pathname === '/callback')
      return html(
        '<!doctype html><meta charset="utf-8"><title>Back at the shop</title><h1>Callback reached</h1>',
      );
    if (url.pathname === '/memory.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end(memoryBundle);
    }
    if (url.pathname === '/memory')
      return html(`${frameHtml('about:blank', 'camera')}<script src="/memory.js"></script>`);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => embedder.listen(0, '127.0.0.1', r));
  embedderOrigin = `http://127.0.0.1:${(embedder.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  embedder?.closeAllConnections();
  await new Promise((r) => embedder?.close(r));
});

async function createFlow(body: object): Promise<{ flow_id: string; vlink: string }> {
  const res = await fetch(`${sandbox.url}/flow`, {
    method: 'POST',
    headers: API_HEADERS,
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { flow_id: string; vlink: string };
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 480, height: 940 } });
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

/** What the test page keeps on window: the bundled factory and the client it made. */
interface MemoryWindow {
  createInMemoryClient: typeof import('../../client/createInMemoryClient.ts').createInMemoryClient;
  client: import('../../client/createInMemoryClient.ts').InMemoryClient;
}

const messages = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __messages: { origin: string; data: Record<string, unknown> }[] }).__messages,
  );
const frameOf = async (page: Page): Promise<Frame> => {
  const handle = await page.waitForSelector('iframe');
  return (await handle.contentFrame()) as Frame;
};

// Chromium on two shared cores: the budget of a browser test, above the project's 30 s.
describe('the hosted page in Chromium', { timeout: 60_000 }, () => {
  it("given Start is pressed while the page's first open is still unanswered, then the flow starts (the press waits, it is not lost)", async () => {
    const { vlink } = await createFlow({ person_id: 'person-1' });
    const page = await newPage();
    let releaseOpen: () => void = () => {};
    const openHeld = new Promise<void>((resolve) => {
      releaseOpen = resolve;
    });
    const sentActions: string[] = [];
    await page.route('**/actions', async (route) => {
      const { type } = route.request().postDataJSON() as { type: string };
      sentActions.push(type);
      if (type === 'open') await openHeld;
      await route.continue();
    });
    await page.goto(vlink);
    await page.click('[data-testid=start]');
    await expect.poll(() => sentActions).toEqual(['open']);
    releaseOpen();
    await expect.poll(() => page.getAttribute('main', 'data-phase')).toBe('in_progress');
    expect(sentActions.slice(0, 2)).toEqual(['open', 'start']);
    const flow = await (
      await fetch(`${sandbox.url}/flow/${vlink.split('/').at(-2)}`, { headers: API_HEADERS })
    ).json();
    expect(flow.started_at).toEqual(expect.any(String));
    await page.close();
  });

  it.each(['kk', 'ru', 'en'] as const)('speaks %s from the translation catalog', async (locale) => {
    const { vlink } = await createFlow({ person_id: 'person-1', locale });
    const page = await newPage();
    await page.goto(vlink);
    await expect
      .poll(() => page.textContent('.vg-title'))
      .toBe(TRANSLATION_CATALOG['header.title'].defaults[locale]);
    expect(await page.textContent('h2')).toBe(TRANSLATION_CATALOG['welcome.title'].defaults[locale]);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.title()).toBe(TRANSLATION_CATALOG['header.title'].defaults[locale]);
    await page.screenshot({ path: `${SHOTS}welcome-${locale}.png`, fullPage: true });
    await page.click('[data-testid=start]');
    await expect
      .poll(() => page.textContent('h2'))
      .toBe(TRANSLATION_CATALOG['consent.title'].defaults[locale]);
    expect(await page.textContent('.vg-progress-label')).toBe(
      TRANSLATION_CATALOG['header.step_counter'].defaults[locale]
        .replace('{current}', '1')
        .replace('{total}', '2'),
    );
    await page.screenshot({ path: `${SHOTS}consent-${locale}.png`, fullPage: true });
    await page.close();
  });

  it('wears the bts theme with a custom logo, css and translation overrides', async () => {
    const { vlink } = await createFlow({
      person_id: 'person-1',
      locale: 'en',
      template: {
        pipeline: [{ service_name: 'verilive' }, { service_name: 'veridoc' }],
        ui: {
          theme: 'bts',
          logo_url: LOGO,
          css: ':root{--vg-color-primary:#e6007e;--vg-radius:14px}',
          translation: { en: { 'header.title': 'Acme Bank · verification' } },
        },
      },
    });
    const page = await newPage();
    await page.goto(vlink);
    await expect.poll(() => page.textContent('.vg-title')).toBe('Acme Bank · verification');
    const look = await page.evaluate(() => ({
      button: getComputedStyle(document.querySelector('[data-testid=start]') as Element).backgroundColor,
      radius: getComputedStyle(document.querySelector('.vg-card') as Element).borderTopLeftRadius,
      background: getComputedStyle(document.body).backgroundColor,
      logo: (document.querySelector('img.vg-logo') as HTMLImageElement | null)?.naturalWidth ?? 0,
    }));
    expect(look).toEqual({
      button: 'rgb(230, 0, 126)',
      radius: '14px',
      background: 'rgb(15, 27, 45)',
      logo: 160,
    });
    await page.screenshot({ path: `${SHOTS}bts-welcome.png`, fullPage: true });
    await page.click('[data-testid=start]');
    await page.waitForFunction(
      () => ((document.querySelector('.vg-oval video') as HTMLVideoElement | null)?.readyState ?? 0) >= 2,
    );
    await page.screenshot({ path: `${SHOTS}bts-liveness.png`, fullPage: true });
    await page.selectOption('[data-testid=tester-error]', 'closed_eyes');
    await page.click('[data-testid=tester-fail]');
    // The code is the tester's, in the sandbox panel; the person reads words.
    await expect
      .poll(() => page.textContent('[data-testid=tester-last-error]'))
      .toBe('Last attempt failed with: closed_eyes');
    expect(await page.textContent('.vg-card')).not.toContain('closed_eyes');
    await page.screenshot({ path: `${SHOTS}bts-retry.png`, fullPage: true });
    await page.close();
  });

  it('in a frame without allow="camera", the selfie step shows the camera error and posts camera_error', async () => {
    const { vlink, flow_id } = await createFlow({
      person_id: 'person-1',
      callback_url: `${embedderOrigin}/callback`,
      template: { pipeline: [{ service_name: 'verilive' }] },
    });
    const page = await newPage();
    await page.goto(`${embedderOrigin}/frame?src=${encodeURIComponent(vlink)}`);
    const frame = await frameOf(page);
    await frame.click('[data-testid=start]');
    await frame.waitForSelector('.vg-status[data-tone=error]');
    expect(await frame.textContent('.vg-status')).toContain(
      TRANSLATION_CATALOG['liveness.camera_error'].defaults.en,
    );
    expect(await frame.$('.vg-oval video')).toBeNull();
    await expect
      .poll(async () => (await messages(page)).find((m) => m.data.type === 'camera_error'))
      .toEqual({
        origin: sandbox.pageUrl,
        data: expect.objectContaining({
          protocol: 'verigram-hf2',
          version: 1,
          type: 'camera_error',
          flowId: flow_id,
          name: 'NotAllowedError',
        }),
      });
    await page.screenshot({ path: `${SHOTS}frame-camera-blocked.png` });
    await page.close();
  });

  it('with allow="camera" it shows live video, posts protocol v1 and returns to callback_url as given', async () => {
    const callback = `${embedderOrigin}/callback?order=42#done`;
    const { vlink, flow_id } = await createFlow({
      person_id: 'person-1',
      callback_url: callback,
      template: { pipeline: [{ service_name: 'verilive' }] },
    });
    const page = await newPage();
    await page.goto(`${embedderOrigin}/frame?allow=camera&src=${encodeURIComponent(vlink)}`);
    const frame = await frameOf(page);
    await frame.click('[data-testid=start]');
    await frame.waitForFunction(
      () => ((document.querySelector('.vg-oval video') as HTMLVideoElement | null)?.readyState ?? 0) >= 2,
    );
    await page.screenshot({ path: `${SHOTS}frame-camera-live.png` });
    await frame.click('[data-testid=tester-pass]');
    await expect.poll(() => frame.url()).toBe(callback);
    expect(await frame.textContent('h1')).toBe('Callback reached');
    const got = await messages(page);
    expect(
      got.every(
        (m) =>
          m.origin === sandbox.pageUrl && m.data.protocol === 'verigram-hf2' && m.data.flowId === flow_id,
      ),
    ).toBe(true);
    const types = got.map((m) => m.data.type).filter((t) => t !== 'resize');
    expect(types).toEqual(['ready', 'step_started', 'step_completed', 'completed']);
    expect(got.find((m) => m.data.type === 'step_completed')?.data).toMatchObject({
      stepIndex: 0,
      serviceName: 'verilive',
      status: 'pass',
    });
    expect(got.find((m) => m.data.type === 'completed')?.data.flowStatus).toBe('pass');
    expect(got.find((m) => m.data.type === 'resize')?.data.height).toBeGreaterThan(300);
    expect(sandbox.engine.getFlow('sandbox-test-key', flow_id)).toMatchObject({
      flow_status: 'pass',
      end_cause: 'completed',
    });
    await page.close();
  });

  it('given pageMessages off, then the page walks the flow posting nothing at all and still returns to callback_url', async () => {
    const silent = await startSandbox({ env: {}, pageMessages: 'off' });
    try {
      const callback = `${embedderOrigin}/callback?order=7`;
      const res = await fetch(`${silent.url}/flow`, {
        method: 'POST',
        headers: API_HEADERS,
        body: JSON.stringify({
          person_id: 'person-1',
          callback_url: callback,
          template: { pipeline: [{ service_name: 'verilive', max_retries: 1 }] },
        }),
      });
      const { vlink, flow_id } = (await res.json()) as { vlink: string; flow_id: string };
      expect(new URL(vlink).origin).toBe(silent.pageUrl);
      // A phone's browser: the flow records where it started.
      const page = await browser.newPage({
        viewport: { width: 390, height: 844 },
        userAgent:
          'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      });
      await page.goto(`${embedderOrigin}/frame?allow=camera&src=${encodeURIComponent(vlink)}`);
      const frame = await frameOf(page);
      await frame.click('[data-testid=start]');
      await frame.waitForSelector('.vg-oval[data-state=live]');
      await frame.click('[data-testid=tester-fail]');
      await frame.click('[data-testid=retry]');
      await frame.waitForSelector('.vg-oval[data-state=live]');
      await frame.click('[data-testid=tester-pass]');
      await expect.poll(() => frame.url()).toBe(callback);
      // Not one message, not even ready or resize: what an embedder of Verigram's page gets.
      expect(await messages(page)).toEqual([]);
      // The theme preview is sandbox-only and keeps answering its builder.
      const builder = await newPage();
      await builder.goto(
        `${embedderOrigin}/frame?src=${encodeURIComponent(`${silent.pageUrl}/hf2/preview/`)}`,
      );
      await expect
        .poll(async () => (await messages(builder)).find((m) => m.data.type === 'ready')?.origin)
        .toBe(silent.pageUrl);
      await builder.close();
      expect(silent.engine.getFlow('sandbox-test-key', flow_id)).toMatchObject({
        flow_status: 'pass',
        end_cause: 'completed',
        input_meta: { initial_device_type: 'mobile' },
      });
      await page.close();
    } finally {
      await silent.close();
    }
  });

  it("given an app scheme as callback_url (myapp://done), then it posts to the frame's ancestor, whose origin it knows", async () => {
    const { vlink, flow_id } = await createFlow({ person_id: 'person-1', callback_url: 'myapp://done' });
    const page = await newPage();
    await page.goto(`${embedderOrigin}/frame?src=${encodeURIComponent(vlink)}`);
    await expect
      .poll(async () => (await messages(page)).find((m) => m.data.type === 'ready'))
      .toEqual({ origin: sandbox.pageUrl, data: expect.objectContaining({ flowId: flow_id, stepCount: 2 }) });
    await page.close();
  });

  it('posts nothing when no target origin is known, and cancelled on abandon', async () => {
    const { vlink, flow_id } = await createFlow({
      person_id: 'person-1',
      template: { pipeline: [{ service_name: 'otp' }], status_page: true },
    });
    const page = await newPage();
    // No callback_url: the frame's ancestor origin is the target.
    await page.goto(`${embedderOrigin}/frame?src=${encodeURIComponent(vlink)}`);
    const frame = await frameOf(page);
    await frame.click('[data-testid=start]');
    await frame.click('[data-testid=tester-abandon]');
    await expect
      .poll(async () =>
        (await messages(page))
          .map((m) => m.data.type)
          .filter((t) => t !== 'resize')
          .at(-1),
      )
      .toBe('cancelled');
    expect((await messages(page)).every((m) => m.origin === sandbox.pageUrl)).toBe(true);
    expect(sandbox.engine.getFlow('sandbox-test-key', flow_id).end_cause).toBe('disconnected');
    await page.close();
  });

  it('posts completed with flowStatus fail when a step fails for good, and shows the status page', async () => {
    const { vlink } = await createFlow({
      person_id: 'person-1',
      callback_url: `${embedderOrigin}/callback`,
      template: { pipeline: [{ service_name: 'veridoc', max_retries: 1 }], status_page: true },
    });
    const page = await newPage();
    await page.goto(`${embedderOrigin}/frame?src=${encodeURIComponent(vlink)}`);
    const frame = await frameOf(page);
    await frame.click('[data-testid=start]');
    // max_retries 1: the first attempt and one retry.
    await frame.click('[data-testid=tester-fail]');
    await frame.click('[data-testid=retry]');
    await frame.click('[data-testid=tester-fail]');
    await expect.poll(() => frame.locator('main[data-phase=ended]').count()).toBe(1);
    await expect
      .poll(() => frame.textContent('h2'))
      .toBe(TRANSLATION_CATALOG['result.fail.title'].defaults.en);
    const types = (await messages(page)).map((m) => m.data).filter((d) => d.type !== 'resize');
    // FlowEndCause: the execution finished (end_cause completed); the verdict is flow_status fail.
    expect(types.map((d) => d.type)).toEqual(['ready', 'step_started', 'step_completed', 'completed']);
    expect(types.at(-1)).toMatchObject({ flowStatus: 'fail' });
    // status_page: the page stays until the person continues.
    expect(frame.url()).toBe(vlink);
    await page.screenshot({ path: `${SHOTS}frame-status-failed.png` });
    await page.close();
  });

  it('asks for an ID on the welcome screen only when a step reads a document', async () => {
    const page = await newPage();
    const welcome = async (pipeline: object[]) => {
      const { vlink } = await createFlow({ person_id: 'person-1', locale: 'en', template: { pipeline } });
      await page.goto(vlink);
      return page.locator('[data-phase="not_started"] p').first().textContent();
    };
    const body = TRANSLATION_CATALOG['welcome.body'].defaults.en;
    const idHint = TRANSLATION_CATALOG['welcome.document_hint'].defaults.en;
    expect(await welcome([{ service_name: 'verilive' }])).toBe(body);
    expect(await welcome([{ service_name: 'veridoc' }, { service_name: 'verilive' }])).toBe(
      `${body} ${idHint}`,
    );
    await page.close();
  });

  it("given a ru flow, then the sandbox's outcome strip speaks Russian and sits under the page's footer", async () => {
    const page = await newPage();
    const { vlink } = await createFlow({
      person_id: 'person-1',
      locale: 'ru',
      template: { pipeline: [{ service_name: 'consent' }] },
    });
    await page.goto(vlink);
    await page.getByTestId('start').click();
    const strip = page.getByRole('complementary', { name: 'Управление песочницей' });
    await strip.waitFor();
    // The progress bar is named by the step counter above it.
    expect(await page.getByRole('progressbar', { name: 'Шаг 1 из 1' }).count()).toBe(1);
    expect(await strip.getByRole('button').allTextContents()).toEqual([
      'Успех',
      'На проверку',
      'Отказ',
      'Отменить',
    ]);
    expect(
      await page.evaluate(() => document.querySelector('.vg-footer')?.nextElementSibling?.className),
    ).toBe('vg-tester');
    await page.close();
  });

  it('previews a draft config live, driven only by its parent', async () => {
    const page = await newPage();
    await page.goto(`${embedderOrigin}/frame?src=${encodeURIComponent(`${sandbox.pageUrl}/hf2/preview/`)}`);
    await expect
      .poll(async () => (await messages(page)).find((m) => m.data.type === 'ready')?.data)
      .toEqual({ protocol: 'verigram-hf2', version: 1, type: 'ready', flowId: 'preview', stepCount: 2 });
    const frame = await frameOf(page);
    await page.evaluate((origin) => {
      (document.querySelector('iframe') as HTMLIFrameElement).contentWindow?.postMessage(
        {
          protocol: 'verigram-kit',
          version: 1,
          type: 'preview',
          locale: 'ru',
          stepIndex: 1,
          ui: { theme: 'bts', css: ':root{--vg-color-primary:#ff7a00}' },
        },
        origin,
      );
    }, sandbox.pageUrl);
    await expect.poll(() => frame.textContent('h2')).toBe(TRANSLATION_CATALOG['liveness.title'].defaults.ru);
    expect(await frame.textContent('.vg-title')).toBe(TRANSLATION_CATALOG['header.title'].defaults.ru);
    expect(
      await frame.evaluate(
        () => getComputedStyle(document.querySelector('.vg-btn') as Element).backgroundColor,
      ),
    ).toBe('rgb(255, 122, 0)');
    // A message from anyone but the parent (here: the frame itself) is ignored. The promise ends
    // once the message is delivered: this listener, added after the page's, runs after the page
    // has seen it (and rendered synchronously, had it taken it).
    await frame.evaluate(
      () =>
        new Promise<void>((delivered) => {
          addEventListener('message', (event) => {
            if (event.source === window && event.data?.type === 'preview') delivered();
          });
          window.postMessage(
            { protocol: 'verigram-kit', version: 1, type: 'preview', locale: 'en', stepIndex: 0 },
            '*',
          );
        }),
    );
    expect(await frame.textContent('.vg-title')).toBe(TRANSLATION_CATALOG['header.title'].defaults.ru);
    // The preview shows what the person sees: the sandbox's outcome strip is not part of it.
    expect(await frame.locator('.vg-tester').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}preview-ru-bts.png` });
    await page.close();
  });

  it('runs from the in-memory client: a blob: vlink drives the engine without a server', async () => {
    const page = await newPage();
    await page.goto(`${embedderOrigin}/memory`);
    const flowId = await page.evaluate(async () => {
      const w = window as unknown as MemoryWindow;
      w.client = w.createInMemoryClient({ personId: 'memory-user' });
      const handle = await w.client.createFlow({
        locale: 'kk',
        callbackUrl: `${location.origin}/callback`,
        template: 'verilive',
      });
      (document.querySelector('iframe') as HTMLIFrameElement).src = handle.vlink;
      return handle.flowId as string;
    });
    const frame = await frameOf(page);
    await expect.poll(() => frame.url()).toMatch(/^blob:/);
    await frame.waitForSelector('[data-testid=start]');
    expect(await frame.textContent('.vg-title')).toBe(TRANSLATION_CATALOG['header.title'].defaults.kk);
    await frame.click('[data-testid=start]');
    await frame.waitForSelector('.vg-oval video');
    await frame.click('[data-testid=tester-pass]');
    await expect.poll(() => frame.url()).toBe(`${embedderOrigin}/callback`);
    const flow = await page.evaluate((id) => (window as unknown as MemoryWindow).client.getFlow(id), flowId);
    expect(flow).toMatchObject({
      flow_status: 'pass',
      end_cause: 'completed',
      locale: 'kk',
      test_flow: true,
      // The page ran in this (desktop) Chromium.
      input_meta: { initial_device_type: 'desktop' },
    });
    const got = await messages(page);
    // A blob document has its creator's origin.
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((m) => m.origin === embedderOrigin)).toBe(true);
    expect(got.map((m) => m.data.type)).toContain('completed');
    await page.close();
  });
});
