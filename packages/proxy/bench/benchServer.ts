// One server of the proxy benchmark, run as its own process (bundled to plain JS by
// proxy.bench.ts so its start-up time is Node's, not a TypeScript loader's).
//   upstream          a minimal Verigram stand-in: GET /flow/{id} → a fixed Flow
//   raw <upstream>    a bare node:http passthrough to the upstream (keep-alive agent)
//   proxy <upstream>  this package's Node adapter doing its real work
// Prints `LISTENING <port>` when ready and `RSS <bytes>` after its first response.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeTransport } from '../src/adapters/node/createNodeTransport.ts';
import { toNodeHandler } from '../src/adapters/node/toNodeHandler.ts';
import { createVerigramProxy } from '../src/createVerigramProxy.ts';

const [mode = 'upstream', upstreamUrl = ''] = process.argv.slice(2);
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const FLOW = JSON.stringify({
  flow_id: 'flow-1',
  person_id: 'bench-user-01',
  vlink: 'http://127.0.0.1/hf2/flow-1/',
  locale: 'en',
  api_version: '2.0',
  test_flow: true,
  created_at: '2026-11-23T12:00:00Z',
  flow_status: 'unknown',
});

let listener: http.RequestListener;
if (mode === 'upstream') {
  listener = (req, res) => {
    if (req.headers['x-verigram-api-key'] !== 'sandbox-test-key') {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end('{"error_code":"UNAUTHORIZED","error_msg":"key"}');
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(FLOW) });
    res.end(FLOW);
  };
} else if (mode === 'raw') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(upstreamUrl);
  listener = (req, res) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: (req.url ?? '/').replace(/^\/api\/verigram/, ''),
        headers: { 'x-verigram-api-key': 'sandbox-test-key', 'x-verigram-api-version': '2.0' },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'application/json',
        });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  };
} else {
  const proxy = createVerigramProxy({
    apiKey: 'sandbox-test-key',
    baseUrl: upstreamUrl,
    secret: BENCH_SECRET,
    fetch: createNodeTransport(),
    logger: false,
  });
  // What an Express app writes: the user from the Node request (here a header, as a session would).
  listener = toNodeHandler(proxy, {
    authorize: (req) => {
      const user = req.headers['x-bench-user'];
      return typeof user === 'string' ? { personId: user } : null;
    },
  });
}

const server = http.createServer({ keepAliveTimeout: 30_000 }, listener);
let first = true;
server.on('request', (_req, res) => {
  if (!first) return;
  first = false;
  res.on('finish', () => process.stdout.write(`RSS ${process.memoryUsage().rss}\n`));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});
