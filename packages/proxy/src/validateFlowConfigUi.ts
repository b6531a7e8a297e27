import { LOCALES, THEMES } from '@verigram-kit/core';

export interface UiValidationOptions {
  /** Hosts (exact, lower case) that logo_url, favicon_url and css `url()` may point to. */
  allowedAssetHosts: readonly string[];
  /** Cap of `css`, in bytes (UTF-8). */
  maxCssBytes: number;
  /** Cap of the whole `ui` object serialised as JSON, in bytes. */
  maxUiBytes: number;
}

const UI_KEYS = new Set(['theme', 'logo_url', 'favicon_url', 'translation', 'css']);
const encoder = new TextEncoder();

function checkAssetUrl(value: unknown, field: string, hosts: readonly string[]): string | undefined {
  if (typeof value !== 'string') return `${field} must be a string`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${field} must be an absolute URL`;
  }
  if (url.protocol !== 'https:') return `${field} must use https`;
  if (url.username || url.password) return `${field} must not contain credentials`;
  if (!hosts.includes(url.hostname)) return `${field} host ${url.hostname} is not in allowedAssetHosts`;
  return undefined;
}

/**
 * CSS the hosted page would inject as-is. Refused: `@import` and `url()` off the allowlist (both
 * fetch from anywhere, leaking the user's IP and page state), `expression(`, `behavior` and
 * `-moz-binding` (script in old engines), `image-set(` and `src(` (fetch without `url()`), `<` (closing the
 * page's <style> element) and backslashes (CSS escapes such as `@\69mport` would hide everything
 * above from these checks; the price is no escaped characters in custom CSS).
 */
function checkCss(css: string, options: UiValidationOptions): string | undefined {
  if (encoder.encode(css).length > options.maxCssBytes)
    return `ui.css is larger than ${options.maxCssBytes} bytes`;
  if (css.includes('\\')) return 'ui.css must not contain backslashes (CSS escapes)';
  if (css.includes('<')) return 'ui.css must not contain "<"';
  const lower = css.toLowerCase();
  // Comments could split a keyword (`@im/**/port`), so look at the CSS without them too.
  const stripped = lower.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  for (const text of [lower, stripped]) {
    if (text.includes('@import')) return 'ui.css must not use @import';
    if (/expression\s*\(/.test(text)) return 'ui.css must not use expression()';
    if (/image-set\s*\(/.test(text)) return 'ui.css must not use image-set()';
    if (/\bsrc\s*\(/.test(text)) return 'ui.css must not use src()';
    if (/-moz-binding|behavior\s*:/.test(text)) return 'ui.css must not use -moz-binding or behavior';
  }
  for (const text of [css, css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '')]) {
    const urlCall = /url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi;
    const calls = text.match(/url\s*\(/gi)?.length ?? 0;
    let checked = 0;
    for (const match of text.matchAll(urlCall)) {
      checked++;
      const problem = checkAssetUrl(match[2], 'ui.css url()', options.allowedAssetHosts);
      if (problem) return problem;
    }
    // A url( we could not parse is a url( we cannot vouch for.
    if (checked !== calls) return 'ui.css contains a url() that is not a plain quoted or unquoted URL';
  }
  return undefined;
}

/**
 * Validates a FlowConfigUi (issue 3): raw `ui` from the browser when `allowClientUi` is on, and
 * every server preset at construction time. Returns the first problem, or undefined.
 */
export function validateFlowConfigUi(ui: unknown, options: UiValidationOptions): string | undefined {
  if (typeof ui !== 'object' || ui === null || Array.isArray(ui)) return 'ui must be an object';
  if (encoder.encode(JSON.stringify(ui)).length > options.maxUiBytes) {
    return `ui is larger than ${options.maxUiBytes} bytes`;
  }
  for (const key of Object.keys(ui)) if (!UI_KEYS.has(key)) return `ui.${key} is not a FlowConfigUi field`;
  const { theme, logo_url, favicon_url, translation, css } = ui as Record<string, unknown>;
  if (theme !== undefined && !(THEMES as readonly unknown[]).includes(theme)) {
    return `ui.theme must be one of ${THEMES.join(', ')}`;
  }
  if (logo_url !== undefined) {
    const problem = checkAssetUrl(logo_url, 'ui.logo_url', options.allowedAssetHosts);
    if (problem) return problem;
  }
  if (favicon_url !== undefined) {
    const problem = checkAssetUrl(favicon_url, 'ui.favicon_url', options.allowedAssetHosts);
    if (problem) return problem;
  }
  if (translation !== undefined) {
    if (typeof translation !== 'object' || translation === null || Array.isArray(translation)) {
      return 'ui.translation must be an object { locale: { key: text } }';
    }
    for (const [locale, entries] of Object.entries(translation)) {
      if (!(LOCALES as readonly string[]).includes(locale)) return `ui.translation.${locale} is not a locale`;
      if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
        return `ui.translation.${locale} must be an object of strings`;
      }
      for (const [key, text] of Object.entries(entries)) {
        if (typeof text !== 'string') return `ui.translation.${locale}.${key} must be a string`;
      }
    }
  }
  if (css !== undefined) {
    if (typeof css !== 'string') return 'ui.css must be a string';
    return checkCss(css, options);
  }
  return undefined;
}
