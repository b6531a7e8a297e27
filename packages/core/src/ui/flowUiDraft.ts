// The builder's working model of a FlowConfigUi. Drafts are frozen plain objects;
// every update returns a new draft, so React state and undo stacks can hold them as they are.
import { LOCALES } from '../api/constants.ts';
import type { FlowConfigUi, FlowTheme, Locale } from '../api/schemas.ts';
import {
  BRAND_TOKEN_NAMES,
  type BrandTokenName,
  type BrandTokens,
  composeFlowUiCss,
  parseBrandCss,
} from './brandTokens.ts';
import { TRANSLATION_KEYS, type TranslationKey } from './translationCatalog.ts';

// FlowConfigUi.logo_url / favicon_url defaults from the spec. The spec makes both optional; the
// generated type marks them required (openapi-typescript treats a default as "always present"),
// so the builder always emits them, filled with these when the designer set nothing.
export const DEFAULT_LOGO_URL =
  'https://s3.eu-central-1.amazonaws.com/saas-statics.verigram.ai/logos/logo_vg_color.svg';
export const DEFAULT_FAVICON_URL = 'https://docs.services.verigram.cloud/2.0/assets/favicon.png';
/** Hosts of the spec's default logo and favicon: where branding assets may come from by default. */
export const DEFAULT_ASSET_HOSTS: readonly string[] = [
  's3.eu-central-1.amazonaws.com',
  'docs.services.verigram.cloud',
];

/** Overrides per locale; any key (the spec names none), catalog keys autocompleted in FlowUiInit. */
export type FlowUiTranslation = {
  readonly [locale: string]: { readonly [key: string]: string };
};

export interface FlowUiDraft {
  /** @default 'default' */
  readonly theme: FlowTheme;
  /** Unset = the spec's default logo. */
  readonly logoUrl: string | undefined;
  /** Unset = the spec's default favicon. */
  readonly faviconUrl: string | undefined;
  readonly tokens: Readonly<BrandTokens>;
  readonly translation: FlowUiTranslation;
  /** Free CSS, emitted after the tokens' block. */
  readonly customCss: string;
}

/** What `defineFlowUi`/`createFlowUiDraft` accept: every field optional, catalog keys autocompleted. */
export interface FlowUiInit {
  /** @default 'default' */
  theme?: FlowTheme | undefined;
  /** @default the spec's Verigram logo */
  logoUrl?: string | undefined;
  /** @default the spec's Verigram favicon */
  faviconUrl?: string | undefined;
  /** @default {} (the theme's values) */
  tokens?: BrandTokens | undefined;
  /** @default {} (the page's own texts) */
  translation?: { [L in Locale]?: { [K in TranslationKey]?: string } & Record<string, string> } | undefined;
  /** @default '' */
  customCss?: string | undefined;
}

function freeze(draft: FlowUiDraft): FlowUiDraft {
  for (const messages of Object.values(draft.translation)) Object.freeze(messages);
  Object.freeze(draft.translation);
  Object.freeze(draft.tokens);
  return Object.freeze(draft);
}

function cleanTokens(tokens: BrandTokens): BrandTokens {
  const out: BrandTokens = {};
  for (const name of BRAND_TOKEN_NAMES) {
    const value = tokens[name];
    if (value !== undefined && value !== '') (out as Record<BrandTokenName, unknown>)[name] = value;
  }
  return out;
}

