// `pnpm pack:check`: packs every package as pnpm publishes it (publishConfig applied) into
// .pack/, then lints each tarball with publint and @arethetypeswrong/cli (ESM-only profile).
// `attw --pack` would pack with npm and miss publishConfig, hence the tarballs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

const packages = readdirSync(join(root, 'packages'));
let failed = 0;
const run = (cmd, args, cwd = root) => {
  try {
    execFileSync(cmd, args, { cwd, stdio: 'inherit' });
    return true;
  } catch {
    failed++;
    return false;
  }
};

for (const name of packages) {
  const dir = join(root, 'packages', name);
  console.log(`\n── @verigram-kit/${name}`);
  if (!run('pnpm', ['pack', '--pack-destination', out], dir)) continue;
}
for (const name of packages) {
  const tarball = readdirSync(out).find((f) => f.startsWith(`verigram-kit-${name}-`));
  console.log(`\n── ${tarball}`);
  run('pnpm', ['exec', 'publint', 'run', join(out, tarball), '--strict']);
  // Assets (a stylesheet, the callback page) are exported too; they have no types to check.
  const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  const assets = Object.keys(pkg.publishConfig.exports).filter((k) => /\.(css|html)$/.test(k));
  const exclude = assets.length ? ['--exclude-entrypoints', ...assets] : [];
  run('pnpm', [
    'exec',
    'attw',
    join(out, tarball),
    '--profile',
    'esm-only',
    '--format',
    'table-flipped',
    ...exclude,
  ]);
}
// Next.js: the components a server component may render must keep their 'use client' directive.
for (const file of [
  'VerigramFlow.js',
  'VerigramCallback.js',
  'status/FlowStatus.js',
  'builder/FlowUiBuilder.js',
]) {
  const code = readFileSync(join(root, 'packages/react/dist', file), 'utf8');
  if (!/^['"]use client['"];/.test(code)) {
    console.log(`✗ packages/react/dist/${file} lost its 'use client' directive`);
    failed++;
  }
}
console.log(failed ? `\n${failed} check(s) failed` : '\nall packages pass publint and attw');
process.exit(failed ? 1 : 0);
