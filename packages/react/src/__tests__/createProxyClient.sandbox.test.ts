// @vitest-environment node
// The browser's proxy client against the real proxy, served over HTTP, in front of the real
// sandbox: the flow-token renewal round trip as a deployment runs it, with no invented answer.
// (Test-only: the react package never imports the proxy or the sandbox in its own code.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerigramProxy } from '@verigram-kit/proxy';
import { toNodeHandler } from '@verigram-kit/proxy/node';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProxyClient } from '../createProxyClient.ts';

const TTL_SECONDS = 60;
let sandbox: RunningSandbox;
let app: Server;
let origin: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, env: {} });
  const proxy = createVerigramProxy({
    apiKey: 'sandbox-test-key',
    baseUrl: sandbox.url,
    secret: 'renewal-test-secret-renewal-test-secret',
    // `+auto`: the sandbox runs the flow to a pass at creation, so it has a result to read.
    authorize: () => ({ personId: 'person-0001+auto' }),
    flowTokenTtlSeconds: TTL_SECONDS,
    logger: false,
  });
  app = createServer(toNodeHandler(proxy));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  app?.closeAllConnections();
  await new Promise((resolve) => app?.close(resolve));
  await sandbox?.close();
});

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
