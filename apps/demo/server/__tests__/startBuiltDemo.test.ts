import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER } from '../demoSecurityHeaders.ts';
import { type RunningBuiltDemo, startBuiltDemo } from '../startBuiltDemo.ts';

// A build's shape as Vite writes it with html.cspNonce: the placeholder on every inline tag.
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}">
    <script type="module" crossorigin src="/assets/index-abc123.js" nonce="${NONCE_PLACEHOLDER}"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

let buildDir = '';
let clientDir = '';
let demo: RunningBuiltDemo;

beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'built-demo-'));
  clientDir = join(buildDir, 'client');
  await mkdir(join(clientDir, 'assets'), { recursive: true });
  await writeFile(join(clientDir, 'index.html'), INDEX_HTML);
  await writeFile(join(clientDir, 'assets', 'index-abc123.js'), 'console.log("aurora");\n');
  // Beside the client files, as the real dist/server.js is: never to be served.
  await writeFile(join(buildDir, 'server.js'), 'secret server code');
  demo = await startBuiltDemo({
    clientDir,
    port: 0,
    host: '127.0.0.1',
    sandboxPort: 0,
    env: {},
    log: () => {},
  });
});
afterAll(async () => {
  await demo?.close();
  await rm(buildDir, { recursive: true, force: true });
});

describe('the built demo on one node:http server', () => {
  it('when the page is asked for, then it comes under the strict policy with a fresh nonce in place of the placeholder', async () => {
    const [first, second] = [await fetch(`${demo.url}/`), await fetch(`${demo.url}/`)];
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
    expect(nonce).not.toBe('');
    expect(policy).not.toMatch(/unsafe-/);
    const html = await first.text();
    expect(html).not.toContain(NONCE_PLACEHOLDER);
    expect(html).toContain(
      `<script type="module" crossorigin src="/assets/index-abc123.js" nonce="${nonce}">`,
    );
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('set-cookie')).toMatch(/^aurora_session=/);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
  });

  it('given its in-process sandbox, then the page names the sandbox hosted page origin that vlinks use', async () => {
    const cookie = ((await fetch(`${demo.url}/`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const html = await (await fetch(`${demo.url}/`)).text();
    const sandboxUrl = /<meta name="verigram-sandbox-url" content="([^"]+)">/.exec(html)?.[1];
    const response = await fetch(`${demo.url}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: demo.url, cookie },
      body: JSON.stringify({ template: 'selfie-only' }),
    });
    expect(response.status).toBe(201);
    const { vlink } = (await response.json()) as { vlink: string };
    expect(sandboxUrl).toBe(new URL(vlink).origin);
    expect(sandboxUrl).not.toBe(new URL(demo.url).origin);
  });

  it("serves the build's hashed assets with their type, cached for good", async () => {
    const response = await fetch(`${demo.url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("aurora");\n');
  });

  it('serves the kit callback page under its own policy (its script allowed by hash)', async () => {
    const response = await fetch(`${demo.url}/verigram/callback?flow_id=x`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'[^;]* 'sha256-/);
    expect(await response.text()).toContain("protocol: 'verigram-kit'");
  });

  it('when a path leaves the build folder, plainly or encoded, then it answers 404 and never the file', async () => {
    for (const path of ['/server.js', '/../server.js', '/%2e%2e/server.js', '/assets/..%2f..%2fserver.js']) {
      const response = await fetch(`${demo.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('when a page is posted to, then it answers 405 naming the methods it takes', async () => {
    const response = await fetch(`${demo.url}/`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('starting the built demo', () => {
  it('given no build, then it refuses to start, saying how to build', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-build-'));
    try {
      await expect(
        startBuiltDemo({ clientDir: empty, port: 0, sandboxPort: 0, env: {}, log: () => {} }),
      ).rejects.toThrow(/pnpm demo:build/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('given a DEMO_PORT that is not a port, then it refuses to start, naming the variable', async () => {
    await expect(
      startBuiltDemo({ clientDir, sandboxPort: 0, env: { DEMO_PORT: '51 73' }, log: () => {} }),
    ).rejects.toThrow(/DEMO_PORT must be a port/);
  });

  it('given only PORT (what hosting platforms set), then it listens there', async () => {
    const probe = await startBuiltDemo({
      clientDir,
      host: '127.0.0.1',
      sandboxPort: 0,
      env: { PORT: '0' },
      log: () => {},
    });
    try {
      expect(probe.port).toBeGreaterThan(0);
      expect((await fetch(`${probe.url}/`)).status).toBe(200);
    } finally {
      await probe.close();
    }
  });

  it('given the port is taken, then it fails, naming DEMO_PORT', async () => {
    const env = { SANDBOX_PORT: '0' };
    await expect(
      startBuiltDemo({ clientDir, port: demo.port, host: '127.0.0.1', env, log: () => {} }),
    ).rejects.toThrow(/Port \d+ is taken.*DEMO_PORT/);
  });
});
