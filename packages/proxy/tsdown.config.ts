import { defineConfig } from 'tsdown';

export default defineConfig({
  // The Web-standard entry, the Node-only one (`@verigram-kit/proxy/node`), the verdict webhooks
  // (`@verigram-kit/proxy/webhooks`, so the main entry does not carry their signer) and server-side
  // verdicts (`@verigram-kit/proxy/verdicts`, which loads bullmq only in its Redis mode).
  entry: ['src/index.ts', 'src/node/index.ts', 'src/webhooks/index.ts', 'src/verdicts/index.ts'],
  format: 'esm',
  platform: 'node',
  dts: true,
  sourcemap: false,
  // .js and .d.ts, as publishConfig.exports names them (the package is type: module).
  fixedExtension: false,
});
