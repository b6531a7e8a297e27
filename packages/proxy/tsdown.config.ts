import { defineConfig } from 'tsdown';

export default defineConfig({
  // The Web-standard handler runs anywhere (edge, Workers, Node); `./node` adds node:http pieces.
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: false,
});
