import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { publishedPackages } from './build/publishedPackages.ts';
import { NONCE_PLACEHOLDER } from './server/demoSecurityHeaders.ts';
import { SANDBOX_URL_FROM_PAGE } from './server/injectSandboxUrl.ts';
import { verigramDemoPlugin } from './server/verigramDemoPlugin.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// A second demo (the e2e's silent-page twin) runs on another port; its own dependency cache keeps
// two dev servers from rewriting one folder at the same time.
const port = Number(process.env.DEMO_PORT ?? 5173);

// `pnpm demo`: the dev server with the backend as a plugin. `pnpm demo:build` (vite build --app):
// the browser files in dist/client, and the server (server/server.ts with the packages' dist and
// every dependency) in one bundle, dist/server.js, that plain node runs (`pnpm demo:start`).
export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    verigramDemoPlugin(),
    publishedPackages(here('../../packages'), 'ssr'),
    {
      // dist/server.js is an ES module wherever dist is copied (the Docker image holds dist alone).
      name: 'demo-server-module-type',
      applyToEnvironment: (environment) => environment.name === 'ssr',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'package.json', source: '{ "type": "module" }\n' });
      },
    },
  ],
  // Only the sandbox's public URL reaches the page (for the builder's preview), read from the
  // served page so one build fits any address; never the key.
  define: { __DEMO_SANDBOX_URL__: SANDBOX_URL_FROM_PAGE },
  // Served under a CSP without 'unsafe-inline': Vite marks its inline preamble and styles with
  // this placeholder, which the demo's server replaces with each response's nonce.
  html: { cspNonce: NONCE_PLACEHOLDER },
  server: { host: 'localhost', port, strictPort: true },
  ...(port === 5173 ? {} : { cacheDir: here(`node_modules/.vite-demo-${port}`) }),
  environments: {
    client: { build: { outDir: here('dist/client'), emptyOutDir: true } },
    ssr: {
      // Everything in the bundle but bullmq, which the proxy loads only in its Redis mode (the
      // demo runs its verdicts in-process).
      resolve: { noExternal: true, external: ['bullmq'] },
      build: {
        outDir: here('dist'),
        emptyOutDir: true,
        ssr: here('server/server.ts'),
        rolldownOptions: {
          output: { entryFileNames: 'server.js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    },
  },
  // The server first: it empties dist, which then receives the browser files in dist/client.
  builder: {
    buildApp: async (builder) => {
      const { ssr, client } = builder.environments;
      if (!ssr || !client) throw new Error('The demo builds two environments: ssr and client.');
      await builder.build(ssr);
      await builder.build(client);
    },
  },
});
