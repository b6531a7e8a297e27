import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

// Docker is not part of this test machine: the image is never built here. These checks read the
// Dockerfile against the repository so that a moved file, a renamed script or variable, or a
// changed entry point fails here rather than in someone's `docker build`.
const root = join(import.meta.dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  packageManager: string;
  scripts: Record<string, string>;
};

interface Stage {
  name: string | undefined;
  workdir: string;
  lines: string[];
}

/** The Dockerfile's stages, each with its instructions (continuation lines joined). */
function stages(): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const found: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) found.push({ name: from[1], workdir: '/', lines: [] });
    const stage = found.at(-1);
    if (!stage) continue;
    stage.lines.push(line);
    const workdir = /^WORKDIR\s+(\S+)/i.exec(line);
    if (workdir?.[1]) stage.workdir = posix.resolve(stage.workdir, workdir[1]);
  }
  return found;
}

const copies = (stage: Stage) =>
  stage.lines
    .filter((line) => /^COPY\s/i.test(line))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((word) => !word.startsWith('--'));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
    });

describe('the Dockerfile (not built on this machine)', () => {
  const [build, runtime] = stages();

  it('has two stages: one that builds, and the image, which copies from it only', () => {
    expect(stages()).toHaveLength(2);
    expect(build?.name).toBeDefined();
    const runtimeCopies = copies(runtime as Stage);
    expect(runtimeCopies.length).toBeGreaterThan(0);
    for (const copy of runtimeCopies) expect(copy.from).toBe(build?.name);
  });

  it('copies from the build context only files that exist in the repository', () => {
    const sources = copies(build as Stage).flatMap((copy) => copy.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(existsSync(join(root, source)), source).toBe(true);
  });

  it("installs the repository's pnpm version and builds with the demo:build script", () => {
    expect(dockerfile).toContain(`pnpm@${manifest.packageManager.replace(/^pnpm@/, '')}`);
    expect(manifest.scripts['demo:build']).toBeDefined();
    expect(build?.lines).toContain('RUN pnpm demo:build');
  });

  it('runs the very file pnpm demo:start runs, as the build stage left it', () => {
    const start = /^node (\S+)$/.exec(manifest.scripts['demo:start'] ?? '')?.[1];
    expect(start).toBe('apps/demo/dist/server.js');
    const cmd = (runtime as Stage).lines.find((line) => /^CMD\s/i.test(line)) ?? '';
    const [program, script] = JSON.parse(cmd.replace(/^CMD\s+/i, '')) as string[];
    expect(program).toBe('node');
    // Follow the command's script back through the image's COPY to the build stage's path.
    const inImage = posix.resolve((runtime as Stage).workdir, script ?? '');
    const copy = copies(runtime as Stage).find((c) =>
      inImage.startsWith(`${posix.resolve((runtime as Stage).workdir, c.destination)}/`),
    );
    expect(copy).toBeDefined();
    const destination = posix.resolve((runtime as Stage).workdir, copy?.destination ?? '');
    const inBuild = posix.join(copy?.sources[0] ?? '', posix.relative(destination, inImage));
    expect(inBuild).toBe(posix.resolve(build?.workdir ?? '/', start ?? ''));
  });

  it("sets only variables the demo's server reads", () => {
    const serverSources = readdirSync(join(root, 'apps/demo/server'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(root, 'apps/demo/server', file), 'utf8'))
      .join('\n');
    const sandboxSources = readFileSync(join(root, 'packages/sandbox/src/server/startSandbox.ts'), 'utf8');
    const names = [...((runtime as Stage).lines.join('\n').matchAll(/\b([A-Z][A-Z0-9_]+)=/g) ?? [])].map(
      ([, name]) => name ?? '',
    );
    expect(names).toContain('SANDBOX_PUBLIC_URL');
    for (const name of names.filter((n) => n !== 'NODE_ENV')) {
      expect(`${serverSources}\n${sandboxSources}`, name).toContain(`env.${name}`);
    }
  });

  it('keeps host installs and builds out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('**/node_modules');
    expect(ignored).toContain('**/dist');
  });
});
