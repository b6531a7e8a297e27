import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { NONCE_PLACEHOLDER } from './server/demoSecurityHeaders.ts';
import { demoSandboxUrl, verigramDemoPlugin } from './server/verigramDemoPlugin.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// A second demo (the e2e's silent-page twin) runs on another port; its own dependency cache keeps
// two dev servers from rewriting one folder at the same time.
const port = Number(process.env.DEMO_PORT ?? 5173);

export default defineConfig({
  root: here('.'),
  plugins: [react(), verigramDemoPlugin()],
  // Only the sandbox's public URL reaches the bundle (for the builder's preview); never the key.
  define: { __DEMO_SANDBOX_URL__: JSON.stringify(demoSandboxUrl()) },
  // Served under a CSP without 'unsafe-inline': Vite marks its inline preamble and styles with
  // this placeholder, which the demo's server replaces with each response's nonce.
  html: { cspNonce: NONCE_PLACEHOLDER },
  server: { host: 'localhost', port, strictPort: true },
  preview: { host: 'localhost', port, strictPort: true },
  ...(port === 5173 ? {} : { cacheDir: here(`node_modules/.vite-demo-${port}`) }),
  build: { outDir: here('dist'), emptyOutDir: true },
});
