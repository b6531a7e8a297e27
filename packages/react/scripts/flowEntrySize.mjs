// The <VerigramFlow> entry's cost (issue 4: at most 2.0 kB gzip, react external), measured from
// source the way an app's bundler sees it: VerigramFlow.tsx with core bundled and tree-shaken,
// react external, minified, code-split (rolldown, Vite's bundler; no Vite preload helper, which an
// app shares across all its lazy imports). Counts the entry chunk plus every chunk it imports
// statically; lazy chunks (modal, popup/redirect/auto, QR code) are listed: they load on demand.
// flowSession (the gate, the frame, its messages) is lazy too but always follows, fetched in
// parallel with `POST /flow`; the "with the engine" line reports that total as well.
// Run: node packages/react/scripts/flowEntrySize.mjs   (exits 1 over budget)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 2000;
const dir = join(import.meta.dirname, '..');
// rolldown is Vite 8's own dependency, not ours: resolve it from vite's location.
const requireFromVite = createRequire(createRequire(join(dir, '../../package.json')).resolve('vite'));
const { rolldown } = await import(pathToFileURL(requireFromVite.resolve('rolldown')).href);

const bundle = await rolldown({
  input: { VerigramFlow: join(dir, 'src/VerigramFlow.tsx') },
  external: [/^react($|\/)/, /^react-dom($|\/)/],
  platform: 'browser',
  logLevel: 'silent',
  transform: { jsx: 'react-jsx' },
});
const { output } = await bundle.generate({ format: 'es', minify: true });
const chunks = output.filter((o) => o.type === 'chunk');
if (process.env.DUMP) for (const c of chunks) console.log(`--- ${c.fileName}\n${c.code}`);
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const initial = new Set();
const visit = (c) => {
  if (initial.has(c)) return;
  initial.add(c);
  for (const name of c.imports) if (byName.has(name)) visit(byName.get(name));
};
visit(chunks.find((c) => c.isEntry));
let total = 0;
for (const c of chunks) {
  const size = gzipSync(c.code, { level: 9 }).length;
  if (initial.has(c)) total += size;
  console.log(`${initial.has(c) ? 'initial' : 'lazy   '} ${String(size).padStart(6)} B gzip  ${c.fileName}`);
}
const engine = chunks.find((c) => c.fileName.startsWith('flowSession'));
const engineSize = engine ? gzipSync(engine.code, { level: 9 }).length : 0;
console.log(
  `<VerigramFlow> entry: ${(total / 1000).toFixed(2)} kB gzip (budget ${(BUDGET / 1000).toFixed(2)} kB)`,
);
console.log(
  `with the engine fetched on mount (inline, en): ${((total + engineSize) / 1000).toFixed(2)} kB gzip`,
);
if (total > BUDGET) process.exit(1);
