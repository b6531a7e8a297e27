import { describe, expect, it } from 'vitest';
import { extractSnippets, toModules, typecheckModules } from './readmeSnippets.mjs';

const fence = '```';

describe('readmeSnippets: extracting the code blocks of a Markdown file', () => {
  it('given ts, tsx and indented list-item blocks beside sh and css ones, then only the code blocks come out, unindented, at their fence lines', () => {
    const markdown = [
      '# Title',
      `${fence}sh`,
      'npm i x',
      fence,
      '1. Step:',
      '',
      `   ${fence}tsx`,
      '   export const A = () => <p />;',
      `   ${fence}`,
      `${fence}ts`,
      'export const b = 1;',
      fence,
    ].join('\n');
    const blocks = extractSnippets(markdown);
    expect(blocks.map((b) => [b.line, b.lang, b.code])).toEqual([
      [7, 'tsx', 'export const A = () => <p />;'],
      [10, 'ts', 'export const b = 1;'],
    ]);
  });

  it('given the fragment, context, continues and file markers, then each block carries them and the modules honour them', () => {
    const markdown = [
      '<!-- snippet: fragment -->',
      `${fence}ts`,
      '{ shape: string }',
      fence,
      '<!-- snippet: file=server/app.ts -->',
      `${fence}ts`,
      'export const app = 1;',
      fence,
      'Then:',
      '',
      '<!-- snippet: continues -->',
      `${fence}ts`,
      'console.log(app);',
      fence,
      '<!-- snippet: context',
      'declare const session: { userId: string };',
      '-->',
      `${fence}ts`,
      'console.log(session.userId);',
      fence,
    ].join('\n');
    const blocks = extractSnippets(markdown);
    expect(blocks.map((b) => [b.fragment, b.file, b.continues, b.context.trim()])).toEqual([
      [true, undefined, false, ''],
      [false, 'server/app.ts', false, ''],
      [false, undefined, true, ''],
      [false, undefined, false, 'declare const session: { userId: string };'],
    ]);
    const modules = toModules('X.md', blocks);
    expect(modules.map((m) => [m.file, m.code, m.blocks])).toEqual([
      ['server/app.ts', 'export const app = 1;\nconsole.log(app);', 2],
      [undefined, 'declare const session: { userId: string };\nconsole.log(session.userId);', 1],
    ]);
    // A line reports where the reader sees it: the continued block's line, the context at its fence.
    expect(modules[0]?.lines).toEqual([7, 13]);
    expect(modules[1]?.lines).toEqual([18, 19]);
  });

  it('refuses an unknown marker rather than silently skipping a block', () => {
    expect(() => extractSnippets(['<!-- snippet: skip -->', `${fence}ts`, 'x', fence].join('\n'))).toThrow(
      /unknown snippet marker "skip"/,
    );
  });
});

describe('readmeSnippets: type-checking as a create-vite app does', () => {
  it("given a block importing a name it never uses (create-vite's noUnusedLocals), then the problem is reported at its Markdown line; a clean block passes", () => {
    const markdown = [
      '# Quick start',
      `${fence}tsx`,
      "import { FlowStatus, VerigramFlow } from '@verigram-kit/react';",
      'export const Verify = () => <VerigramFlow locale="kk" />;',
      fence,
      `${fence}ts`,
      "import { createVerigramClient } from '@verigram-kit/core';",
      "export const verigram = createVerigramClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:4010' });",
      fence,
    ].join('\n');
    const problems = typecheckModules(toModules('README.md', extractSnippets(markdown)));
    expect(problems).toEqual([
      expect.stringMatching(/^README\.md:3: error TS6133: 'FlowStatus' is declared but/),
    ]);
  });
});
