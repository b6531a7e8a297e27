// `pnpm test`: every suite (unit, component, story, browser, end to end), then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from './test-summary.mjs';

const root = join(import.meta.dirname, '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (run('bash', [join(root, 'scripts/ensure-system-deps.sh')]) !== 0) process.exit(1);

// The public-API tests also run against the built packages (tests/public-api/vitest.dist.config.ts).
let status = run('pnpm', ['build']);

status ||= run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'vitest.json')}`,
]);

if (existsSync(join(root, 'playwright.config.ts'))) {
  status ||= run('pnpm', ['exec', 'playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'playwright.json'),
  });
}

const { failed, line } = summarize();
console.log(line);
process.exit(status || (failed > 0 ? 1 : 0));
