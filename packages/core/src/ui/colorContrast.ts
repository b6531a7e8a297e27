// Relative luminance and contrast ratio as defined by WCAG 2.x
// (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance, #dfn-contrast-ratio). The builder only
// deals in hex colours: they are what <input type="color"> produces and what a designer copies.
// checkContrast applies them to the colours a FlowConfigUi leaves the page with.
import type { FlowTheme } from '../api/schemas.ts';
import { THEME_TOKENS } from './cssProperties.ts';
import type { FlowUiIssue } from './flowUiIssue.ts';

/** An sRGB colour with 0..255 channels. */
export interface RgbColor {
  r: number;
  g: number;
  b: number;
}

/** WCAG 2.x level AA minimum for normal-size text (success criterion 1.4.3). */
export const WCAG_AA_CONTRAST = 4.5;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` or `#rrggbb` (any case) → channels; anything else → `null`. */
export function parseHexColor(value: string): RgbColor | null {
  const text = value.trim();
  if (!HEX_COLOR.test(text)) return null;
  const hex =
    text.length === 4
      ? text
          .slice(1)
          .split('')
          .map((c) => c + c)
          .join('')
      : text.slice(1);
  return {
    r: Number.parseInt(hex.slice(0, 2), 16),
    g: Number.parseInt(hex.slice(2, 4), 16),
    b: Number.parseInt(hex.slice(4, 6), 16),
  };
}

/** The canonical form the builder stores and emits: lower-case `#rrggbb`, or `null` if not a hex colour. */
export function normalizeHexColor(value: string): string | null {
  const rgb = parseHexColor(value);
  if (!rgb) return null;
  return `#${[rgb.r, rgb.g, rgb.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function toRgb(color: string | RgbColor): RgbColor {
  if (typeof color !== 'string') return color;
  const rgb = parseHexColor(color);
  if (!rgb) throw new TypeError(`Not a hex colour: ${JSON.stringify(color)} (expected #rgb or #rrggbb)`);
  return rgb;
}

// WCAG 2.2 uses 0.04045 as the sRGB linearisation threshold (2.0 printed 0.03928; the two agree
// on every 8-bit value).
function linearize(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance, 0 (black) … 1 (white). Throws on a string that is not a hex colour. */
export function relativeLuminance(color: string | RgbColor): number {
  const { r, g, b } = toRgb(color);
  return 0.2126 * linearize(r) + 0.7152 * linearize(g) + 0.0722 * linearize(b);
}

/** Contrast ratio (L1 + 0.05) / (L2 + 0.05), 1 … 21, independent of argument order. */
export function contrastRatio(a: string | RgbColor, b: string | RgbColor): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The text colour to put on `background`: white whenever white reaches WCAG AA (brands expect
 * white labels on their buttons), otherwise whichever of white and black contrasts more. One of
 * the two always reaches at least 4.58:1, so the result always passes AA.
 */
export function pickOnColor(background: string | RgbColor): '#ffffff' | '#000000' {
  const white = contrastRatio(background, '#ffffff');
  if (white >= WCAG_AA_CONTRAST) return '#ffffff';
  return white >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

/** Ratio rounded down to two decimals, the way contrast checkers print it (4.499 → "4.49"). */
export function formatContrastRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
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

/**
 * The WCAG AA contrast problems of the page's text pairs once the CSS applies, under `/css`: an error for colours the config sets, a warning for the theme's own.
 */
export function checkContrast(theme: FlowTheme, css: string): FlowUiIssue[] {
  const issues: FlowUiIssue[] = [];
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
  return issues;
}
