import { VerigramApiError } from '@verigram-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { createProxyClient } from '../createProxyClient.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const created = {
  flow_id: 'F1',
  vlink: 'https://web.verigram.kz/hf2/F1/',
  flow_token: 'tok1',
  flow_token_expires_at: '2030-01-01T00:00:00Z',
};

describe('createProxyClient', () => {
  it('given createFlow, then it POSTs the proxy body with the Idempotency-Key and keeps the token', async () => {
    const fetch = vi.fn(async () => json(201, created));
    const client = createProxyClient({
      baseUrl: '/api/v/',
      fetch: fetch as unknown as typeof globalThis.fetch,
      headers: { 'X-CSRF': 'c' },
    });
    const handle = await client.createFlow({
      locale: 'kk',
      uiPreset: 'brand',
      template: 'kyc',
      callbackUrl: 'https://app.example.com/verigram/callback',
      idempotencyKey: 'key-1',
    });
    expect(handle).toEqual({ flowId: 'F1', vlink: created.vlink, flowToken: 'tok1' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v/flow');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      locale: 'kk',
      ui_preset: 'brand',
      template: 'kyc',
      callback_url: 'https://app.example.com/verigram/callback',
    });
    const headers = new Headers(init.headers);
    expect(headers.get('Idempotency-Key')).toBe('key-1');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('X-CSRF')).toBe('c');
  });

  it('given a created flow, then its reads carry its Bearer token on the documented routes', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url.endsWith('/flow')) return json(201, created);
      if (url.includes('/resources/file')) return new Response('img', { status: 200 });
      return json(200, { ok: url });
    });
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    await client.createFlow({});
    await client.getFlow('F1');
    await client.getFlowResult('F1');
    await client.getSessionResult('F1', 'S9');
    await client.createLivenessSession('F1', { max_retries: 3 });
    const blob = await client.getFile('F1', 'bestframe');
    expect(await blob.text()).toBe('img');
    const calls = fetch.mock.calls.slice(1) as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/verigram/flow/F1',
      'GET /api/verigram/flow/F1/result',
      'GET /api/verigram/journal/session/S9',
      'POST /api/verigram/liveness2/session',
      'GET /api/verigram/resources/file?label=bestframe',
    ]);
    for (const [, init] of calls) expect(new Headers(init.headers).get('Authorization')).toBe('Bearer tok1');
    const reads = calls.filter(([, init]) => init.method === 'GET');
    for (const [, init] of reads) {
      expect(init.body).toBeUndefined();
      expect(new Headers(init.headers).get('Content-Type')).toBeNull();
    }
  });

  it('given a remembered handle (resume), then reads carry its token', async () => {
    const fetch = vi.fn(async () => json(200, {}));
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    client.rememberFlow?.({ flowId: 'F2', vlink: 'x', flowToken: 'resumed' });
    await client.getFlow('F2');
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer resumed');
  });

  it('given an expired token, then it renews once through POST /flow/{id}/token and retries', async () => {
    let renewed = false;
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      if (url.endsWith('/token')) {
        renewed = true;
        return json(200, { ...created, flow_token: 'tok2' });
      }
      const auth = new Headers(init.headers).get('Authorization');
      if (auth === 'Bearer tok2') return json(200, { flow_id: 'F1' });
      return json(401, { error_code: 'FLOW_TOKEN_EXPIRED', error_msg: 'expired' });
    });
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    client.rememberFlow?.({ flowId: 'F1', vlink: 'x', flowToken: 'tok1' });
    const [a, b] = await Promise.all([client.getFlow('F1'), client.getFlowResult('F1')]);
    expect(a).toEqual({ flow_id: 'F1' });
    expect(b).toEqual({ flow_id: 'F1' });
    expect(renewed).toBe(true);
    expect(fetch.mock.calls.filter(([url]) => String(url).endsWith('/token'))).toHaveLength(1);
  });

  it('given a token that stays expired, then the second 401 is thrown, not retried forever', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/token')
        ? json(200, { ...created, flow_token: 'tok2' })
        : json(401, { error_code: 'FLOW_TOKEN_EXPIRED', error_msg: 'expired' }),
    );
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    await expect(client.getFlow('F1')).rejects.toMatchObject({
      status: 401,
      errorCode: 'FLOW_TOKEN_EXPIRED',
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('given error answers, then they become VerigramApiError with code, message and Retry-After', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        json(429, { error_code: 'RATE_LIMITED', error_msg: 'slow down' }, { 'Retry-After': '7' }),
      )
      .mockResolvedValueOnce(
        new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      )
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    const first = await client.createFlow({}).catch((e) => e);
    expect(first).toBeInstanceOf(VerigramApiError);
    expect(first).toMatchObject({
      status: 429,
      errorCode: 'RATE_LIMITED',
      errorMsg: 'slow down',
      retryAfter: 7,
    });
    await expect(client.getFlow('F1')).rejects.toMatchObject({ status: 502, errorCode: 'HTTP_502' });
    await expect(client.getFlow('F1')).rejects.toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR' });
  });

  it('given a renewal answer without a flow, then the read rejects as malformed and keeps no token', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/token')
        ? json(200, { flow_token: 'tok2' })
        : json(401, { error_code: 'FLOW_TOKEN_EXPIRED', error_msg: 'expired' }),
    );
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    client.rememberFlow?.({ flowId: 'F1', vlink: 'x', flowToken: 'tok1' });
    await expect(client.getFlow('F1')).rejects.toMatchObject({ errorCode: 'UPSTREAM_MALFORMED' });
    await client.getFlow('F1').catch(() => {});
    const reads = fetch.mock.calls.filter(([url]) => !String(url).endsWith('/token'));
    const [, init] = reads.at(-1) as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer tok1');
  });

  it('given the caller aborts, then the failure is ABORTED, not a network error', async () => {
    const client = createProxyClient({
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    });
    const controller = new AbortController();
    const read = client.getFlow('F1', { signal: controller.signal });
    controller.abort();
    await expect(read).rejects.toMatchObject({ status: 0, errorCode: 'ABORTED' });
  });

  it('given an answer without flow_id, then createFlow refuses it', async () => {
    const client = createProxyClient({ fetch: async () => json(201, { vlink: 'x' }) });
    await expect(client.createFlow({})).rejects.toMatchObject({ errorCode: 'UPSTREAM_MALFORMED' });
  });

  it('given the user has a flow in progress, then getCurrentFlow GETs /flows/current and its reads carry that token', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/flows/current') ? json(200, created) : json(200, { flow_id: 'F1' }),
    );
    const client = createProxyClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    expect(await client.getCurrentFlow?.()).toEqual({
      flowId: 'F1',
      vlink: created.vlink,
      flowToken: 'tok1',
    });
    await client.getFlow('F1');
    const calls = fetch.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/verigram/flows/current',
      'GET /api/verigram/flow/F1',
    ]);
    expect(new Headers(calls[1]?.[1].headers).get('Authorization')).toBe('Bearer tok1');
  });

  it('given the user has no flow in progress (404), then getCurrentFlow answers null; other failures reject', async () => {
    const none = createProxyClient({
      fetch: async () => json(404, { error_code: 'NOT_FOUND', error_msg: 'none' }),
    });
    expect(await none.getCurrentFlow?.()).toBeNull();
    const down = createProxyClient({
      fetch: async () => json(503, { error_code: 'UNAVAILABLE', error_msg: 'x' }),
    });
    await expect(down.getCurrentFlow?.()).rejects.toMatchObject({ status: 503, errorCode: 'UNAVAILABLE' });
    const malformed = createProxyClient({ fetch: async () => json(200, { flow_token: 't' }) });
    await expect(malformed.getCurrentFlow?.()).rejects.toMatchObject({ errorCode: 'UPSTREAM_MALFORMED' });
  });
});
