import { defineConfig } from 'tsdown';

export default defineConfig({
  // The Web-standard entry, the Node-only one (`@verigram-kit/proxy/node`), the verdict webhooks
  // (`@verigram-kit/proxy/webhooks`, so the main entry does not carry their signer) and server-side
  // verdicts (`@verigram-kit/proxy/verdicts`, which loads bullmq only in its Redis mode).
  // Named so dist keeps one folder per entry whatever the source layout.
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/adapters/node/index.ts',
    'webhooks/index': 'src/webhooks/index.ts',
    'verdicts/index': 'src/verdicts/index.ts',
  },
  format: 'esm',
  platform: 'node',
  dts: true,
  sourcemap: false,
  // .js and .d.ts, as publishConfig.exports names them (the package is type: module).
  fixedExtension: false,
});
