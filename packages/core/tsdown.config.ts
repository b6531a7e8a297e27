import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', ui: 'src/ui.ts', internal: 'src/internal.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: false,
  // One output file per source module: with `sideEffects: false`, bundlers then drop whole files
  // an app never imports (e.g. <FlowStatus> when it only uses <VerigramFlow>).
  unbundle: true,
});
