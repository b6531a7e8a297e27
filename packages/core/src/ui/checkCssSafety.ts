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

type Found = CssSafetyIssue & { index: number; line?: number };

// The base a relative url() resolves against in this check; `.invalid` never resolves (RFC 2606).
const PAGE_ORIGIN = 'https://hosted-page.invalid';

const KEYWORD_RULES: ReadonlyArray<
  [RegExp, 'css.import' | 'css.expression' | 'css.javascript_url' | 'css.binding', string]
> = [
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
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (c) => c.replace(/[^\n]/g, ''));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const isPrintableAscii = (code: number) => code >= 0x20 && code <= 0x7e;

function checkEscapes(css: string, found: Found[]): void {
  for (const match of css.matchAll(/\\(?:([0-9a-f]{1,6})|([\s\S]))/gi)) {
    const [written, hex, char] = match;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : (char as string).charCodeAt(0);
    const lineBreak = char === '\n' || char === '\r' || char === '\f';
    if (!lineBreak && !isPrintableAscii(code)) continue;
    const line = lineAt(css, match.index);
    const shown = lineBreak ? '\\ + line break' : written;
    found.push({
      severity: 'error',
      code: 'css.escape',
      params: { escape: shown },
      line,
      message: `Line ${line}: the escape ${shown} is not allowed: a backslash may only escape characters beyond ASCII (such as \\201C); write the character itself.`,
      index: match.index,
    });
  }
}

function checkHtml(css: string, found: Found[]): void {
  for (const match of css.matchAll(/<\/?\s*(?:style|script)|<!--/gi)) {
    const line = lineAt(css, match.index);
    found.push({
      severity: 'error',
      code: 'css.html',
      params: {},
      line,
      message: `Line ${line}: HTML markup (</style>, <script>, <!--) is not allowed; it could end the page's <style> element.`,
      index: match.index,
    });
  }
}

function checkKeywords(text: string, found: Found[]): void {
  for (const [pattern, code, message] of KEYWORD_RULES) {
    for (const match of text.matchAll(pattern)) {
      const line = lineAt(text, match.index);
      found.push({
        severity: 'error',
        code,
        params: {},
        line,
        message: `Line ${line}: ${message}`,
        index: match.index,
      });
    }
  }
  // -webkit-image-set( matches too: the boundary falls between `-` and `image`.
  for (const match of text.matchAll(/\b(image-set|image|src)\(/gi)) {
    const line = lineAt(text, match.index);
    const name = (match[1] as string).toLowerCase();
    found.push({
      severity: 'error',
      code: 'css.url_function',
      params: { name },
      line,
      message: `Line ${line}: ${name}() is not allowed: it loads an address given as a string or var(), which cannot be checked; use url() with an allowed host.`,
      index: match.index,
    });
  }
}

function checkUrl(raw: string, line: number, allowed: readonly string[]): CssSafetyIssue | null {
  const value = raw.trim();
  if (value.includes('\\')) {
    return {
      severity: 'error',
      code: 'css.url_invalid',
      params: { url: value },
      line,
      message: `Line ${line}: "${value}" holds a backslash; write URLs without escapes.`,
    };
  }
  if (/^data:/i.test(value)) {
    return INLINE_IMAGE_URL.test(value)
      ? null
      : {
          severity: 'error',
          code: 'css.url_data',
          params: { url: value.slice(0, 40) },
          line,
          message: `Line ${line}: data: URLs are allowed for images only (png, jpeg, gif, webp, avif, svg); found "${value.slice(0, 40)}".`,
        };
  }
  let url: URL;
  try {
    // Resolved as the browser does (tabs and line breaks dropped, `\` read as `/`), so that
    // `/\t/evil.example` is seen for the other host it is.
    url = new URL(value, `${PAGE_ORIGIN}/`);
  } catch {
    return {
      severity: 'error',
      code: 'css.url_invalid',
      params: { url: value },
      line,
      message: `Line ${line}: "${value}" is not a valid URL.`,
    };
  }
  if (url.protocol === 'javascript:') return null; // reported by the javascript: rule
  if (url.origin === PAGE_ORIGIN) {
    return {
      severity: 'warning',
      code: 'css.url_relative',
      params: { url: value },
      line,
      message: `Line ${line}: relative URL "${value}" resolves against Verigram's host, not yours; use an absolute https URL.`,
    };
  }
  if (url.protocol !== 'https:') {
    const scheme = url.protocol.replace(':', '');
    return {
      severity: 'error',
      code: 'css.url_insecure',
      params: { url: value, scheme },
      line,
      message: `Line ${line}: url() must use https; found ${scheme} in "${value}".`,
    };
  }
  if (!isAssetHostAllowed(url.hostname, allowed)) {
    return {
      severity: 'error',
      code: 'css.url_host',
      params: { host: url.hostname, allowed },
      line,
      message: `Line ${line}: url() loads from ${url.hostname}, which is not in the allowed asset hosts (${allowed.length ? allowed.join(', ') : 'none'}); host the file on an allowed host or inline it as a data: image.`,
    };
  }
  return null;
}

function checkUrls(text: string, allowed: readonly string[], found: Found[]): void {
  // A closing quote or parenthesis is optional: browsers close whatever the end of the stylesheet
  // (or a line, for a string) leaves open, so `url("https://evil/x` at the very end still loads.
  for (const match of text.matchAll(/\burl\(\s*(?:"([^"\n]*)"?|'([^'\n]*)'?|([^)'"\s]*))/gi)) {
    const line = lineAt(text, match.index);
    const issue = checkUrl(match[1] ?? match[2] ?? match[3] ?? '', line, allowed);
    if (issue) found.push({ ...issue, index: match.index });
  }
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
  checkEscapes(css, found);
  checkHtml(css, found);
  for (const text of [css, withoutComments(css)]) {
    checkKeywords(text, found);
    checkUrls(text, allowedAssetHosts, found);
  }
  found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.index - b.index);
  // The text with and without comments report most problems twice; keep each once.
  const seen = new Set<string>();
  for (const { index: _index, ...issue } of found) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    issues.push(issue);
  }
  return issues;
}
