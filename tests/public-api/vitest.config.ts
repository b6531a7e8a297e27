import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { resolvePackages } from './resolvePackages.ts';

export default defineProject({
  plugins: [react()],
  resolve: { alias: resolvePackages('source') },
  test: { name: 'public-api', environment: 'node', include: ['**/*.test.tsx'] },
});
