// `pnpm size`: what a user's bundler ships for each public import, from the BUILT packages
// (run `pnpm build` first), minified and gzipped, with peers external. Fails over budget.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// rolldown is Vite 8's bundler: measure with what an app's build actually uses, set as Vite sets it
// for an app (vite/dist/node/chunks/node.js, build options): entry exports are not kept, so chunks
// shared with lazy ones fold into the entry, and minified output keeps no comments, /* @__PURE__ */
// annotations included. Each check is an app module that uses what it imports. A library-style
// build (exports kept, annotations kept) measured ~0.15 kB more for the same code.
const requireFromVite = createRequire(createRequire(import.meta.url).resolve('vite'));
const { rolldown } = await import(pathToFileURL(requireFromVite.resolve('rolldown')).href);

const root = join(import.meta.dirname, '..');
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', '@tanstack/react-query'];
const isPeer = (id) => peers.some((p) => id === p || id.startsWith(`${p}/`));

/** What `from` exports at run time (types aside), read off a library-style build of it. */
async function exportNames(from) {
  const input = writeEntry('exports.js', `export * from '${from}';`);
  const bundle = await rolldown({ input, external: isPeer, logLevel: 'silent', plugins: [publishedExports] });
  const { output } = await bundle.generate({ format: 'es' });
  return output.find((o) => o.type === 'chunk' && o.isEntry).exports;
}

/**
 * An app module that uses `check.imports` (`*`: every export) of `check.from` (one entry, or
 * several whose exports are all used), so the build keeps them.
 */
async function appModule({ imports, from }) {
  if (Array.isArray(from)) {
    // One after the other: exportNames writes its probe to one file.
    const lists = [];
    for (const entry of from) lists.push([entry, await exportNames(entry)]);
    const lines = lists.map(([entry, names], i) => `import * as e${i} from '${entry}';`);
    return `${lines.join('\n')}\nglobalThis.used = [${lists
      .map(([, names], i) => `{ ${names.map((n) => `${n}: e${i}.${n}`).join(', ')} }`)
      .join(', ')}];`;
  }
  const names = imports === '*' ? await exportNames(from) : imports;
  return `import { ${names.join(', ')} } from '${from}';\nglobalThis.used = { ${names.join(', ')} };`;
}

/** Each check: an app module using what a user would import, and its budget in bytes gzip. */
const checks = [
  { name: '<VerigramFlow> entry', imports: ['VerigramFlow'], from: '@verigram-kit/react', budget: 2000 },
  // Everything the main entry exports, as an app that uses all of it ships it. FlowStatus's kk/ru
  // strings are a chunk of their own (the skeleton shows until they land, never English).
  {
    name: 'react package (main entry, no peers)',
    imports: '*',
    from: '@verigram-kit/react',
    // 7.997 kB, then 9.12 kB with FlowStatus written for customers (a headline and a next step per
    // outcome, checks by human name and attempt, "Details for support") and the cache the embed
    // shares with it (what <VerigramFlow> reads lands in every widget at once).
    budget: 9200,
  },
  { name: 'VerigramCallback entry', imports: '*', from: '@verigram-kit/react/callback', budget: 1500 },
  // The builder carries the sandbox page's key catalogue (kk/ru/en texts) and its own interface in
  // three languages; the kk/ru texts of validation issues load on demand (2.6 kB a language), its
  // kk/ru interface strings do not yet. It also carries the one FlowConfigUi policy (checkFlowUi:
  // asset hosts for logos too, escapes, image-set()/src(), the ui size cap), 0.45 kB over the
  // builder's old, looser checks.
  { name: 'FlowUiBuilder entry', imports: '*', from: '@verigram-kit/react/builder', budget: 22200 },
  {
    name: 'core, browser-facing (protocol + phase helpers)',
    imports: [
      'parseFlowMessage',
      'parseCallbackMessage',
      'isTerminalFlow',
      'getFlowPhase',
      'VerigramApiError',
    ],
    from: '@verigram-kit/core',
    budget: 1500,
  },
  // 17.32 kB, then 17.90 kB with hostPageSecurityHeaders (the host page's CSP, Permissions-Policy
  // and Referrer-Policy, a server-side helper no browser entry imports) and the camera
  // pre-flight's policy check; 18.50 kB with createFlowEventLog (steps and end from the polled
  // flow, for the real hosted page that sends no messages) and getCurrentStep, moved from react;
  // 18.78 kB with listSandboxOnlyFields and the sandbox-only comment the snippet exports start with.
  // All three entries together (main, /ui, /internal): what core weighed as one entry before the
  // builder's helpers and the siblings' internals moved to entries of their own.
  {
    name: 'core (all of it, server client and builder included)',
    imports: '*',
    from: ['@verigram-kit/core', '@verigram-kit/core/ui', '@verigram-kit/core/internal'],
    // With the one FlowConfigUi policy (checkFlowUi), 0.4 kB over the builder's old checks.
    budget: 19200,
  },
];

function writeEntry(name, code) {
  const dir = join(root, '.size');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${code}\n`);
  return file;
}

async function measure(code) {
  const input = writeEntry('entry.js', code);
  const bundle = await rolldown({
    input,
    external: isPeer,
    platform: 'browser',
    preserveEntrySignatures: false,
    logLevel: 'silent',
    plugins: [publishedExports],
  });
  const { output } = await bundle.generate({
    format: 'es',
    minify: true,
    topLevelVar: true,
    comments: { annotation: false, jsdoc: false, legal: false },
  });
  // What loads up front: the entry chunk and every chunk it imports statically. Chunks behind
  // import() (the modal, the popup, the QR code, kk/ru strings) load only when used.
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) if (chunks.has(name)) visit(chunks.get(name));
  };
  visit([...chunks.values()].find((c) => c.isEntry));
  const gzip = (list) => gzipSync(list.map((c) => c.code).join('\n'), { level: 9 }).length;
  // The flow's session engine is lazy but always follows on mount (fetched while POST /flow runs):
  // reported beside the entry so the whole cost of an inline flow is visible too.
  const engine = [...chunks.values()].filter((c) => !initial.has(c) && c.fileName.startsWith('flowSession'));
  return { initial: gzip([...initial]), onMount: engine.length ? gzip([...initial, ...engine]) : undefined };
}

// Inside the repo, package.json `exports` point at src; a user gets `publishConfig.exports` (dist).
const publishedExports = {
  name: 'published-exports',
  resolveId(source) {
    const match = source.match(/^@verigram-kit\/([^/]+)(\/.*)?$/);
    if (!match) return null;
    const [, name, rest = ''] = match;
    const dir = join(root, 'packages', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const target = pkg.publishConfig?.exports?.[`.${rest}`];
    const file = typeof target === 'string' ? target : target?.default;
    if (!file) throw new Error(`@verigram-kit/${name} does not export .${rest}`);
    return join(dir, file);
  },
};

let failed = 0;
const rows = [];
for (const check of checks) {
  try {
    const { initial, onMount } = await measure(await appModule(check));
    const ok = initial <= check.budget;
    if (!ok) failed++;
    const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
    const note = onMount ? `${kB(onMount)} with the flow engine fetched on mount` : '';
    rows.push([ok ? 'ok  ' : 'OVER', check.name, kB(initial), kB(check.budget), note]);
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
for (const [s, n, v, b, note = ''] of rows)
  console.log(`${s} ${n.padEnd(width)}  ${v.padEnd(9)}  ${b.padEnd(9)}  ${note}`);
process.exit(failed ? 1 : 0);
