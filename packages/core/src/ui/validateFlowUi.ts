// Validation of a FlowConfigUi and of a builder draft (issue 6). Every issue says what is wrong
// and where: `path` is a JSON Pointer into the FlowConfigUi (`/logo_url`, `/translation/ru/button.start`,
// `/css`) or, for a draft's brand tokens, `/tokens/<name>` (they compile into `/css`).
import { LOCALES, THEMES } from '../api/constants.ts';
import type { FlowTheme, Locale } from '../api/schemas.ts';
import {
  BRAND_TOKEN_NAMES,
  type BrandTokenName,
  brandTokenCssValue,
  LOGO_HEIGHT_RANGE,
  RADIUS_RANGE,
} from './brandTokens.ts';
import { type CssSafetyOptions, checkCssSafety } from './checkCssSafety.ts';
import { contrastRatio, formatContrastRatio, normalizeHexColor, WCAG_AA_CONTRAST } from './colorContrast.ts';
import { THEME_TOKENS } from './cssProperties.ts';
import { type FlowUiDraft, toFlowConfigUi } from './flowUiDraft.ts';
import type { FlowUiIssue, FlowUiIssueCode, FlowUiIssueParams } from './flowUiIssue.ts';
import { TRANSLATION_CATALOG, TRANSLATION_KEYS } from './translationCatalog.ts';

// The issue types live in flowUiIssue.ts; re-exported here, where callers look for them first.
export type { FlowUiIssue, FlowUiIssueSeverity } from './flowUiIssue.ts';

export interface ValidateFlowUiOptions {
  /** Hosts that `url()` in the CSS may load from (https only). @default [] */
  cssAllowedHosts?: readonly string[] | undefined;
  /** CSS size cap in UTF-8 bytes. @default 20000 */
  maxCssBytes?: number | undefined;
  /**
   * Severity of "this locale has no override for keys other locales override" notes.
   * @default 'warning'
   */
  missingKeySeverity?: 'warning' | 'info' | undefined;
}

const KNOWN_PROPERTIES = new Set(['theme', 'logo_url', 'favicon_url', 'translation', 'css']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** JSON Pointer escaping (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function jsonPointer(...segments: string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function checkUrl(path: string, label: string, value: unknown, issues: FlowUiIssue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({
      path,
      severity: 'error',
      code: 'url.invalid',
      params: {},
      message: `${label} must be a URL string.`,
    });
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    issues.push({
      path,
      severity: 'error',
      code: 'url.invalid',
      params: { value },
      message: `${label} "${value}" is not an absolute URL; use https://…`,
    });
    return;
  }
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) {
    issues.push({
      path,
      severity: 'warning',
      code: 'url.localhost',
      params: { host: url.host },
      message: `${label} points at ${url.host} over http: fine for local previews, unreachable for real users.`,
    });
    return;
  }
  if (url.protocol === 'http:') {
    issues.push({
      path,
      severity: 'error',
      code: 'url.insecure',
      params: { url: value },
      message: `${label} must use https (http is allowed only for localhost and 127.0.0.1): ${value}`,
    });
    return;
  }
  if (url.protocol !== 'https:') {
    issues.push({
      path,
      severity: 'error',
      code: 'url.scheme',
      params: { scheme: url.protocol },
      message: `${label} must be an https URL; "${url.protocol}" URLs are not accepted.`,
    });
    return;
  }
  if (url.username || url.password) {
    issues.push({
      path,
      severity: 'error',
      code: 'url.credentials',
      params: {},
      message: `${label} must not contain a user name or password.`,
    });
  }
}

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as string));

