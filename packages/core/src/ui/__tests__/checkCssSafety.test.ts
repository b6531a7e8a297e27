import { describe, expect, it } from 'vitest';
import { checkCssSafety } from '../checkCssSafety.ts';

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
    ['an escape of a character beyond ASCII (a curly quote)', '.q::before { content: "\\201C"; }'],
    ["an icon font's private-use glyph", '.i::before { content: "\\f101"; }'],
    ['an escaped line feed in generated content', '.l::after { content: "a\\A b"; white-space: pre; }'],
    ['a media query range', '@media (width < 600px) { .vg-button { width: 100%; } }'],
  ])('accepts %s', (_, css) => {
    expect(checkCssSafety(css, { allowedAssetHosts: ['cdn.example.com', '*.assets.example.org'] })).toEqual(
      [],
    );
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
      'css.escape',
      1,
      { escape: '\\69' },
      'Line 1: the escape \\69 is not allowed; escape only characters beyond ASCII, such as \\201C.',
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
      'Line 2: url() loads from tracker.example.net, which is not in the allowed asset hosts (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'a protocol-relative host',
      'div { background: url(//evil.example/x.png); }',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowed asset hosts (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
    ],
    [
      'a url( left open at the end (the browser closes it)',
      'a { color: red } b { background: url("https://evil.example/t.png"',
      'css.url_host',
      1,
      { host: 'evil.example', allowed: ['cdn.example.com'] },
      'Line 1: url() loads from evil.example, which is not in the allowed asset hosts (cdn.example.com); host the file on an allowed host or inline it as a data: image.',
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
    expect(checkCssSafety(css, { allowedAssetHosts: ['cdn.example.com'] })).toEqual([
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

  it("refuses by default every url() outside Verigram's own host, even the default logo's shared S3 host", () => {
    expect(checkCssSafety('.x { background: url(https://cdn.example.com/a.png); }')[0]?.message).toContain(
      '(docs.services.verigram.cloud)',
    );
    expect(
      checkCssSafety('.x { background: url(https://s3.eu-central-1.amazonaws.com/any-bucket/p.gif); }'),
    ).toHaveLength(1);
    expect(checkCssSafety('.x { background: url(https://docs.services.verigram.cloud/a.png); }')).toEqual([]);
  });

  it.each([
    ['an escaped url(', 'div { background: \\75 rl(https://evil.example/x.png); }', ['css.escape']],
    [
      'an escaped letter inside url',
      'div { background: u\\rl(https://evil.example/x.png); }',
      ['css.escape'],
    ],
    [
      'an escaped quote inside the string',
      'div { background: url("https://cdn.example.com/\\"x"); }',
      ['css.url_invalid', 'css.escape'],
    ],
    [
      'a line continuation that joins a host',
      'a { background: url("https://cdn.example.com\\\n.evil.example/x"); }',
      ['css.url_invalid', 'css.escape'],
    ],
    [
      'a full-width dot escaped into the host',
      'a { background: url(https://cdn.example.com\\FF0E evil.example/x); }',
      ['css.url_invalid'],
    ],
    [
      'image-set() with strings',
      'div { background: image-set("https://cdn.example.com/a.png" 1x); }',
      ['css.url_function'],
    ],
    [
      'image-set() fed by var()',
      ':root { --u: "https://evil.example/a.png" } div { background: -webkit-image-set(var(--u) 1x); }',
      ['css.url_function'],
    ],
    [
      'an image-set( left open',
      'div { background: image-set("https://evil.example/a.png" 1x',
      ['css.url_function'],
    ],
    [
      "src(), url()'s newer twin",
      'div { background: src("https://evil.example/a.png"); }',
      ['css.url_function'],
    ],
    [
      'a url() hidden by a comment that starts inside a string',
      'a { content: "/*" } b { background: url(https://evil.example/x) } c { content: "*/" }',
      ['css.url_host'],
    ],
    [
      'a tab that makes a relative URL protocol-relative',
      'a { background: url("/\t/evil.example/x"); }',
      ['css.url_host'],
    ],
    ['a commented-out @import', '/* @import "x.css"; */', ['css.import']],
    ['an @import split by a comment (old engines joined it)', '@im/**/port "y.css";', ['css.import']],
  ])('refuses %s', (_, css, codes) => {
    expect(
      checkCssSafety(css, { allowedAssetHosts: ['cdn.example.com'] }).map((issue) => issue.code),
    ).toEqual(codes);
  });

  it('caps the size in UTF-8 bytes', () => {
    const css = `/* ${'ж'.repeat(60)} */`; // 2 bytes per letter
    expect(checkCssSafety(css, { maxCssBytes: 100 })).toEqual([
      {
        severity: 'error',
        code: 'css.too_large',
        params: { bytes: 126, max: 100 },
        message:
          'CSS is 126 bytes, larger than 100 bytes, the limit. Remove unused rules or move large images to an allowed host.',
      },
    ]);
    expect(checkCssSafety(css, { maxCssBytes: 126 })).toEqual([]);
    expect(checkCssSafety('a'.repeat(16_384))).toEqual([]);
    expect(checkCssSafety('a'.repeat(16_385))[0]?.code).toBe('css.too_large');
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
