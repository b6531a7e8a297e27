import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkFlowUi } from '@verigram-kit/core/ui';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_FLOW_UI_POLICY } from '../../src/demoFlowUiPolicy.ts';
import type { BackOfficeView } from '../createBackOffice.ts';
import { startDemoBackend } from '../startDemoBackend.ts';

// Counts (and keeps) the sandboxes the backend itself starts; the real startSandbox still runs underneath.
const { sandboxStarts } = vi.hoisted(() => ({
  sandboxStarts: { count: 0, started: [] as import('@verigram-kit/sandbox/server').RunningSandbox[] },
}));
vi.mock('@verigram-kit/sandbox/server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@verigram-kit/sandbox/server')>();
  return {
    ...actual,
    startSandbox: async (...args: Parameters<typeof actual.startSandbox>) => {
      sandboxStarts.count += 1;
      const running = await actual.startSandbox(...args);
      sandboxStarts.started.push(running);
      return running;
    },
  };
});

/** The backend's middleware on a bare node:http server on an ephemeral port. */
async function serve(backend: Awaited<ReturnType<typeof startDemoBackend>>) {
  const server = createServer((req, res) =>
    backend.middleware(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await backend.close();
    },
  };
}

// The demo's backend on ephemeral ports: the sandbox on port 0, the middleware on a bare node:http server.
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const served = await serve(await startDemoBackend({ sandboxPort: 0, env: {} }, () => {}));
  base = served.url;
  close = served.close;
});
afterAll(() => close());

const createFlow = (cookie?: string) =>
  fetch(`${base}/api/verigram/flow`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ template: 'selfie-only', locale: 'kk' }),
  });

