// @verigram-kit/core/ui: the FlowConfigUi builder's helpers (the draft, the policy checks, brand
// tokens, colour contrast, serializers, the translation catalogue), for the react builder, the
// proxy's and the sandbox's checks of a `ui`, and apps that build a FlowConfigUi of their own.
export type { BrandTokenName, BrandTokens, ParsedBrandCss } from './ui/brandTokens.ts';
export {
  BRAND_CSS_END,
  BRAND_CSS_START,
  BRAND_TOKEN_NAMES,
  BRAND_TOKEN_PROPERTIES,
  brandTokenCssValue,
  compileBrandCss,
  composeFlowUiCss,
  LOGO_HEIGHT_RANGE,
  parseBrandCss,
  RADIUS_RANGE,
  resolveOnPrimaryColor,
} from './ui/brandTokens.ts';
export type { CssIssueCode, CssSafetyIssue } from './ui/checkCssSafety.ts';
export { checkCssSafety } from './ui/checkCssSafety.ts';
export type { CheckFlowUiOptions } from './ui/checkFlowUi.ts';
export { checkFlowUi, checkFlowUiDraft } from './ui/checkFlowUi.ts';
export type { RgbColor } from './ui/colorContrast.ts';
export {
  contrastRatio,
  formatContrastRatio,
  normalizeHexColor,
  parseHexColor,
  pickOnColor,
  relativeLuminance,
  WCAG_AA_CONTRAST,
} from './ui/colorContrast.ts';
export type { CssProperty } from './ui/cssProperties.ts';
export { CSS_PROPERTIES, THEME_TOKENS } from './ui/cssProperties.ts';
export type { FlowUiDraft, FlowUiInit, FlowUiTranslation } from './ui/flowUiDraft.ts';
export {
  createFlowUiDraft,
  DEFAULT_ASSET_HOSTS,
  DEFAULT_FAVICON_URL,
  DEFAULT_LOGO_URL,
  defineFlowUi,
  importFlowUi,
  setFlowUiCustomCss,
  setFlowUiFaviconUrl,
  setFlowUiLogoUrl,
  setFlowUiTheme,
  setFlowUiToken,
  setFlowUiTranslation,
  toFlowConfigUi,
} from './ui/flowUiDraft.ts';
export type {
  FlowUiIssue,
  FlowUiIssueCode,
  FlowUiIssueParams,
  FlowUiIssueSeverity,
} from './ui/flowUiIssue.ts';
export { jsonPointer } from './ui/flowUiIssue.ts';
export type { FlowUiPolicyOptions } from './ui/flowUiPolicy.ts';
export { DEFAULT_FLOW_UI_POLICY } from './ui/flowUiPolicy.ts';
export type { ParsedFlowUiJson } from './ui/parseFlowUiJson.ts';
export { parseFlowUiJson } from './ui/parseFlowUiJson.ts';
export type { PreviewMessage } from './ui/previewMessage.ts';
export { createPreviewMessage, PREVIEW_FLOW_ID, parsePreviewMessage } from './ui/previewMessage.ts';
export type {
  CreateFlowBodyOptions,
  CurlOptions,
  SandboxOnlyField,
  TypeScriptSnippetOptions,
} from './ui/serializeFlowUi.ts';
export {
  createFlowBodyWithUi,
  flowUiToCurl,
  flowUiToJson,
  flowUiToPreset,
  flowUiToPresetSnippet,
  flowUiToTypeScript,
  listSandboxOnlyFields,
  sandboxOnlyComment,
} from './ui/serializeFlowUi.ts';
export type { TranslationEntry, TranslationKey } from './ui/translationCatalog.ts';
export { TRANSLATION_CATALOG, TRANSLATION_KEYS } from './ui/translationCatalog.ts';
