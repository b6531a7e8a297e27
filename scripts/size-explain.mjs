// `pnpm size:explain inline` (after `pnpm build`): what each module of the kit costs in a fixture
// app of `pnpm size` (scripts/size/apps/<name>), built the same way with source maps: per JS chunk,
// each of the kit's modules by what the chunk's gzip loses without it (scripts/size/explainChunk.ts).
// `--all` lists React's and the other dependencies' modules too.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { explainChunk } from './size/explainChunk.ts';
import { buildApp } from './size/measureApps.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const all = args.includes('--all');
const names = args.filter((a) => !a.startsWith('--'));
if (names.length === 0) {
  console.error('usage: pnpm size:explain <app> [--all]  (apps: scripts/size/apps/*)');
  process.exit(1);
}
for (const name of names) {
  const outDir = mkdtempSync(join(tmpdir(), 'verigram-size-explain-'));
  try {
    await buildApp({ name, dir: join(import.meta.dirname, 'size/apps', name), mounted: [] }, outDir, {
      sourcemap: true,
    });
    const assets = join(outDir, 'assets');
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(assets, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '');
      const rows = explainChunk(code, JSON.parse(readFileSync(join(assets, `${file}.map`), 'utf8')));
      console.log(`\n${name}: ${file}`);
      console.log(`${'gzip'.padStart(7)} ${'minified'.padStart(9)}  module`);
      for (const row of rows.filter((r) => all || !r.source.includes('node_modules')))
        console.log(
          `${String(row.gzip).padStart(7)} ${String(row.bytes).padStart(9)}  ${row.source.startsWith('(') ? row.source : relative(root, resolve(assets, row.source))}`,
        );
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
