import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('generated API types', () => {
  it('match what openapi-typescript produces from the vendored spec (run `pnpm generate` if not)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vg-gen-')), 'verigram-api.ts');
    execFileSync(
      join(root, 'node_modules/.bin/openapi-typescript'),
      [join(root, 'openapi/verigram-2.0.json'), '-o', out],
      {
        stdio: 'pipe',
      },
    );
    const committed = readFileSync(join(root, 'src/generated/verigram-api.ts'), 'utf8');
    expect(readFileSync(out, 'utf8')).toBe(committed);
    // Spawns the generator: seconds on a busy two-core machine.
  }, 60_000);
});
