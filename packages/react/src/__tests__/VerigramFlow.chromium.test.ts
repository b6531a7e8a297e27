// <VerigramFlow> in Debian's Chromium with a fake camera, against the real sandbox (Verigram
// emulator) and the real proxy, both on ephemeral ports; the app and the proxy share one origin.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
// Test-only: the react package never imports the proxy; this test runs it as the app's server would.
import { createVerigramProxy } from '@verigram-kit/proxy';
import { toNodeHandler } from '@verigram-kit/proxy/node';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.ts';

let sandbox: RunningSandbox;
// Its hosted page sends no postMessage at all, as Verigram's real page (web.verigram.kz).
let silentSandbox: RunningSandbox;
let app: Server;
let origin: string;
let otherOrigin: string;
let browser: Browser;
const files = new Map<string, string>();

beforeAll(async () => {
  sandbox = await startSandbox({ env: {} });
  silentSandbox = await startSandbox({ env: {}, pageMessages: 'off' });
  const bundle = await build({
    entryPoints: { app: fileURLToPath(new URL('./testApp.tsx', import.meta.url)) },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: '/assets',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  for (const file of bundle.outputFiles) files.set(file.path, file.text);
  files.set(
    '/verigram/callback',
    readFileSync(new URL('../../public/callback.html', import.meta.url), 'utf8'),
  );

  const proxy = createVerigramProxy({
    apiKey: 'sandbox-test-key',
    baseUrl: sandbox.url,
    authorize: () => ({ personId: 'person-1' }),
    secret: 'browser-test-secret-browser-test-secret',
    templates: { liveness: { pipeline: [{ service_name: 'verilive' }] } },
  });
  const proxyHandler = toNodeHandler(proxy);
  const silentProxyHandler = toNodeHandler(
    createVerigramProxy({
      apiKey: 'sandbox-test-key',
      baseUrl: silentSandbox.url,
      mountPath: '/silent/api/verigram',
      authorize: () => ({ personId: 'person-2' }),
      secret: 'browser-test-secret-browser-test-secret',
      templates: { liveness: { pipeline: [{ service_name: 'verilive' }] } },
    }),
  );
  app = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/verigram/')) return void proxyHandler(req, res);
    if (url.pathname.startsWith('/silent/api/verigram/')) return void silentProxyHandler(req, res);
    // `?policy=` sets the page's Permissions-Policy header, as an app's server would.
    const policy = url.searchParams.get('policy');
    const send = (type: string, body: string) => {
      res.writeHead(200, {
        'Content-Type': `${type}; charset=utf-8`,
        ...(policy === null ? {} : { 'Permissions-Policy': policy }),
      });
      res.end(body);
    };
    if (url.pathname === '/')
      return send(
        'text/html',
        '<!doctype html><title>App</title><div id="root"></div><script type="module" src="/assets/app.js"></script>',
      );
    if (url.pathname === '/verigram/callback')
      return send('text/html', files.get('/verigram/callback') ?? '');
    // A page of another origin (localhost vs 127.0.0.1) that forges a completion for the flow.
    if (url.pathname === '/forge') {
      const flowId = JSON.stringify(url.searchParams.get('flow') ?? '');
      return send(
        'text/html',
        `<script>parent.postMessage({protocol:'verigram-hf2',version:1,type:'completed',flowId:${flowId},flowStatus:'pass'},'*');parent.postMessage({protocol:'verigram-hf2',version:1,type:'resize',flowId:${flowId},height:3333},'*')</script>`,
      );
    }
    const asset = files.get(url.pathname);
    if (asset !== undefined) return send('text/javascript', asset);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  const { port } = app.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  otherOrigin = `http://localhost:${port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => app?.close(r));
  await sandbox?.close();
  await silentSandbox?.close();
});

const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: unknown[][] }).__events);
const completions = async (page: Page) => (await events(page)).filter((e) => e[0] === 'complete');
/** Every flow read the page asked for has answered, and what awaited the answer has run. */
const readsSettled = (page: Page) =>
  page.waitForFunction(() => {
    const reads = (window as unknown as { __reads: { asked: number; answered: number } }).__reads;
    return reads.asked === reads.answered;
  });

async function passLiveness(target: Page | import('playwright').Frame) {
  await target.click('[data-testid=start]');
  await target.waitForFunction(
    () => ((document.querySelector('.vg-oval video') as HTMLVideoElement | null)?.readyState ?? 0) >= 2,
  );
  await target.click('[data-testid=tester-pass]');
}

describe('<VerigramFlow> in Chromium', () => {
  it('inline: the liveness step gets the fake camera, the callback is detected, onComplete fires once', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=inline`);
    const handle = await page.waitForSelector('iframe[title="Identity verification"]');
    expect(await handle.getAttribute('allow')).toBe(
      'camera; microphone; fullscreen; autoplay; clipboard-write',
    );
    expect(await handle.getAttribute('sandbox')).toBeNull();
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no frame');
    await passLiveness(frame);
    await expect.poll(() => completions(page), { timeout: 15_000 }).toHaveLength(1);
    // The hosted page posts `completed` first and navigates to the callback 400 ms later.
    await expect
      .poll(async () => (await events(page)).filter((e) => e[0] === 'callback'))
      .toEqual([['callback', `${origin}/verigram/callback`]]);
    const log = await events(page);
    expect(log.map((e) => e[1])).toEqual(expect.arrayContaining(['ready', 'step_started', 'completed']));
    // The page says it all and polling sees the same steps and end: each event once, whichever
    // source said it first (nearly always the page).
    const said = log.filter((e) => e[0] === 'event' && e[1] !== 'resize').map((e) => e[1]);
    expect(said).toEqual(['ready', 'step_started', 'step_completed', 'completed']);
    expect((await completions(page))[0]).toEqual(['complete', expect.any(String), 'pass', 'pass']);
    // The callback was the last hint; any read it or the completion message started has answered.
    await readsSettled(page);
    expect(await completions(page)).toHaveLength(1);
    await page.close();
  });

  it('against a hosted page that sends no messages, onStep and onEvent still report each step and the end once, from the server', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=inline&api=${encodeURIComponent('/silent/api/verigram')}`);
    const handle = await page.waitForSelector('iframe[title="Identity verification"]');
    expect(new URL((await handle.getAttribute('src')) ?? '').origin).toBe(silentSandbox.pageUrl);
    // Ready on the frame's load: nothing waits for a `ready` message that never comes.
    await page.waitForSelector('[data-verigram-flow][data-state="ready"]', { timeout: 10_000 });
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no frame');
    await passLiveness(frame);
    await expect.poll(() => completions(page), { timeout: 15_000 }).toHaveLength(1);
    await page.waitForTimeout(1500);
    const log = await events(page);
    const flowId = (await completions(page))[0]?.[1];
    expect(log.filter((e) => e[0] === 'event')).toEqual([
      ['event', 'step_started', flowId, 'server'],
      ['event', 'step_completed', flowId, 'server'],
      ['event', 'completed', flowId, 'server'],
    ]);
    expect(log.filter((e) => e[0] === 'step')).toEqual([
      ['step', 'step_started', 0, 'verilive', 'server'],
      ['step', 'step_completed', 0, 'verilive', 'server'],
    ]);
    // The steps came before the verdict, as they would from the page.
    expect(log.findIndex((e) => e[1] === 'completed')).toBeLessThan(
      log.findIndex((e) => e[0] === 'complete'),
    );
    await page.close();
  });

  it('a forged message from another origin is ignored', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=inline`);
    const frameHandle = await page.waitForSelector('iframe[title="Identity verification"]');
    await page.waitForFunction(() =>
      (window as unknown as { __events: unknown[][] }).__events.some((e) => e[1] === 'ready'),
    );
    const flowId = (await events(page)).find((e) => e[1] === 'ready')?.[2] as string;
    const before = (await events(page)).length;
    await page.evaluate(
      ([src, from]) => {
        const forger = document.createElement('iframe');
        forger.src = src as string;
        // Both forged messages delivered to this window: this listener, added after the kit's,
        // runs after the kit has seen (and dropped) each one.
        const delivered = new Promise<void>((resolve) => {
          let seen = 0;
          addEventListener('message', (event) => {
            if (event.origin === from && ++seen === 2) resolve();
          });
        });
        document.body.append(forger);
        return delivered;
      },
      [`${otherOrigin}/forge?flow=${encodeURIComponent(flowId)}`, otherOrigin],
    );
    await readsSettled(page);
    expect((await events(page)).slice(before)).toEqual([]);
    expect(await frameHandle.evaluate((f) => (f as HTMLIFrameElement).style.height)).not.toBe('3333px');
    await page.close();
  });

  it('auto, on a page served without a Permissions-Policy header, embeds the hosted page of another origin, which gets the camera', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=auto`);
    const handle = await page.waitForSelector('iframe[title="Identity verification"]');
    expect(new URL((await handle.getAttribute('src')) ?? '').origin).not.toBe(origin);
    expect(await page.$('button:has-text("Start verification")')).toBeNull();
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no frame');
    // passLiveness waits for the fake camera's frames in the hosted page's video.
    await passLiveness(frame);
    await expect.poll(() => completions(page), { timeout: 15_000 }).toHaveLength(1);
    await page.close();
  });

  it('auto, on a page whose Permissions-Policy names the hosted origin for the camera, embeds', async () => {
    const page = await browser.newPage();
    const policy = `camera=(self "${sandbox.pageUrl}")`;
    await page.goto(`${origin}/?mode=auto&policy=${encodeURIComponent(policy)}`);
    const frame = await (await page.waitForSelector('iframe[title="Identity verification"]')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.click('[data-testid=start]');
    await frame.waitForFunction(
      () => ((document.querySelector('.vg-oval video') as HTMLVideoElement | null)?.readyState ?? 0) >= 2,
    );
    await page.close();
  });

  it.each([
    ['denies the camera to everyone', 'camera=()'],
    ['grants the camera to other origins only', 'camera=(self "https://elsewhere.example")'],
  ])('auto, on a page whose Permissions-Policy %s, falls back to a popup', async (_, policy) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=auto&policy=${encodeURIComponent(policy)}`);
    await page.waitForSelector('button:has-text("Start verification")');
    expect(await page.$('iframe[title="Identity verification"]')).toBeNull();
    await page.close();
  });

  it('auto with an allow that lacks the camera falls back to a popup, which completes and closes', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=auto&allow=${encodeURIComponent('fullscreen')}`);
    const start = await page.waitForSelector('button:has-text("Start verification")');
    expect(await page.$('iframe[title="Identity verification"]')).toBeNull();
    const [popup] = await Promise.all([page.waitForEvent('popup'), start.click()]);
    await popup.waitForLoadState();
    await passLiveness(popup);
    await expect.poll(() => completions(page), { timeout: 15_000 }).toHaveLength(1);
    // Done, so the kit closes its window (before or after the callback page, whichever is first).
    await expect.poll(() => popup.isClosed()).toBe(true);
    expect((await events(page)).filter((e) => e[0] === 'error')).toEqual([]);
    await page.close();
  });

  it('redirect: leaves for the hosted page and comes back through callback.html to complete', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?mode=redirect`);
    await page.waitForURL(`${sandbox.pageUrl}/**`);
    await passLiveness(page);
    await page.waitForURL(/verigram_flow_id=/, { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('mode')).toBe('redirect');
    await expect.poll(() => completions(page), { timeout: 15_000 }).toHaveLength(1);
    await page.close();
  });
});
