import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { VerigramApiError } from '../../errors/VerigramApiError.ts';
import { createVerigramClient } from '../createVerigramClient.ts';
import { TRANSPORT_TIMEOUTS, type VerigramFetch, type VerigramFetchInit } from '../VerigramClient.ts';
import { apiRejection } from './apiRejection.ts';

const KEY = 'sandbox-test-key';
const BASE = 'http://upstream.test/base/';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fake transport answering from a queue and recording every call. */
function queueFetch(...answers: Array<Response | Error | ((call: Call) => Promise<Response>)>) {
  const calls: Call[] = [];
  const fetch: VerigramFetch = async (url, init) => {
    const call = { url, init };
    calls.push(call);
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers queued');
    if (next instanceof Error) throw next;
    if (typeof next === 'function') return next(call);
    return next;
  };
  return { fetch, calls };
}

function client(fetch: VerigramFetch, extra: Partial<Parameters<typeof createVerigramClient>[0]> = {}) {
  const sleeps: number[] = [];
  const verigram = createVerigramClient({
    apiKey: KEY,
    baseUrl: BASE,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { verigram, sleeps };
}

describe('createVerigramClient', () => {
  it('sends the key and version headers and a JSON body to POST /flow', async () => {
    const { fetch, calls } = queueFetch(json(201, { flow_id: 'f1', vlink: 'https://v/hf2/f1/' }));
    const { verigram } = client(fetch);
    const created = await verigram.createFlow({ person_id: 'user-123456', locale: 'kk' });
    expect(created).toEqual({ flow_id: 'f1', vlink: 'https://v/hf2/f1/' });
    const [call] = calls;
    expect(call?.url).toBe('http://upstream.test/base/flow');
    expect(call?.init.method).toBe('POST');
    const headers = call?.init.headers as Record<string, string>;
    expect(headers['X-Verigram-Api-Key']).toBe(KEY);
    expect(headers['X-Verigram-Api-Version']).toBe('2.0');
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(String(call?.init.body))).toEqual({ person_id: 'user-123456', locale: 'kk' });
  });

  it('given a 201 without flow_id or vlink (both optional in the spec), then createFlow fails UPSTREAM_MALFORMED, once, instead of answering no flow', async () => {
    for (const body of [{ vlink: 'https://v/hf2/f1/' }, { flow_id: 'f1' }, { flow_id: 1, vlink: 'x' }]) {
      const { fetch, calls } = queueFetch(json(201, body));
      const { verigram } = client(fetch);
      const error = await apiRejection(verigram.createFlow({ person_id: 'user-123456' }));
      expect(error.errorCode).toBe('UPSTREAM_MALFORMED');
      expect(error.status).toBe(201);
      expect(calls).toHaveLength(1);
    }
  });

  it("types createFlow's answer with flow_id and vlink present, so the next call needs no assertion", async () => {
    const { fetch } = queueFetch(json(201, { flow_id: 'f1', vlink: 'https://v/hf2/f1/' }), json(200, {}));
    const { verigram } = client(fetch);
    const { flow_id } = await verigram.createFlow({ person_id: 'user-123456' });
    expectTypeOf(flow_id).toEqualTypeOf<string>();
    await verigram.getFlow(flow_id);
  });

  it('uses a configured api version', async () => {
    const { fetch, calls } = queueFetch(json(200, { flow_id: 'f1' }));
    const { verigram } = client(fetch, { apiVersion: '2.1' });
    await verigram.getFlow('f1');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['X-Verigram-Api-Version']).toBe('2.1');
  });

  it('percent-encodes path parameters so an id cannot add segments or a query', async () => {
    const { fetch, calls } = queueFetch(json(200, {}), json(200, {}), json(200, {}));
    const { verigram } = client(fetch);
    await verigram.getFlow('../x?y=1');
    await verigram.getFlowResult('a/b');
    await verigram.getSessionResult('s#1');
    expect(calls.map((c) => c.url)).toEqual([
      'http://upstream.test/base/flow/..%2Fx%3Fy%3D1',
      'http://upstream.test/base/flow/a%2Fb/result',
      'http://upstream.test/base/journal/session/s%231',
    ]);
    expect(() => verigram.getFlow('')).toThrow(TypeError);
  });

  it('turns a SaasErrorResponse into a VerigramApiError with status, code, message and Retry-After', async () => {
    const { fetch } = queueFetch(
      json(422, { error_code: 'INVALID_PAYLOAD', error_msg: 'Person ID is required' }),
    );
    const { verigram } = client(fetch);
    const error = await apiRejection(verigram.createFlow({ person_id: '' }));
    expect(error.status).toBe(422);
    expect(error.errorCode).toBe('INVALID_PAYLOAD');
    expect(error.errorMsg).toBe('Person ID is required');
  });

  it.each([
    ['an HTML error page', new Response('<h1>Bad gateway</h1>', { status: 502 })],
    ['JSON without error_code', json(500, { message: 'oops' })],
  ])('reports %s as UPSTREAM_MALFORMED with the real status', async (_name, response) => {
    const { fetch } = queueFetch(response);
    const { verigram } = client(fetch, { retry: { retries: 0 } });
    const error = await apiRejection(verigram.getFlow('f1'));
    expect(error.errorCode).toBe('UPSTREAM_MALFORMED');
    expect(error.status).toBe((response as Response).status);
  });

  it('reports a 200 with a non-JSON body as UPSTREAM_MALFORMED', async () => {
    const { fetch } = queueFetch(new Response('{"flow_id": tru', { status: 200 }));
    const { verigram } = client(fetch);
    const error = await apiRejection(verigram.getFlow('f1'));
    expect(error).toMatchObject({ status: 200, errorCode: 'UPSTREAM_MALFORMED' });
  });

  it('retries a GET on 5xx with capped exponential backoff and full jitter', async () => {
    const { fetch, calls } = queueFetch(
      json(503, { error_code: 'UNAVAILABLE', error_msg: 'x' }),
      json(500, { error_code: 'INTERNAL', error_msg: 'x' }),
      json(200, { flow_id: 'f1' }),
    );
    const { verigram, sleeps } = client(fetch, { retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 150 } });
    await expect(verigram.getFlow('f1')).resolves.toEqual({ flow_id: 'f1' });
    expect(calls).toHaveLength(3);
    // random() = 0.5: first ceiling 100 → 50; second ceiling min(150, 200) → 75.
    expect(sleeps).toEqual([50, 75]);
  });

  it('honours Retry-After on a 429 and gives up after the configured retries', async () => {
    const limited = () =>
      json(429, { error_code: 'TOO_MANY_REQUESTS', error_msg: 'slow' }, { 'retry-after': '2' });
    const { fetch, calls } = queueFetch(limited(), limited(), limited());
    const { verigram, sleeps } = client(fetch, { retry: { retries: 2, maxDelayMs: 5000 } });
    const error = await apiRejection(verigram.getFlowResult('f1'));
    expect(error).toMatchObject({ status: 429, retryAfter: 2 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('does not wait for a Retry-After longer than maxDelayMs: the caller gets the 429', async () => {
    const { fetch, calls } = queueFetch(
      json(429, { error_code: 'TOO_MANY_REQUESTS', error_msg: 'slow' }, { 'retry-after': '60' }),
    );
    const { verigram, sleeps } = client(fetch, { retry: { retries: 5, maxDelayMs: 1000 } });
    const error = await apiRejection(verigram.getFlow('f1'));
    expect(error.retryAfter).toBe(60);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('never retries a POST, even on 503 or a network error', async () => {
    const { fetch, calls } = queueFetch(
      json(503, { error_code: 'UNAVAILABLE', error_msg: 'x' }),
      new TypeError('ECONNRESET'),
    );
    const { verigram } = client(fetch, { retry: { retries: 5 } });
    await expect(verigram.createFlow({ person_id: 'user-123456' })).rejects.toMatchObject({ status: 503 });
    await expect(
      verigram.createLivenessSession({ person_id: 'user-123456', duration: 120 }),
    ).rejects.toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR' });
    expect(calls).toHaveLength(2);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    const { fetch, calls } = queueFetch(json(404, { error_code: 'NOT_FOUND', error_msg: 'no flow' }));
    const { verigram } = client(fetch);
    await expect(verigram.getFlow('f1')).rejects.toMatchObject({ status: 404, errorCode: 'NOT_FOUND' });
    expect(calls).toHaveLength(1);
  });

  it('aborts a slow attempt after timeoutMs with errorCode TIMEOUT', async () => {
    vi.useFakeTimers();
    try {
      const hang = (call: Call) =>
        new Promise<Response>((_resolve, reject) => {
          call.init.signal?.addEventListener('abort', () => reject(call.init.signal?.reason));
        });
      const { fetch, calls } = queueFetch(hang, hang);
      const { verigram } = client(fetch, { timeoutMs: 1000, retry: { retries: 1 } });
      const pending = apiRejection(verigram.getFlow('f1'));
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await vi.advanceTimersByTimeAsync(1000);
      const error = await pending;
      expect(error).toMatchObject({ status: 0, errorCode: 'TIMEOUT' });
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('given a transport that enforces timeouts, then it gets timeoutMs and no signal, and its TimeoutError is TIMEOUT', async () => {
    const inits: VerigramFetchInit[] = [];
    const fetch = Object.assign(
      async (_url: string, init: VerigramFetchInit): Promise<Response> => {
        inits.push(init);
        throw new DOMException('Timed out after 1234 ms', 'TimeoutError');
      },
      { [TRANSPORT_TIMEOUTS]: true as const },
    );
    const { verigram } = client(fetch, { timeoutMs: 1234, retry: { retries: 1 } });
    const error = await apiRejection(verigram.getFlow('f1'));
    expect(error).toMatchObject({ status: 0, errorCode: 'TIMEOUT' });
    expect(inits).toHaveLength(2);
    expect(inits[0]?.timeoutMs).toBe(1234);
    expect(inits[0]?.signal).toBeUndefined();
  });

  it('given a transport that enforces timeouts, then any other failure is NETWORK_ERROR, and a caller signal still links', async () => {
    const inits: VerigramFetchInit[] = [];
    const fetch = Object.assign(
      async (_url: string, init: VerigramFetchInit): Promise<Response> => {
        inits.push(init);
        throw new Error('connect ECONNREFUSED');
      },
      { [TRANSPORT_TIMEOUTS]: true as const },
    );
    const { verigram } = client(fetch, { retry: { retries: 0 } });
    expect(await apiRejection(verigram.getFlow('f1'))).toMatchObject({ errorCode: 'NETWORK_ERROR' });
    await apiRejection(verigram.getFlow('f1', { signal: new AbortController().signal }));
    expect(inits[1]?.signal).toBeInstanceOf(AbortSignal);
    expect(inits[1]?.timeoutMs).toBeUndefined();
  });

  it('given a plain fetch, then it gets a timeout signal and never timeoutMs', async () => {
    const { fetch, calls } = queueFetch(json(200, { flow_id: 'f1' }));
    const { verigram } = client(fetch);
    await verigram.getFlow('f1');
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]?.init).not.toHaveProperty('timeoutMs');
  });

  it('combines the caller signal with the timeout: a caller abort is ABORTED and not retried', async () => {
    const controller = new AbortController();
    const { fetch, calls } = queueFetch(
      (call) =>
        new Promise<Response>((_resolve, reject) => {
          call.init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
          controller.abort();
        }),
    );
    const { verigram } = client(fetch, { retry: { retries: 3 } });
    const error = await apiRejection(verigram.getFlow('f1', { signal: controller.signal }));
    expect(error.errorCode).toBe('ABORTED');
    expect(calls).toHaveLength(1);
  });

  it('given an abort during the wait between retries, then the default wait ends at once: ABORTED, no further request', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const { fetch, calls } = queueFetch(
        json(503, { error_code: 'UNAVAILABLE', error_msg: 'busy' }),
        json(200, { flow_id: 'f1' }),
      );
      // The default sleep (none injected); a backoff of about 30 s.
      const verigram = createVerigramClient({
        apiKey: KEY,
        baseUrl: BASE,
        fetch,
        retry: { retries: 2, baseDelayMs: 30_000, maxDelayMs: 30_000 },
        random: () => 0.99,
      });
      let settled: unknown;
      const read = verigram.getFlow('f1', { signal: controller.signal }).then(
        () => (settled = 'resolved'),
        (error: unknown) => (settled = error),
      );
      // The first attempt was answered and nothing is left but the backoff: the read is still open.
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toHaveLength(1);
      expect(settled).toBeUndefined();

      controller.abort(new Error('the user left'));
      // No timer runs: only the abort can end the wait.
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBeInstanceOf(VerigramApiError);
      expect(settled).toMatchObject({ errorCode: 'ABORTED', status: 0 });
      await read;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('streams a file without buffering it and builds the query from exactly one id', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 3) controller.close();
        else controller.enqueue(new Uint8Array([pulled]));
      },
    });
    const { fetch, calls } = queueFetch(
      new Response(stream, { status: 200, headers: { 'content-type': 'image/jpeg', 'content-length': '3' } }),
    );
    const { verigram } = client(fetch);
    const file = await verigram.downloadFile({ label: 'bestframe', flow_id: 'f 1' });
    expect(calls[0]?.url).toBe('http://upstream.test/base/resources/file?label=bestframe&flow_id=f+1');
    expect(file.contentType).toBe('image/jpeg');
    expect(file.contentLength).toBe(3);
    // The client handed the stream over untouched: at most the first chunk was pre-pulled.
    expect(pulled).toBeLessThanOrEqual(1);
    const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it('refuses a file query with zero or several ids, or an unknown label', () => {
    const { verigram } = client(queueFetch().fetch);
    expect(() => verigram.downloadFile({ label: 'bestframe' } as never)).toThrow(/exactly one/);
    expect(() =>
      verigram.downloadFile({ label: 'bestframe', flow_id: 'a', session_id: 'b' } as never),
    ).toThrow(/exactly one/);
    expect(() => verigram.downloadFile({ label: 'selfie', flow_id: 'a' } as never)).toThrow(/label/);
  });

  it('refuses to start without a key or with a relative base URL', () => {
    expect(() => createVerigramClient({ apiKey: '', baseUrl: BASE })).toThrow(/apiKey/);
    expect(() => createVerigramClient({ apiKey: KEY, baseUrl: '/api' })).toThrow(/baseUrl/);
  });
});
