// The run-time export list of every entry of every package, so any change to a public surface is a
// deliberate one: a new or removed export fails here until this snapshot is updated on purpose
// (`pnpm exec vitest run --project public-api -u`), and the changeset says why. Type-only exports
// are not listed (they vanish at run time); the packages' .d.ts files carry them.
import { describe, expect, it } from 'vitest';

describe('the export list of', () => {
  it('@verigram-kit/core', async () => {
    const names = Object.keys(await import('@verigram-kit/core')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "API_KEY_HEADER",
        "API_VERSION",
        "API_VERSION_HEADER",
        "DEFAULT_LOCALE",
        "DEFAULT_POLLING_OPTIONS",
        "DEFAULT_RETRY_POLICY",
        "END_CAUSES",
        "EXECUTION_STATUSES",
        "FILE_LABELS",
        "FLOW_MESSAGE_PROTOCOL",
        "FLOW_MESSAGE_VERSION",
        "FRONTEND_SESSION_STATUSES",
        "INACTIVITY_DISCONNECT_MS",
        "KIT_MESSAGE_PROTOCOL",
        "KitError",
        "LIVENESS_DURATION",
        "LIVENESS_ERRORS",
        "LIVENESS_MAX_RETRIES",
        "LOCALES",
        "PERSON_ID_PATTERN",
        "RETURN_KEY",
        "SERVICE_NAMES",
        "STATE_NAMES",
        "STEP_MAX_RETRIES",
        "STEP_TIMEOUT",
        "THEMES",
        "VerigramApiError",
        "VerigramKitError",
        "clearResume",
        "createCompletionGate",
        "createFlowEmbed",
        "createFlowEventLog",
        "createVerigramClient",
        "getCurrentStep",
        "getFlowPhase",
        "hostPageSecurityHeaders",
        "isFlowNotStartedError",
        "isKitError",
        "isTerminalFlow",
        "isVerigramApiError",
        "listenToFlowWindow",
        "mountFlowFrame",
        "parseCallbackMessage",
        "parseFlowMessage",
        "preflightCamera",
        "readErrorBody",
        "readResume",
        "resolvePollingOptions",
        "returnedFlow",
        "runCallbackPage",
        "saveRedirectReturn",
        "toErrorBody",
        "writeResume",
      ]
    `);
  });

  it('@verigram-kit/core/ui', async () => {
    const names = Object.keys(await import('@verigram-kit/core/ui')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "BRAND_CSS_END",
        "BRAND_CSS_START",
        "BRAND_TOKEN_NAMES",
        "BRAND_TOKEN_PROPERTIES",
        "CSS_PROPERTIES",
        "DEFAULT_ASSET_HOSTS",
        "DEFAULT_FAVICON_URL",
        "DEFAULT_FLOW_UI_POLICY",
        "DEFAULT_LOGO_URL",
        "LOGO_HEIGHT_RANGE",
        "PREVIEW_FLOW_ID",
        "RADIUS_RANGE",
        "THEME_TOKENS",
        "TRANSLATION_CATALOG",
        "TRANSLATION_KEYS",
        "WCAG_AA_CONTRAST",
        "brandTokenCssValue",
        "checkCssSafety",
        "checkFlowUi",
        "checkFlowUiDraft",
        "compileBrandCss",
        "composeFlowUiCss",
        "contrastRatio",
        "createFlowBodyWithUi",
        "createFlowUiDraft",
        "createPreviewMessage",
        "defineFlowUi",
        "flowUiToCurl",
        "flowUiToJson",
        "flowUiToPreset",
        "flowUiToPresetSnippet",
        "flowUiToTypeScript",
        "formatContrastRatio",
        "importFlowUi",
        "jsonPointer",
        "listSandboxOnlyFields",
        "normalizeHexColor",
        "parseBrandCss",
        "parseFlowUiJson",
        "parseHexColor",
        "parsePreviewMessage",
        "pickOnColor",
        "relativeLuminance",
        "resolveOnPrimaryColor",
        "sandboxOnlyComment",
        "setFlowUiCustomCss",
        "setFlowUiFaviconUrl",
        "setFlowUiLogoUrl",
        "setFlowUiTheme",
        "setFlowUiToken",
        "setFlowUiTranslation",
        "toFlowConfigUi",
      ]
    `);
  });

  it('@verigram-kit/core/internal', async () => {
    const names = Object.keys(await import('@verigram-kit/core/internal')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "RETURN_PARAM",
        "SANDBOX_BASE_URL",
        "SANDBOX_PORT",
        "TRANSPORT_TIMEOUTS",
        "backoffDelay",
        "isRateLimitError",
        "nextPollInterval",
        "retryAllowedAt",
        "shouldKeepPolling",
        "shouldRetry",
      ]
    `);
  });

  it('@verigram-kit/react', async () => {
    const names = Object.keys(await import('@verigram-kit/react')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "DEFAULT_ALLOW",
        "FLOW_STATUS_MESSAGES_EN",
        "FlowFile",
        "FlowStatus",
        "FlowStatusAnnouncer",
        "FlowStatusBadge",
        "FlowStatusTimeline",
        "PhoneHandoff",
        "VerigramFlow",
        "VerigramProvider",
        "autoMode",
        "createProxyClient",
        "flowFileQueryOptions",
        "flowQueryKeys",
        "flowQueryOptions",
        "flowResultQueryOptions",
        "flowStepResultQueryOptions",
        "getFlowOutcome",
        "loadFlowStatusMessages",
        "modalMode",
        "popupMode",
        "redirectMode",
        "useFlow",
        "useFlowClient",
        "useFlowFile",
        "useFlowResult",
        "useFlowStatus",
        "useVerigramFlow",
      ]
    `);
  });

  it('@verigram-kit/react/builder', async () => {
    const names = Object.keys(await import('@verigram-kit/react/builder')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "BUILDER_MESSAGES",
        "DEFAULT_PREVIEW_URL",
        "FlowUiBuilder",
        "createPreviewFrame",
      ]
    `);
  });

  it('@verigram-kit/react/callback', async () => {
    const names = Object.keys(await import('@verigram-kit/react/callback')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "VerigramCallback",
      ]
    `);
  });

  it('@verigram-kit/proxy', async () => {
    const names = Object.keys(await import('@verigram-kit/proxy')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "FILE_CONTENT_TYPES",
        "ROUTES",
        "checkCallbackUrl",
        "consoleLogger",
        "createFlowTokenSigner",
        "createMemoryStore",
        "createRedactingLogger",
        "createRedisStore",
        "createVerigramProxy",
        "personIdFor",
        "toHonoHandler",
        "toNextHandlers",
      ]
    `);
  });

  it('@verigram-kit/proxy/node', async () => {
    const names = Object.keys(await import('@verigram-kit/proxy/node')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "createNodeTransport",
        "toExpressHandler",
        "toNodeHandler",
      ]
    `);
  });

  it('@verigram-kit/proxy/webhooks', async () => {
    const names = Object.keys(await import('@verigram-kit/proxy/webhooks')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "VerigramWebhookError",
        "WebhookDeliveryError",
        "createWebhookSender",
        "generateWebhookSecret",
        "verifyVerigramWebhook",
      ]
    `);
  });

  it('@verigram-kit/proxy/verdicts', async () => {
    const names = Object.keys(await import('@verigram-kit/proxy/verdicts')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "createFlowVerdicts",
      ]
    `);
  });

  it('@verigram-kit/sandbox', async () => {
    const names = Object.keys(await import('@verigram-kit/sandbox')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "SandboxEngine",
        "SandboxError",
        "createInMemoryClient",
        "isSandboxError",
        "renderHostedPage",
      ]
    `);
  });

  it('@verigram-kit/sandbox/server', async () => {
    const names = Object.keys(await import('@verigram-kit/sandbox/server')).sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "startSandbox",
      ]
    `);
  });
});
