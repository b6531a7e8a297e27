// The type-only exports of every entry of every package (what exportLists.test.tsx cannot see at
// run time), read by the TypeScript checker from each entry's source as the package's `exports`
// map names it. A new, renamed or removed exported type fails here until the snapshot is updated
// on purpose (`pnpm exec vitest run --project public-api -u`), and the changeset says why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packages = join(import.meta.dirname, '../../packages');
const entries = ['core', 'react', 'proxy', 'sandbox'].flatMap((name) => {
  const pkg = JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports as Record<string, string>)
    .filter(([key, file]) => key.startsWith('.') && /\.tsx?$/.test(file))
    .map(([key, file]) => ({
      entry: `@verigram-kit/${name}${key.slice(1)}`,
      file: join(packages, name, file),
    }));
});

function typeOnlyExports(): Record<string, string[]> {
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
      strict: true,
    },
  );
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    entries.map(({ entry, file }) => {
      const source = program.getSourceFile(file);
      const module = source && checker.getSymbolAtLocation(source);
      const names = module
        ? checker
            .getExportsOfModule(module)
            .filter((symbol) => {
              const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
              return !(target.flags & ts.SymbolFlags.Value);
            })
            .map((symbol) => symbol.name)
            .sort()
        : [];
      return [entry, names];
    }),
  );
}

describe('the type-only exports', () => {
  it('of every entry', { timeout: 180_000 }, () => {
    expect(typeOnlyExports()).toMatchInlineSnapshot(`
      {
        "@verigram-kit/core": [
          "CallbackMessage",
          "CameraErrorMessage",
          "CancelledMessage",
          "CloseRequestMessage",
          "CompletedMessage",
          "CompletionGate",
          "CreateFlowInput",
          "CreateFlowOptions",
          "CreateFlowRequest",
          "CreateFlowResponse",
          "CurrentStep",
          "EmbedMode",
          "ErrorBody",
          "ExecutionStatus",
          "FailedMessage",
          "FileLabel",
          "FileQuery",
          "Flow",
          "FlowClient",
          "FlowConfigUi",
          "FlowConfigUiInput",
          "FlowEmbed",
          "FlowEmbedOptions",
          "FlowEmbedState",
          "FlowEndCause",
          "FlowErrorCode",
          "FlowEvent",
          "FlowEventLog",
          "FlowEventSource",
          "FlowFrame",
          "FlowHandle",
          "FlowInputData",
          "FlowMessage",
          "FlowMessageType",
          "FlowPhase",
          "FlowPollingOptions",
          "FlowProjection",
          "FlowServiceStatus",
          "FlowStepEvent",
          "FlowTemplate",
          "FlowTemplateInput",
          "FlowTheme",
          "FlowWindowListener",
          "FrontendSessionStatus",
          "HostPageSecurityHeaders",
          "HostPageSecurityOptions",
          "KitErrorCode",
          "KitErrorInit",
          "LivenessCreateSessionRequest",
          "LivenessError",
          "LivenessPipeline",
          "LivenessSession",
          "LivenessSessionInput",
          "Locale",
          "PersonId",
          "PipelineStep",
          "PipelineStepInput",
          "PreflightOptions",
          "PreflightResult",
          "ProxyCreateFlowBody",
          "ProxyCreateFlowResponse",
          "ReadyMessage",
          "RedirectReturn",
          "RequestOptions",
          "ResizeMessage",
          "ResolvedPollingOptions",
          "RetryPolicy",
          "SaasErrorResponse",
          "ServiceName",
          "SessionProjection",
          "SessionState",
          "StateName",
          "StepCompletedMessage",
          "StepStartedMessage",
          "VerigramApiErrorInit",
          "VerigramClient",
          "VerigramClientOptions",
          "VerigramFetch",
          "VerigramFetchInit",
          "VerigramFile",
          "VerigramKitErrorInit",
          "VerigramRequestOptions",
          "VerigramResponse",
          "VeriliveResult",
        ],
        "@verigram-kit/core/internal": [
          "ResolvedRetryPolicy",
        ],
        "@verigram-kit/core/ui": [
          "BrandTokenName",
          "BrandTokens",
          "CheckFlowUiOptions",
          "CreateFlowBodyOptions",
          "CssIssueCode",
          "CssProperty",
          "CssSafetyIssue",
          "CurlOptions",
          "FlowUiDraft",
          "FlowUiInit",
          "FlowUiIssue",
          "FlowUiIssueCode",
          "FlowUiIssueParams",
          "FlowUiIssueSeverity",
          "FlowUiPolicyOptions",
          "FlowUiTranslation",
          "ParsedBrandCss",
          "ParsedFlowUiJson",
          "PreviewMessage",
          "RgbColor",
          "SandboxOnlyField",
          "TranslationEntry",
          "TranslationKey",
          "TypeScriptSnippetOptions",
        ],
        "@verigram-kit/proxy": [
          "ConsoleTemplate",
          "FlowTokenCheck",
          "FlowTokenClaims",
          "FlowTokenSigner",
          "HonoLikeContext",
          "MemoryStoreOptions",
          "ProxyFlowTemplate",
          "ProxyLogger",
          "ProxyRequestContext",
          "ProxyStore",
          "ProxyUser",
          "RateLimitRule",
          "RedisLikeClient",
          "RedisStoreOptions",
          "VerigramProxy",
          "VerigramProxyOptions",
        ],
        "@verigram-kit/proxy/node": [
          "NodeHandlerOptions",
          "NodeTransportOptions",
        ],
        "@verigram-kit/proxy/verdicts": [
          "DeliveryOptions",
          "FlowVerdict",
          "FlowVerdicts",
          "FlowVerdictsOptions",
          "LedgerEntry",
          "TrackedFlow",
          "WatchIntervals",
        ],
        "@verigram-kit/proxy/webhooks": [
          "FlowVerdict",
          "VerigramWebhookPayload",
          "WebhookHeaders",
          "WebhookSenderOptions",
        ],
        "@verigram-kit/react": [
          "CheckKind",
          "CheckResult",
          "CurrentStep",
          "FlowConnection",
          "FlowEvent",
          "FlowEventSource",
          "FlowFileProps",
          "FlowOutcome",
          "FlowStatusBadgeProps",
          "FlowStatusMessages",
          "FlowStatusMessagesOverrides",
          "FlowStatusProps",
          "FlowStatusState",
          "FlowStatusTimelineProps",
          "FlowStepEvent",
          "PhoneHandoffProps",
          "ProxyClientOptions",
          "UseFlowFileOptions",
          "UseFlowFileResult",
          "UseFlowOptions",
          "UseFlowResultOptions",
          "UseFlowStatusOptions",
          "UseFlowStatusResult",
          "UseVerigramFlowOptions",
          "VerigramFlowController",
          "VerigramFlowError",
          "VerigramFlowMode",
          "VerigramFlowProps",
          "VerigramFlowStatus",
          "VerigramProviderProps",
        ],
        "@verigram-kit/react/builder": [
          "BuilderMessages",
          "FlowUiBuilderProps",
          "FlowUiChangeDetail",
          "PreviewFrame",
          "PreviewFrameOptions",
        ],
        "@verigram-kit/react/callback": [
          "VerigramCallbackProps",
        ],
        "@verigram-kit/sandbox": [
          "InMemoryClient",
          "InMemoryClientOptions",
          "SandboxEngineOptions",
          "ScriptOutcome",
          "StepOutcome",
        ],
        "@verigram-kit/sandbox/server": [
          "PageMessages",
          "RunningSandbox",
          "SandboxFaults",
          "StartSandboxOptions",
        ],
      }
    `);
  });
});
