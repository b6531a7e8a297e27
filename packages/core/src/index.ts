export * from './api/constants.ts';
export type { FlowPhase } from './api/flowPhase.ts';
export { getFlowPhase, isTerminalFlow } from './api/flowPhase.ts';
export type { CurrentStep } from './api/getCurrentStep.ts';
export { getCurrentStep } from './api/getCurrentStep.ts';
export type * from './api/schemas.ts';
export { buildFileQuery } from './client/buildFileQuery.ts';
export { createVerigramClient } from './client/createVerigramClient.ts';
export type {
  CreateFlowInput,
  FlowConfigUiInput,
  FlowTemplateInput,
  LivenessSessionInput,
  PipelineStepInput,
} from './client/requestInputs.ts';
export type {
  VerigramClient,
  VerigramClientOptions,
  VerigramFetch,
  VerigramFetchInit,
  VerigramFile,
  VerigramRequestOptions,
  VerigramResponse,
} from './client/VerigramClient.ts';
export { TRANSPORT_TIMEOUTS } from './client/VerigramClient.ts';
export type { CompletionGate } from './embed/createCompletionGate.ts';
export { createCompletionGate } from './embed/createCompletionGate.ts';
export type { FlowEmbed, FlowEmbedOptions, FlowEmbedState } from './embed/createFlowEmbed.ts';
export { createFlowEmbed } from './embed/createFlowEmbed.ts';
export type { FlowEvent, FlowEventLog, FlowEventSource, FlowStepEvent } from './embed/createFlowEventLog.ts';
export { createFlowEventLog } from './embed/createFlowEventLog.ts';
export type { HostPageSecurityHeaders, HostPageSecurityOptions } from './embed/hostPageSecurityHeaders.ts';
export { hostPageSecurityHeaders } from './embed/hostPageSecurityHeaders.ts';
export { isCallbackUrl } from './embed/isCallbackUrl.ts';
export type { EmbedMode, PreflightOptions, PreflightResult } from './embed/preflightCamera.ts';
export { IN_APP_BROWSER, preflightCamera } from './embed/preflightCamera.ts';
export type { RedirectReturn } from './embed/redirectReturn.ts';
export {
  RETURN_KEY,
  RETURN_PARAM,
  readRedirectReturn,
  returnedFlow,
  saveRedirectReturn,
} from './embed/redirectReturn.ts';
export { clearResume, readResume, writeResume } from './embed/resumeStore.ts';
export { runCallbackPage } from './embed/runCallbackPage.ts';
export type { ErrorBody } from './errors/errorBody.ts';
export { readErrorBody, toErrorBody } from './errors/errorBody.ts';
export type { KitErrorInit } from './errors/KitError.ts';
export { isKitError, KitError } from './errors/KitError.ts';
export type { KitErrorCode, VerigramApiErrorInit } from './errors/VerigramApiError.ts';
export { isVerigramApiError, parseRetryAfter, VerigramApiError } from './errors/VerigramApiError.ts';
export type { FlowErrorCode, VerigramKitErrorInit } from './errors/VerigramKitError.ts';
export { VerigramKitError } from './errors/VerigramKitError.ts';
export type * from './FlowClient.ts';
export type { FlowPollingOptions, ResolvedPollingOptions } from './polling/pollingPolicy.ts';
export {
  DEFAULT_POLLING_OPTIONS,
  isFlowNotStartedError,
  nextPollInterval,
  resolvePollingOptions,
  shouldKeepPolling,
} from './polling/pollingPolicy.ts';
export type { ResolvedRetryPolicy, RetryPolicy } from './polling/retryer.ts';
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRateLimitError,
  retryAfterRemaining,
  retryAllowedAt,
  shouldRetry,
} from './polling/retryer.ts';
export * from './protocol/flowMessage.ts';
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
export type { CssIssueCode, CssSafetyIssue, CssSafetyOptions } from './ui/checkCssSafety.ts';
export { checkCssSafety, DEFAULT_MAX_CSS_BYTES } from './ui/checkCssSafety.ts';
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
export type { SandboxOnlyField } from './ui/listSandboxOnlyFields.ts';
export { listSandboxOnlyFields, sandboxOnlyComment } from './ui/listSandboxOnlyFields.ts';
export type { ParsedFlowUiJson } from './ui/parseFlowUiJson.ts';
export { parseFlowUiJson } from './ui/parseFlowUiJson.ts';
export type { PreviewMessage } from './ui/previewMessage.ts';
export { createPreviewMessage, PREVIEW_FLOW_ID, parsePreviewMessage } from './ui/previewMessage.ts';
export type { CreateFlowBodyOptions, CurlOptions, TypeScriptSnippetOptions } from './ui/serializeFlowUi.ts';
export {
  createFlowBodyWithUi,
  flowUiToCurl,
  flowUiToJson,
  flowUiToPreset,
  flowUiToPresetSnippet,
  flowUiToTypeScript,
} from './ui/serializeFlowUi.ts';
export type { TranslationEntry, TranslationKey } from './ui/translationCatalog.ts';
export { TRANSLATION_CATALOG, TRANSLATION_KEYS } from './ui/translationCatalog.ts';
export type { ValidateFlowUiOptions } from './ui/validateFlowUi.ts';
export { jsonPointer, validateFlowUi, validateFlowUiDraft } from './ui/validateFlowUi.ts';
