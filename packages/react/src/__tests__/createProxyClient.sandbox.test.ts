// @vitest-environment node
// The browser's proxy client against the real proxy, served over HTTP, in front of the real
// sandbox: the flow-token renewal round trip as a deployment runs it, with no invented answer.
// (Test-only: the react package never imports the proxy or the sandbox in its own code.)
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProxyClient } from '../createProxyClient.ts';
import { type ProxyOverSandbox, startProxyOverSandbox } from './proxyOverSandbox.ts';

const TTL_SECONDS = 60;
let running: ProxyOverSandbox;
let origin: string;

beforeAll(async () => {
  running = await startProxyOverSandbox({
    secret: 'renewal-test-secret-renewal-test-secret',
    flowTokenTtlSeconds: TTL_SECONDS,
  });
  origin = running.origin;
});

afterAll(() => running?.close());

afterEach(() => {
  vi.useRealTimers();
});

/** The client as a page of `origin` uses it, with every request and its status written down. */
function pageClient() {
  const requests: string[] = [];
  const tokens: string[] = [];
  const client = createProxyClient({
    baseUrl: `${origin}/api/verigram`,
    // A browser adds Origin itself; Node's fetch does not (the proxy's CSRF check wants it on POSTs).
    headers: { Origin: origin },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      requests.push(`${init?.method} ${new URL(String(input)).pathname} → ${response.status}`);
      tokens.push(new Headers(init?.headers).get('Authorization') ?? '');
      return response;
    },
  });
  return { client, requests, tokens };
}

describe('createProxyClient → createVerigramProxy → sandbox', () => {
  it('given a flow token past its lifetime, then reads renew it once through POST /flow/{id}/token and go on', async () => {
    // Only Date is faked: the proxy reads the clock to sign and check tokens; sockets keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { client, requests, tokens } = pageClient();
    const handle = await client.createFlow({ idempotencyKey: 'renewal-1' });
    const flowPath = `/api/verigram/flow/${handle.flowId}`;
    expect(await client.getFlow(handle.flowId)).toMatchObject({ flow_id: handle.flowId });

    vi.setSystemTime(Date.now() + (TTL_SECONDS + 1) * 1000);
    requests.length = 0;
    tokens.length = 0;
    expect(await client.getFlow(handle.flowId)).toMatchObject({
      flow_id: handle.flowId,
      flow_status: 'pass',
    });
    // The renewed token serves the next read as it is.
    expect(await client.getFlowResult(handle.flowId)).toMatchObject({
      flow_id: handle.flowId,
      flow_status: 'pass',
    });
    expect(requests).toEqual([
      `GET ${flowPath} → 401`,
      `POST ${flowPath}/token → 200`,
      `GET ${flowPath} → 200`,
      `GET ${flowPath}/result → 200`,
    ]);
    const [expired, renewal, renewed, again] = tokens;
    expect(renewal).toBe('');
    expect(renewed).toMatch(/^Bearer \S+$/);
    expect(renewed).not.toBe(expired);
    expect(again).toBe(renewed);
  });
});
