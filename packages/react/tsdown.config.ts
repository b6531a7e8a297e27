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
  // No blanket 'use client' banner: each component and hook module carries its own directive
  // (unbundled output keeps it), so Next.js server components can still import the query
  // factories and keys to prefetch on the server.
  copy: [
    { from: 'src/status/flowStatus.css', to: 'dist' },
    { from: 'public/callback.html', to: 'dist' },
  ],
});
