// Safety rules for FlowConfigUi.css (issue 6). The hosted page injects this CSS into a verification
// page that handles camera frames and ID documents, so it must not load code, leak the user's
// visit to third parties or break out of its <style> element.
//
// data: URLs: allowed for images only (png, jpeg, gif, webp, avif, svg+xml). They make no network
// request, so they can neither track nor exfiltrate; SVG used as a CSS image runs no script; the
// size cap bounds them. Any other data: type is an error.
import type { FlowUiIssue } from './flowUiIssue.ts';

export type CssIssueCode =
  | 'css.too_large'
  | 'css.import'
  | 'css.expression'
  | 'css.javascript_url'
  | 'css.binding'
  | 'css.html'
  | 'css.url_host'
  | 'css.url_insecure'
  | 'css.url_data'
  | 'css.url_relative'
  | 'css.url_invalid';

/** A FlowUiIssue without its path (always `/css`); `line` is set when the issue has a place. */
export type CssSafetyIssue<C extends CssIssueCode = CssIssueCode> = {
  [K in C]: Omit<FlowUiIssue<K>, 'path' | 'severity'> & { severity: 'error' | 'warning' };
}[C];

export interface CssSafetyOptions {
  /**
   * Hosts `url()` may load from over https. `*.example.com` matches subdomains (not the apex).
   * @default [] (no remote resources at all)
   */
  allowedHosts?: readonly string[] | undefined;
  /** Maximum size in UTF-8 bytes. @default 20000 */
  maxBytes?: number | undefined;
}

export const DEFAULT_MAX_CSS_BYTES = 20_000;

const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;

// Comments become spaces (newlines kept, so line numbers stay right) before any rule runs:
// `@im/**/port` must not slip through.
function blankComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (c) => c.replace(/[^\n]/g, ' '));
}

// CSS escapes (`\75 rl(`, `@\69mport`) are decoded for the same reason. Decoding shortens only
// within a line, so line numbers computed on the decoded text are still right.
function decodeEscapes(css: string): string {
  return css.replace(
    /\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([^\n0-9a-f])/gi,
    (_, hex: string | undefined, ch: string | undefined) => {
      if (hex === undefined) return ch ?? '';
      const code = Number.parseInt(hex, 16);
      return code === 0 || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
    },
  );
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) => {
    const a = entry.toLowerCase();
    return a.startsWith('*.') ? h.endsWith(a.slice(1)) : h === a;
  });
}

function checkUrl(raw: string, line: number, allowed: readonly string[]): CssSafetyIssue | null {
  const value = raw.trim();
  if (/^data:/i.test(value)) {
    return DATA_IMAGE.test(value)
      ? null
      : {
          severity: 'error',
          code: 'css.url_data',
          params: { url: value.slice(0, 40) },
          line,
          message: `Line ${line}: data: URLs are allowed for images only (png, jpeg, gif, webp, avif, svg); found "${value.slice(0, 40)}".`,
        };
  }
  if (/^javascript:/i.test(value)) return null; // reported by the javascript: rule
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//')) {
    return {
      severity: 'warning',
      code: 'css.url_relative',
      params: { url: value },
      line,
      message: `Line ${line}: relative URL "${value}" resolves against Verigram's host, not yours; use an absolute https URL.`,
    };
  }
  let url: URL;
  try {
    url = new URL(value.startsWith('//') ? `https:${value}` : value);
  } catch {
    return {
      severity: 'error',
      code: 'css.url_invalid',
      params: { url: value },
      line,
      message: `Line ${line}: "${value}" is not a valid URL.`,
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
  if (!hostAllowed(url.hostname, allowed)) {
    return {
      severity: 'error',
      code: 'css.url_host',
      params: { host: url.hostname, allowed },
      line,
      message: `Line ${line}: url() loads from ${url.hostname}, which is not in the allowlist (${allowed.length ? allowed.join(', ') : 'empty'}); host the file on an allowed host or inline it as a data: image.`,
    };
  }
  return null;
}

/** Every safety problem of `css`, in order of appearance. An empty array means safe. */
export function checkCssSafety(css: string, options: CssSafetyOptions = {}): CssSafetyIssue[] {
  const allowed = options.allowedHosts ?? [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CSS_BYTES;
  const issues: CssSafetyIssue[] = [];
  const bytes = new TextEncoder().encode(css).length;
  if (bytes > maxBytes) {
    issues.push({
      severity: 'error',
      code: 'css.too_large',
      params: { bytes, max: maxBytes },
      message: `CSS is ${bytes} bytes; the limit is ${maxBytes}. Remove unused rules or move large images to an allowed host.`,
    });
  }
  const text = decodeEscapes(blankComments(css));
  const rules: Array<
    [
      RegExp,
      'css.import' | 'css.expression' | 'css.javascript_url' | 'css.binding' | 'css.html',
      message: string,
    ]
  > = [
    [/@import\b/gi, 'css.import', '@import is not allowed; the page loads no external stylesheets.'],
    [
      /\bexpression\s*\(/gi,
      'css.expression',
      'expression() is not allowed (it runs script in old browsers).',
    ],
    [/javascript\s*:/gi, 'css.javascript_url', 'javascript: URLs are not allowed.'],
    [
      /-moz-binding|\bbehavior\s*:/gi,
      'css.binding',
      '-moz-binding and behavior attach code to elements and are not allowed.',
    ],
    [
      /<\/?\s*(?:style|script)|<!--/gi,
      'css.html',
      "HTML markup (</style>, <script>, <!--) is not allowed; it could end the page's <style> element.",
    ],
  ];
  const found: Array<CssSafetyIssue & { index: number }> = [];
  for (const [pattern, code, message] of rules) {
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
  // url(…) and src(…) in any form, plus the bare strings image-set() accepts. A closing quote or
  // parenthesis is optional: browsers close whatever the end of the stylesheet (or a line, for a
  // string) leaves open, so `url("https://evil/x` at the very end still loads. An escaped quote
  // (decoded above) ends the string early here, which still leaves the host to check.
  const urlPattern = /\b(?:url|src)\(\s*(?:"([^"\n]*)"?|'([^'\n]*)'?|([^)'"\s]*))|\bimage-set\(([^)]*)\)?/gi;
  for (const match of text.matchAll(urlPattern)) {
    const line = lineAt(text, match.index);
    const values =
      match[4] !== undefined
        ? [...match[4].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '')
        : [match[1] ?? match[2] ?? match[3] ?? ''];
    for (const value of values) {
      const issue = checkUrl(value, line, allowed);
      if (issue) found.push({ ...issue, index: match.index });
    }
  }
  found.sort((a, b) => a.index - b.index);
  // image-set(url("a.png") 1x) is seen by both patterns; report each problem once.
  const seen = new Set<string>();
  for (const { index: _index, ...issue } of found) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    issues.push(issue);
  }
  return issues;
}
