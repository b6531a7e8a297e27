import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticHandler } from './createStaticHandler.ts';
import { injectSandboxUrl } from './injectSandboxUrl.ts';
import { type DemoServerOptions, startDemoBackend } from './startDemoBackend.ts';

export interface BuiltDemoOptions extends DemoServerOptions {
  /** The Vite build's browser files (index.html, assets/). */
  clientDir: string;
  /** Port of the demo's pages; 0 picks a free one. @default DEMO_PORT, else PORT, else 5173 */
  port?: number | undefined;
  /** Interface the demo listens on ('0.0.0.0' in a container). @default DEMO_HOST, else 'localhost' */
  host?: string | undefined;
  /** Receives the startup banner. @default console.log */
  log?: ((line: string) => void) | undefined;
}

export interface RunningBuiltDemo {
  /** The demo's address, e.g. `http://localhost:5173` (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A port from the environment, or a clear error: a typo must not start the demo somewhere else. */
function portFrom(name: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535)
    throw new Error(`${name} must be a port from 0 to 65535, got "${value}"`);
  return port;
}

/**
 * The built demo in one node:http server (`pnpm demo:start`): the Vite build's files, and the
 * same backend as `pnpm demo` in front of them (sandbox on its two origins, proxy, session,
 * callback page, security headers). No Vite and no TypeScript loader at run time.
 */
export async function startBuiltDemo(options: BuiltDemoOptions): Promise<RunningBuiltDemo> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const port =
    options.port ??
    (env.DEMO_PORT ? portFrom('DEMO_PORT', env.DEMO_PORT) : env.PORT ? portFrom('PORT', env.PORT) : 5173);
  const host = options.host ?? (env.DEMO_HOST || 'localhost');
  const backend = await startDemoBackend({ ...options, env }, log);
  const serveFile = await createStaticHandler(options.clientDir, {
    transformIndex: (html) => injectSandboxUrl(html, backend.sandboxPageUrl),
  }).catch(async (error: unknown) => {
    await backend.close();
    throw error;
  });
  const server = createServer((req, res) =>
    backend.middleware(req, res, (error) => {
      if (error) {
        res.statusCode = 500;
        res.end();
        return;
      }
      serveFile(req, res);
    }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  } catch (error) {
    await backend.close();
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new Error(`Port ${port} is taken: stop the other demo, or set DEMO_PORT.`)
      : error;
  }
  const boundPort = (server.address() as AddressInfo).port;
  const listensEverywhere = host === '0.0.0.0' || host === '::';
  const url = `http://${listensEverywhere ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  backend.describe(`${url}/`);
  return {
    url,
    port: boundPort,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
