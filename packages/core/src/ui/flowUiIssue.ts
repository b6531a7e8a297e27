// What checkFlowUi, checkFlowUiDraft, checkCssSafety and parseFlowUiJson report.
// `message` is English for logs, tickets and the proxy; `code` + `params` carry the same facts
// machine-readably, so a UI (the builder's kk/ru texts) can say it in another language without
// parsing English. Adding a code: add it here, and TypeScript lists every table that lacks it.
import type { FlowTheme, Locale } from '../api/schemas.ts';
import type { BrandTokenName } from './brandTokens.ts';

type NoParams = Record<string, never>;

interface ContrastParams {
  /** Rounded down to two decimals, as printed in `message` (4.499 → 4.49). */
  ratio: number;
  /** The WCAG AA minimum, 4.5. */
  required: number;
  /** `#rrggbb` of the text. */
  foreground: string;
  /** `#rrggbb` behind it. */
  background: string;
  /** Set when both colours are the theme's own (then the issue is a warning). */
  theme?: FlowTheme;
}

interface TokenParams<T extends BrandTokenName = BrandTokenName> {
  token: T;
  /** The rejected value as JSON text (`"#12"`, `99`). */
  value: string;
}

/**
 * The details of each issue, by code. Place names (`host`, `key`, `locale`…) are the exact values
 * from the config; placeholders are listed without braces. The field an issue belongs to is its
 * `path` (`/logo_url` or `/favicon_url` for `url.*`).
 */
export interface FlowUiIssueParams {
  'ui.invalid': NoParams;
  /** `bytes`: the FlowConfigUi as JSON in UTF-8; `max`: the policy's `maxUiBytes`. */
  'ui.too_large': { bytes: number; max: number };
  'ui.property_unknown': { property: string };
  /** `theme`: the rejected value as JSON text. */
  'theme.unknown': { theme: string };
  /** `value` is absent when the URL is not a string or is empty. */
  'url.invalid': { value?: string };
  'url.localhost': { host: string };
  'url.insecure': { url: string };
  /** `scheme` with its colon, e.g. `javascript:`. */
  'url.scheme': { scheme: string };
  'url.credentials': NoParams;
  /** `allowed`: the policy's `allowedAssetHosts`. */
  'url.host': { host: string; allowed: readonly string[] };
  'translation.invalid': NoParams;
  'translation.locale_unknown': { locale: string; supported: readonly Locale[] };
  'translation.locale_invalid': { locale: string };
  'translation.value_invalid': { locale: Locale; key: string };
  /**
   * A key the sandbox's page does not read (a note: Verigram's page may). `suggestion`: the closest
   * catalog key, when one is close enough to be a typo.
   */
  'translation.key_unknown': { key: string; suggestion?: string };
  'translation.value_empty': { locale: Locale; key: string };
  'translation.placeholder_missing': { locale: Locale; key: string; placeholders: readonly string[] };
  /** `known`: the placeholders the page fills in for this key. */
  'translation.placeholder_unknown': {
    locale: Locale;
    key: string;
    placeholders: readonly string[];
    known: readonly string[];
  };
  /** `keys`: catalog keys other locales override and this one does not. */
  'translation.keys_missing': { locale: Locale; keys: readonly string[] };
  'css.invalid': NoParams;
  'css.too_large': { bytes: number; max: number };
  'css.import': NoParams;
  'css.expression': NoParams;
  'css.javascript_url': NoParams;
  'css.binding': NoParams;
  'css.html': NoParams;
  /** `escape`: the escape as written (`\\69`), or `\\ + line break`. */
  'css.escape': { escape: string };
  /** `name`: `image-set`, `image` or `src`, lower case. */
  'css.url_function': { name: string };
  'css.url_host': { host: string; allowed: readonly string[] };
  /** `scheme` without its colon, e.g. `http`. */
  'css.url_insecure': { url: string; scheme: string };
  /** `url`: the first 40 characters. */
  'css.url_data': { url: string };
  'css.url_relative': { url: string };
  'css.url_invalid': { url: string };
  'contrast.on_primary': ContrastParams;
  'contrast.text_on_background': ContrastParams;
  /** The pair that could not be measured, and the two custom properties that are not hex. */
  'contrast.unchecked': {
    pair: 'on_primary' | 'text_on_background';
    foreground: string;
    background: string;
  };
  /** `example`: a valid hex for this token. */
  'token.color_invalid': TokenParams<Extract<BrandTokenName, `${string}Color`>> & { example: string };
  'token.radius_range': TokenParams<'radiusPx'> & { min: number; max: number };
  'token.font_family_invalid': TokenParams<'fontFamily'>;
  'token.logo_height_range': TokenParams<'logoHeightPx'> & { min: number; max: number };
  /** `reason`: the JSON parser's own (English) error. */
  'json.invalid': { reason: string };
}

/**
 * Every code the validators can emit. A type, not a runtime list: a table typed
 * `Record<FlowUiIssueCode, …>` (like the builder's kk/ru texts) fails to compile when core adds
 * a code, and an unused list would still cost every `export *` bundle its bytes.
 */
export type FlowUiIssueCode = keyof FlowUiIssueParams;

export type FlowUiIssueSeverity = 'error' | 'warning' | 'info';

/** One problem of a FlowConfigUi; narrow on `code` to get its typed `params`. */
export type FlowUiIssue<C extends FlowUiIssueCode = FlowUiIssueCode> = {
  [K in C]: {
    /** JSON Pointer into the FlowConfigUi (`/translation/en/button.start`), or `/tokens/<name>` for a draft. */
    path: string;
    /** `error`: refuse to save; `warning`: probably a mistake; `info`: worth knowing. */
    severity: FlowUiIssueSeverity;
    /** Stable machine-readable code, e.g. `url.insecure`, `contrast.text_on_background`. */
    code: K;
    /** The facts behind `message`, for saying it in another language. */
    params: FlowUiIssueParams[K];
    /** One English sentence a designer can act on. */
    message: string;
    /** 1-based line inside `/css`, for CSS issues. */
    line?: number;
  };
}[C];

/** JSON Pointer escaping (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function jsonPointer(...segments: string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
