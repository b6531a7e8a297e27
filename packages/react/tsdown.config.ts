import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', builder: 'src/builder/index.ts', callback: 'src/callback.ts' },
  format: 'esm',
  platform: 'browser',
  dts: true,
  sourcemap: false,
  // One output file per source module: with `sideEffects: false`, bundlers then drop whole files
  // an app never imports (e.g. <FlowStatus> when it only uses <VerigramFlow>).
  unbundle: true,
  // Every module of this package runs in the browser: Next.js needs the directive on each chunk
  // (bundling drops the per-file directives of the sources).
  banner: { js: "'use client';" },
  copy: [
    { from: 'src/status/flowStatus.css', to: 'dist' },
    { from: 'public/callback.html', to: 'dist' },
  ],
});
