// Prints `N skipped`, then the last line `N passed, N failed`, from what `pnpm test` leaves in
// .test-results: each runner's machine-readable report, each runner's exit code, and the
// non-runner checks. CI reads the last line as it is, so the skip count stands on its own line.
// The line is a promise that everything ran. A runner's own verdict always reaches it: anything a
// runner calls a failure and no test in the counts explains becomes one failed entry, with a note.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/** Vitest's JSON report (its Jest-compatible shape). */
function vitestCounts(report) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, notes: ['vitest wrote no report'] };
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const notes = [];
  for (const file of report.testResults) {
    const count = (status) => file.assertionResults.filter((t) => t.status === status).length;
    const notRun = count('skipped') + count('pending') + count('todo');
    passed += count('passed');
    failed += count('failed');
    if (file.status !== 'failed') {
      skipped += notRun;
      continue;
    }
    // A failed file proves nothing about the tests it did not run: a crashed beforeAll turns
    // them "skipped". A failed file with nothing failed in it (an afterAll assertion, an import
    // that threw) is one failure of its own.
    failed += notRun;
    if (count('failed') + notRun === 0) failed += 1;
    notes.push(`vitest: ${file.name} failed${file.message ? `: ${file.message.split('\n')[0]}` : ''}`);
  }
  // Vitest fails a run it cannot trust (an unhandled error, a timeout outside any test) without
  // failing a test; that verdict counts too.
  if (report.success === false && failed === 0) {
    failed = 1;
    notes.push('vitest reported the run as failed (an unhandled error?) with no failed test');
  }
  return { passed, failed, skipped, notes };
}

/** Playwright's JSON report. Errors outside tests (webServer, imports, forbidOnly) are top-level. */
function playwrightCounts(report, configured) {
  if (!configured) return { passed: 0, failed: 0, skipped: 0, notes: [] };
  if (!report) return { passed: 0, failed: 1, skipped: 0, notes: ['playwright wrote no report'] };
  const { stats } = report;
  const errors = [...(report.errors ?? []), ...(stats.errors ?? [])];
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + errors.length,
    skipped: stats.skipped,
    notes: errors.map((e) => `playwright: ${String(e.message ?? e).split('\n')[0]}`),
  };
}

function checkCounts(checks = []) {
  const failedChecks = checks.filter((c) => !c.ok);
  return {
    passed: checks.length - failedChecks.length,
    failed: failedChecks.length,
    skipped: 0,
    notes: failedChecks.map((c) => `failed check: ${c.name}`),
  };
}

/**
 * Reads the reports in `dir`. `runners.json` holds each runner's exit code; a runner that exited
 * non-zero while its report shows no failure (or wrote none) still counts as one failure.
 */
export function summarize(dir = join(root, '.test-results'), { playwrightConfigured } = {}) {
  const configured = playwrightConfigured ?? existsSync(join(root, 'playwright.config.ts'));
  const runs = {
    vitest: vitestCounts(readJson(join(dir, 'vitest.json'))),
    playwright: playwrightCounts(readJson(join(dir, 'playwright.json')), configured),
  };
  for (const { name, status } of readJson(join(dir, 'runners.json')) ?? []) {
    const counts = runs[name];
    if (status === 0 || !counts || counts.failed > 0) continue;
    counts.failed = 1;
    counts.notes.push(`${name} exited with status ${status} and no failed test in its report`);
  }
  const parts = [runs.vitest, runs.playwright, checkCounts(readJson(join(dir, 'checks.json')))];
  const sum = (key) => parts.reduce((n, p) => n + p[key], 0);
  const passed = sum('passed');
  const failed = sum('failed');
  const skipped = sum('skipped');
  return {
    passed,
    failed,
    skipped,
    notes: parts.flatMap((p) => p.notes),
    line: `${passed} passed, ${failed} failed`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { failed, skipped, notes, line } = summarize();
  for (const note of notes) console.log(`note: ${note}`);
  console.log(`${skipped} skipped`);
  console.log(line);
  process.exitCode = failed > 0 ? 1 : 0;
}
