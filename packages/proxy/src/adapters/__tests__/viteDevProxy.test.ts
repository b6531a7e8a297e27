// The Vite dev server in front of the proxy (docs/first-verification.md, "Vite dev server"): a real
// Vite `server.proxy`, as tutorials configure it, on random ports.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeUpstream } from '../../__tests__/fakeUpstream.ts';
import { ALICE, createHarness } from '../../__tests__/harness.ts';
import { toExpressHandler } from '../node/toNodeHandler.ts';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** An Express app serving the proxy, and a Vite dev server forwarding /api/verigram to it. */
async function startBehindVite(changeOrigin: boolean, pageOrigin?: (viteOrigin: string) => string) {
  const upstream = createFakeUpstream();
  const { proxy } = createHarness(upstream);
  const app = express();
  // The adapter is made at the first request: the page origin it may be given is Vite's, known later.
  let origin: string | undefined;
  let handler: ReturnType<typeof toExpressHandler> | undefined;
  app.use('/api/verigram', (req, res, next) => {
    handler ??= toExpressHandler(proxy, { origin });
    return handler(req, res, next);
  });
  const backend = http.createServer(app).listen(0, '127.0.0.1');
  await once(backend, 'listening');
  closers.push(() => new Promise((resolve) => backend.close(resolve)));
  const target = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  const vite: ViteDevServer = await createServer({
    configFile: false,
    logLevel: 'silent',
    root: import.meta.dirname,
    server: { host: '127.0.0.1', port: 0, proxy: { '/api/verigram': { target, changeOrigin } } },
  });
  await vite.listen();
  closers.push(() => vite.close());
  const address = vite.httpServer?.address() as AddressInfo | undefined;
  if (!address) throw new Error('the Vite dev server did not listen');
  const viteOrigin = `http://127.0.0.1:${address.port}`;
  origin = pageOrigin ? pageOrigin(viteOrigin) : undefined;
  // What a browser on the Vite page sends: its own origin, and a callback on it.
  const createFlow = () =>
    fetch(`${viteOrigin}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: viteOrigin, 'x-test-user': ALICE },
      body: JSON.stringify({ callback_url: `${viteOrigin}/verigram/callback` }),
    });
  return { upstream, createFlow };
}

describe('the proxy behind the Vite dev server', () => {
  it('given server.proxy with changeOrigin: false, when the page creates a flow, then it is created with its callback on the page origin', async () => {
    const { upstream, createFlow } = await startBehindVite(false);
    const created = await createFlow();
    expect(created.status, await created.clone().text()).toBe(201);
    expect([...upstream.flows.values()].map((flow) => flow.callback_url)).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/verigram\/callback$/),
    ]);
  });

  it('given changeOrigin: true, then Host names the backend, the page origin is foreign, and the POST is refused 403 ORIGIN_NOT_ALLOWED with nothing created', async () => {
    const { upstream, createFlow } = await startBehindVite(true);
    const refused = await createFlow();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error_code: string }).error_code).toBe('ORIGIN_NOT_ALLOWED');
    expect(upstream.flows.size).toBe(0);
  });

  it('given changeOrigin: true and the page origin named to the adapter (origin option), then the flow is created', async () => {
    const { upstream, createFlow } = await startBehindVite(true, (viteOrigin) => viteOrigin);
    const created = await createFlow();
    expect(created.status, await created.clone().text()).toBe(201);
    expect(upstream.flows.size).toBe(1);
  });
});
