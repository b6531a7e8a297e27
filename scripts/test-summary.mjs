// Prints `N passed, N failed` from the machine-readable reports that `pnpm test` writes.
// A report that is missing (its runner crashed before writing it) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '.test-results');

function vitestCounts() {
  const file = join(dir, 'vitest.json');
  if (!existsSync(file)) return { passed: 0, failed: 1, note: 'vitest wrote no report' };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // Suites that failed to load (numFailedTestSuites) hold tests that never ran; count each as a failure.
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenSuites };
}

function playwrightCounts() {
  const file = join(dir, 'playwright.json');
  if (!existsSync(join(import.meta.dirname, '..', 'playwright.config.ts'))) return { passed: 0, failed: 0 };
  if (!existsSync(file)) return { passed: 0, failed: 1, note: 'playwright wrote no report' };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (stats.errors?.length ?? 0) };
}

function checkCounts() {
  const file = join(dir, 'checks.json');
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const checks = JSON.parse(readFileSync(file, 'utf8'));
  for (const c of checks) if (!c.ok) console.log(`failed check: ${c.name}`);
  return { passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).length };
}

export function summarize() {
  const parts = [vitestCounts(), playwrightCounts(), checkCounts()];
  for (const p of parts) if (p.note) console.log(`note: ${p.note}`);
  const passed = parts.reduce((n, p) => n + p.passed, 0);
  const failed = parts.reduce((n, p) => n + p.failed, 0);
  return { passed, failed, line: `${passed} passed, ${failed} failed` };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summarize().line);
