import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { demoSandboxUrl, verigramDemoPlugin } from './server/verigramDemoPlugin.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react(), verigramDemoPlugin()],
  // Only the sandbox's public URL reaches the bundle (for the builder's preview); never the key.
  define: { __DEMO_SANDBOX_URL__: JSON.stringify(demoSandboxUrl()) },
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 5173, strictPort: true },
  build: { outDir: here('dist'), emptyOutDir: true },
});
