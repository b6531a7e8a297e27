/// <reference types="vite/client" />
import { fileURLToPath } from 'node:url';
// Carried inside the bundle, so the built server needs no node_modules to serve it.
import callbackPage from '@verigram-kit/react/callback.html?raw';
import { startBuiltDemo } from './startBuiltDemo.ts';

// The built demo's one process (`pnpm demo:start`, the Docker image's command): the Vite build's
// pages, the proxy and the sandbox, configured by the environment (apps/demo/README.md). Vite
// bundles this file into dist/server.js for plain node; it is not run from source.
try {
  const demo = await startBuiltDemo({
    clientDir: fileURLToPath(new URL('./client', import.meta.url)),
    callbackPage,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void demo.close().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
