import type {
  FlowConfigUiInput,
  FlowInputData,
  FlowTemplateInput,
  RetryPolicy,
  VerigramFetch,
} from '@verigram-kit/core';
import type { ProxyLogger } from './createRedactingLogger.ts';
import type { RateLimitRule } from './limits/enforceRateLimit.ts';
import type { ProxyStore } from './stores/ProxyStore.ts';
import type { FlowVerdicts } from './verdicts/FlowVerdicts.ts';

/** The end user, as the host app knows them. */
/** A template kept in Verigram's Console, named by its id (the spec's `CreateFlow.template_id`). */
export interface ConsoleTemplate {
  templateId: string;
}

/** A template the proxy offers by name: an inline FlowTemplate or a Console template. */
export type ProxyFlowTemplate = FlowTemplateInput | ConsoleTemplate;

export interface ProxyUser {
  /**
   * Becomes Verigram's `person_id`: 6..48 characters of `[a-zA-Z0-9_@.+-]` (PersonId schema). Any
   * other value is refused with 500 `INVALID_PERSON_ID` before Verigram is called; `personIdFor`
   * turns any user id into a valid one.
   */
  personId: string;
}

/** What an adapter knows about the connection and a Web `Request` does not carry. */
export interface ProxyRequestContext {
  /** The peer's IP address, for the per-IP rate limit. */
  clientIp?: string | undefined;
}

