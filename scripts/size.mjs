// `pnpm size`: what a visitor's browser downloads when an app mounts the kit, measured the way an
// app ships it. Each fixture app (scripts/size/apps/*) is built by the real `vite build` against
// the BUILT packages (run `pnpm build` first), loaded in headless Chromium, and every JS file it
// fetched from its origin until the page settled is gzipped (level 9) and summed. Each figure is
// that sum minus a baseline app's (React alone; React + react-query for the whole kit). The peers'
// SDKs are measured the same way, in the same run. Fails when a figure breaks its budget.
// `pnpm size inline auto` measures only those checks (with their baselines, and the peers for
// inline); SIZE_VERBOSE=1 lists every file each app fetched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureApps } from './size/measureApps.ts';
import { sizeReport } from './size/sizeReport.ts';
import { startFlowApi } from './size/startFlowApi.ts';

const appsDir = join(import.meta.dirname, 'size/apps');
// What each app mounts is there: the flow's iframe, or the element the fixture marks as mounted.
const apps = [
  ['react-only', '[data-mounted]'],
  ['react-query-only', '[data-mounted]'],
  ['inline', 'iframe'],
  ['auto', 'iframe'],
  ['kit', 'iframe', '[data-mounted]', '[data-summary]'],
  ['callback', '[role=status]'],
  ['builder', '[data-mounted]'],
  ['react-plaid-link', '[data-mounted]'],
  ['onfido-sdk-ui', '[data-mounted]'],
  ['sumsub-websdk-react', '[data-mounted]'],
  ['veriff-incontext-sdk', 'iframe'],
  ['persona-react', 'iframe'],
].map(([name, ...mounted]) => ({ name, dir: join(appsDir, name), mounted }));

/**
 * Budgets in bytes gzip, above the baseline: the figure each check holds today, so any growth fails.
 * Goals: where the figure should get to (reported, not enforced until met).
 *
 * Where the inline figure goes (2026-12-06, `pnpm size:explain inline`: what the chunk's gzip
 * loses when one module's code is cut from the built app): the proxy client with its errors about
 * 1,230 B, the session (completion gate, polling, page messages) 820, the hook 670, Vite's preload
 * helper that the lazy error texts and step events bring 550, the frame and its listener 340, the
 * component 310, the message parser 260, the kk/ru/en frame title and loading text 230. The kit's
 * widgets add their English texts (about 930 B), the timeline's check rows (270) and the live
 * announcer (140).
 */
const checks = [
  {
    name: '<VerigramFlow> inline, provider, createProxyClient',
    app: 'inline',
    baseline: 'react-only',
    budget: 5510,
    goal: 2600,
  },
  { name: 'the same with mode={autoMode}', app: 'auto', baseline: 'react-only', budget: 6190, goal: 3200 },
  {
    name: 'provider, flow, <FlowStatus>, <FlowFile>, hooks (beyond react-query)',
    app: 'kit',
    baseline: 'react-query-only',
    budget: 10700,
    goal: 8000,
  },
  { name: '<VerigramCallback> page', app: 'callback', baseline: 'react-only', budget: 650 },
  { name: '<FlowUiBuilder>', app: 'builder', baseline: 'react-only', budget: 24600 },
  { name: 'react-plaid-link 5.0', app: 'react-plaid-link', baseline: 'react-only', peer: true },
  { name: 'onfido-sdk-ui 14.80 loader', app: 'onfido-sdk-ui', baseline: 'react-only', peer: true },
  { name: '@sumsub/websdk-react 2.9', app: 'sumsub-websdk-react', baseline: 'react-only', peer: true },
  { name: '@veriff/incontext-sdk 2.5', app: 'veriff-incontext-sdk', baseline: 'react-only', peer: true },
  { name: 'persona-react 6.7', app: 'persona-react', baseline: 'react-only', peer: true },
];

const only = process.argv.slice(2);
const started = Date.now();
const api = await startFlowApi();
const outDir = mkdtempSync(join(tmpdir(), 'verigram-size-'));
let rows;
let measured;
try {
  const wanted = only.length ? checks.filter((c) => only.includes(c.app)) : checks;
  const names = new Set(wanted.flatMap((c) => [c.app, c.baseline]));
  if (only.length && wanted.some((c) => c.app === 'inline'))
    for (const c of checks) if (c.peer) names.add(c.app);
  measured = await measureApps(
    apps.filter((a) => names.has(a.name)),
    { api: api.handle, outDir },
  );
  rows = sizeReport(
    checks.filter((c) => names.has(c.app)),
    measured,
  );
} finally {
  await api.close();
  rmSync(outDir, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.check.name.length));
const B = (n) => (n === undefined ? '' : `${n.toLocaleString('en')} B`);
console.log(
  `Downloaded on mount, gzip level 9, above the baseline (${new Date().toISOString().slice(0, 10)})`,
);
console.log(`     ${'app mounts'.padEnd(width)}  ${'bytes'.padStart(8)}  ${'budget'.padEnd(8)}  goal`);
for (const { check, bytes, problems } of rows) {
  // A peer that could not be measured is reported and fails nothing.
  const state = problems.length
    ? check.peer
      ? 'n/a '
      : 'FAIL'
    : check.budget === undefined
      ? '    '
      : 'ok  ';
  const goal = check.goal === undefined ? '' : `${B(check.goal)} ${bytes <= check.goal ? 'met' : 'not met'}`;
  console.log(
    `${state} ${check.name.padEnd(width)}  ${bytes.toLocaleString('en').padStart(8)}  ${B(check.budget).padEnd(8)}  ${goal}${problems.length ? `  ${problems.join('; ')}` : ''}`,
  );
}
const peers = rows.filter((r) => r.check.peer && !r.problems.length);
const inline = rows.find((r) => r.check.app === 'inline');
if (inline && peers.length)
  console.log(
    `Inline is ${peers.every((p) => inline.bytes < p.bytes) ? '' : 'NOT '}below every peer (goal).`,
  );
if (process.env.SIZE_VERBOSE)
  for (const m of measured)
    console.log(`  ${m.name}: ${m.bytes} B in ${m.files.map((f) => `${f.path} ${f.bytes}`).join(', ')}`);
console.log(
  `Peers: only what the app's origin serves is counted; their SDK scripts and frames on their CDNs are unreachable here. ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(rows.some((r) => r.problems.length && !r.check.peer) ? 1 : 0);
