// Brand tokens → a delimited `:root { --vg-… }` block on the hosted page's documented custom
// properties (cssProperties.ts), and back. The block lives inside `FlowConfigUi.css` because the
// spec has no other place for colours; the markers let an import find it again.
import { normalizeHexColor, pickOnColor } from './colorContrast.ts';
import type { CssProperty } from './cssProperties.ts';

/** The brand settings the builder compiles to CSS. Every token is optional: unset = theme value. */
export interface BrandTokens {
  /** Buttons, progress, focus rings (`--vg-color-primary`), hex. */
  primaryColor?: string | undefined;
  /**
   * Text on primary surfaces (`--vg-color-on-primary`), hex.
   * @default computed from `primaryColor` (white when it reaches WCAG AA, else the better of white/black)
   */
  onPrimaryColor?: string | undefined;
  /** Body text (`--vg-color-text`), hex. */
  textColor?: string | undefined;
  /** Page background (`--vg-color-background`), hex. */
  backgroundColor?: string | undefined;
  /** Corner radius in CSS pixels (`--vg-radius`), 0…48. */
  radiusPx?: number | undefined;
  /** Font stack (`--vg-font-family`), e.g. `Inter, system-ui, sans-serif`. */
  fontFamily?: string | undefined;
  /** Logo height in CSS pixels (`--vg-logo-height`), 16…96. */
  logoHeightPx?: number | undefined;
}

export type BrandTokenName = keyof BrandTokens;

/** Which custom property each token sets, in emission order. */
export const BRAND_TOKEN_PROPERTIES = {
  primaryColor: '--vg-color-primary',
  onPrimaryColor: '--vg-color-on-primary',
  textColor: '--vg-color-text',
  backgroundColor: '--vg-color-background',
  radiusPx: '--vg-radius',
  fontFamily: '--vg-font-family',
  logoHeightPx: '--vg-logo-height',
} as const satisfies Record<BrandTokenName, CssProperty>;

export const BRAND_TOKEN_NAMES = Object.keys(BRAND_TOKEN_PROPERTIES) as BrandTokenName[];

export const RADIUS_RANGE = { min: 0, max: 48 } as const;
export const LOGO_HEIGHT_RANGE = { min: 16, max: 96 } as const;

export const BRAND_CSS_START =
  '/* verigram-kit:brand-tokens:start (generated; edit the tokens, not this block) */';
export const BRAND_CSS_END = '/* verigram-kit:brand-tokens:end */';

