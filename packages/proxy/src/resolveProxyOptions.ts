import type { FlowConfigUiInput, RetryPolicy, VerigramFetch } from '@verigram-kit/core';
import { checkFlowUi, DEFAULT_FLOW_UI_POLICY } from '@verigram-kit/core/ui';
import type { ProxyLogger } from './createRedactingLogger.ts';
import { consoleLogger } from './createRedactingLogger.ts';
import { toOrigin } from './http/createOriginPolicy.ts';
import type { RateLimitRule } from './limits/enforceRateLimit.ts';
import { createMemoryStore } from './stores/createMemoryStore.ts';
import type { ProxyStore } from './stores/ProxyStore.ts';
import { resolveBaseUrl } from './upstream/resolveBaseUrl.ts';
import type { ProxyFlowTemplate, VerigramProxyOptions } from './VerigramProxyOptions.ts';

/**
 * VerigramProxyOptions with every default filled in and every value checked: what the rest of
 * the proxy reads. Same names as the options, so each default can be compared with its JSDoc.
 */
export interface ResolvedProxyOptions {
  readonly apiKey: string;
  readonly secret: string;
  /** Checked: https, or http to this machine only. */
  readonly baseUrl: string;
  /** Undefined: core's client sends the spec's own version. */
  readonly apiVersion: string | undefined;
  readonly authorize: VerigramProxyOptions['authorize'];
  readonly flowTokenTtlSeconds: number;
  /** Without a trailing slash. */
  readonly mountPath: string;
  /** Exact origins; undefined means the request's own origin only. */
  readonly allowedCallbackOrigins: readonly string[] | undefined;
  /** Lower case, checked. */
  readonly allowedCallbackSchemes: readonly string[];
  readonly allowedOrigins: readonly string[];
  readonly corsCredentials: boolean;
  readonly templates: Readonly<Record<string, ProxyFlowTemplate>>;
  readonly defaultTemplate: string | undefined;
  readonly uiPresets: Readonly<Record<string, FlowConfigUiInput>>;
  readonly allowClientUi: boolean;
  /** Lower case. */
  readonly allowedAssetHosts: readonly string[];
  readonly maxCssBytes: number;
  readonly maxUiBytes: number;
  readonly allowedInputDataFields: readonly string[];
  readonly maxBodyBytes: number;
  readonly maxFileBytes: number;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly rateLimit: { readonly perUser: RateLimitRule | false; readonly perIp: RateLimitRule | false };
  readonly store: ProxyStore;
  readonly idempotencyTtlMs: number;
  readonly clientIp: VerigramProxyOptions['clientIp'];
  readonly trustProxy: boolean;
  readonly fetch: VerigramFetch | undefined;
  readonly verdicts: VerigramProxyOptions['verdicts'];
  readonly logger: ProxyLogger | false;
}

/**
 * Every default of createVerigramProxy, in one place. Throws a TypeError naming the option for a
 * configuration that could only fail later (or, worse, work insecurely): a relative mountPath, an
 * http baseUrl to another machine, a callback origin that is not an origin, a preset the proxy
 * itself would refuse, a defaultTemplate that names nothing.
 */
