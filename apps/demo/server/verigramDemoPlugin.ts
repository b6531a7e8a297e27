import type { Plugin } from 'vite';
import { injectSandboxUrl } from './injectSandboxUrl.ts';
import { type DemoBackend, type DemoServerOptions, startDemoBackend } from './startDemoBackend.ts';

/**
 * The demo's backend inside Vite's dev server (`pnpm demo`). The built demo (`pnpm demo:start`)
 * mounts the same backend on its own node:http server (startBuiltDemo.ts). Against real Verigram
 * set VERIGRAM_API_URL and VERIGRAM_API_KEY; nothing else changes.
 */
export function verigramDemoPlugin(options: DemoServerOptions = {}): Plugin {
  let backend: DemoBackend | undefined;
  return {
    name: 'verigram-demo-backend',
    apply: 'serve',
    async configureServer(server) {
      const started = await startDemoBackend(options, (line) => server.config.logger.info(line));
      backend = started;
      server.middlewares.use(started.middleware);
      const http = server.httpServer;
      http?.once('listening', () => {
        const address = http.address();
        const port = typeof address === 'object' && address ? address.port : server.config.server.port;
        started.describe(`http://localhost:${port}/`);
      });
      http?.once('close', () => void started.close());
    },
    transformIndexHtml: (html) => injectSandboxUrl(html, backend?.sandboxPageUrl ?? null),
  };
}
