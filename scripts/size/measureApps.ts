// What an app's visitor downloads: each fixture app is built by the real `vite build` (Vite 8 with
// @vitejs/plugin-react, as a fresh app's vite.config.ts sets it up), served by a static server,
// loaded in headless Chromium, and every JS file the page fetched from the app's origin until it
// settles is counted, gzipped.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { build, type Plugin } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

const repoRoot = join(import.meta.dirname, '../..');

/** One fixture app: a directory with index.html and the modules it loads. */
export interface FixtureApp {
  name: string;
  dir: string;
  /** CSS selectors, each there once the app's mounted thing is visibly there (e.g. `iframe`). */
  mounted: string[];
}

export interface MeasuredApp {
  name: string;
  /** Sum of each JS file's gzip size (level 9), over every JS file the page fetched from the app. */
  bytes: number;
  files: { path: string; bytes: number }[];
  /** Why the app could not be built or never mounted; `bytes` is then NaN. */
  error?: string | undefined;
}

export interface MeasureOptions {
  /** Answers the app origin's `/api/…` requests (the kit's proxy), as the app's own server would. */
  api?: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  /** Where the builds go. */
  outDir: string;
  /** Quiet time, in ms, after which the page counts as settled. @default 500 */
  idleMs?: number;
}

/**
 * Inside this repo the kit's package.json `exports` point at src; an app installing from npm
 * resolves `publishConfig.exports` (dist): resolve `@verigram-kit/*` there, as npm would.
 */
const publishedExports: Plugin = {
  name: 'published-exports',
  enforce: 'pre',
  resolveId(source) {
    const match = source.match(/^@verigram-kit\/([^/]+)(\/.*)?$/);
    if (!match) return null;
    const [, name, rest = ''] = match;
    const dir = join(repoRoot, 'packages', name as string);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const target = pkg.publishConfig?.exports?.[`.${rest}`];
    const file = typeof target === 'string' ? target : target?.default;
    if (!file) throw new Error(`@verigram-kit/${name} does not export .${rest}`);
    return join(dir, file);
  },
};

/**
 * `vite build` of one fixture app into `outDir`, as `npx vite build` in its directory would;
 * `sourcemap` adds the maps `pnpm size:explain` reads (they change no byte of the code).
 */
export async function buildApp(app: FixtureApp, outDir: string, { sourcemap = false } = {}): Promise<void> {
  await build({
    root: app.dir,
    configFile: false,
    logLevel: 'error',
    plugins: [publishedExports, react()],
    build: { outDir, emptyOutDir: true, sourcemap },
  });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Builds every app (one after the other: two builds at once gain nothing on two shared cores), then
 * loads each in a fresh Chromium context (empty cache) and counts what it fetched.
 */
export async function measureApps(apps: FixtureApp[], options: MeasureOptions): Promise<MeasuredApp[]> {
  const failed = (name: string, error: unknown): MeasuredApp => ({
    name,
    bytes: Number.NaN,
    files: [],
    error: String((error as Error)?.message ?? error).split('\n')[0],
  });
  const built = new Map<string, MeasuredApp>();
  for (const app of apps)
    await buildApp(app, join(options.outDir, app.name)).catch((error) =>
      built.set(app.name, failed(app.name, error)),
    );
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const measured: MeasuredApp[] = [];
    for (const app of apps)
      measured.push(
        built.get(app.name) ??
          (await loadApp(app, join(options.outDir, app.name), browser, options).catch((error) =>
            failed(app.name, error),
          )),
      );
    return measured;
  } finally {
    await browser.close();
  }
}

async function loadApp(
  app: FixtureApp,
  dist: string,
  browser: import('playwright').Browser,
  { api, idleMs = 500 }: MeasureOptions,
): Promise<MeasuredApp> {
  const served = new Set<string>();
  let inFlight = 0;
  let lastActivity = Date.now();
  const server = createServer((req, res) => {
    inFlight++;
    lastActivity = Date.now();
    res.on('close', () => {
      inFlight--;
      lastActivity = Date.now();
    });
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    if (path.startsWith('/api/') && api) return api(req, res);
    // Any other path is the app's page (a single-page app's fallback), as a static host serves it.
    const file = extname(path) ? normalize(join(dist, path)) : join(dist, 'index.html');
    let body: Buffer;
    try {
      if (!file.startsWith(dist)) throw new Error('outside dist');
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    if (extname(file) === '.js') served.add(path);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext();
  try {
    // The peers' scripts and frames on their CDNs are unreachable here: refused at once, so only
    // what the app's own origin serves is counted (for every app alike).
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) => route.abort(),
    );
    const page = await context.newPage();
    // What went wrong, should the app never mount.
    const troubles: string[] = [];
    page.on('pageerror', (error) => troubles.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && troubles.push(message.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    for (const selector of app.mounted)
      await page.waitForSelector(selector, { state: 'attached', timeout: 20_000 }).catch((error) => {
        throw new Error(`${app.name} never showed ${selector}: ${troubles.join('; ') || error.message}`);
      });
    // Settled: the mounted thing is there and the app's origin has seen no request for `idleMs`.
    while (inFlight > 0 || Date.now() - lastActivity < idleMs) await page.waitForTimeout(50);
  } finally {
    await context.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  // Gzip level 9 per file, as a static host that precompresses its assets (or nginx at level 9)
  // serves them; each file is its own response, so each is compressed on its own.
  const files = [...served].sort().map((path) => ({
    path,
    bytes: gzipSync(readFileSync(join(dist, path)), { level: 9 }).length,
  }));
  return { name: app.name, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
}