const COLOR_TOKENS = new Set<BrandTokenName>([
  'primaryColor',
  'onPrimaryColor',
  'textColor',
  'backgroundColor',
]);
const PIXEL_TOKENS = { radiusPx: RADIUS_RANGE, logoHeightPx: LOGO_HEIGHT_RANGE } as const;
// A font stack is names, quotes, commas and spaces; anything else (`;`, braces, `url(`) could
// smuggle declarations out of the custom property.
const FONT_FAMILY = /^[\p{L}\p{N} ,'"_-]{1,200}$/u;

/** The CSS value of one token, or `null` when the value is not acceptable for that token. */
export function brandTokenCssValue(name: BrandTokenName, value: string | number): string | null {
  if (COLOR_TOKENS.has(name)) return typeof value === 'string' ? normalizeHexColor(value) : null;
  if (name === 'radiusPx' || name === 'logoHeightPx') {
    const range = PIXEL_TOKENS[name];
    return typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max
      ? `${Math.round(value * 100) / 100}px`
      : null;
  }
  // fontFamily
  return typeof value === 'string' && FONT_FAMILY.test(value.trim()) ? value.trim() : null;
}

/**
 * The effective on-primary colour: the explicit token, else one computed for the primary colour,
 * else `undefined` (the theme's own).
 */
export function resolveOnPrimaryColor(tokens: BrandTokens): string | undefined {
  const explicit = tokens.onPrimaryColor && normalizeHexColor(tokens.onPrimaryColor);
  if (explicit) return explicit;
  const primary = tokens.primaryColor && normalizeHexColor(tokens.primaryColor);
  return primary ? pickOnColor(primary) : undefined;
}

/**
 * The builder's CSS block for `tokens`, or `''` when no token is set. Invalid values are left out
 * (checkFlowUiDraft reports them under `/tokens/…`).
 */
export function compileBrandCss(tokens: BrandTokens): string {
  const lines: string[] = [];
  for (const name of BRAND_TOKEN_NAMES) {
    const raw = name === 'onPrimaryColor' ? resolveOnPrimaryColor(tokens) : tokens[name];
    if (raw === undefined || raw === '') continue;
    const value = brandTokenCssValue(name, raw);
    if (value !== null) lines.push(`  ${BRAND_TOKEN_PROPERTIES[name]}: ${value};`);
  }
  if (lines.length === 0) return '';
  return `${BRAND_CSS_START}\n:root {\n${lines.join('\n')}\n}\n${BRAND_CSS_END}`;
}

/** `compileBrandCss(tokens)` followed by the free CSS, so hand-written rules win the cascade. */
export function composeFlowUiCss(tokens: BrandTokens, customCss: string): string {
  return [compileBrandCss(tokens), customCss.trim()].filter(Boolean).join('\n\n');
}

export interface ParsedBrandCss {
  tokens: BrandTokens;
  /** Everything outside the builder's block. */
  customCss: string;
  /** Whether a well-formed builder block was found. */
  found: boolean;
}

const PROPERTY_TO_TOKEN = new Map<string, BrandTokenName>(
  BRAND_TOKEN_NAMES.map((name) => [BRAND_TOKEN_PROPERTIES[name], name]),
);

/**
 * Splits `css` into the builder's tokens and the free CSS around them. A block that was edited by
 * hand into something the builder did not write is left in `customCss` untouched (nothing is
 * lost on import), and `found` is false.
 */
export function parseBrandCss(css: string): ParsedBrandCss {
  const start = css.indexOf(BRAND_CSS_START);
  const end = start < 0 ? -1 : css.indexOf(BRAND_CSS_END, start);
  if (start < 0 || end < 0) return { tokens: {}, customCss: css.trim(), found: false };
  const body = css.slice(start + BRAND_CSS_START.length, end).trim();
  const match = /^:root\s*\{([^{}]*)\}$/.exec(body);
  const tokens: BrandTokens = {};
  const declarations = match?.[1]?.split(';').map((d) => d.trim()) ?? [null];
  for (const declaration of declarations) {
    if (declaration === '') continue;
    const parts = declaration === null ? null : /^(--[a-z-]+)\s*:\s*(.+)$/.exec(declaration);
    const name = parts?.[1] ? PROPERTY_TO_TOKEN.get(parts[1]) : undefined;
    const value = parts?.[2]?.trim();
    if (!name || value === undefined || !setParsedToken(tokens, name, value)) {
      return { tokens: {}, customCss: css.trim(), found: false };
    }
  }
  // An on-primary colour equal to the computed one was not chosen by hand: drop it so
  // import → export is the identity and a later primary change recomputes it.
  if (
    tokens.onPrimaryColor &&
    tokens.primaryColor &&
    tokens.onPrimaryColor === pickOnColor(tokens.primaryColor)
  ) {
    delete tokens.onPrimaryColor;
  }
  const customCss = `${css.slice(0, start).trim()}\n\n${css.slice(end + BRAND_CSS_END.length).trim()}`.trim();
  return { tokens, customCss, found: true };
}

function setParsedToken(tokens: BrandTokens, name: BrandTokenName, value: string): boolean {
  if (name === 'radiusPx' || name === 'logoHeightPx') {
    const px = /^(\d+(?:\.\d+)?)px$/.exec(value);
    const n = px?.[1] === undefined ? Number.NaN : Number(px[1]);
    if (brandTokenCssValue(name, n) === null) return false;
    tokens[name] = n;
    return true;
  }
  const normalized = brandTokenCssValue(name, value);
  if (normalized === null) return false;
  tokens[name] = normalized;
  return true;
}
