// The CSS custom properties of the SANDBOX's hosted page. Every colour, radius and font on that
// page reads one of these, so custom CSS (`FlowConfigUi.css`) can rebrand it by setting them on
// :root. The spec names none, and Verigram's hosted page documents none: on it they may do nothing.
// THEME_TOKENS are the two spec themes (default, bts) as the sandbox renders them.
import type { FlowTheme } from '../api/schemas.ts';

export const CSS_PROPERTIES = {
  '--vg-color-primary': 'Buttons, progress and focus rings',
  '--vg-color-on-primary': 'Text on primary-coloured surfaces',
  '--vg-color-background': 'Page background',
  '--vg-color-surface': 'Card background',
  '--vg-color-text': 'Body text',
  '--vg-color-muted': 'Secondary text',
  '--vg-color-border': 'Borders and dividers',
  '--vg-color-success': 'Passed states',
  '--vg-color-danger': 'Failed states and errors',
  '--vg-radius': 'Corner radius of cards, buttons and inputs',
  '--vg-font-family': 'Font stack of the whole page',
  '--vg-logo-height': 'Height of the logo in the header',
} as const;

export type CssProperty = keyof typeof CSS_PROPERTIES;

/** Each theme's values for every property. */
export const THEME_TOKENS: Record<FlowTheme, Record<CssProperty, string>> = {
  default: {
    '--vg-color-primary': '#1f5eff',
    '--vg-color-on-primary': '#ffffff',
    '--vg-color-background': '#f4f6fb',
    '--vg-color-surface': '#ffffff',
    '--vg-color-text': '#14171f',
    '--vg-color-muted': '#5b6475',
    '--vg-color-border': '#dde2ec',
    '--vg-color-success': '#1a7f4b',
    '--vg-color-danger': '#c62828',
    '--vg-radius': '12px',
    '--vg-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    '--vg-logo-height': '32px',
  },
  bts: {
    '--vg-color-primary': '#00a19a',
    '--vg-color-on-primary': '#ffffff',
    '--vg-color-background': '#0f1b2d',
    '--vg-color-surface': '#17263d',
    '--vg-color-text': '#f2f5fa',
    '--vg-color-muted': '#a9b4c6',
    '--vg-color-border': '#2a3b56',
    '--vg-color-success': '#3ecf8e',
    '--vg-color-danger': '#ff6b6b',
    '--vg-radius': '4px',
    '--vg-font-family': '"Helvetica Neue", Arial, sans-serif',
    '--vg-logo-height': '28px',
  },
};
