import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBackend } from './verigramDemoPlugin.ts';

// The demo's backend on ephemeral ports: the sandbox on port 0, the middleware on a bare node:http server.
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const backend = await startDemoBackend({ sandboxPort: 0, env: {} }, () => {});
  const server = createServer((req, res) =>
    backend.middleware(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await backend.close();
  };
});
afterAll(() => close());

const createFlow = (cookie?: string) =>
  fetch(`${base}/api/verigram/flow`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ template: 'selfie-only', locale: 'kk' }),
  });

describe('the demo backend', () => {
  it('given a first visit, then it sets a session cookie and lets other requests through', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('next');
    expect(response.headers.get('set-cookie')).toMatch(/^aurora_session=[a-f0-9]{16}\.[\w-]+; .*HttpOnly/);
  });

  it('when a visitor without a session creates a flow, then the proxy answers 401', async () => {
    const response = await createFlow();
    expect(response.status).toBe(401);
  });

  it('when a visitor with a session creates a flow from a named template, then the sandbox creates it', async () => {
    const first = await fetch(`${base}/`);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    const response = await createFlow(cookie);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { flow_id: string; vlink: string; flow_token: string };
    expect(body.vlink).toContain(`/hf2/${body.flow_id}/`);
    expect(JSON.stringify(body)).not.toContain('sandbox-test-key');
  });

  it('when the browser names a template the demo does not have, then nothing is created', async () => {
    const cookie = ((await fetch(`${base}/`)).headers.get('set-cookie') ?? '').split(';')[0];
    const response = await fetch(`${base}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie: cookie ?? '' },
      body: JSON.stringify({ template: 'no-such-template' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('serves the kit callback page at /verigram/callback', async () => {
    const response = await fetch(`${base}/verigram/callback?flow_id=x`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain("protocol: 'verigram-kit'");
  });
});