export function resolveProxyOptions(options: VerigramProxyOptions): ResolvedProxyOptions {
  // Optional only because the Node adapter can take its own (toNodeHandler's `authorize`); the
  // other adapters refuse a proxy without one at boot, and a request that reaches no authorize
  // is refused (fail closed).
  if (options.authorize !== undefined && typeof options.authorize !== 'function')
    throw new TypeError('createVerigramProxy: authorize must be a function');
  const mountPath = (options.mountPath ?? '/api/verigram').replace(/\/+$/, '');
  if (!mountPath.startsWith('/')) throw new TypeError('createVerigramProxy: mountPath must start with "/"');
  const resolved: ResolvedProxyOptions = {
    apiKey: options.apiKey,
    secret: options.secret,
    // globalThis.process: edge runtimes may have no process at all.
    baseUrl: resolveBaseUrl(options.baseUrl, globalThis.process?.env?.NODE_ENV),
    apiVersion: options.apiVersion,
    authorize: options.authorize,
    flowTokenTtlSeconds: options.flowTokenTtlSeconds ?? 3600,
    mountPath,
    allowedCallbackOrigins: options.allowedCallbackOrigins?.map(toOrigin),
    allowedCallbackSchemes: (options.allowedCallbackSchemes ?? []).map(toAppScheme),
    allowedOrigins: options.allowedOrigins ?? [],
    corsCredentials: options.corsCredentials ?? false,
    templates: options.templates ?? {},
    defaultTemplate: options.defaultTemplate,
    uiPresets: options.uiPresets ?? {},
    allowClientUi: options.allowClientUi ?? false,
    // Core's one FlowConfigUi policy: the builder and the sandbox default to the same.
    allowedAssetHosts: (options.allowedAssetHosts ?? DEFAULT_FLOW_UI_POLICY.allowedAssetHosts).map((host) =>
      host.toLowerCase(),
    ),
    maxCssBytes: options.maxCssBytes ?? DEFAULT_FLOW_UI_POLICY.maxCssBytes,
    maxUiBytes: options.maxUiBytes ?? DEFAULT_FLOW_UI_POLICY.maxUiBytes,
    allowedInputDataFields: options.allowedInputDataFields ?? [],
    maxBodyBytes: options.maxBodyBytes ?? 65_536,
    maxFileBytes: options.maxFileBytes ?? 25 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 10_000,
    // Shorter than core's own default: a browser is waiting behind every proxied read.
    retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry },
    rateLimit: {
      perUser: options.rateLimit?.perUser ?? { limit: 10, windowMs: 60_000 },
      perIp: options.rateLimit?.perIp ?? { limit: 30, windowMs: 60_000 },
    },
    store: options.store ?? createMemoryStore(),
    idempotencyTtlMs: options.idempotencyTtlMs ?? 86_400_000,
    clientIp: options.clientIp,
    trustProxy: options.trustProxy ?? false,
    fetch: options.fetch,
    verdicts: options.verdicts,
    logger: options.logger ?? consoleLogger,
  };
  // Presets are trusted configuration, but a bad one would ship to every user: fail at boot.
  const uiError = (ui: unknown) => checkFlowUi(ui, resolved).find((issue) => issue.severity === 'error');
  for (const [name, ui] of Object.entries(resolved.uiPresets)) {
    const error = uiError(ui);
    if (error) throw new TypeError(`createVerigramProxy: uiPresets.${name}${error.path}: ${error.message}`);
  }
  for (const [name, template] of Object.entries(resolved.templates)) {
    if ('templateId' in template) {
      if (typeof template.templateId !== 'string' || template.templateId === '' || 'pipeline' in template) {
        throw new TypeError(
          `createVerigramProxy: templates.${name}: a Console template is { templateId: '<non-empty id>' } alone`,
        );
      }
      continue;
    }
    const error = template.ui === undefined ? undefined : uiError(template.ui);
    if (error)
      throw new TypeError(`createVerigramProxy: templates.${name}.ui${error.path}: ${error.message}`);
  }
  if (
    resolved.defaultTemplate !== undefined &&
    !Object.hasOwn(resolved.templates, resolved.defaultTemplate)
  ) {
    throw new TypeError(
      `createVerigramProxy: defaultTemplate "${resolved.defaultTemplate}" is not in templates`,
    );
  }
  return resolved;
}

// Schemes whose URLs a browser runs, reads or treats as a web origin: a callback there is no
// app's own way back. http(s) go through allowedCallbackOrigins instead.
const REFUSED_SCHEMES = new Set([
  'http',
  'https',
  'javascript',
  'data',
  'vbscript',
  'file',
  'blob',
  'about',
  'filesystem',
  'ws',
  'wss',
  'ftp',
]);

function toAppScheme(scheme: string): string {
  const name = typeof scheme === 'string' ? scheme.toLowerCase().replace(/:$/, '') : '';
  if (!/^[a-z][a-z0-9+.-]*$/.test(name) || REFUSED_SCHEMES.has(name)) {
    throw new TypeError(
      `createVerigramProxy: allowedCallbackSchemes: "${String(scheme).slice(0, 40)}" is not an app's own URL scheme`,
    );
  }
  return name;
}
