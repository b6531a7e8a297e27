import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The demo's real build (vite build --app with apps/demo/vite.config.ts, over the packages' dist
// from `pnpm build`) into a folder outside the repository: no node_modules above it, as in the
// Docker image, where dist is all there is.
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'demo-dist-'));
  const builder = await createBuilder({
    configFile,
    configLoader: 'runner',
    logLevel: 'warn',
    environments: {
      client: { build: { outDir: join(outDir, 'client') } },
      ssr: { build: { outDir } },
    },
  });
  await builder.buildApp();
}, 120_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Imports of bare names (not relative files) in the server bundle. */
async function bareImports(): Promise<Set<string>> {
  const files = (await readdir(outDir, { recursive: true })).filter(
    (file) => file.endsWith('.js') && !file.startsWith('client'),
  );
  const found = new Set<string>();
  for (const file of files) {
    const code = await readFile(join(outDir, file), 'utf8');
    const statements = code.matchAll(/^import\s(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']/gm);
    const dynamic = code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g);
    for (const [, name = ''] of [...statements, ...dynamic]) if (!name.startsWith('.')) found.add(name);
  }
  return found;
}

describe('the demo build', () => {
  it('puts the server in one bundle that imports only node built-ins, and bullmq only where the proxy loads it for Redis', async () => {
    const names = [...(await bareImports())];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !name.startsWith('node:') && name !== 'bullmq')).toEqual([]);
    const server = await readFile(join(outDir, 'server.js'), 'utf8');
    expect(server).not.toMatch(/from ["']bullmq["']/);
  });

  it('keeps the nonce placeholder on the built page, for the server to replace per response', async () => {
    const html = await readFile(join(outDir, 'client', 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module"[^>]* nonce="demoNoncePlaceholder0000"/);
    expect(html).not.toContain('verigram-sandbox-url');
  });

  it('when plain node runs dist/server.js there, then the page, the proxy and the sandbox answer', async () => {
    const child = spawn(process.execPath, [join(outDir, 'server.js')], {
      cwd: outDir,
      env: { PATH: process.env.PATH, DEMO_PORT: '0', SANDBOX_PORT: '0', DEMO_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const found = /Aurora Bank demo\s+(http:\/\/\S+?)\/\s/.exec(output)?.[1];
          if (found) resolve(found);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
        });
        child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
      const html = await page.text();
      expect(html).toContain('<meta name="verigram-sandbox-url" content="http://127.0.0.1:');
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const created = await fetch(`${url}/api/verigram/flow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, cookie },
        body: JSON.stringify({ template: 'selfie-only' }),
      });
      expect(created.status).toBe(201);
      const { vlink } = (await created.json()) as { vlink: string };
      expect((await fetch(vlink)).status).toBe(200);
      expect((await fetch(`${url}/verigram/callback`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
