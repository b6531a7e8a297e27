import type {
  CreateFlowResponse,
  FileQuery,
  Flow,
  FlowProjection,
  LivenessSession,
  SessionProjection,
} from '../api/schemas.ts';
import type { RetryPolicy } from '../polling/retryer.ts';
import type { CreateFlowInput, LivenessSessionInput } from './requestInputs.ts';

/**
 * Marks a transport that enforces `init.timeoutMs` itself, rejecting with a `DOMException` named
 * `TimeoutError` (as `AbortSignal.timeout` does). The client then builds no AbortController for an
 * attempt without a caller signal: on Node 20 one costs more than the rest of the client's work
 * (measured for the proxy benchmark). `createNodeTransport` from `@verigram-kit/proxy/node` sets it.
 */
export const TRANSPORT_TIMEOUTS: unique symbol = Symbol.for('verigram-kit.transport-timeouts');

/** What the client passes a transport: a RequestInit, plus `timeoutMs` for one that enforces it. */
export interface VerigramFetchInit extends RequestInit {
  /** Set, instead of a timeout signal, only for a transport marked with TRANSPORT_TIMEOUTS. */
  timeoutMs?: number | undefined;
}

/**
 * What the client reads of a transport's answer: the part of a fetch `Response` it uses, so a
 * transport may hand back something lighter than a `Response` (the Node one does: building a Web
 * `Response` per upstream answer was the largest cost left in the proxy benchmark).
 */
export interface VerigramResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  /** The body as a stream: read for files, cancelled for redirects. */
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** A fetch-compatible transport; inject one to use keep-alive agents, mocks or a custom stack. */
export type VerigramFetch = ((input: string, init: VerigramFetchInit) => Promise<VerigramResponse>) & {
  readonly [TRANSPORT_TIMEOUTS]?: true | undefined;
};

export interface VerigramClientOptions {
  /** The consumer's API key, sent as `X-Verigram-Api-Key`. Keep it on the server. */
  apiKey: string;
  /**
   * Base URL of the Verigram API, e.g. `https://services.kz-ala-1.verigram.kz` or a sandbox
   * (`http://127.0.0.1:4010`). No default: a client must never guess where to send a key.
   */
  baseUrl: string;
  /** Sent as `X-Verigram-Api-Version`. @default '2.0' */
  apiVersion?: string | undefined;
  /** Timeout of each attempt, in ms, until the response headers (and JSON body) are in. @default 10000 */
  timeoutMs?: number | undefined;
  /**
   * Retries of GETs. POSTs are never retried.
   * @default { retries: 2, baseDelayMs: 200, maxDelayMs: 5000, maxRetryAfterMs: maxDelayMs }
   */
  retry?: RetryPolicy | undefined;
  /** The transport. @default globalThis.fetch */
  fetch?: VerigramFetch | undefined;
  /** Waits between retries; injectable for tests. @default a setTimeout that the request's signal cancels */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: (() => number) | undefined;
}

export interface VerigramRequestOptions {
  /** Aborts the call (and any wait between retries); rejects with errorCode `ABORTED`. */
  signal?: AbortSignal | undefined;
}

/** A file as it streams from Verigram; the body is never buffered by the client. */
export interface VerigramFile {
  body: ReadableStream<Uint8Array> | null;
  /** The upstream Content-Type (the spec says application/octet-stream), or null. */
  contentType: string | null;
  /** The upstream Content-Length in bytes, when announced. */
  contentLength: number | undefined;
}

/** The six operations of Verigram API 2.0 (packages/core/openapi/verigram-2.0.json). */
export interface VerigramClient {
  /**
   * `POST /flow` → 201 `{ flow_id, vlink }`, both present: the spec marks them optional, but a 201
   * without them names no flow, so it fails `UPSTREAM_MALFORMED`. Never retried.
   */
  createFlow(body: CreateFlowInput, init?: VerigramRequestOptions): Promise<Required<CreateFlowResponse>>;
  /** `GET /flow/{flow_id}`. */
  getFlow(flowId: string, init?: VerigramRequestOptions): Promise<Flow>;
  /** `GET /flow/{flow_id}/result`; 404 while the flow has not started (spec). */
  getFlowResult(flowId: string, init?: VerigramRequestOptions): Promise<FlowProjection>;
  /** `GET /journal/session/{session_id}`. */
  getSessionResult(sessionId: string, init?: VerigramRequestOptions): Promise<SessionProjection>;
  /** `POST /liveness2/session` → 201. Never retried. */
  createLivenessSession(body: LivenessSessionInput, init?: VerigramRequestOptions): Promise<LivenessSession>;
  /** `GET /resources/file` with a label and exactly one id; the body streams. */
  downloadFile(query: FileQuery, init?: VerigramRequestOptions): Promise<VerigramFile>;
}
