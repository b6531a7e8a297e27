import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

type ExportTarget = string | { default?: string };

/**
 * Resolves the kit's packages (`@verigram-kit/*`) to the files their `publishConfig.exports`
 * name in dist, as an install from npm would, in one Vite environment only (the demo's server
 * bundle): the built demo then runs the packages as published (`pnpm build`), not the TypeScript
 * sources their workspace `exports` name, which plain node cannot load.
 */
export function publishedPackages(packagesDir: string, environmentName: string): Plugin {
  const files = new Map<string, string>();
  for (const folder of readdirSync(packagesDir)) {
    const manifestPath = join(packagesDir, folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      name: string;
      publishConfig?: { exports?: Record<string, ExportTarget> };
    };
    for (const [subpath, target] of Object.entries(manifest.publishConfig?.exports ?? {})) {
      const file = typeof target === 'string' ? target : target.default;
      if (file) files.set(`${manifest.name}${subpath.slice(1)}`, join(packagesDir, folder, file));
    }
  }
  return {
    name: 'verigram-published-packages',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === environmentName,
    resolveId(source) {
      const [specifier = '', query] = source.split('?', 2);
      const file = files.get(specifier);
      if (!file) return null;
      if (!existsSync(file)) this.error(`${file} is missing: build the packages first (pnpm build).`);
      return query === undefined ? file : `${file}?${query}`;
    },
  };
}