function cleanTranslation(translation: Record<string, Record<string, unknown>>): FlowUiTranslation {
  const out: Record<string, Record<string, string>> = {};
  for (const [locale, messages] of Object.entries(translation)) {
    const kept = Object.entries(messages ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    if (kept.length > 0) out[locale] = Object.fromEntries(kept);
  }
  return out;
}

const blank = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** A new draft; with no argument, only the spec's defaults (theme `default`, its logo and favicon). */
export function createFlowUiDraft(init: FlowUiInit = {}): FlowUiDraft {
  return freeze({
    theme: init.theme ?? 'default',
    logoUrl: blank(init.logoUrl),
    faviconUrl: blank(init.faviconUrl),
    tokens: cleanTokens(init.tokens ?? {}),
    translation: cleanTranslation((init.translation ?? {}) as Record<string, Record<string, string>>),
    customCss: init.customCss?.trim() ?? '',
  });
}

// Locale first in LOCALES order, then catalog order, then unknown keys alphabetically: stable
// output makes exported JSON diff cleanly.
function orderedTranslation(translation: FlowUiTranslation): Record<string, Record<string, string>> {
  const locales = [
    ...LOCALES.filter((l) => translation[l]),
    ...Object.keys(translation)
      .filter((l) => !(LOCALES as readonly string[]).includes(l))
      .sort(),
  ];
  const out: Record<string, Record<string, string>> = {};
  for (const locale of locales) {
    const messages = translation[locale] ?? {};
    const keys = [
      ...TRANSLATION_KEYS.filter((k) => k in messages),
      ...Object.keys(messages)
        .filter((k) => !(TRANSLATION_KEYS as string[]).includes(k))
        .sort(),
    ];
    out[locale] = Object.fromEntries(keys.map((k) => [k, messages[k] as string]));
  }
  return out;
}

/** The draft as the spec's FlowConfigUi (`template.ui` of `POST /flow`). */
export function toFlowConfigUi(draft: FlowUiDraft): FlowConfigUi {
  const ui: FlowConfigUi = {
    theme: draft.theme,
    logo_url: draft.logoUrl ?? DEFAULT_LOGO_URL,
    favicon_url: draft.faviconUrl ?? DEFAULT_FAVICON_URL,
  };
  if (Object.keys(draft.translation).length > 0) ui.translation = orderedTranslation(draft.translation);
  const css = composeFlowUiCss(draft.tokens, draft.customCss);
  if (css) ui.css = css;
  return ui;
}

/** One call from settings to a FlowConfigUi. @example defineFlowUi({ theme: 'bts', tokens: { primaryColor: '#0a7' } }) */
export function defineFlowUi(init: FlowUiInit): FlowConfigUi {
  return toFlowConfigUi(createFlowUiDraft(init));
}

/**
 * A draft from an existing FlowConfigUi: the builder's CSS block becomes tokens again, the spec's
 * default logo/favicon become "unset". `importFlowUi(toFlowConfigUi(d))` equals `d`. Values of the
 * wrong type are dropped; run checkFlowUi on the raw object first to report them.
 */
export function importFlowUi(ui: Partial<FlowConfigUi>): FlowUiDraft {
  const { tokens, customCss } = parseBrandCss(typeof ui.css === 'string' ? ui.css : '');
  const url = (value: unknown, fallback: string) =>
    typeof value === 'string' && value !== fallback ? value : undefined;
  const translation =
    typeof ui.translation === 'object' && ui.translation !== null && !Array.isArray(ui.translation)
      ? Object.fromEntries(
          Object.entries(ui.translation).filter(
            ([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v),
          ),
        )
      : {};
  return createFlowUiDraft({
    theme: ui.theme === 'bts' ? 'bts' : 'default',
    logoUrl: url(ui.logo_url, DEFAULT_LOGO_URL),
    faviconUrl: url(ui.favicon_url, DEFAULT_FAVICON_URL),
    tokens,
    translation: translation as FlowUiInit['translation'],
    customCss,
  });
}

export function setFlowUiTheme(draft: FlowUiDraft, theme: FlowTheme): FlowUiDraft {
  return freeze({ ...draft, theme });
}

/** `''` or `undefined` unsets (back to the spec's default logo). */
export function setFlowUiLogoUrl(draft: FlowUiDraft, logoUrl: string | undefined): FlowUiDraft {
  return freeze({ ...draft, logoUrl: blank(logoUrl) });
}

/** `''` or `undefined` unsets (back to the spec's default favicon). */
export function setFlowUiFaviconUrl(draft: FlowUiDraft, faviconUrl: string | undefined): FlowUiDraft {
  return freeze({ ...draft, faviconUrl: blank(faviconUrl) });
}

/** `undefined` or `''` unsets the token (back to the theme's value). */
export function setFlowUiToken<N extends BrandTokenName>(
  draft: FlowUiDraft,
  name: N,
  value: BrandTokens[N] | '',
): FlowUiDraft {
  return freeze({ ...draft, tokens: cleanTokens({ ...draft.tokens, [name]: value }) });
}

/** `undefined` or `''` removes the override (back to the page's own text). */
export function setFlowUiTranslation(
  draft: FlowUiDraft,
  locale: string,
  key: string,
  value: string | undefined,
): FlowUiDraft {
  const messages = { ...(draft.translation[locale] ?? {}), [key]: value ?? '' };
  return freeze({ ...draft, translation: cleanTranslation({ ...draft.translation, [locale]: messages }) });
}

export function setFlowUiCustomCss(draft: FlowUiDraft, customCss: string): FlowUiDraft {
  return freeze({ ...draft, customCss });
}
