import { describe, expect, it } from 'vitest';
import { checkCssSafety } from '../ui/checkCssSafety.ts';

describe('checkCssSafety', () => {
  it.each([
    ['plain rules', 'body { color: #111; }\n.vg-button { border-radius: 0; }'],
    ['a data: png', '.logo { background: url("data:image/png;base64,iVBORw0KGgo="); }'],
    [
      'a data: svg',
      ".bg { background-image: url('data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22/>'); }",
    ],
    ['an allowed host', '.bg { background: url(https://cdn.example.com/bg.png); }'],
    ['an allowed subdomain by wildcard', '.bg { background: url(https://img.assets.example.org/a.png); }'],
    ['the word import in a class name', '.important-note { color: red; }'],
    // A comment splits the at-keyword for the browser too: this is `@im port`, not an import.
    ['a commented-out or split @import', '/* @import "x.css"; */ @im/**/port "y.css";'],
  ])('accepts %s', (_, css) => {
    expect(checkCssSafety(css, { allowedHosts: ['cdn.example.com', '*.assets.example.org'] })).toEqual([]);
  });

  it.each([
    [
      '@import',
      'a{}\n@import url(https://cdn.example.com/x.css);',
      'css.import',
      2,
      {},
      'Line 2: @import is not allowed; the page loads no external stylesheets.',
    ],
    [
      '@import after a comment',
      '/* brand */@import "x.css";',
      'css.import',
      1,
      {},
      'Line 1: @import is not allowed; the page loads no external stylesheets.',
    ],
    [
      '@import hidden by an escape',
      '@\\69mport "x.css";',
      'css.import',
      1,
      {},
      'Line 1: @import is not allowed; the page loads no external stylesheets.',
    ],
    [
      'expression()',
      'div { width: expression(alert(1)); }',
      'css.expression',
      1,
      {},
      'Line 1: expression() is not allowed (it runs script in old browsers).',
    ],
    [
      'javascript:',
      'a{}\n\ndiv { background: url("javascript:alert(1)"); }',
      'css.javascript_url',
      3,
      {},
      'Line 3: javascript: URLs are not allowed.',
    ],
    [
      '-moz-binding',
      'div { -moz-binding: none; }',
      'css.binding',
      1,
      {},
      'Line 1: -moz-binding and behavior attach code to elements and are not allowed.',
    ],
    [
      '</style>',
      'a { color: red; }</style><script>alert(1)</script>',
      'css.html',
      1,
      {},
      "Line 1: HTML markup (</style>, <script>, <!--) is not allowed; it could end the page's <style> element.",
    ],
    [
      'a host outside the allowlist',
      'div {\n  background: url(https://tracker.example.net/p.gif);\n}',
      'css.url_host',
      2,
      { host: 'tracker.example.net', allowed: ['cdn.example.com'] },
      'Line 2: url() loads from tracker.example.net, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'an escaped url(',
      'div { background: \\75 rl(https://evil.example/x.png); }',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'a protocol-relative host',
      'div { background: url(//evil.example/x.png); }',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'image-set() strings',
      'div { background: image-set("https://evil.example/a.png" 1x); }',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'a url( left open at the end (the browser closes it)',
      'a { color: red } b { background: url("https://evil.example/t.png"',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'an escaped quote inside the string',
      'div { background: url("https://evil.example/\\"x"); }',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'an image-set( left open',
      'div { background: image-set("https://evil.example/a.png" 1x',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      "src(), url()'s newer twin",
      'div { background: src("https://evil.example/a.png"); }',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowlist (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'a url() that is no URL',
      'div { background: url("https://exa mple.com:99999/"); }',
      'css.url_invalid',
      1,
      { url: 'https://exa mple.com:99999/' },
      'Line 1: "https://exa mple.com:99999/" is not a valid URL.',
    ],
    [
      'http on an allowed host',
      "@font-face { src: url('http://cdn.example.com/f.woff2'); }",
      'css.url_insecure',
      1,
      { url: 'http://cdn.example.com/f.woff2', scheme: 'http' },
      'Line 1: url() must use https; found http in "http://cdn.example.com/f.woff2".',
    ],
    [
      'a data: URL that is not an image',
      'div { background: url(data:text/html;base64,PHNjcmlwdD4=); }',
      'css.url_data',
      1,
      { url: 'data:text/html;base64,PHNjcmlwdD4=' },
      'Line 1: data: URLs are allowed for images only (png, jpeg, gif, webp, avif, svg); found "data:text/html;base64,PHNjcmlwdD4=".',
    ],
  ])('refuses %s', (_, css, code, line, params, message) => {
    expect(checkCssSafety(css, { allowedHosts: ['cdn.example.com'] })).toEqual([
      { severity: 'error', code, params, line, message },
    ]);
  });

  it('warns about relative URLs, which resolve against the hosted page', () => {
    expect(checkCssSafety('.x { background: url(img/bg.png); }')).toEqual([
      {
        severity: 'warning',
        code: 'css.url_relative',
        params: { url: 'img/bg.png' },
        line: 1,
        message: `Line 1: relative URL "img/bg.png" resolves against Verigram's host, not yours; use an absolute https URL.`,
      },
    ]);
  });

  it('refuses every url() by default: the allowlist starts empty', () => {
    expect(checkCssSafety('.x { background: url(https://cdn.example.com/a.png); }')[0]?.message).toContain(
      '(empty)',
    );
  });

  it('caps the size in UTF-8 bytes', () => {
    const css = `/* ${'ж'.repeat(60)} */`; // 2 bytes per letter
    expect(checkCssSafety(css, { maxBytes: 100 })).toEqual([
      {
        severity: 'error',
        code: 'css.too_large',
        params: { bytes: 126, max: 100 },
        message:
          'CSS is 126 bytes; the limit is 100. Remove unused rules or move large images to an allowed host.',
      },
    ]);
    expect(checkCssSafety(css, { maxBytes: 126 })).toEqual([]);
    expect(checkCssSafety('a'.repeat(20_001))[0]?.code).toBe('css.too_large');
  });

  it('reports every problem, in order of appearance', () => {
    const codes = checkCssSafety(
      'div { x: expression(1); }\n@import "a.css";\n.y { z: url(https://e.example/a) }',
    ).map((i) => [i.code, i.line]);
    expect(codes).toEqual([
      ['css.expression', 1],
      ['css.import', 2],
      ['css.url_host', 3],
    ]);
  });
});
