// Every ts/tsx/js code block of the repo's Markdown (READMEs, docs/, PROTOCOL.md) type-checks as a
// user would paste it into a fresh `npm create vite` React + TypeScript app: create-vite's strict
// tsconfig (noUnusedLocals, noUnusedParameters, verbatimModuleSyntax, moduleResolution bundler,
// jsx react-jsx), against the BUILT packages (the d.ts of `dist`, under their publishConfig
// exports, as npm installs them), each block its own module.
//
// Markers, an HTML comment on the line(s) right before a block's fence:
//   <!-- snippet: fragment -->            not a program (a signature, an excerpt); counted, not checked
//   <!-- snippet: continues -->           compiled after the previous block of the same file, as one module
//   <!-- snippet: context                 hidden lines compiled before the block: declarations of the
//   declare const session: Session;       reader's own code (a session lookup, a database) the block uses
//   -->
//   <!-- snippet: file=server.ts -->      the block is that file of a recipe (docs/first-verification.md);
//                                         scripts/consumer-check.mjs assembles and runs those
//
// `node scripts/readmeSnippets.mjs` (after `pnpm build`) prints each failure at its Markdown line,
// then the counts; exit code 1 on any failure. It compiles with the repo's TypeScript;
// READMESNIPPETS_TSC=/path/to/typescript/bin/tsc uses another. `pnpm test` runs it again with the
// TypeScript 7 that create-vite 9 installs (the root devDependency `typescript-7`).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const KIT = ['core', 'react', 'proxy', 'sandbox'];
const LANGS = { ts: 'ts', typescript: 'ts', tsx: 'tsx', js: 'js', jsx: 'jsx', mjs: 'js' };

/**
 * create-vite 9's react-ts tsconfig.app.json, with Node's types added for the server blocks (its
 * tsconfig.node.json has them). TypeScript 6 makes `strict` and `noUncheckedSideEffectImports` the
 * defaults the template relies on; they are spelled out here.
 */
export const CREATE_VITE_COMPILER_OPTIONS = {
  target: 'es2023',
  lib: ['ES2023', 'DOM'],
  module: 'esnext',
  types: ['vite/client', 'node'],
  allowArbitraryExtensions: true,
  skipLibCheck: true,
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  noEmit: true,
  jsx: 'react-jsx',
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
  strict: true,
  noUncheckedSideEffectImports: true,
  allowJs: true,
  checkJs: true,
};

/** The Markdown files whose code a reader copies: every tracked *.md but changesets and changelogs. */
export function markdownFiles() {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && !file.startsWith('.changeset/') && !/CHANGELOG\.md$/.test(file))
    .filter((file) => existsSync(join(root, file)));
}

/**
 * The code blocks of one Markdown text, with their markers. `line` is the fence's 1-based line;
 * an indented block (inside a list item) loses its indentation.
 * @returns {Array<{ line: number, lang: string, code: string, fragment: boolean, continues: boolean, context: string, file: string | undefined }>}
 */
export function extractSnippets(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})([\w-]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, rawLang] = open;
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== fence) end++;
    const lang = LANGS[rawLang.toLowerCase()];
    if (lang) {
      const code = lines
        .slice(i + 1, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
        .join('\n');
      blocks.push({ line: i + 1, lang, code, ...readMarkers(lines, i) });
    }
    i = end;
  }
  return blocks;
}

/** The `<!-- snippet: … -->` comments directly above line `fenceAt` (blank lines between allowed). */
function readMarkers(lines, fenceAt) {
  const markers = { fragment: false, continues: false, context: '', file: undefined };
  let j = fenceAt - 1;
  while (j >= 0 && lines[j].trim() === '') j--;
  while (j >= 0 && lines[j].trim().endsWith('-->')) {
    let start = j;
    while (start >= 0 && !lines[start].includes('<!--')) start--;
    if (start < 0) break;
    const comment = lines
      .slice(start, j + 1)
      .join('\n')
      .trim()
      .replace(/^<!--\s*/, '')
      .replace(/\s*-->$/, '');
    const match = /^snippet:\s*(\S+)([\s\S]*)$/.exec(comment);
    if (!match) break;
    const [, kind, rest] = match;
    if (kind === 'fragment') markers.fragment = true;
    else if (kind === 'continues') markers.continues = true;
    else if (kind === 'context') markers.context = rest.replace(/^\n/, '');
    else if (kind.startsWith('file=')) markers.file = kind.slice('file='.length);
    else throw new Error(`unknown snippet marker "${kind}" (fragment, continues, context, file=…)`);
    j = start - 1;
    while (j >= 0 && lines[j].trim() === '') j--;
  }
  return markers;
}

/**
 * The modules to compile: each checked block (with its hidden context, and the blocks it continues),
 * and where each of its lines came from.
 */
export function toModules(markdownFile, blocks) {
  const modules = [];
  for (const block of blocks) {
    if (block.fragment) continue;
    const origin = (offset) =>
      Array.from({ length: block.code.split('\n').length }, (_, k) => block.line + 1 + k + offset);
    const contextLines = block.context ? block.context.split('\n') : [];
    const previous = block.continues ? modules.at(-1) : undefined;
    if (block.continues && !previous)
      throw new Error(`${markdownFile}:${block.line}: "continues" with no checked block before it`);
    if (previous) {
      previous.code += `\n${block.context ? `${block.context}\n` : ''}${block.code}`;
      previous.lines.push(...contextLines.map(() => block.line), ...origin(0));
      if (block.lang === 'tsx' || block.lang === 'jsx') previous.lang = block.lang;
      previous.blocks++;
      continue;
    }
    modules.push({
      markdownFile,
      line: block.line,
      lang: block.lang,
      file: block.file,
      code: `${block.context ? `${block.context}\n` : ''}${block.code}`,
      // A hidden context line reports at the fence; a block line at its own Markdown line.
      lines: [...contextLines.map(() => block.line), ...origin(0)],
      blocks: 1,
    });
  }
  return modules;
}

