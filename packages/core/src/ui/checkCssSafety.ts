// FlowConfigUi.css under the policy of flowUiPolicy.ts. The hosted page injects this CSS as it is,
// so every rule here runs on the text a browser tokenizes.
//
// Why a plain-text check is enough: comments separate CSS tokens and never join them (CSS Syntax
// §4: `@im/**/port` is `@im` then `port`), and the only other way to spell a keyword, a quote or
// a host that the text does not show is an escape, which checkEscapes refuses below. So every
// `url(`, `@import` or `</style` the browser sees is in the text as written. The rules also run on
// the text without its comments, which refuses what an old engine that did join them would see.
import type { FlowUiIssue } from './flowUiIssue.ts';
import {
  type FlowUiPolicyOptions,
  INLINE_IMAGE_URL,
  isAssetHostAllowed,
  resolveFlowUiPolicy,
} from './flowUiPolicy.ts';

export type CssIssueCode = Extract<FlowUiIssue['code'], `css.${string}`>;

/** A FlowUiIssue without its path (always `/css`); `line` is set when the issue has a place. */
export type CssSafetyIssue<C extends CssIssueCode = CssIssueCode> = {
  [K in C]: Omit<FlowUiIssue<K>, 'path' | 'severity'> & { severity: 'error' | 'warning' };
}[C];

// [where in `text`, the text it was found in, code, params, message without "Line N: ", severity]
type Found = [
  index: number,
  text: string,
  code: CssIssueCode,
  params: object,
  message: string,
  severity?: 'warning',
];
type UrlProblem = [code: CssIssueCode, params: object, message: string, severity?: 'warning'];

// The base a relative url() resolves against in this check; `.invalid` never resolves (RFC 2606).
const PAGE_ORIGIN = 'https://hosted-page.invalid';

const RULES: ReadonlyArray<[RegExp, CssIssueCode, string]> = [
  [/@import\b/gi, 'css.import', '@import is not allowed; the page loads no external stylesheets.'],
  [/\bexpression\s*\(/gi, 'css.expression', 'expression() is not allowed (it runs script in old browsers).'],
  [/javascript\s*:/gi, 'css.javascript_url', 'javascript: URLs are not allowed.'],
  [
    /-moz-binding|\bbehavior\s*:/gi,
    'css.binding',
    '-moz-binding and behavior attach code to elements and are not allowed.',
  ],
];

// Comments removed, their line breaks kept so that line numbers stay right.
const withoutComments = (css: string) =>
  css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (c) => c.replace(/[^\n]/g, ''));

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function checkUrl(raw: string, allowed: readonly string[]): UrlProblem | undefined {
  const value = raw.trim();
  if (/^data:/i.test(value)) {
    const url = value.slice(0, 40);
    return INLINE_IMAGE_URL.test(value)
      ? undefined
      : [
          'css.url_data',
          { url },
          `data: URLs are allowed for images only (png, jpeg, gif, webp, avif, svg); found "${url}".`,
        ];
  }
  let url: URL;
  try {
    // A backslash in a URL is an escape (`\FF0E` would be a dot in the host): none is vouched for.
    if (value.includes('\\')) throw new TypeError(value);
    // Resolved as the browser does (tabs and line breaks dropped, `\` read as `/`), so that
    // `/\t/evil.example` is seen for the other host it is.
    url = new URL(value, `${PAGE_ORIGIN}/`);
  } catch {
    return ['css.url_invalid', { url: value }, `"${value}" is not a valid URL.`];
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'javascript') return undefined; // reported by the javascript: rule
  if (url.origin === PAGE_ORIGIN) {
    return [
      'css.url_relative',
      { url: value },
      `relative URL "${value}" resolves against Verigram's host, not yours; use an absolute https URL.`,
      'warning',
    ];
  }
  if (scheme !== 'https')
    return [
      'css.url_insecure',
      { url: value, scheme },
      `url() must use https; found ${scheme} in "${value}".`,
    ];
  const host = url.hostname;
  return isAssetHostAllowed(host, allowed)
    ? undefined
    : [
        'css.url_host',
        { host, allowed },
        `url() loads from ${host}, which is not in the allowed asset hosts (${allowed.join(', ') || 'none'}); host the file on an allowed host or inline it as a data: image.`,
      ];
}

/** Every safety problem of `css`, in order of appearance. An empty array means safe. */
export function checkCssSafety(css: string, options: FlowUiPolicyOptions = {}): CssSafetyIssue[] {
  const { allowedAssetHosts, maxCssBytes } = resolveFlowUiPolicy(options);
  const issues: CssSafetyIssue[] = [];
  const bytes = new TextEncoder().encode(css).length;
  if (bytes > maxCssBytes) {
    issues.push({
      severity: 'error',
      code: 'css.too_large',
      params: { bytes, max: maxCssBytes },
      message: `CSS is ${bytes} bytes, larger than ${maxCssBytes} bytes, the limit. Remove unused rules or move large images to an allowed host.`,
    });
  }
  const found: Found[] = [];
  for (const match of css.matchAll(/\\(?:([0-9a-f]{1,6})|([\s\S]))/gi)) {
    const [written, hex, char = ''] = match;
    const code = hex === undefined ? char.charCodeAt(0) : Number.parseInt(hex, 16);
    const lineBreak = '\n\r\f'.includes(char) && char !== '';
    if (!lineBreak && (code < 0x20 || code > 0x7e)) continue;
    const shown = lineBreak ? '\\ + line break' : written;
    found.push([
      match.index,
      css,
      'css.escape',
      { escape: shown },
      `the escape ${shown} is not allowed; escape only characters beyond ASCII, such as \\201C.`,
    ]);
  }
  for (const match of css.matchAll(/<\/?\s*(?:style|script)|<!--/gi)) {
    found.push([
      match.index,
      css,
      'css.html',
      {},
      "HTML markup (</style>, <script>, <!--) is not allowed; it could end the page's <style> element.",
    ]);
  }
  for (const text of [css, withoutComments(css)]) {
    for (const [pattern, code, message] of RULES) {
      for (const match of text.matchAll(pattern)) found.push([match.index, text, code, {}, message]);
    }
    // -webkit-image-set( matches too: the boundary falls between `-` and `image`.
    for (const match of text.matchAll(/\b(image-set|image|src)\(/gi)) {
      const name = (match[1] as string).toLowerCase();
      found.push([
        match.index,
        text,
        'css.url_function',
        { name },
        `${name}() is not allowed (it loads strings and var()s as URLs); use url().`,
      ]);
    }
    // A closing quote or parenthesis is optional: browsers close whatever the end of the
    // stylesheet (or a line, for a string) leaves open, so `url("https://evil/x` still loads.
    for (const match of text.matchAll(/\burl\(\s*(?:"([^"\n]*)"?|'([^'\n]*)'?|([^)'"\s]*))/gi)) {
      const problem = checkUrl(match[1] ?? match[2] ?? match[3] ?? '', allowedAssetHosts);
      if (problem) found.push([match.index, text, ...problem]);
    }
  }
  const located = found.map(([index, text, code, params, message, severity]) => {
    const line = lineAt(text, index);
    return {
      index,
      line,
      issue: { severity: severity ?? 'error', code, params, line, message: `Line ${line}: ${message}` },
    };
  });
  located.sort((a, b) => a.line - b.line || a.index - b.index);
  // The text with and without comments report most problems twice; keep each once.
  const seen = new Set<string>();
  for (const { issue } of located) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    issues.push(issue as CssSafetyIssue);
  }
  return issues;
}
