import { defineConfig } from 'tsdown';

export default defineConfig({
  // The browser-safe entry, the Node server entry and the CLI (bin: dist/cli.js).
  entry: ['src/index.ts', 'src/server/index.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: false,
  // One file per module keeps node:http out of anything that imports only the root entry.
  unbundle: true,
});
