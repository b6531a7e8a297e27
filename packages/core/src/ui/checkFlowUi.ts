// checkFlowUi: the one FlowConfigUi policy (flowUiPolicy.ts says the rule and why) applied to a
// config, field by field. Every issue says what is wrong and where: `path` is a JSON Pointer into
// the FlowConfigUi (`/logo_url`, `/translation/ru/button.start`, `/css`) or, for a draft's brand
// tokens, `/tokens/<name>` (they compile into `/css`). A config passes when no issue is an error.
import { THEMES } from '../api/constants.ts';
import {
  BRAND_TOKEN_NAMES,
  type BrandTokenName,
  type BrandTokens,
  brandTokenCssValue,
  LOGO_HEIGHT_RANGE,
  RADIUS_RANGE,
} from './brandTokens.ts';
import { checkCssSafety } from './checkCssSafety.ts';
import { checkTranslation } from './checkTranslation.ts';
import { checkContrast } from './colorContrast.ts';
import { DEFAULT_FAVICON_URL, DEFAULT_LOGO_URL, type FlowUiDraft, toFlowConfigUi } from './flowUiDraft.ts';
import {
  type FlowUiIssue,
  type FlowUiIssueCode,
  type FlowUiIssueParams,
  jsonPointer,
} from './flowUiIssue.ts';
import {
  type FlowUiPolicyOptions,
  INLINE_IMAGE_URL,
  isAssetHostAllowed,
  LOOPBACK_HOSTS,
  resolveFlowUiPolicy,
} from './flowUiPolicy.ts';

export interface CheckFlowUiOptions extends FlowUiPolicyOptions {
  /**
   * Severity of "this locale has no override for keys other locales override" notes. Never an
   * error, so it changes what the builder shows, never what passes.
   * @default 'warning'
   */
  missingKeySeverity?: 'warning' | 'info' | undefined;
}

// The spec's FlowConfigUi fields.
const KNOWN_PROPERTIES = new Set(['theme', 'logo_url', 'favicon_url', 'translation', 'css']);

// logo_url and favicon_url: an image from an allowed https host, an inline data: image, or the
// spec's own default.
function checkAssetUrl(
  path: string,
  label: string,
  value: unknown,
  allowed: readonly string[],
): FlowUiIssue | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    return {
      path,
      severity: 'error',
      code: 'url.invalid',
      params: {},
      message: `${label} must be a URL string.`,
    };
  }
  if (INLINE_IMAGE_URL.test(value) || value === DEFAULT_LOGO_URL || value === DEFAULT_FAVICON_URL)
    return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      path,
      severity: 'error',
      code: 'url.invalid',
      params: { value },
      message: `${label} "${value}" is not an absolute URL; use https://…`,
    };
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return {
      path,
      severity: 'error',
      code: 'url.insecure',
      params: { url: value },
      message: `${label} must use https (http is allowed only for localhost and 127.0.0.1): ${value}`,
    };
  }
  if (url.protocol !== 'https:' && !loopback) {
    return {
      path,
      severity: 'error',
      code: 'url.scheme',
      params: { scheme: url.protocol },
      message: `${label} must be an https URL or a data: image; "${url.protocol}" URLs are not accepted.`,
    };
  }
  if (url.username || url.password) {
    return {
      path,
      severity: 'error',
      code: 'url.credentials',
      params: {},
      message: `${label} must not contain a user name or password.`,
    };
  }
  if (!isAssetHostAllowed(url.hostname, allowed)) {
    return {
      path,
      severity: 'error',
      code: 'url.host',
      params: { host: url.hostname, allowed },
      message: `${label} loads from ${url.hostname}, which is not in the allowed asset hosts (allowedAssetHosts: ${allowed.length ? allowed.join(', ') : 'none'}).`,
    };
  }
  if (loopback) {
    return {
      path,
      severity: 'warning',
      code: 'url.localhost',
      params: { host: url.host },
      message: `${label} points at ${url.host} over http: fine for local previews, unreachable for real users.`,
    };
  }
  return undefined;
}

/**
 * Every problem of a FlowConfigUi (typically untrusted JSON) under the one FlowConfigUi policy,
 * in property order. The config passes when no issue has severity `error`.
 *
 * @example
 * const errors = checkFlowUi(body.ui, { allowedAssetHosts: ['cdn.example.com'] })
 *   .filter((issue) => issue.severity === 'error');
 */
export function checkFlowUi(ui: unknown, options: CheckFlowUiOptions = {}): FlowUiIssue[] {
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
  const policy = resolveFlowUiPolicy(options);
  const issues: FlowUiIssue[] = [];
  const bytes = new TextEncoder().encode(JSON.stringify(ui)).length;
  if (bytes > policy.maxUiBytes) {
    issues.push({
      path: '',
      severity: 'error',
      code: 'ui.too_large',
      params: { bytes, max: policy.maxUiBytes },
      message: `The FlowConfigUi is ${bytes} bytes as JSON, larger than ${policy.maxUiBytes} bytes, the limit.`,
    });
  }
  const value = ui as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (!KNOWN_PROPERTIES.has(key)) {
      issues.push({
        path: jsonPointer(key),
        severity: 'error',
        code: 'ui.property_unknown',
        params: { property: key },
        message: `"${key}" is not a FlowConfigUi field (theme, logo_url, favicon_url, translation, css); Verigram would ignore it.`,
      });
    }
  }
  if (value.theme !== undefined && !(THEMES as readonly unknown[]).includes(value.theme)) {
    const theme = JSON.stringify(value.theme);
    issues.push({
      path: '/theme',
      severity: 'error',
      code: 'theme.unknown',
      params: { theme },
      message: `Unknown theme ${theme}; use one of ${THEMES.join(', ')}.`,
    });
  }
  for (const [field, label] of [
    ['logo_url', 'Logo URL'],
    ['favicon_url', 'Favicon URL'],
  ] as const) {
    const issue = checkAssetUrl(`/${field}`, label, value[field], policy.allowedAssetHosts);
    if (issue) issues.push(issue);
  }
  issues.push(...checkTranslation(value.translation, options.missingKeySeverity ?? 'warning'));
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
    for (const issue of checkCssSafety(css, policy)) issues.push({ path: '/css', ...issue });
    issues.push(...checkContrast(value.theme === 'bts' ? 'bts' : 'default', css));
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

// Every brand token of a draft that cannot compile to CSS, under `/tokens/<name>`.
function checkBrandTokens(tokens: Readonly<BrandTokens>): FlowUiIssue[] {
  const issues: FlowUiIssue[] = [];
  for (const name of BRAND_TOKEN_NAMES) {
    const value = tokens[name];
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
  return issues;
}

/** checkFlowUi of the draft's FlowConfigUi, after the brand tokens it could not compile. */
export function checkFlowUiDraft(draft: FlowUiDraft, options: CheckFlowUiOptions = {}): FlowUiIssue[] {
  return [...checkBrandTokens(draft.tokens), ...checkFlowUi(toFlowConfigUi(draft), options)];
}
