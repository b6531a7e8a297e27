// `pnpm size`: what a user's bundler ships for each public import, from the BUILT packages
// (run `pnpm build` first), minified and gzipped, with peers external. Fails over budget.

import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', '@tanstack/react-query'];

/** Each check: a virtual module importing what a user would import, and its budget in bytes gzip. */
const checks = [
  { name: '<VerigramFlow> entry', code: "export { VerigramFlow } from '@verigram-kit/react'", budget: 2000 },
  { name: 'react package (all of it, no peers)', code: "export * from '@verigram-kit/react'", budget: 8000 },
  { name: 'FlowUiBuilder entry', code: "export * from '@verigram-kit/react/builder'", budget: 12000 },
  {
    name: 'core, browser-facing (protocol + phase helpers)',
    code: "export { parseFlowMessage, parseCallbackMessage, isTerminalFlow, getFlowPhase, VerigramApiError } from '@verigram-kit/core'",
    budget: 1500,
  },
  { name: 'core (all of it)', code: "export * from '@verigram-kit/core'", budget: 14000 },
];

async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    // As Vite and Rollup emit it: UTF-8 text, not \u escapes (which would triple the kk/ru strings).
    charset: 'utf8',
    format: 'esm',
    platform: 'browser',
    write: false,
    splitting: true,
    outdir: join(root, '.size'),
    metafile: true,
    external: peers,
    // Resolve the packages as a user would: through their published exports (dist).
    conditions: ['import', 'default'],
    nodePaths: [join(root, 'node_modules')],
    plugins: [publishedExports],
    logLevel: 'silent',
  });
  // What loads up front: the entry chunk and every chunk it imports statically. Chunks behind
  // import() (the modal, the popup, the QR code) load only when used and are not counted.
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint);
  const initial = new Set();
  const visit = (out) => {
    if (initial.has(out)) return;
    initial.add(out);
    for (const i of outputs[out].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const loaded = Buffer.concat([...initial].map((o) => files.get(join(root, o))));
  return gzipSync(loaded, { level: 9 }).length;
}

// Inside the repo, package.json `exports` point at src; a user gets `publishConfig.exports` (dist).
const publishedExports = {
  name: 'published-exports',
  setup(b) {
    b.onResolve({ filter: /^@verigram-kit\// }, async (args) => {
      const [, scope, name, ...rest] = args.path.match(/^(@verigram-kit)\/([^/]+)(\/.*)?$/) ?? [];
      const dir = join(root, 'packages', name);
      const pkg = (await import(join(dir, 'package.json'), { with: { type: 'json' } })).default;
      const key = `.${rest.join('') || ''}` || '.';
      const target = pkg.publishConfig?.exports?.[key === '.' ? '.' : key];
      const file = typeof target === 'string' ? target : target?.default;
      if (!file) return { errors: [{ text: `${scope}/${name} does not export ${key}` }] };
      return { path: join(dir, file) };
    });
  },
};

let failed = 0;
const rows = [];
for (const check of checks) {
  try {
    const size = await measure(check.code);
    const ok = size <= check.budget;
    if (!ok) failed++;
    rows.push([
      ok ? 'ok  ' : 'OVER',
      check.name,
      `${(size / 1000).toFixed(2)} kB`,
      `${(check.budget / 1000).toFixed(2)} kB`,
    ]);
  } catch (error) {
    failed++;
    rows.push([
      'FAIL',
      check.name,
      String(error.message ?? error).split('\n')[0],
      `${(check.budget / 1000).toFixed(2)} kB`,
    ]);
  }
}
const width = Math.max(...rows.map((r) => r[1].length));
console.log(`     ${'what'.padEnd(width)}  gzip       budget`);
for (const [s, n, v, b] of rows) console.log(`${s} ${n.padEnd(width)}  ${v.padEnd(9)}  ${b}`);
process.exit(failed ? 1 : 0);