export interface VerigramProxyOptions {
  /** The Verigram API key. Stays on the server; never written to a response or a log line. */
  apiKey: string;
  /**
   * Verigram's base URL. Fixed here, never taken from a request. It carries the API key, so it
   * must be https; plain http is accepted only to localhost, 127.0.0.1 or ::1 (a sandbox).
   * Required when `NODE_ENV` is `'production'`: construction throws without it.
   * @default 'http://127.0.0.1:4010' (the sandbox: `npx verigram-sandbox`), outside production only
   * @example 'https://services.kz-ala-1.verigram.kz'
   */
  baseUrl?: string | undefined;
  /** Sent as `X-Verigram-Api-Version`. @default '2.0' */
  apiVersion?: string | undefined;
  /**
   * Who is asking, from the host app's own session (cookie, JWT...). Return `null` for an
   * anonymous request: the proxy answers 401 `UNAUTHENTICATED`. The only source of `person_id`.
   * Required, except on Node when `toNodeHandler(proxy, { authorize })` or
   * `toExpressHandler(proxy, { authorize })` reads the user from the Node request instead
   * (Express's `req.user`, `req.session`): the Next.js and Hono adapters throw
   * at boot without it, and a request that meets no authorize is refused with 500
   * `AUTHORIZE_NOT_CONFIGURED`.
   */
  authorize?: ((request: Request) => ProxyUser | null | Promise<ProxyUser | null>) | undefined;
  /** HMAC key of flow tokens, at least 32 bytes (e.g. `openssl rand -hex 32`). Rotating it invalidates all tokens. */
  secret: string;
  /** Lifetime of a flow token, in seconds; the owner renews it with `POST {mountPath}/flow/{id}/token`. @default 3600 */
  flowTokenTtlSeconds?: number | undefined;
  /** Where the routes live. @default '/api/verigram' */
  mountPath?: string | undefined;
  /**
   * Exact origins a `callback_url` may point to (`https://app.example.com`); https except on
   * localhost. @default the origin of the request itself (set it explicitly behind a reverse proxy)
   */
  allowedCallbackOrigins?: readonly string[] | undefined;
  /**
   * Custom URL schemes (without `:`) a `callback_url` may use, for apps that run the flow in a web
   * view and take the user back through their own scheme (`myapp://verified`). Any URL of such a
   * scheme is accepted; http(s) callbacks still need `allowedCallbackOrigins`. Schemes a page can
   * run or read (`javascript`, `data`, `file`, `blob`...) are refused at construction.
   * @default []
   */
  allowedCallbackSchemes?: readonly string[] | undefined;
  /**
   * Origins, besides the request's own, allowed to POST (CSRF check) and to read cross-origin
   * (CORS). A wildcard is refused. @default [] (same origin only)
   */
  allowedOrigins?: readonly string[] | undefined;
  /** Send `Access-Control-Allow-Credentials: true` to `allowedOrigins`. @default false */
  corsCredentials?: boolean | undefined;
  /**
   * Named templates the browser picks by name (`template`): an inline pipeline (the spec's
   * FlowTemplate), or `{ templateId }` for a template kept in Verigram's Console, sent as
   * `template_id`. A ui or ui_preset rides only on an inline template (the spec puts FlowConfigUi
   * inside FlowTemplate). @default {}
   */
  templates?: Readonly<Record<string, ProxyFlowTemplate>> | undefined;
  /** Template used when the browser names none. @default undefined (Verigram's consumer default) */
  defaultTemplate?: string | undefined;
  /** Named FlowConfigUi presets the browser picks by name (`ui_preset`); validated at construction. @default {} */
  uiPresets?: Readonly<Record<string, FlowConfigUiInput>> | undefined;
  /** Accept a raw `ui` object from the browser (still validated). @default false */
  allowClientUi?: boolean | undefined;
  /**
   * Hosts that `logo_url`, `favicon_url` and CSS `url()` may load from (https; `*.example.com`
   * for subdomains), under core's FlowConfigUi policy (`checkFlowUi`); give `<FlowUiBuilder
   * validation>` the same. The spec's default logo and favicon URLs are always accepted.
   * @default ['docs.services.verigram.cloud'] (core's DEFAULT_FLOW_UI_POLICY)
   */
  allowedAssetHosts?: readonly string[] | undefined;
  /** Cap of `ui.css`, in UTF-8 bytes. @default 16384 (core's DEFAULT_FLOW_UI_POLICY) */
  maxCssBytes?: number | undefined;
  /** Cap of a whole `ui` object as JSON, in UTF-8 bytes. @default 32768 (core's DEFAULT_FLOW_UI_POLICY) */
  maxUiBytes?: number | undefined;
  /**
   * `input_data` fields the browser may fill (each a string of at most 256 characters). The
   * fields are facts about the person (IIN, phone, name) that the result may later be trusted
   * for, so by default the browser may send none; fill them server-side in a template instead.
   * @default []
   */
  allowedInputDataFields?: ReadonlyArray<keyof FlowInputData> | undefined;
  /** Cap of a request body, in bytes. @default 65536 */
  maxBodyBytes?: number | undefined;
  /** Cap of a served file, in bytes. @default 26214400 (25 MiB) */
  maxFileBytes?: number | undefined;
  /** Timeout of each upstream attempt, in ms. @default 10000 */
  timeoutMs?: number | undefined;
  /** Retries of upstream GETs (POSTs are never retried). @default { retries: 2, baseDelayMs: 100, maxDelayMs: 2000 } */
  retry?: RetryPolicy | undefined;
  /**
   * Creation limits, per user and per client IP; `false` turns one off. Each of `POST /flow`,
   * `POST /liveness2/session` and `POST /flow/{id}/token` counts in its own bucket with these
   * rules. The per-IP limit applies only when the IP is known (see `clientIp`).
   * @default { perUser: { limit: 10, windowMs: 60000 }, perIp: { limit: 30, windowMs: 60000 } }
   */
  rateLimit?:
    | { perUser?: RateLimitRule | false | undefined; perIp?: RateLimitRule | false | undefined }
    | undefined;
  /** Rate-limit counters and idempotency records. @default createMemoryStore() */
  store?: ProxyStore | undefined;
  /** How long an `Idempotency-Key` is remembered, in ms. @default 86400000 (24 h) */
  idempotencyTtlMs?: number | undefined;
  /**
   * The client IP for per-IP limits. @default the adapter's socket address (Node, Express); with
   * `trustProxy`, the last `X-Forwarded-For` entry (the one the trusted proxy appended; earlier
   * ones are the client's to forge); otherwise unknown (Next.js, Hono: supply one)
   */
  clientIp?: ((request: Request, context: ProxyRequestContext) => string | undefined) | undefined;
  /**
   * Believe the last `X-Forwarded-For` entry (only behind exactly one proxy that appends it).
   * @default false
   */
  trustProxy?: boolean | undefined;
  /** Upstream transport. @default globalThis.fetch; on Node prefer `createNodeTransport()` from `@verigram-kit/proxy/node` */
  fetch?: VerigramFetch | undefined;
  /**
   * Server-side verdicts (`createFlowVerdicts` from `@verigram-kit/proxy/verdicts`). The proxy
   * records every flow it creates before answering (503 `VERDICTS_UNAVAILABLE` when it cannot),
   * nudges the watcher when a browser reads a flow that has ended, and serves
   * `GET {mountPath}/flows/current`. @default undefined (no ledger; `/flows/current` answers 404)
   */
  verdicts?: Pick<FlowVerdicts, 'track' | 'nudge' | 'currentFor'> | undefined;
  /** Structured logger; its lines are redacted. `false` silences it. @default warnings and errors as JSON on stderr */
  logger?: ProxyLogger | false | undefined;
}
