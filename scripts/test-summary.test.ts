import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from './test-summary.mjs';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures', 'test-gate');

/** A results folder holding the given reports, as `pnpm test` leaves it. */
function results(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'test-summary-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}

type Assertion = { title: string; status: string };
const file = (name: string, status: string, assertionResults: Assertion[], message = '') => ({
  name,
  status,
  message,
  assertionResults,
});
const vitest = (testResults: ReturnType<typeof file>[], success = true) => ({
  numPassedTests: 0,
  numFailedTests: 0,
  success,
  testResults,
});
const playwright = (stats: Partial<Record<string, number>>, errors: unknown[] = []) => ({
  stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0, ...stats },
  errors,
});
const green = {
  'vitest.json': vitest([file('a.test.ts', 'passed', [{ title: 'a', status: 'passed' }])]),
  'playwright.json': playwright({ expected: 2 }),
  'runners.json': [
    { name: 'vitest', status: 0 },
    { name: 'playwright', status: 0 },
  ],
  'checks.json': [{ name: 'lint', ok: true }],
};
const summary = (files: Record<string, unknown>) => summarize(results(files), { playwrightConfigured: true });

describe('the test summary', () => {
  it('given every runner green, then it counts every test and check', () => {
    expect(summary(green)).toMatchObject({ line: '4 passed, 0 failed', skipped: 0 });
  });

  it('given Playwright never ran its tests (webServer, import, forbidOnly), then its top-level errors fail', () => {
    const report = playwright({ expected: 0 }, [
      { message: 'Error: http://localhost:5173/ is already used' },
    ]);
    const result = summary({ ...green, 'playwright.json': report });
    expect(result.failed).toBe(1);
    expect(result.notes.join('\n')).toContain('already used');
  });

  it('given a runner exited non-zero with a clean report, then that exit is a failure', () => {
    const result = summary({
      ...green,
      'runners.json': [
        { name: 'vitest', status: 0 },
        { name: 'playwright', status: 1 },
      ],
    });
    expect(result).toMatchObject({ line: '4 passed, 1 failed', skipped: 0 });
    expect(result.notes).toContain('playwright exited with status 1 and no failed test in its report');
  });

  it('given a runner wrote no report, then it is a failure', () => {
    const { 'playwright.json': _gone, ...rest } = green;
    expect(summary(rest).failed).toBe(1);
  });

  it('given an afterAll assertion failed in a file whose tests passed, then the file is a failure', () => {
    const report = vitest([file('leak.test.ts', 'failed', [{ title: 'a', status: 'passed' }])], false);
    expect(summary({ ...green, 'vitest.json': report })).toMatchObject({
      line: '4 passed, 1 failed',
      skipped: 0,
    });
  });

  it('given a beforeAll crashed, then the tests it skipped are failures, not skips', () => {
    const report = vitest(
      [
        file('redis.test.ts', 'failed', [
          { title: 'memory', status: 'passed' },
          { title: 'redis a', status: 'skipped' },
          { title: 'redis b', status: 'skipped' },
        ]),
      ],
      false,
    );
    expect(summary({ ...green, 'vitest.json': report })).toMatchObject({
      line: '4 passed, 2 failed',
      skipped: 0,
    });
  });

  it('given vitest saw an unhandled error and no test failed, then the run is a failure', () => {
    const report = vitest([file('a.test.ts', 'passed', [{ title: 'a', status: 'passed' }])], false);
    const result = summary({ ...green, 'vitest.json': report });
    expect(result.failed).toBe(1);
    expect(result.notes.join('\n')).toContain('unhandled error');
  });

  it('given tests skipped on purpose in a passing file, then the line says how many', () => {
    const report = vitest([
      file('a.test.ts', 'passed', [
        { title: 'a', status: 'passed' },
        { title: 'b', status: 'skipped' },
        { title: 'c', status: 'todo' },
      ]),
    ]);
    const result = summary({
      ...green,
      'vitest.json': report,
      'playwright.json': playwright({ expected: 2, skipped: 1 }),
    });
    expect(result).toMatchObject({ line: '4 passed, 0 failed', skipped: 3 });
  });
});

describe('the test summary on real runners', () => {
  it('given real vitest and Playwright reports of suites that fail outside their tests, then every failure is counted', () => {
    const dir = results({});
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
        .status;
    const vitestStatus = run([
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      join(fixtures, 'vitest.config.ts'),
      '--reporter=json',
      `--outputFile.json=${join(dir, 'vitest.json')}`,
    ]);
    const playwrightStatus = run(
      [
        join(root, 'node_modules/@playwright/test/cli.js'),
        'test',
        '-c',
        join(fixtures, 'playwright.config.ts'),
        '--reporter=json',
      ],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: join(dir, 'playwright.json') },
    );
    writeFileSync(
      join(dir, 'runners.json'),
      JSON.stringify([
        { name: 'vitest', status: vitestStatus },
        { name: 'playwright', status: playwrightStatus },
      ]),
    );
    const result = summarize(dir, { playwrightConfigured: true });
    // Passed: afterAll's test, beforeAll's 'needs nothing', the unhandled error's test, skipped's 'passes'.
    // Failed: the afterAll file, two tests its beforeAll skipped, the import that failed (vitest),
    // the spec that could not import (Playwright). Skipped: the one skipped on purpose.
    expect(result).toMatchObject({ line: '4 passed, 5 failed', skipped: 1 });
    expect(result.notes.join('\n')).toMatch(/missingModule/);
  });
});