describe('the demo backend', () => {
  it('given no VERIGRAM_API_URL, then it starts its own sandbox', () => {
    expect(sandboxStarts.count).toBe(1);
  });

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

  it('when a flow ends upstream with no browser asking, then its verdict reaches the back office once, for its visitor only', async () => {
    const visit = async () => ((await fetch(`${base}/`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const [customer, stranger] = [await visit(), await visit()];
    const created = (await (await createFlow(customer)).json()) as { flow_id: string; vlink: string };
    const backOffice = async (cookie: string) =>
      (await (await fetch(`${base}/demo/back-office`, { headers: { cookie } })).json()) as BackOfficeView;
    expect((await backOffice(customer)).watching.map((flow) => flow.flowId)).toEqual([created.flow_id]);

    // The customer's tab is gone: nobody reads the flow through the proxy. The sandbox passes the
    // selfie-only template's one step through its control route.
    // The control routes live on the sandbox's API origin, not on the vlink's (the hosted page's).
    const pageOrigin = new URL(created.vlink).origin;
    const sandboxUrl = sandboxStarts.started.find((s) => s.pageUrl === pageOrigin)?.url as string;
    expect(sandboxUrl).not.toBe(pageOrigin);
    const decided = await fetch(`${sandboxUrl}/_sandbox/flows/${created.flow_id}/steps/current`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-verigram-api-key': 'sandbox-test-key' },
      body: JSON.stringify({ outcome: 'pass' }),
    });
    expect(decided.status).toBe(200);

    await vi.waitFor(async () => expect((await backOffice(customer)).verdicts).toHaveLength(1), {
      timeout: 20_000,
      interval: 250,
    });
    const view = await backOffice(customer);
    expect(view.verdicts[0]).toMatchObject({
      flowId: created.flow_id,
      outcome: 'pass',
      template: 'selfie-only',
      deliveries: 1,
    });
    expect(view.watching).toEqual([]);
    expect(await backOffice(stranger)).toEqual({ watching: [], verdicts: [] });
  });

  it("given a brand from the builder, then the proxy refuses exactly the logos the builder flags under the demo's one policy", async () => {
    const cookie = ((await fetch(`${base}/`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const logos = [
      'https://www.bank.example/logo.svg',
      'http://127.0.0.1:8080/logo.svg',
      `https://${DEMO_FLOW_UI_POLICY.allowedAssetHosts?.[0]}/brand/logo.svg`,
      'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
    ];
    const verdicts = [];
    for (const logo_url of logos) {
      const ui = { theme: 'default', logo_url };
      const response = await fetch(`${base}/api/verigram/flow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, cookie },
        body: JSON.stringify({ template: 'selfie-only', ui }),
      });
      const builderFlags = checkFlowUi(ui, DEMO_FLOW_UI_POLICY).some((issue) => issue.severity === 'error');
      verdicts.push({ logo_url, status: response.status, builderFlags });
    }
    expect(verdicts.map(({ status, builderFlags }) => [status, builderFlags])).toEqual([
      [422, true],
      [422, true],
      [201, false],
      [201, false],
    ]);
  });

  it('given the in-process sandbox, then vlinks point to its hosted page origin, not to its API', async () => {
    const cookie = ((await fetch(`${base}/`)).headers.get('set-cookie') ?? '').split(';')[0];
    const { vlink } = (await (await createFlow(cookie)).json()) as { vlink: string };
    expect(new URL(vlink).origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const html = await (await fetch(vlink)).text();
    // Page messages are on by default (the sandbox's own protocol).
    expect(html).toContain('"postMessages":true');
  });

  it('serves the kit callback page at /verigram/callback', async () => {
    const response = await fetch(`${base}/verigram/callback?flow_id=x`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain("protocol: 'verigram-kit'");
  });
});

describe('the demo backend against real Verigram (VERIGRAM_API_URL and VERIGRAM_API_KEY set)', () => {
  // A separate sandbox stands in for real Verigram; the backend gets its URL and the second consumer's key.
  let remote: RunningSandbox;
  let demo: Awaited<ReturnType<typeof serve>>;
  let startsByBackend = 0;

  beforeAll(async () => {
    remote = await startSandbox({ port: 0 });
    const before = sandboxStarts.count;
    const env = { VERIGRAM_API_URL: remote.url, VERIGRAM_API_KEY: 'sandbox-other-key' };
    demo = await serve(await startDemoBackend({ sandboxPort: 0, env }, () => {}));
    startsByBackend = sandboxStarts.count - before;
  });
  afterAll(async () => {
    await demo?.close();
    await remote?.close();
  });

  it('when a visitor creates a flow, then it is created in that Verigram under that key and no sandbox is started', async () => {
    expect(startsByBackend).toBe(0);
    const cookie = ((await fetch(`${demo.url}/`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await fetch(`${demo.url}/api/verigram/flow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: demo.url, cookie },
      body: JSON.stringify({ template: 'selfie-only', locale: 'kk' }),
    });
    expect(response.status).toBe(201);
    const { flow_id, vlink } = (await response.json()) as { flow_id: string; vlink: string };
    expect(vlink.startsWith(`${remote.pageUrl}/hf2/${flow_id}/`)).toBe(true);

    expect(remote.engine.listFlows('sandbox-other-consumer').map((f) => f.flow_id)).toEqual([flow_id]);
    expect(remote.engine.listFlows('sandbox-test-consumer')).toEqual([]);
    const getAs = (key: string) =>
      fetch(`${remote.url}/flow/${flow_id}`, {
        headers: { 'X-Verigram-Api-Key': key, 'X-Verigram-Api-Version': '2.0' },
      });
    const asOther = await getAs('sandbox-other-key');
    expect(asOther.status).toBe(200);
    expect(((await asOther.json()) as { consumer_id: string }).consumer_id).toBe('sandbox-other-consumer');
    // Another consumer's flow: 403, as the spec lists for GET /flow/{flow_id}.
    const asTest = await getAs('sandbox-test-key');
    expect(asTest.status).toBe(403);
  });
});

describe('the demo backend with VERIGRAM_SANDBOX_PAGE_MESSAGES=off', () => {
  it('given the variable, then its sandbox serves a silent hosted page, as Verigram does', async () => {
    const backend = await startDemoBackend(
      { sandboxPort: 0, env: { VERIGRAM_SANDBOX_PAGE_MESSAGES: 'off' } },
      () => {},
    );
    const demo = await serve(backend);
    try {
      const cookie = ((await fetch(`${demo.url}/`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const response = await fetch(`${demo.url}/api/verigram/flow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: demo.url, cookie },
        body: JSON.stringify({ template: 'selfie-only' }),
      });
      const { vlink } = (await response.json()) as { vlink: string };
      expect(await (await fetch(vlink)).text()).toContain('"postMessages":false');
    } finally {
      await demo.close();
    }
  });
});

describe("where browsers reach the demo backend's sandbox", () => {
  it('given no address settings, then the builder preview points at the hosted page origin vlinks use', async () => {
    const backend = await startDemoBackend({ sandboxPort: 0, env: {} }, () => {});
    try {
      const pageOrigin = sandboxStarts.started.at(-1)?.pageUrl;
      expect(backend.sandboxPageUrl).toBe(pageOrigin);
      expect(backend.sandboxPageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await backend.close();
    }
  });

  it('given SANDBOX_PUBLIC_URL, then vlinks, the builder preview and the frame policy name that address', async () => {
    const env = { SANDBOX_PUBLIC_URL: 'https://page.demo.example/' };
    const demo = await serve(await startDemoBackend({ sandboxPort: 0, env }, () => {}));
    try {
      const first = await fetch(`${demo.url}/`);
      expect(first.headers.get('content-security-policy')).toContain('frame-src https://page.demo.example ');
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const response = await fetch(`${demo.url}/api/verigram/flow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: demo.url, cookie },
        body: JSON.stringify({ template: 'selfie-only' }),
      });
      const { flow_id, vlink } = (await response.json()) as { flow_id: string; vlink: string };
      expect(vlink).toBe(`https://page.demo.example/hf2/${flow_id}/`);
    } finally {
      await demo.close();
    }
  });

  it('given SANDBOX_HOST=0.0.0.0 (a container) and its public URL, then the proxy reaches the sandbox over loopback and vlinks name the public URL', async () => {
    const env = { SANDBOX_HOST: '0.0.0.0', SANDBOX_PUBLIC_URL: 'http://127.0.0.1:4011' };
    const backend = await startDemoBackend({ sandboxPort: 0, sandboxPagePort: 0, env }, () => {});
    const demo = await serve(backend);
    try {
      const cookie = ((await fetch(`${demo.url}/`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const response = await fetch(`${demo.url}/api/verigram/flow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: demo.url, cookie },
        body: JSON.stringify({ template: 'selfie-only' }),
      });
      expect(response.status).toBe(201);
      const { flow_id, vlink } = (await response.json()) as { flow_id: string; vlink: string };
      expect(vlink).toBe(`http://127.0.0.1:4011/hf2/${flow_id}/`);
      expect(backend.sandboxPageUrl).toBe('http://127.0.0.1:4011');
    } finally {
      await demo.close();
    }
  });

  it('given SANDBOX_HOST=0.0.0.0 and no public URL, then it refuses to start, naming the variable to set, and starts no sandbox', async () => {
    const before = sandboxStarts.count;
    await expect(
      startDemoBackend({ sandboxPort: 0, env: { SANDBOX_HOST: '0.0.0.0' } }, () => {}),
    ).rejects.toThrow(/set SANDBOX_PUBLIC_URL/);
    expect(sandboxStarts.count).toBe(before);
  });
});
