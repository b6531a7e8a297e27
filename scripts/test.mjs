// `pnpm test`: every suite (unit, component, story, public API on source and on dist, browser,
// end to end), then the packaging checks, then the summary (`N skipped`, then `N passed, N failed`).
// Every phase runs even when an earlier one failed, so one red suite never hides another, and
// every runner's exit code is kept beside its report for the summary (scripts/test-summary.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from './test-summary.mjs';

const root = join(import.meta.dirname, '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true, maxRetries: 5 });
mkdirSync(results, { recursive: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// Checks that are not test-runner suites, each counted as one test in the summary.
const checks = [];
const check = (name, cmd, args, env) => {
  console.log(`\n▶ ${name}`);
  const ok = run(cmd, args, env) === 0;
  checks.push({ name, ok });
  writeFileSync(join(results, 'checks.json'), JSON.stringify(checks, null, 2));
  return ok;
};

// A runner's exit code is its own verdict: the summary counts it even when its report looks clean.
const runners = [];
const runner = (name, cmd, args, env) => {
  runners.push({ name, status: run(cmd, args, env) });
  writeFileSync(join(results, 'runners.json'), JSON.stringify(runners, null, 2));
};

// Missing services fail here, loudly, and again in the suites that need them.
check('system dependencies (Chromium, redis-server) on PATH', 'bash', [
  join(root, 'scripts/ensure-system-deps.sh'),
]);

// The public-API tests also run against the built packages, so build first.
check('build every package', 'pnpm', ['build']);
// Every ts/tsx block of the READMEs and docs/, as a user pastes it into a create-vite app.
check("every README and docs/ code block type-checks under create-vite's tsconfig", 'node', [
  'scripts/readmeSnippets.mjs',
]);
// And with the TypeScript a fresh create-vite 9 app installs (7, whose `tsc -b` runs in its build).
check(
  "the same blocks type-check with create-vite 9's TypeScript 7",
  'node',
  ['scripts/readmeSnippets.mjs'],
  { READMESNIPPETS_TSC: join(root, 'node_modules/typescript-7/bin/tsc') },
);

runner('vitest', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'vitest.json')}`,
]);

if (existsSync(join(root, 'playwright.config.ts'))) {
  runner('playwright', 'pnpm', ['exec', 'playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'playwright.json'),
  });
}

// The static Storybook a designer opens with nothing else running: every story loads, and no
// request leaves the static server (.storybook/checkStatic.ts).
check('static Storybook loads every story with no server', 'bash', [
  '-c',
  'pnpm build-storybook && pnpm exec tsx .storybook/checkStatic.ts',
]);
// Vitest strips types without checking them: a test that no longer compiles would still run.
check('typecheck (packages with their tests, demo, e2e)', 'pnpm', ['typecheck']);
check('lint and format (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
check('size budgets (pnpm size)', 'pnpm', ['exec', 'tsx', 'scripts/size.mjs']);
check('publint and attw on the packed tarballs', 'node', ['scripts/pack-check.mjs']);
check(
  'a fresh Vite app installs the tarballs, SSRs and completes a flow; the guide and quick start run as written',
  'pnpm',
  ['exec', 'tsx', 'scripts/consumer-check.mjs'],
);

const { failed, skipped, notes, line } = summarize(results);
for (const note of notes) console.log(`note: ${note}`);
console.log(`${skipped} skipped`);
console.log(line);
process.exit(failed > 0 ? 1 : 0);
