// Checks the static Storybook (`pnpm build-storybook`) the way a designer opens it: served by a
// plain file server with nothing else running, every story's frame and every docs page (the MDX
// pages and each component's autodocs) loaded in Chromium. Fails on a request that leaves the
// static server (e.g. a sandbox at 127.0.0.1:4010), a page error, a story whose play function did
// not pass, or a docs page that renders no heading; saves one screenshot per story and per docs
// page for a person to look at.
// Run: pnpm build-storybook && pnpm exec tsx .storybook/checkStatic.ts [out dir] [story id filter]
// (STORYBOOK_STATIC_DIR names another build to check.)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.ts';

const root = process.env.STORYBOOK_STATIC_DIR ?? join(import.meta.dirname, '..', 'storybook-static');
const outDir = process.argv[2] ?? join(root, 'screenshots');
const filter = process.argv[3] ?? '';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  try {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8')) as {
  entries: Record<string, { id: string; type: string }>;
};
const ids = Object.values(index.entries)
  .filter((e) => e.type === 'story' && e.id.includes(filter))
  .map((e) => e.id);
const docIds = Object.values(index.entries)
  .filter((e) => e.type === 'docs' && e.id.includes(filter))
  .map((e) => e.id);

// The spec's default logo_url and favicon_url (Verigram's CDN): the builder shows the defaults a
// flow would get. Noted, not failed; everything else must come from the static server.
const SPEC_DEFAULT_ASSETS = [
  'https://s3.eu-central-1.amazonaws.com/saas-statics.verigram.ai/logos/logo_vg_color.svg',
  'https://docs.services.verigram.cloud/2.0/assets/favicon.png',
];
const notes = new Set<string>();
// An empty index (a broken stories glob, a build that found nothing) must not read as "all loaded".
if (ids.length === 0) {
  console.error(`No stories${filter ? ` match "${filter}"` : ''} in ${join(root, 'index.json')}`);
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const problems: string[] = [];
await import('node:fs/promises').then((fs) => fs.mkdir(outDir, { recursive: true }));
for (const id of ids) {
  const wide = id.startsWith('react-flowuibuilder');
  const page = await browser.newPage({ viewport: { width: wide ? 1280 : 900, height: wide ? 1000 : 760 } });
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith(origin) || /^(blob|data):/.test(url)) return;
    if (SPEC_DEFAULT_ASSETS.includes(url)) notes.add(`${id}: the spec's default asset ${url}`);
    else problems.push(`${id}: request to ${url}`);
  });
  page.on('pageerror', (e) => problems.push(`${id}: page error ${e.message}`));
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`);
  const phase = await page
    .waitForFunction(
      () => {
        const p = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
          .__STORYBOOK_PREVIEW__?.currentRender?.phase;
        return p === 'completed' || p === 'finished' || p === 'errored' || p === 'aborted' ? p : false;
      },
      undefined,
      { timeout: 15_000 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timed out');
  const failed = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
  if (phase === 'errored' || phase === 'aborted' || phase === 'timed out' || failed)
    problems.push(`${id}: story ended ${phase}${failed ? ' (error display)' : ''}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `${id}.png`), fullPage: true });
  console.log(`${phase.padEnd(10)} ${id}`);
  await page.close();
}
// The docs pages: the introduction, the tokens and each component's page of props and stories.
// A page that errors or renders no heading is as broken as a story that fails.
if (!filter && !docIds.some((id) => id.startsWith('introduction')))
  problems.push('no Introduction docs page in the index');
for (const id of docIds) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith(origin) || /^(blob|data):/.test(url)) return;
    if (SPEC_DEFAULT_ASSETS.includes(url)) notes.add(`${id}: the spec's default asset ${url}`);
    else problems.push(`${id}: request to ${url}`);
  });
  page.on('pageerror', (e) => problems.push(`${id}: page error ${e.message}`));
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=docs`);
  const heading = await page
    .locator('#storybook-docs h1')
    .first()
    .textContent({ timeout: 20_000 })
    .catch(() => null);
  if (!heading) problems.push(`${id}: docs page rendered no heading`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, `docs-${id}.png`), fullPage: true });
  console.log(`${heading ? 'docs' : 'NO DOCS'.padEnd(10)} ${id}`);
  await page.close();
}
await browser.close();
server.close();
if (notes.size) console.log(`\nNotes:\n${[...notes].join('\n')}`);
console.log(
  problems.length
    ? `\n${problems.join('\n')}`
    : `\n${ids.length} stories and ${docIds.length} docs pages, no network beyond ${origin}, no errors.`,
);
process.exitCode = problems.length ? 1 : 0;
