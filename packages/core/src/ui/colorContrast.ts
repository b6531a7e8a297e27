// Relative luminance and contrast ratio as defined by WCAG 2.x
// (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance, #dfn-contrast-ratio). The builder only
// deals in hex colours: they are what <input type="color"> produces and what a designer copies.

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