function checkTranslation(value: unknown, issues: FlowUiIssue[], missingSeverity: 'warning' | 'info'): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({
      path: '/translation',
      severity: 'error',
      code: 'translation.invalid',
      params: {},
      message: 'translation must be an object of the form {locale: {key: text}}.',
    });
    return;
  }
  const overridden = new Map<Locale, Set<string>>();
  for (const [name, messages] of Object.entries(value)) {
    const locale = name as Locale; // checked right below
    const localePath = jsonPointer('translation', locale);
    if (!LOCALES.includes(locale)) {
      issues.push({
        path: localePath,
        severity: 'error',
        code: 'translation.locale_unknown',
        params: { locale, supported: LOCALES },
        message: `Unknown locale "${locale}"; the page supports ${LOCALES.join(', ')}.`,
      });
      continue;
    }
    if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
      issues.push({
        path: localePath,
        severity: 'error',
        code: 'translation.locale_invalid',
        params: { locale },
        message: `translation.${locale} must be an object of {key: text}.`,
      });
      continue;
    }
    const keys = new Set<string>();
    overridden.set(locale, keys);
    for (const [key, text] of Object.entries(messages as Record<string, unknown>)) {
      const path = jsonPointer('translation', locale, key);
      if (typeof text !== 'string') {
        issues.push({
          path,
          severity: 'error',
          code: 'translation.value_invalid',
          params: { locale, key },
          message: `${locale} "${key}" must be a string.`,
        });
        continue;
      }
      keys.add(key);
      if (text.trim() === '') {
        issues.push({
          path,
          severity: 'warning',
          code: 'translation.value_empty',
          params: { locale, key },
          message: `${locale} "${key}" is empty; the page would show nothing there. Remove it to keep the default.`,
        });
        continue;
      }
      const entry = (TRANSLATION_CATALOG as Record<string, { defaults: Record<string, string> }>)[key];
      if (!entry) {
        // The spec's translation is a free {locale: {key: text}} map and names no keys; the
        // catalog is only what the sandbox's page reads. A key outside it may be one Verigram's
        // page reads, so it is a note, never a reason to refuse the config.
        const suggestion = suggest(key);
        issues.push({
          path,
          severity: 'info',
          code: 'translation.key_unknown',
          params: { key, suggestion },
          message: `"${key}" is not known to the sandbox page; it may work on Verigram's page.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        });
        continue;
      }
      const expected = placeholders(entry.defaults[locale] ?? '');
      const actual = placeholders(text);
      const lost = [...expected].filter((p) => !actual.has(p));
      const extra = [...actual].filter((p) => !expected.has(p));
      if (lost.length > 0) {
        issues.push({
          path,
          severity: 'warning',
          code: 'translation.placeholder_missing',
          params: { locale, key, placeholders: lost },
          message: `${locale} "${key}" drops ${lost.map((p) => `{${p}}`).join(', ')}, which the sandbox page fills in.`,
        });
      }
      if (extra.length > 0) {
        issues.push({
          path,
          severity: 'warning',
          code: 'translation.placeholder_unknown',
          params: { locale, key, placeholders: extra, known: [...expected] },
          message: `${locale} "${key}" uses ${extra.map((p) => `{${p}}`).join(', ')}, which the sandbox page never fills in (it knows ${expected.size ? [...expected].map((p) => `{${p}}`).join(', ') : 'none'}).`,
        });
      }
    }
  }
  // Missing keys, per locale: a key overridden in one locale and not in another shows the brand's
  // wording to some users and the page's own to others. Only catalog keys: whether any page shows
  // a key outside it is not known, so neither is what a locale without it would show.
  const everywhere = new Set([...overridden.values()].flatMap((keys) => [...keys]));
  if (everywhere.size === 0) return;
  for (const locale of LOCALES) {
    const keys = overridden.get(locale) ?? new Set<string>();
    const missing = TRANSLATION_KEYS.filter((k) => everywhere.has(k) && !keys.has(k));
    if (missing.length === 0) continue;
    issues.push({
      path: jsonPointer('translation', locale),
      severity: missingSeverity,
      code: 'translation.keys_missing',
      params: { locale, keys: missing },
      message: `${locale} has no text for ${missing.length} key${missing.length === 1 ? '' : 's'} overridden in other locales, so it shows the page's own texts: ${missing.join(', ')}.`,
    });
  }
}

