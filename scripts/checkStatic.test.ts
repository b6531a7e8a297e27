import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

it('given a static Storybook with zero stories, then the static check fails and says so', () => {
  const build = mkdtempSync(join(tmpdir(), 'storybook-empty-'));
  writeFileSync(join(build, 'index.json'), JSON.stringify({ v: 5, entries: {} }));
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, '.storybook/checkStatic.ts'),
      join(build, 'shots'),
    ],
    { cwd: root, env: { ...process.env, STORYBOOK_STATIC_DIR: build }, encoding: 'utf8' },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('No stories');
});
