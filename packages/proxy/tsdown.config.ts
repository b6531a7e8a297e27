import { defineConfig } from 'tsdown';

export default defineConfig({
  // The Web-standard entry and the Node-only one (`@verigram-kit/proxy/node`).
  entry: ['src/index.ts', 'src/node/index.ts'],
  format: 'esm',
  platform: 'node',
  dts: true,
  sourcemap: false,
  // .js and .d.ts, as publishConfig.exports names them (the package is type: module).
  fixedExtension: false,
});
