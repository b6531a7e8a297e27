import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../..');

// Every file the main entry reaches through relative imports (static, dynamic and re-exports).
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    reachable(join(dirname(entry), match[1] as string), seen);
  }
  return seen;
}

describe('the builder entry', () => {
  it('is never reached from the main entry, so the VerigramFlow bundle never carries it', () => {
    const files = [...reachable(join(src, 'index.ts'))].map((f) => f.slice(src.length + 1));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((f) => f.startsWith('builder/'))).toEqual([]);
  });

  it('is published as its own export', () => {
    const pkg = JSON.parse(readFileSync(join(src, '../package.json'), 'utf8'));
    expect(pkg.exports['./builder']).toBe('./src/builder/index.ts');
    expect(pkg.publishConfig.exports['./builder']).toEqual({
      types: './dist/builder.d.ts',
      default: './dist/builder.js',
    });
  });
});
