import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../node/createNodeTransport.ts';
import { toExpressHandler, toNodeHandler } from '../node/toNodeHandler.ts';
import { toHonoHandler } from '../toHonoHandler.ts';
import { toNextHandlers } from '../toNextHandlers.ts';
import { createFakeUpstream } from './fakeUpstream.ts';
import { ALICE, createHarness, post } from './harness.ts';

const servers: http.Server[] = [];

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Creates a flow and reads it back through `base`, the way the browser kit would. */
async function roundTrip(base: string) {
  const created = await fetch(`${base}/api/verigram/flow`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, 'x-test-user': ALICE },
    body: JSON.stringify({ locale: 'ru' }),
  });
  expect(created.status).toBe(201);
  const flow = (await created.json()) as { flow_id: string; flow_token: string };
  const read = await fetch(`${base}/api/verigram/flow/${flow.flow_id}`, {
    headers: { authorization: `Bearer ${flow.flow_token}`, 'x-test-user': ALICE },
  });
  expect(read.status).toBe(200);
  expect(((await read.json()) as { locale: string }).locale).toBe('ru');
  return flow;
}

describe('toNodeHandler', () => {
  it('serves the proxy from http.createServer and passes the socket address as the client IP', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream, {
      rateLimit: { perUser: false, perIp: { limit: 1, windowMs: 60_000 } },
    });
    const base = await listen(http.createServer(toNodeHandler(proxy)));
    await roundTrip(base);
    const second = await fetch(`${base}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-test-user': 'carol-0003' },
      body: '{}',
    });
    // Another user, same IP (127.0.0.1): the per-IP limit of one applies.
    expect(second.status).toBe(429);
  });

  it('refuses raw traversal paths that never went through a URL parser', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream);
    const base = await listen(http.createServer(toNodeHandler(proxy)));
    const { port } = new URL(base);
    for (const path of [
      '/api/verigram/flow/..%2f..%2fadmin',
      '/api/verigram/flow/%2e%2e/result',
      '/api/verigram/../verigram/flow/x/..',
    ]) {
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, headers: { 'x-test-user': ALICE } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(upstream.calls).toEqual([]);
  });

  it('streams a file to the socket', async () => {
    const upstream = createFakeUpstream();
    const bytes = new Uint8Array(100_000);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    upstream.setFile({ bytes, type: 'image/png' });
    const { proxy } = createHarness(upstream);
    const base = await listen(http.createServer(toNodeHandler(proxy)));
    const flow = await roundTrip(base);
    const file = await fetch(`${base}/api/verigram/resources/file?label=bestframe`, {
      headers: { authorization: `Bearer ${flow.flow_token}`, 'x-test-user': ALICE },
    });
    expect(file.headers.get('content-type')).toBe('image/png');
    expect((await file.arrayBuffer()).byteLength).toBe(100_000);
  });
});

describe('toExpressHandler', () => {
  it('works as Express middleware mounted at the mount path and falls through elsewhere', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream);
    const app = express();
    app.use('/api/verigram', toExpressHandler(proxy));
    app.use(toExpressHandler(proxy));
    app.get('/health', (_req, res) => {
      res.send('ok');
    });
    const base = await listen(http.createServer(app));
    await roundTrip(base);
    expect(await (await fetch(`${base}/health`)).text()).toBe('ok');
  });
});

describe('toNextHandlers', () => {
  it('gives GET, POST and OPTIONS route handlers that take a plain Request', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream);
    const { GET, POST, OPTIONS } = toNextHandlers(proxy);
    const created = await POST(post('/flow', {}));
    expect(created.status).toBe(201);
    const flow = (await created.json()) as { flow_id: string; flow_token: string };
    const read = await GET(
      new Request(`https://app.example.com/api/verigram/flow/${flow.flow_id}`, {
        headers: { authorization: `Bearer ${flow.flow_token}`, 'x-test-user': ALICE },
      }),
    );
    expect(read.status).toBe(200);
    const preflight = await OPTIONS(
      new Request('https://app.example.com/api/verigram/flow', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com' },
      }),
    );
    expect(preflight.status).toBe(204);
  });
});

describe('toHonoHandler', () => {
  it('serves the proxy from a Hono app, as does the documented one-liner', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream);
    const app = new Hono();
    app.all('/api/verigram/*', toHonoHandler(proxy));
    const created = await app.request(post('/flow', {}));
    expect(created.status).toBe(201);
    const oneLiner = new Hono();
    oneLiner.all('/api/verigram/*', (c) => proxy(c.req.raw));
    expect((await oneLiner.request(post('/flow', { locale: 'kk' }))).status).toBe(201);
    expect(upstream.flows.size).toBe(2);
  });
});

describe('createNodeTransport', () => {
  it('speaks to the upstream over keep-alive sockets, with a body and a timeout', async () => {
    const sockets = new Set<unknown>();
    let lastBody = '';
    const server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        lastBody = body;
        if (req.url === '/slow') return setTimeout(() => res.end('{}'), 500);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, key: req.headers['x-verigram-api-key'] }));
      });
    });
    const base = await listen(server);
    const transport = createNodeTransport();
    for (let i = 0; i < 3; i++) {
      const response = await transport(`${base}/flow/${i}`, {
        method: 'GET',
        headers: { 'X-Verigram-Api-Key': 'sandbox-test-key' },
      });
      expect(await response.json()).toEqual({ method: 'GET', url: `/flow/${i}`, key: 'sandbox-test-key' });
    }
    expect(sockets.size).toBe(1);
    const posted = await transport(`${base}/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"ü"}',
    });
    expect(posted.status).toBe(200);
    expect(lastBody).toBe('{"a":"ü"}');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('too slow')), 50);
    await expect(
      transport(`${base}/slow`, { method: 'GET', headers: {}, signal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('createNodeTransport and redirects', () => {
  it('given an upstream answering 307, then the proxy answers 502 UPSTREAM_REDIRECT and the key stays home', async () => {
    const keysElsewhere: unknown[] = [];
    const elsewhere = await listen(
      http.createServer((req, res) => {
        keysElsewhere.push(req.headers['x-verigram-api-key']);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ flow_id: 'stolen-1', vlink: 'http://evil.test/' }));
      }),
    );
    const upstream = await listen(
      http.createServer((req, res) => {
        req.resume();
        res.writeHead(307, { location: `${elsewhere}${req.url}`, 'content-type': 'application/json' });
        res.end('{"error_code":"MOVED","error_msg":"see Location"}');
      }),
    );
    const { send } = createHarness({ baseUrl: upstream, fetch: createNodeTransport() });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe('UPSTREAM_REDIRECT');
    expect(answer.headers.get('location')).toBeNull();
    expect(answer.text).not.toContain(elsewhere);
    expect(keysElsewhere).toEqual([]);
  });
});