// The closest catalog key by edit distance, for typos like "button.strat".
function suggest(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of TRANSLATION_KEYS) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

const CONTRAST_PROPERTIES = [
  '--vg-color-primary',
  '--vg-color-on-primary',
  '--vg-color-text',
  '--vg-color-background',
] as const;
type ContrastProperty = (typeof CONTRAST_PROPERTIES)[number];

// The colours the page will end up with: the theme's, then every declaration in the CSS in order
// (the builder's block, then free CSS). Selectors are not interpreted: a declaration anywhere
// counts, which is the cautious reading for a contrast check.
function effectiveColors(
  theme: FlowTheme,
  css: string,
): Record<ContrastProperty, { value: string; fromTheme: boolean }> {
  const base = THEME_TOKENS[theme];
  const colors = Object.fromEntries(
    CONTRAST_PROPERTIES.map((p) => [p, { value: base[p], fromTheme: true }]),
  ) as Record<ContrastProperty, { value: string; fromTheme: boolean }>;
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  for (const m of text.matchAll(/(--vg-color-(?:primary|on-primary|text|background))\s*:\s*([^;}!]+)/g)) {
    colors[m[1] as ContrastProperty] = { value: (m[2] as string).trim(), fromTheme: false };
  }
  return colors;
}

function checkContrast(theme: FlowTheme, css: string, issues: FlowUiIssue[]): void {
  const colors = effectiveColors(theme, css);
  const pairs: Array<['on_primary' | 'text_on_background', ContrastProperty, ContrastProperty, string]> = [
    ['on_primary', '--vg-color-on-primary', '--vg-color-primary', 'Text on the primary colour'],
    ['text_on_background', '--vg-color-text', '--vg-color-background', 'Body text on the background'],
  ];
  for (const [pair, fgProperty, bgProperty, label] of pairs) {
    const fg = normalizeHexColor(colors[fgProperty].value);
    const bg = normalizeHexColor(colors[bgProperty].value);
    if (!fg || !bg) {
      issues.push({
        path: '/css',
        severity: 'info',
        code: 'contrast.unchecked',
        params: {
          pair,
          foreground: fgProperty,
          background: bgProperty,
        },
        message: `${label} could not be checked: ${fgProperty} and ${bgProperty} must be hex colours to be measured.`,
      });
      continue;
    }
    const ratio = contrastRatio(fg, bg);
    if (ratio >= WCAG_AA_CONTRAST) continue;
    // The bts theme itself pairs white with #00a19a (3.2:1). A designer who left both colours
    // alone did not choose that, so it is a warning that tells them how to fix it, not an error.
    const themeOnly = colors[fgProperty].fromTheme && colors[bgProperty].fromTheme;
    issues.push({
      path: '/css',
      severity: themeOnly ? 'warning' : 'error',
      code: `contrast.${pair}`,
      params: {
        ratio: Math.floor(ratio * 100) / 100,
        required: WCAG_AA_CONTRAST,
        foreground: fg,
        background: bg,
        theme: themeOnly ? theme : undefined,
      },
      message: `${label} has contrast ${formatContrastRatio(ratio)} (${fg} on ${bg}${themeOnly ? `, the ${theme} theme's own colours` : ''}); WCAG AA needs at least 4.5:1.${themeOnly ? ' Set the colours in the brand tokens to fix it.' : ''}`,
    });
  }
}

