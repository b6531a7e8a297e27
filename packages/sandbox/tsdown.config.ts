import { defineConfig } from 'tsdown';

export default defineConfig({
  // The main entry stays browser-safe (engine, page renderer, in-memory client for Storybook);
  // the HTTP server and the CLI are Node-only.
  entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: false,
});
