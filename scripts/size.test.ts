// `pnpm size` measures what it says: real Vite builds of tiny apps, loaded in Chromium, counting
// the JS the page fetched until it settled. Apps here are written into a git-ignored folder beside
// the real fixtures, so they resolve React from the same place.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainChunk } from './size/explainChunk.ts';
import { buildApp, type FixtureApp, type MeasuredApp, measureApps } from './size/measureApps.ts';
import { sizeReport } from './size/sizeReport.ts';

const work = join(import.meta.dirname, 'size/.size', `test-${process.pid}`);
const html = '<!doctype html><div id="root"></div><script type="module" src="./main.tsx"></script>';
// Base64 of random bytes: gzip cannot shrink it below 3/4 of its length.
const noise = (n: number) =>
  randomBytes(Math.ceil((n * 3) / 4))
    .toString('base64')
    .slice(0, n);
const N = 6000;

function app(name: string, main: string, extra: Record<string, string> = {}): FixtureApp {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'main.tsx'), main);
  for (const [file, code] of Object.entries(extra)) writeFileSync(join(dir, file), code);
  return { name, dir, mounted: ['[data-mounted]'] };
}

const render = (body: string) =>
  `import { createRoot } from 'react-dom/client';\n${body}\ncreateRoot(document.getElementById('root')).render(<App />);\n`;

let measured: Map<string, MeasuredApp>;

beforeAll(async () => {
  const apps = [
    app('base', render('function App() { return <div data-mounted="">app</div>; }')),
    app(
      'grown',
      render(
        `const NOISE = '${noise(N)}';\nfunction App() { return <div data-mounted="" title={NOISE}>app</div>; }`,
      ),
    ),
    // A chunk the app imports while mounting counts; one imported only on a click never fetched does not.
    app(
      'lazy',
      render(`import { useEffect, useState } from 'react';
function App() {
  const [text, setText] = useState<string>();
  useEffect(() => { import('./onMount.ts').then((m) => setText(m.default)); }, []);
  return text ? <button type="button" data-mounted="" onClick={() => import('./onClick.ts')} title={text}>app</button> : null;
}`),
      {
        'onMount.ts': `export default '${noise(N)}';\n`,
        'onClick.ts': `export default '${noise(4 * N)}';\n`,
      },
    ),
  ];
  measured = new Map(
    (await measureApps(apps, { outDir: join(work, 'dist') })).map((m) => [m.name, m] as const),
  );
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const figure = (name: string) =>
  sizeReport([{ name, app: name, baseline: 'base' }], [...measured.values()])[0];

describe('pnpm size', () => {
  it(`given an app that carries ${N} incompressible bytes more than its baseline, then its figure grows by about that`, () => {
    const { bytes, problems } = figure('grown') ?? { bytes: 0, problems: ['none'] };
    expect(problems).toEqual([]);
    expect(bytes).toBeGreaterThan(0.74 * N);
    expect(bytes).toBeLessThan(N + 200);
  });

  it('given a chunk imported on mount and one imported only on a click, then only the first is counted', () => {
    const lazy = measured.get('lazy');
    expect(lazy?.files.map((f) => f.path.replace(/-[\w-]+\.js$/, '.js')).sort()).toEqual([
      '/assets/index.js',
      '/assets/onMount.js',
    ]);
    const { bytes = 0 } = figure('lazy') ?? {};
    expect(bytes).toBeGreaterThan(0.74 * N);
    // The chunk on a click would add three times as much again.
    expect(bytes).toBeLessThan(2 * N);
  });

  it(`given a module of ${N} incompressible bytes, then size:explain puts about that on it and little on the module using it`, async () => {
    const explained = app(
      'explained',
      render(
        `import { NOISE } from './noise.ts';\nfunction App() { return <div data-mounted="" title={NOISE}>app</div>; }`,
      ),
      { 'noise.ts': `export const NOISE = '${noise(N)}';\n` },
    );
    const out = join(work, 'explained-dist');
    await buildApp(explained, out, { sourcemap: true });
    const assets = join(out, 'assets');
    const chunk = readdirSync(assets).find((f) => f.endsWith('.js')) as string;
    const code = readFileSync(join(assets, chunk), 'utf8');
    const rows = explainChunk(code, JSON.parse(readFileSync(join(assets, `${chunk}.map`), 'utf8')));
    const cost = (file: string) => rows.find((r) => r.source.endsWith(`explained/${file}`));
    expect(cost('noise.ts')?.bytes).toBeGreaterThanOrEqual(N);
    expect(cost('noise.ts')?.gzip).toBeGreaterThan(0.74 * N);
    expect(cost('noise.ts')?.gzip).toBeLessThan(N + 100);
    expect(cost('main.tsx')?.gzip).toBeLessThan(200);
    // React is in the same chunk, under its own name.
    expect(rows.some((r) => r.source.includes('node_modules') && r.gzip > 1000)).toBe(true);
  });

  it('given figures over a budget or not below every peer, then the check reports why', () => {
    const apps: MeasuredApp[] = [
      { name: 'react', bytes: 1000, files: [] },
      { name: 'ours', bytes: 3000, files: [] },
      { name: 'peer', bytes: 2500, files: [] },
      { name: 'broken', bytes: Number.NaN, files: [], error: 'does not build on Node 20' },
    ];
    const rows = sizeReport(
      [
        { name: 'ours', app: 'ours', baseline: 'react', budget: 1999, belowPeers: true },
        { name: 'peer', app: 'peer', baseline: 'react', peer: true },
        { name: 'broken', app: 'broken', baseline: 'react', peer: true },
      ],
      apps,
    );
    expect(rows.map((r) => [r.check.name, r.bytes, r.problems])).toEqual([
      ['ours', 2000, ['over its budget of 1999 B', 'not below peer (1500 B)']],
      ['peer', 1500, []],
      ['broken', Number.NaN, ['broken: does not build on Node 20']],
    ]);
    const within = sizeReport([{ name: 'ours', app: 'ours', baseline: 'react', budget: 2000 }], apps);
    expect(within[0]?.problems).toEqual([]);
  });
});
