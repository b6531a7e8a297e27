import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerigramClient, type VerigramFetch } from '@verigram-kit/core';
import { TRANSPORT_TIMEOUTS } from '@verigram-kit/core/internal';
import express, { type Request as ExpressRequest } from 'express';
import session from 'express-session';
import { Hono } from 'hono';
import { afterAll, afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { API_KEY, createFakeUpstream } from '../../__tests__/fakeUpstream.ts';
import { ALICE, createHarness, post, SECRET, transcript } from '../../__tests__/harness.ts';
import { personIdFor } from '../../auth/personIdFor.ts';
import { createNodeTransport } from '../node/createNodeTransport.ts';
import { toExpressHandler, toNodeHandler } from '../node/toNodeHandler.ts';
import { toHonoHandler } from '../toHonoHandler.ts';
import { toNextHandlers } from '../toNextHandlers.ts';

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

/** Keeps what an adapter answered, headers and body, for the API-key grep at the end. */
async function record(response: Response): Promise<Response> {
  const text = await response.clone().text();
  transcript.push(`${response.status}\n${[...response.headers].join('\n')}\n\n${text}`);
  return response;
}

afterAll(() => {
  // Log lines land in the transcript through the harness's logger; answers through record().
  expect(transcript.length).toBeGreaterThan(10);
  for (const entry of transcript) expect(entry).not.toContain(API_KEY);
});

/** Creates a flow and reads it back through `base`, the way the browser kit would. */
async function roundTrip(base: string) {
  const created = await record(
    await fetch(`${base}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-test-user': ALICE },
      body: JSON.stringify({ locale: 'ru' }),
    }),
  );
  expect(created.status).toBe(201);
  const flow = (await created.json()) as { flow_id: string; flow_token: string };
  const read = await record(
    await fetch(`${base}/api/verigram/flow/${flow.flow_id}`, {
      headers: { authorization: `Bearer ${flow.flow_token}`, 'x-test-user': ALICE },
    }),
  );
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

  it("takes its own origin from each request's Host, and refuses a Host that names no host", async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream);
    const base = await listen(http.createServer(toNodeHandler(proxy)));
    const { port } = new URL(base);
    const send = (path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; text: string; nosniff?: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                text,
                nosniff: res.headers['x-content-type-options'] as string | undefined,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const post = (host: string, origin: string) =>
      send(
        '/api/verigram/flow',
        { host, origin, 'content-type': 'application/json', 'x-test-user': ALICE },
        '{}',
      );
    expect((await post('app.test', 'http://app.test')).status).toBe(201);
    // Host names are case-insensitive and port 80 is http's own: the same origin.
    expect((await post('APP.test:80', 'http://app.test')).status).toBe(201);
    expect((await post('other.test', 'http://app.test')).status).toBe(403);
    expect(upstream.flows.size).toBe(2);
    const badHost = await send('/api/verigram/flow/abc', { host: 'a b', 'x-test-user': ALICE });
    expect(badHost.status).toBe(400);
    expect(JSON.parse(badHost.text).error_code).toBe('INVALID_HOST');
    expect(badHost.nosniff).toBe('nosniff');
    // An absolute-form request line names no path below the mount point.
    const absolute = await send(
      'http://evil.test/api/verigram/flow',
      {
        host: 'app.test',
        origin: 'http://evil.test',
        'content-type': 'application/json',
        'x-test-user': ALICE,
      },
      '{}',
    );
    expect(absolute.status).toBe(404);
    expect(upstream.flows.size).toBe(2);
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

  it('given a browser that leaves mid-download, then the download upstream is stopped', async () => {
    const upstream = createFakeUpstream();
    let stopUpstream = () => {};
    const upstreamStopped = new Promise<void>((resolve) => {
      stopUpstream = resolve;
    });
    // A file that sends one chunk and then hangs, as a large one on a slow upstream would.
    const upstreamFetch: VerigramFetch = async (input, init) => {
      if (!input.includes('/resources/file')) return upstream.fetch(input, init);
      init.signal?.addEventListener('abort', () => stopUpstream());
      const chunk = new Uint8Array(64 * 1024);
      chunk.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(chunk),
        cancel: () => stopUpstream(),
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'image/png' } });
    };
    const { proxy } = createHarness({ baseUrl: upstream.baseUrl, fetch: upstreamFetch });
    const base = await listen(http.createServer(toNodeHandler(proxy)));
    const flow = await roundTrip(base);
    const browser = new AbortController();
    const file = await fetch(`${base}/api/verigram/resources/file?label=bestframe`, {
      headers: { authorization: `Bearer ${flow.flow_token}`, 'x-test-user': ALICE },
      signal: browser.signal,
    });
    expect(file.status).toBe(200);
    await file.body?.getReader().read();
    browser.abort();
    await upstreamStopped;
  });
});

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

describe('toNodeHandler with its own authorize', () => {
  it('given Express middleware that sets req.user, then flows belong to that user and nobody else', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream, { authorize: undefined });
    const app = express();
    app.use((req, _res, next) => {
      // Stands in for passport or express-session.
      const user = req.headers['x-test-user'];
      (req as typeof req & { user?: { id: string } }).user =
        typeof user === 'string' ? { id: user } : undefined;
      next();
    });
    app.use(
      toExpressHandler(proxy, {
        authorize: (req) => {
          const user = (req as typeof req & { user?: { id: string } }).user;
          return user ? { personId: user.id } : null;
        },
      }),
    );
    const base = await listen(http.createServer(app));
    const flow = await roundTrip(base);
    expect([...upstream.flows.values()].map((f) => f.person_id)).toEqual([ALICE]);
    const stranger = await fetch(`${base}/api/verigram/flow/${flow.flow_id}`, {
      headers: { authorization: `Bearer ${flow.flow_token}`, 'x-test-user': 'mallory-09' },
    });
    expect(stranger.status).toBe(404);
    const anonymous = await fetch(`${base}/api/verigram/flow/${flow.flow_id}`, {
      headers: { authorization: `Bearer ${flow.flow_token}` },
    });
    expect(anonymous.status).toBe(401);
  });

  it('given a clientIp hook, when a POST builds the Web Request first, then the body still arrives whole', async () => {
    const upstream = createFakeUpstream();
    const seen: string[] = [];
    const { proxy } = createHarness(upstream, {
      authorize: undefined,
      clientIp: (request) => {
        seen.push(request.method);
        return '203.0.113.7';
      },
    });
    const base = await listen(
      http.createServer(
        toNodeHandler(proxy, { authorize: (req) => ({ personId: String(req.headers['x-test-user']) }) }),
      ),
    );
    await roundTrip(base);
    expect(seen).toEqual(['POST']);
    expect([...upstream.flows.values()].map((f) => f.locale)).toEqual(['ru']);
  });

  it('refuses at boot a proxy with no authorize anywhere, and so do the Next.js and Hono adapters', () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream, { authorize: undefined });
    expect(() => toNodeHandler(proxy)).toThrow(/authorize/);
    expect(() => toNextHandlers(proxy)).toThrow(/authorize/);
    expect(() => toHonoHandler(proxy)).toThrow(/authorize/);
  });

  it('given a Web handler with no authorize, then a request is refused with 500 and nothing is created', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { authorize: undefined });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(500);
    expect(answer.json.error_code).toBe('AUTHORIZE_NOT_CONFIGURED');
    expect(upstream.calls).toEqual([]);
  });
});

describe('toExpressHandler', () => {
  it("given express-session and authorize typed with Express's Request, then req.session's fields are in reach and flows belong to the session's user", async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream, { authorize: undefined });
    const app = express();
    app.use(
      session({ secret: 'a session secret for this test only', resave: false, saveUninitialized: false }),
    );
    app.post('/login/:userId', (req, res) => {
      req.session.userId = req.params.userId;
      res.sendStatus(204);
    });
    const handler = toExpressHandler(proxy, {
      // The README's recipe: a session's user id of any shape, mapped to a valid person id.
      authorize: async (req: ExpressRequest) =>
        req.session.userId ? { personId: await personIdFor(req.session.userId, SECRET) } : null,
    });
    expectTypeOf(handler).parameter(0).toEqualTypeOf<ExpressRequest>();
    app.use('/api/verigram', handler);
    const base = await listen(http.createServer(app));
    const login = await fetch(`${base}/login/42`, { method: 'POST' });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^connect\.sid=/);
    const created = await fetch(`${base}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: '{}',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect([...upstream.flows.values()].map((f) => f.person_id)).toEqual([await personIdFor('42', SECRET)]);
    const anonymous = await fetch(`${base}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    expect(upstream.flows.size).toBe(1);
  });

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

describe('toHonoHandler on @hono/node-server', () => {
  it('given env.incoming, then the socket address counts against the per-IP limit', async () => {
    const upstream = createFakeUpstream();
    const { proxy } = createHarness(upstream, {
      rateLimit: { perUser: false, perIp: { limit: 1, windowMs: 60_000 } },
    });
    const handler = toHonoHandler(proxy);
    const env = { incoming: { socket: { remoteAddress: '198.51.100.4' } } };
    expect((await handler({ req: { raw: post('/flow', {}) }, env })).status).toBe(201);
    const otherUser = post('/flow', {});
    otherUser.headers.set('x-test-user', 'carol-0003');
    expect((await handler({ req: { raw: otherUser }, env })).status).toBe(429);
  });
});

describe('createNodeTransport', () => {
  it('speaks to the upstream over keep-alive sockets: JSON, a POST body, an HTML error page, a streamed file, an abort', async () => {
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
        // Never answers: only the abort can end it, however late its timer fires.
        if (req.url === '/slow') return;
        if (req.url === '/gateway') {
          res.writeHead(503, { 'content-type': 'text/html' });
          return res.end('<h1>Bad gateway</h1>');
        }
        if (req.url === '/file') {
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': 4 });
          return res.end(Buffer.from([1, 2, 3, 4]));
        }
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
      expect(JSON.parse(await response.text())).toEqual({
        method: 'GET',
        url: `/flow/${i}`,
        key: 'sandbox-test-key',
      });
    }
    expect(sockets.size).toBe(1);
    const posted = await transport(`${base}/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"ü"}',
    });
    expect(posted.status).toBe(200);
    expect(lastBody).toBe('{"a":"ü"}');
    const page = await transport(`${base}/gateway`, { method: 'GET', headers: {} });
    expect(page.headers.get('Content-Type')).toBe('text/html');
    expect(page.status).toBe(503);
    expect(page.ok).toBe(false);
    expect(await page.text()).toBe('<h1>Bad gateway</h1>');
    await expect(page.text()).rejects.toThrow(/already been read/);
    const file = await transport(`${base}/file`, { method: 'GET', headers: {} });
    expect(file.headers.get('content-length')).toBe('4');
    expect(Buffer.from(await new Response(file.body).arrayBuffer())).toEqual(Buffer.from([1, 2, 3, 4]));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('too slow')), 50);
    await expect(
      transport(`${base}/slow`, { method: 'GET', headers: {}, signal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('createNodeTransport and URLs', () => {
  it('given credentials, an IPv6 host and a query in the URL, then the request carries each as new URL reads them', async () => {
    const seen: Array<{ url?: string; authorization?: string }> = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    servers.push(server);
    server.listen(0, '::1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const transport = createNodeTransport();
    await transport(`http://user:p%40ss@[::1]:${port}/resources/file?label=a%20b&flow_id=f-1`, {
      method: 'GET',
      headers: {},
    });
    await transport(`http://[::1]:${port}/flow/a`, { method: 'GET', headers: {} });
    expect(seen).toEqual([
      {
        url: '/resources/file?label=a%20b&flow_id=f-1',
        authorization: `Basic ${Buffer.from('user:p@ss').toString('base64')}`,
      },
      { url: '/flow/a', authorization: undefined },
    ]);
  });
});

describe('createNodeTransport and timeouts', () => {
  it('given a slow upstream, then the client times out through the transport alone: TIMEOUT, then 504 from the proxy', async () => {
    const upstream = await listen(
      http.createServer((req) => {
        req.resume(); // never answers
      }),
    );
    const transport = createNodeTransport();
    const signals: unknown[] = [];
    const spy = Object.assign(
      (input: string, init: Parameters<typeof transport>[1]) => {
        signals.push(init.signal);
        return transport(input, init);
      },
      { [TRANSPORT_TIMEOUTS]: true as const },
    );
    const verigram = createVerigramClient({
      apiKey: API_KEY,
      baseUrl: upstream,
      fetch: spy,
      timeoutMs: 100,
      retry: { retries: 0 },
    });
    await expect(verigram.getFlow('flow-1')).rejects.toMatchObject({ errorCode: 'TIMEOUT' });
    expect(signals).toEqual([undefined]);
    const { send } = createHarness(
      { baseUrl: upstream, fetch: transport },
      { timeoutMs: 100, retry: { retries: 0 } },
    );
    const created = await send(post('/flow', {}));
    expect(created.status).toBe(504);
    expect(created.json.error_code).toBe('UPSTREAM_TIMEOUT');
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
