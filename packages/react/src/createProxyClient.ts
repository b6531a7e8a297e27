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

/**
 * A {@link FlowClient} for the kit's proxy (`@verigram-kit/proxy`): `POST {base}/flow` creates a flow and answers
 * its `flow_token`, which every later read of that flow carries as `Authorization: Bearer`. Tokens
 * live in memory, per flow id. An expired token (401 `FLOW_TOKEN_EXPIRED`) is renewed once through
 * `POST {base}/flow/{id}/token` and the request retried. Every failure is a {@link VerigramApiError}.
 * @example <VerigramProvider client={createProxyClient()}>…</VerigramProvider>
 */
export function createProxyClient(options: ProxyClientOptions = {}): FlowClient {
  const base = (options.baseUrl ?? '/api/verigram').replace(/\/+$/, '');
  const tokens = new Map<string, string>();
  const renewing = new Map<string, Promise<void>>();

  // A request with a body is a POST (every POST of the proxy takes JSON), any other a GET.
  async function send(
    path: string,
    init: RequestOptions & { body?: unknown; flowId?: string; idempotencyKey?: string } = {},
    renewed = false,
  ): Promise<Response> {
    const headers = new Headers(typeof options.headers === 'function' ? options.headers() : options.headers);
    if (init.idempotencyKey) headers.set('Idempotency-Key', init.idempotencyKey);
    const token = init.flowId === undefined ? undefined : tokens.get(init.flowId);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const post = init.body !== undefined;
    // The proxy refuses POSTs without a JSON content type: a cross-site form cannot send one (CSRF).
    if (post) headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(base + path, {
        method: post ? 'POST' : 'GET',
        headers,
        body: post ? JSON.stringify(init.body) : undefined,
        signal: init.signal,
        credentials: 'same-origin',
      });
    } catch (cause) {
      const aborted = init.signal?.aborted === true;
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
    if (error.status === 401 && error.errorCode === 'FLOW_TOKEN_EXPIRED' && init.flowId && !renewed) {
      await renew(init.flowId, init.signal);
      return send(path, init, true);
    }
    throw error;
  }

  // Concurrent reads of one flow that all meet an expired token share one renewal.
  function renew(flowId: string, signal?: AbortSignal): Promise<void> {
    let pending = renewing.get(flowId);
    if (!pending) {
      pending = send(`/flow/${encodeURIComponent(flowId)}/token`, { body: {}, signal })
        .then(json<ProxyCreateFlowResponse>)
        .then((answer) => {
          tokens.set(flowId, answer.flow_token);
        })
        .finally(() => renewing.delete(flowId));
      renewing.set(flowId, pending);
    }
    return pending;
  }

  // `POST /flow` and `GET /flows/current` answer the same: a flow and its token.
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

async function json<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new VerigramApiError({
      status: response.status,
      errorCode: 'UPSTREAM_MALFORMED',
      errorMsg: 'The proxy answered non-JSON',
      cause,
    });
  }
}
