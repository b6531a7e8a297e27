import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const packages = join(import.meta.dirname, '../../packages');

/**
 * Vite aliases for every `@verigram-kit/<name>[/entry]`: through each package's `exports` (its
 * sources, as inside the repo) or its `publishConfig.exports` (the built dist, as npm users get).
 */
export function resolvePackages(which: 'source' | 'published') {
  return ['core', 'react', 'proxy', 'sandbox'].flatMap((name) => {
    const pkg = JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8'));
    const exports = (which === 'source' ? pkg.exports : pkg.publishConfig.exports) as Record<
      string,
      string | { default: string }
    >;
    return Object.entries(exports)
      .filter(
        ([key]) =>
          key.startsWith('.') && !key.endsWith('.json') && !key.endsWith('.css') && !key.endsWith('.html'),
      )
      .map(([key, target]) => ({
        find: new RegExp(`^@verigram-kit/${name}${key === '.' ? '' : key.slice(1)}$`),
        replacement: join(packages, name, typeof target === 'string' ? target : target.default),
      }));
  });
}
