// `pnpm consumer:check`: what an npm user lives through. A fresh Vite + React app OUTSIDE the
// workspace installs the packed tarballs with npm, embeds <VerigramFlow> and <FlowStatus>, builds,
// renders on the server with react-dom/server, and completes a flow against the sandbox (from its
// own tarball) in Chromium, behind a 10-line Node server using the proxy.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const root = join(import.meta.dirname, '..');
const packDir = join(root, '.pack');
const names = ['core', 'react', 'proxy', 'sandbox'];
const step = (text) => console.log(`▶ ${text}`);

if (
  !names.every(
    (n) => existsSync(packDir) && readdirSync(packDir).some((f) => f.startsWith(`verigram-kit-${n}-`)),
  )
) {
  step('packing the packages (pnpm pack)');
  for (const n of names)
    execFileSync('pnpm', ['pack', '--pack-destination', packDir], {
      cwd: join(root, 'packages', n),
      stdio: 'ignore',
    });
}
const tarball = (n) =>
  join(
    packDir,
    readdirSync(packDir).find((f) => f.startsWith(`verigram-kit-${n}-`)),
  );

const app = mkdtempSync(join(tmpdir(), 'verigram-consumer-'));
cpSync(join(import.meta.dirname, 'consumer-app'), app, { recursive: true });
const kit = Object.fromEntries(names.map((n) => [`@verigram-kit/${n}`, `file:${tarball(n)}`]));
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify({
    name: 'consumer-check',
    private: true,
    type: 'module',
    dependencies: { ...kit, '@tanstack/react-query': '^5', react: '^19', 'react-dom': '^19' },
    devDependencies: { vite: '^8', '@vitejs/plugin-react': '^6' },
    // The kit's packages depend on each other by version; point those at the tarballs too.
    overrides: Object.fromEntries(names.map((n) => [`@verigram-kit/${n}`, `$@verigram-kit/${n}`])),
  }),
);
const sh = (cmd, args) => execFileSync(cmd, args, { cwd: app, stdio: 'inherit' });
step(`npm install in ${app}`);
sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
step('vite build (client) and vite build --ssr');
sh('npx', ['vite', 'build', '--logLevel', 'warn']);
sh('npx', ['vite', 'build', '--ssr', 'src/entry-server.tsx', '--outDir', 'dist-ssr', '--logLevel', 'warn']);

const KEY = 'sandbox-test-key';
for (const file of readdirSync(join(app, 'dist/assets'))) {
  if (readFileSync(join(app, 'dist/assets', file), 'utf8').includes(KEY))
    throw new Error(`the API key is in ${file}`);
}

const children = [];
const start = (args, env) => {
  const child = spawn('node', args, {
    cwd: app,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
};
const waitFor = async (url) => {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
};

let browser;
try {
  const sandboxPort = 14010 + Math.floor(Math.random() * 500);
  const appPort = sandboxPort + 600;
  // As production: the API and the hosted page on two origins (the page on sandboxPort + 1), and
  // the page silent (Verigram's posts no messages); the app must complete from the callback
  // redirect and the server alone.
  start(
    [
      'node_modules/@verigram-kit/sandbox/dist/cli.js',
      '--port',
      String(sandboxPort),
      '--page-messages',
      'off',
    ],
    {},
  );
  await waitFor(`http://127.0.0.1:${sandboxPort}/_sandbox/health`);
  start(['server.mjs'], {
    PORT: String(appPort),
    VERIGRAM_API_URL: `http://127.0.0.1:${sandboxPort}`,
    VERIGRAM_API_KEY: KEY,
    FLOW_TOKEN_SECRET: 'consumer-check-secret-of-32-bytes-or-more',
  });
  const url = `http://127.0.0.1:${appPort}/`;
  await waitFor(url);

  step('server-rendered HTML');
  const html = await (await fetch(url)).text();
  if (!html.includes('Consumer app')) throw new Error('the server did not render the app');

  step('a flow completed in Chromium');
  const { chromium } = await import(join(root, 'node_modules/playwright/index.mjs'));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('start').click({ timeout: 20_000 });
  for (let i = 0; i < 10 && !(await page.getByText('completed: pass').isVisible()); i++) {
    const pass = frame.getByTestId('tester-pass');
    if (await pass.isVisible().catch(() => false)) await pass.click();
    await page.waitForTimeout(500);
  }
  await page.getByText('completed: pass').waitFor({ timeout: 20_000 });
  // <FlowStatus> got its flow id with no page message (onEvent from the polled flow) and shows the end.
  await page.locator('.vgk-flow-status[data-state="passed"]').waitFor({ timeout: 20_000 });
  if (errors.length) throw new Error(`browser errors: ${errors.join(' | ')}`);
  console.log('consumer check passed: installed from tarballs, built, server-rendered, flow completed');
} finally {
  await browser?.close();
  for (const child of children) child.kill();
}