/** Every problem of a FlowConfigUi (typically untrusted JSON), in property order; [] means valid. */
export function validateFlowUi(ui: unknown, options: ValidateFlowUiOptions = {}): FlowUiIssue[] {
  const issues: FlowUiIssue[] = [];
  if (typeof ui !== 'object' || ui === null || Array.isArray(ui)) {
    return [
      {
        path: '',
        severity: 'error',
        code: 'ui.invalid',
        params: {},
        message: 'A FlowConfigUi must be a JSON object.',
      },
    ];
  }
  const value = ui as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (!KNOWN_PROPERTIES.has(key)) {
      issues.push({
        path: jsonPointer(key),
        severity: 'warning',
        code: 'ui.property_unknown',
        params: { property: key },
        message: `"${key}" is not a FlowConfigUi property (theme, logo_url, favicon_url, translation, css); Verigram ignores it.`,
      });
    }
  }
  const theme = JSON.stringify(value.theme);
  if (value.theme !== undefined && !(THEMES as readonly unknown[]).includes(value.theme)) {
    issues.push({
      path: '/theme',
      severity: 'error',
      code: 'theme.unknown',
      params: { theme },
      message: `Unknown theme ${theme}; use one of ${THEMES.join(', ')}.`,
    });
  }
  checkUrl('/logo_url', 'Logo URL', value.logo_url, issues);
  checkUrl('/favicon_url', 'Favicon URL', value.favicon_url, issues);
  checkTranslation(value.translation, issues, options.missingKeySeverity ?? 'warning');
  if (value.css !== undefined && typeof value.css !== 'string') {
    issues.push({
      path: '/css',
      severity: 'error',
      code: 'css.invalid',
      params: {},
      message: 'css must be a string.',
    });
  } else {
    const css = (value.css as string | undefined) ?? '';
    const safety: CssSafetyOptions = { allowedHosts: options.cssAllowedHosts, maxBytes: options.maxCssBytes };
    for (const issue of checkCssSafety(css, safety)) issues.push({ path: '/css', ...issue });
    checkContrast(value.theme === 'bts' ? 'bts' : 'default', css, issues);
  }
  return issues;
}

type TokenCode = Extract<FlowUiIssueCode, `token.${string}`>;
// [code, the English rule, the params besides token and value]
type TokenRule = {
  [C in TokenCode]: [code: C, message: string, params: Omit<FlowUiIssueParams[C], 'token' | 'value'>];
}[TokenCode];

const colorRule = (label: string, example: string): TokenRule => [
  'token.color_invalid',
  `${label} must be a hex colour such as ${example}.`,
  { example },
];
const pixelRule = (
  code: 'token.radius_range' | 'token.logo_height_range',
  label: string,
  { min, max }: { min: number; max: number },
): TokenRule => [code, `${label} must be a number of pixels from ${min} to ${max}.`, { min, max }];

const TOKEN_RULES: Record<BrandTokenName, TokenRule> = {
  primaryColor: colorRule('Primary colour', '#1f5eff'),
  onPrimaryColor: colorRule('Text-on-primary colour', '#ffffff'),
  textColor: colorRule('Text colour', '#14171f'),
  backgroundColor: colorRule('Background colour', '#f4f6fb'),
  radiusPx: pixelRule('token.radius_range', 'Corner radius', RADIUS_RANGE),
  fontFamily: [
    'token.font_family_invalid',
    'Font family may contain only font names, quotes, commas and spaces (e.g. Inter, "Segoe UI", sans-serif).',
    {},
  ],
  logoHeightPx: pixelRule('token.logo_height_range', 'Logo height', LOGO_HEIGHT_RANGE),
};

/** validateFlowUi of the draft's FlowConfigUi, plus the brand tokens it could not compile. */
export function validateFlowUiDraft(draft: FlowUiDraft, options: ValidateFlowUiOptions = {}): FlowUiIssue[] {
  const issues: FlowUiIssue[] = [];
  for (const name of BRAND_TOKEN_NAMES) {
    const value = draft.tokens[name];
    if (value === undefined || brandTokenCssValue(name, value) !== null) continue;
    const [code, message, params] = TOKEN_RULES[name];
    const got = JSON.stringify(value);
    issues.push({
      path: `/tokens/${name}`,
      severity: 'error',
      code,
      params: { token: name, value: got, ...params },
      message: `${message} Got ${got}.`,
    } as FlowUiIssue);
  }
  return [...issues, ...validateFlowUi(toFlowConfigUi(draft), options)];
}
