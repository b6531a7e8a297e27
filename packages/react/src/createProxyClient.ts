import {
  type CreateFlowOptions,
  type FlowClient,
  type FlowHandle,
  type LivenessSession,
  type ProxyCreateFlowBody,
  type ProxyCreateFlowResponse,
  type RequestOptions,
  readErrorBody,
  VerigramApiError,
} from '@verigram-kit/core';

export interface ProxyClientOptions {
  /** Where `@verigram-kit/proxy` is mounted, same origin or absolute. @default '/api/verigram' */
  baseUrl?: string | undefined;
  /** @default globalThis.fetch (looked up at call time) */
  fetch?: typeof fetch | undefined;
  /**
   * Extra headers on every request (e.g. a CSRF token), or a function returning them per request.
   * @default undefined
   */
  headers?: HeadersInit | (() => HeadersInit) | undefined;
}

interface ProxyRequest extends RequestOptions {
  /** Makes the request a POST (every POST of the proxy takes JSON); without it, a GET. */
  body?: unknown;
  /** The flow whose token the request carries. */
  flowId?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * A {@link FlowClient} for the kit's proxy (`@verigram-kit/proxy`): `POST {base}/flow` creates a flow and answers
 * its `flow_token`, which every later read of that flow carries as `Authorization: Bearer`. Tokens
 * live in memory, per flow id. An expired token (401 `FLOW_TOKEN_EXPIRED`) is renewed once through
 * `POST {base}/flow/{id}/token` and the request retried. Every failure is a {@link VerigramApiError}.
 * @example <VerigramProvider client={createProxyClient()}>…</VerigramProvider>
 */
export function createProxyClient(options: ProxyClientOptions = {}): FlowClient {
  const base = (options.baseUrl ?? '/api/verigram').replace(/\/+$/, '');
  const tokens = new Map<string | undefined, string>();
  const renewing = new Map<string, Promise<FlowHandle>>();

  async function send(path: string, request: ProxyRequest = {}, renewed = false): Promise<Response> {
    const { body, flowId, signal } = request;
    const headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
    if (request.idempotencyKey) headers.set('Idempotency-Key', request.idempotencyKey);
    const token = tokens.get(flowId);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    // The proxy refuses POSTs without a JSON content type: a cross-site form cannot send one (CSRF).
    if (body) headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      // `credentials` stays fetch's default, 'same-origin': cookies go to a same-origin proxy only.
      response = await (options.fetch ?? fetch)(base + path, {
        method: body ? 'POST' : 'GET',
        headers,
        // JSON.stringify(undefined) is undefined: a GET has no body.
        body: JSON.stringify(body),
        signal,
      });
    } catch (cause) {
      const aborted = signal?.aborted;
      throw new VerigramApiError({
        status: 0,
        errorCode: aborted ? 'ABORTED' : 'NETWORK_ERROR',
        errorMsg: aborted ? 'Request aborted' : `Could not reach ${base}: ${String(cause)}`,
        cause,
      });
    }
    if (response.ok) return response;
    // The proxy's fallback code names the status, so a gateway's HTML 502 reads as HTTP_502.
    const error = await readErrorBody(response, `HTTP_${response.status}`);
    if (error.status === 401 && error.errorCode === 'FLOW_TOKEN_EXPIRED' && flowId && !renewed) {
      await renew(flowId, signal);
      return send(path, request, true);
    }
    throw error;
  }

  // Concurrent reads of one flow that all meet an expired token share one renewal.
  function renew(flowId: string, signal?: AbortSignal): Promise<FlowHandle> {
    const renewal =
      renewing.get(flowId) ??
      send(`/flow/${encodeURIComponent(flowId)}/token`, { body: {}, signal })
        .then(handleOf)
        .finally(() => renewing.delete(flowId));
    renewing.set(flowId, renewal);
    return renewal;
  }

  // `POST /flow`, `GET /flows/current` and `POST /flow/{id}/token` answer the same: a flow and its
  // token, which later reads of that flow carry.
  async function handleOf(response: Response): Promise<FlowHandle> {
    const answer = await json<ProxyCreateFlowResponse>(response);
    if (typeof answer?.flow_id !== 'string' || typeof answer.vlink !== 'string') {
      throw new VerigramApiError({
        status: 502,
        errorCode: 'UPSTREAM_MALFORMED',
        errorMsg: 'The proxy answer lacks flow_id or vlink',
      });
    }
    tokens.set(answer.flow_id, answer.flow_token);
    return { flowId: answer.flow_id, vlink: answer.vlink, flowToken: answer.flow_token };
  }

  const read = <T>(path: string, flowId: string, init?: RequestOptions) =>
    send(path, { ...init, flowId }).then(json<T>);

  return {
    createFlow(create: CreateFlowOptions, init?: RequestOptions): Promise<FlowHandle> {
      const fields: ProxyCreateFlowBody = {
        locale: create.locale,
        template: create.template,
        ui_preset: create.uiPreset,
        ui: create.ui,
        callback_url: create.callbackUrl,
        input_data: create.inputData,
      };
      // Only the options given (an empty string is not given either).
      const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value));
      return send('/flow', { ...init, body, idempotencyKey: create.idempotencyKey }).then(handleOf);
    },
    // 404: the user has no flow in progress (the proxy answers so without its verdicts option too).
    getCurrentFlow: (init) =>
      send('/flows/current', init).then(handleOf, (e: VerigramApiError) => {
        if (e.status === 404) return null;
        throw e;
      }),
    getFlow: (flowId, init) => read(`/flow/${encodeURIComponent(flowId)}`, flowId, init),
    getFlowResult: (flowId, init) => read(`/flow/${encodeURIComponent(flowId)}/result`, flowId, init),
    getSessionResult: (flowId, sessionId, init) =>
      read(`/journal/session/${encodeURIComponent(sessionId)}`, flowId, init),
    createLivenessSession: (flowId, body, init) =>
      send('/liveness2/session', { ...init, body, flowId }).then(json<LivenessSession>),
    getFile: (flowId, label, init) =>
      send(`/resources/file?label=${encodeURIComponent(label)}`, { ...init, flowId }).then((r) => r.blob()),
    rememberFlow(handle) {
      if (handle.flowToken) tokens.set(handle.flowId, handle.flowToken);
    },
  };
}

const json = <T>(response: Response): Promise<T> =>
  response.json().catch((cause) => {
    throw new VerigramApiError({
      status: response.status,
      errorCode: 'UPSTREAM_MALFORMED',
      errorMsg: 'The proxy answered non-JSON',
      cause,
    });
  });
