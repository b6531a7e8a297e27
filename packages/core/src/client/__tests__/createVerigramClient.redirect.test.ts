// Given an upstream that redirects, the key must never reach the Location host: real sockets and
// the global fetch, since a fake transport would not show what fetch itself does with a 307.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVerigramClient } from '../createVerigramClient.ts';
import type { VerigramFetch } from '../VerigramClient.ts';
import { apiRejection } from './apiRejection.ts';

const KEY = 'sandbox-test-key';
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

/** An upstream answering 307 to `elsewhere`, and `elsewhere` recording every key it receives. */
async function redirectingUpstream() {
  const keysElsewhere: Array<string | undefined> = [];
  const elsewhere = await listen(
    http.createServer((req, res) => {
      keysElsewhere.push(req.headers['x-verigram-api-key'] as string | undefined);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ flow_id: 'stolen', vlink: 'http://evil.test/' }));
    }),
  );
  const upstream = await listen(
    http.createServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${elsewhere}${req.url}` });
      res.end();
    }),
  );
  return { upstream, keysElsewhere };
}

describe('createVerigramClient and redirects', () => {
  it('given the global fetch, when Verigram answers 307, then the key never reaches the other host', async () => {
    const { upstream, keysElsewhere } = await redirectingUpstream();
    const verigram = createVerigramClient({ apiKey: KEY, baseUrl: upstream, retry: { retries: 0 } });
    await apiRejection(verigram.createFlow({ person_id: 'user-123456' }));
    await apiRejection(verigram.getFlow('flow-1'));
    expect(keysElsewhere).toEqual([]);
  });

  it('given a transport that hands the 3xx back, then it is a typed UPSTREAM_REDIRECT error', async () => {
    const { upstream, keysElsewhere } = await redirectingUpstream();
    const manual: VerigramFetch = (input, init) => globalThis.fetch(input, { ...init, redirect: 'manual' });
    const verigram = createVerigramClient({ apiKey: KEY, baseUrl: upstream, fetch: manual });
    const error = await apiRejection(verigram.getFlow('flow-1'));
    expect(error.status).toBe(307);
    expect(error.errorCode).toBe('UPSTREAM_REDIRECT');
    expect(error.isRetryable).toBe(false);
    expect(keysElsewhere).toEqual([]);
  });
});
