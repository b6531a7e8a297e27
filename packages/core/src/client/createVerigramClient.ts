import { API_KEY_HEADER, API_VERSION, API_VERSION_HEADER } from '../api/constants.ts';
import type { CreateFlowResponse, FileQuery } from '../api/schemas.ts';
import { readErrorBody } from '../errors/errorBody.ts';
import { isVerigramApiError, VerigramApiError } from '../errors/VerigramApiError.ts';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type ResolvedRetryPolicy,
  shouldRetry,
} from '../polling/retryer.ts';
import { buildFileQuery } from './buildFileQuery.ts';
import { linkSignals } from './linkSignals.ts';
import {
  TRANSPORT_TIMEOUTS,
  type VerigramClient,
  type VerigramClientOptions,
  type VerigramFile,
  type VerigramRequestOptions,
  type VerigramResponse,
} from './VerigramClient.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The spec declares its path templates (`/flow/{flow_id}`, `/journal/session/{session_id}`) but
 * never the path parameters themselves; we treat them as opaque non-empty strings and
 * percent-encode them, so an id can never add a path segment or a query.
 */
function pathParam(name: string, value: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string`);
  return encodeURIComponent(value);
}

function abortedError(cause: unknown): VerigramApiError {
  return new VerigramApiError({
    status: 0,
    errorCode: 'ABORTED',
    errorMsg: 'The request was aborted',
    cause,
  });
}

function redirectError(response: VerigramResponse): VerigramApiError {
  // Nobody reads the body; cancel it so the socket is released.
  void response.body?.cancel().catch(() => {});
  return new VerigramApiError({
    status: response.status,
    errorCode: 'UPSTREAM_REDIRECT',
    errorMsg: `Verigram answered ${response.status} (a redirect); redirects are never followed, so the API key only goes to baseUrl`,
  });
}

/**
 * A typed server-side client for Verigram API 2.0, holding the API key (so
 * server-side only). Runs wherever `fetch`
 * exists; nothing here imports node:*.
 *
 * @example
 * const verigram = createVerigramClient({ apiKey: process.env.VERIGRAM_API_KEY!, baseUrl: 'http://127.0.0.1:4010' });
 * const { flow_id, vlink } = await verigram.createFlow({ person_id: 'user-123456' });
 */
export function createVerigramClient(options: VerigramClientOptions): VerigramClient {
  if (!options.apiKey) throw new TypeError('createVerigramClient: apiKey is required');
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`createVerigramClient: baseUrl "${options.baseUrl}" is not an absolute URL`);
  }
  const baseUrl = base.href.replace(/\/+$/, '');
  const apiVersion = options.apiVersion ?? API_VERSION;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxDelayMs = options.retry?.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  const policy: ResolvedRetryPolicy = {
    retries: options.retry?.retries ?? DEFAULT_RETRY_POLICY.retries,
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs,
    // A Retry-After the client would not wait out goes to the caller, who can say "try later".
    maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? maxDelayMs,
  };
  const transport = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const transportTimesOut = options.fetch?.[TRANSPORT_TIMEOUTS] === true;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  /**
   * One attempt: headers, timeout, error classification. `read` consumes the successful
   * response while the timeout still runs (JSON) or hands the stream out (files).
   */
  async function attempt<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    callerSignal: AbortSignal | undefined,
    read: (response: VerigramResponse) => Promise<T>,
    streaming = false,
  ): Promise<T> {
    // With no caller signal, a transport that enforces timeoutMs needs no signal at all.
    const link = transportTimesOut && !callerSignal ? undefined : linkSignals(callerSignal, timeoutMs);
    const timedOut = (cause: unknown) =>
      link ? link.timedOut : (cause as { name?: unknown } | null)?.name === 'TimeoutError';
    const headers: Record<string, string> = {
      [API_KEY_HEADER]: options.apiKey,
      [API_VERSION_HEADER]: apiVersion,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      let response: VerigramResponse;
      try {
        response = await transport(`${baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          ...(link ? { signal: link.signal } : { timeoutMs }),
          // Following a redirect would resend X-Verigram-Api-Key to whatever host Location names.
          redirect: 'error',
        });
      } catch (cause) {
        throw classifyTransportError(cause, timedOut(cause), callerSignal);
      }
      // A transport that does not follow redirects (the Node one) hands the 3xx back instead.
      if (response.status >= 300 && response.status < 400) throw redirectError(response);
      if (!response.ok) throw await readErrorBody(response, 'UPSTREAM_MALFORMED');
      return await read(response);
    } catch (error) {
      if (error instanceof VerigramApiError) throw error;
      // A body that fails mid-read because our timer fired is a timeout, not a malformed body.
      throw classifyTransportError(error, timedOut(error), callerSignal);
    } finally {
      // A streamed file outlives this call: only the timer stops, the caller's signal still
      // cancels the body.
      if (streaming) link?.clearTimer();
      else link?.dispose();
    }
  }

  function classifyTransportError(
    cause: unknown,
    timedOut: boolean,
    callerSignal: AbortSignal | undefined,
  ): VerigramApiError {
    if (callerSignal?.aborted) return abortedError(cause);
    if (timedOut) {
      return new VerigramApiError({
        status: 0,
        errorCode: 'TIMEOUT',
        errorMsg: `Verigram did not answer within ${timeoutMs} ms`,
        cause,
      });
    }
    return new VerigramApiError({
      status: 0,
      errorCode: 'NETWORK_ERROR',
      errorMsg: 'Verigram could not be reached',
      cause,
    });
  }

  /** GETs are idempotent, so they are retried; see the retryer for the schedule. */
  async function withRetries<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        // An aborted call is not retried: its caller is gone.
        if (isVerigramApiError(error) && error.errorCode === 'ABORTED') throw error;
        if (!shouldRetry(attempt, error, policy)) throw error;
        try {
          await sleep(backoffDelay(attempt, policy, error, random), signal);
        } catch (cause) {
          throw abortedError(cause);
        }
      }
    }
  }

  async function readJson<T>(response: VerigramResponse): Promise<T> {
    const text = await response.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new VerigramApiError({
        status: response.status,
        errorCode: 'UPSTREAM_MALFORMED',
        errorMsg: `Verigram answered ${response.status} with a body that is not JSON`,
        cause,
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new VerigramApiError({
        status: response.status,
        errorCode: 'UPSTREAM_MALFORMED',
        errorMsg: `Verigram answered ${response.status} with JSON that is not an object`,
      });
    }
    return value as T;
  }

  function getJson<T>(path: string, init: VerigramRequestOptions | undefined): Promise<T> {
    return withRetries(init?.signal, () => attempt('GET', path, undefined, init?.signal, readJson<T>));
  }

  function postJson<T>(path: string, body: unknown, init: VerigramRequestOptions | undefined): Promise<T> {
    // Never retried: a POST that timed out may have created the flow or session already.
    return attempt('POST', path, body, init?.signal, readJson<T>);
  }

  return {
    createFlow: (body, init) =>
      attempt('POST', '/flow', body, init?.signal, async (response) => {
        const created = await readJson<CreateFlowResponse>(response);
        if (typeof created.flow_id === 'string' && typeof created.vlink === 'string')
          return created as Required<CreateFlowResponse>;
        throw new VerigramApiError({
          status: response.status,
          errorCode: 'UPSTREAM_MALFORMED',
          errorMsg: 'Verigram created a flow without a flow_id or vlink',
        });
      }),
    getFlow: (flowId, init) => getJson(`/flow/${pathParam('flowId', flowId)}`, init),
    getFlowResult: (flowId, init) => getJson(`/flow/${pathParam('flowId', flowId)}/result`, init),
    getSessionResult: (sessionId, init) =>
      getJson(`/journal/session/${pathParam('sessionId', sessionId)}`, init),
    createLivenessSession: (body, init) => postJson('/liveness2/session', body, init),
    downloadFile(query: FileQuery, init?: VerigramRequestOptions): Promise<VerigramFile> {
      const path = `/resources/file?${buildFileQuery(query)}`;
      return withRetries(init?.signal, () =>
        attempt(
          'GET',
          path,
          undefined,
          init?.signal,
          async (response) => {
            const length = response.headers.get('content-length');
            return {
              body: response.body,
              contentType: response.headers.get('content-type'),
              contentLength: length !== null && /^\d+$/.test(length) ? Number(length) : undefined,
            };
          },
          true,
        ),
      );
    },
  };
}