/** A consumer's node_modules in `dir`: the kit from its dist (publishConfig exports), the rest linked. */
function installConsumerView(dir, bareImports) {
  const modules = join(dir, 'node_modules');
  for (const name of KIT) {
    const pkgDir = join(root, 'packages', name);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (!existsSync(join(pkgDir, 'dist')))
      throw new Error(`packages/${name}/dist is missing: run pnpm build first`);
    const target = join(modules, '@verigram-kit', name);
    mkdirSync(target, { recursive: true });
    const { publishConfig, devDependencies, scripts, ...published } = manifest;
    writeFileSync(join(target, 'package.json'), JSON.stringify({ ...published, ...publishConfig }, null, 2));
    cpSync(join(pkgDir, 'dist'), join(target, 'dist'), {
      recursive: true,
      filter: (f) => !f.endsWith('.map'),
    });
  }
  // Everything else a block or the kit's d.ts imports, from wherever the workspace installed it.
  const kitDeps = KIT.flatMap((name) => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
    return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
  });
  const names = new Set([...bareImports, ...kitDeps, 'react', 'react-dom', 'vite', 'node']);
  const searched = [join(root, 'node_modules'), ...KIT.map((n) => join(root, 'packages', n, 'node_modules'))];
  for (const name of names) {
    if (name.startsWith('@verigram-kit/')) continue;
    const typesName = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
    for (const candidate of [name, typesName]) {
      const found = searched.map((base) => join(base, candidate)).find((path) => existsSync(path));
      if (!found || existsSync(join(modules, candidate))) continue;
      mkdirSync(dirname(join(modules, candidate)), { recursive: true });
      symlinkSync(found, join(modules, candidate), 'dir');
    }
  }
}

const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** Bare module names the code imports (`import … from 'x'`, `import 'x'`, `import('x')`). */
export function bareImports(code) {
  const found = new Set();
  for (const match of code.matchAll(/(?:from\s+|import\s*\(?\s*)['"]([^'"./][^'"]*)['"]/g)) {
    if (!match[1].startsWith('node:')) found.add(packageOf(match[1]));
  }
  return found;
}

/**
 * Type-checks the modules in a fresh consumer directory. Returns the diagnostics mapped back to
 * their Markdown lines (empty when everything compiles).
 */
export function typecheckModules(modules) {
  const dir = mkdtempSync(join(tmpdir(), 'verigram-readme-snippets-'));
  try {
    const imports = new Set(modules.flatMap((m) => [...bareImports(m.code)]));
    installConsumerView(dir, imports);
    // Each Markdown file's blocks share a folder, where a `file=` block sits at its own path, so a
    // block importing './server/verigram' finds the one it names. Next's '@/…' alias means that
    // folder's root: it is written as the relative path it stands for (the same line).
    const files = modules.map((module, index) => {
      const folder = module.markdownFile.replace(/[^\w.]+/g, '_');
      const name = join(folder, module.file ?? `L${module.line}_${index}.${module.lang}`);
      const toRoot = relative(dirname(name), folder) || '.';
      const code = module.code.replace(/(from\s+|import\s*\(\s*)(['"])@\//g, `$1$2${toRoot}/`);
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), `${code}\n`);
      return name;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: CREATE_VITE_COMPILER_OPTIONS, files }),
    );
    const tsc = spawnSync(
      process.execPath,
      [
        process.env.READMESNIPPETS_TSC ?? join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        dir,
        '--pretty',
        'false',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    const problems = [];
    for (const line of `${tsc.stdout}${tsc.stderr}`.split('\n')) {
      const diagnostic = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line);
      if (!diagnostic) {
        if (line.trim() && !/^\s/.test(line)) problems.push(line);
        continue;
      }
      const [, file, row, , message] = diagnostic;
      const index = files.indexOf(relative(dir, join(dir, file)));
      const module = modules[index];
      if (!module) problems.push(line);
      else
        problems.push(`${module.markdownFile}:${module.lines[Number(row) - 1] ?? module.line}: ${message}`);
    }
    if (tsc.status !== 0 && problems.length === 0) problems.push(`tsc exited ${tsc.status}`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const modules = [];
  const fragments = [];
  let blocks = 0;
  const perFile = [];
  for (const file of markdownFiles()) {
    const found = extractSnippets(readFileSync(join(root, file), 'utf8'));
    if (found.length === 0) continue;
    blocks += found.length;
    const own = toModules(file, found);
    modules.push(...own);
    for (const block of found) if (block.fragment) fragments.push(`${file}:${block.line}`);
    perFile.push(`${file}: ${found.length} blocks, ${found.filter((b) => b.fragment).length} fragments`);
  }
  const problems = typecheckModules(modules);
  for (const line of perFile) console.log(`  ${line}`);
  for (const problem of problems) console.error(problem);
  console.log(
    `${blocks} code blocks in ${perFile.length} Markdown files: ${blocks - fragments.length} type-checked as ${modules.length} modules under create-vite's tsconfig, ${fragments.length} marked fragments (${fragments.join(', ') || 'none'}); ${problems.length} problems`,
  );
  process.exit(problems.length ? 1 : 0);
}
