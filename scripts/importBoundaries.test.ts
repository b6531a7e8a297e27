import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Lints one file at `path` (as if in the repo) with the repo's biome.json; true when its import is refused. */
function refused(path: string, source: string): boolean {
  const project = mkdtempSync(join(tmpdir(), 'import-boundaries-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  delete config.vcs;
  writeFileSync(join(project, 'biome.json'), JSON.stringify(config));
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), source);
  const run = spawnSync(
    join(root, 'node_modules/.bin/biome'),
    ['lint', '--only=style/noRestrictedImports', '--max-diagnostics=none', path],
    { cwd: project, encoding: 'utf8' },
  );
  return `${run.stdout}${run.stderr}`.includes('noRestrictedImports');
}

describe('who may import whom (biome.json)', () => {
  it.each([
    ['core imports the React kit', 'packages/core/src/x.ts', "import '@verigram-kit/react';"],
    ['core imports React', 'packages/core/src/ui/x.ts', "import 'react';"],
    ['react source imports the proxy', 'packages/react/src/x.ts', "import '@verigram-kit/proxy';"],
    [
      'react source imports the sandbox server',
      'packages/react/src/x.tsx',
      "import '@verigram-kit/sandbox/server';",
    ],
    [
      'a react test reaches into the proxy by path',
      'packages/react/src/__tests__/x.test.ts',
      "import '../../../proxy/src/index.ts';",
    ],
    ['the proxy imports the sandbox', 'packages/proxy/src/x.ts', "import '@verigram-kit/sandbox';"],
    ['the proxy imports the React kit', 'packages/proxy/src/verdicts/x.ts', "import '@verigram-kit/react';"],
    ['the sandbox imports the proxy', 'packages/sandbox/src/x.ts', "import '@verigram-kit/proxy/node';"],
    [
      'the sandbox reaches into core by path',
      'packages/sandbox/src/x.ts',
      "import '../../core/src/index.ts';",
    ],
  ])('given %s, then lint refuses it', (_, path, source) => {
    expect(refused(path, `${source}\n`)).toBe(true);
  });

  it.each([
    ['react imports core', 'packages/react/src/x.ts', "import '@verigram-kit/core';"],
    [
      'a react test uses the sandbox by name',
      'packages/react/src/__tests__/x.test.tsx',
      "import '@verigram-kit/sandbox';",
    ],
    [
      'a proxy test uses the sandbox by name',
      'packages/proxy/src/__tests__/x.test.ts',
      "import '@verigram-kit/sandbox/server';",
    ],
    [
      'the demo imports every package',
      'apps/demo/src/x.ts',
      "import '@verigram-kit/proxy';\nimport '@verigram-kit/sandbox';",
    ],
  ])('given %s, then lint allows it', (_, path, source) => {
    expect(refused(path, `${source}\n`)).toBe(false);
  });
});
