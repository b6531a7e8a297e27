// The proxy in front of the real sandbox (@verigram-kit/sandbox, test-only dependency), over the
// Node transport: what a deployment does, with the sandbox's state as the witness that bad input
// created nothing upstream, and its fault injection for the recovery paths.
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../adapters/node/createNodeTransport.ts';
import { createFlowTokenSigner } from '../auth/createFlowTokenSigner.ts';
import type { VerigramProxyOptions } from '../VerigramProxyOptions.ts';
import { API_KEY } from './fakeUpstream.ts';
import { ALICE, APP, BOB, createHarness, get, post, SECRET, transcript } from './harness.ts';

let sandbox: RunningSandbox;
/** One line per request the sandbox served: `METHOD /path → status (ms)`. */
const upstreamLog: string[] = [];
const transport = createNodeTransport();

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    env: {},
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    log: (line) => upstreamLog.push(line),
  });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.engine.reset();
  sandbox.setFaults({});
  upstreamLog.length = 0;
});

function harness(overrides: Partial<VerigramProxyOptions> = {}) {
  return createHarness({ baseUrl: sandbox.url, fetch: transport }, overrides);
}

type Created = { flow_id: string; vlink: string; flow_token: string };

async function createFlow(
  send: ReturnType<typeof harness>['send'],
  user = ALICE,
  body: object = {},
): Promise<Created> {
  const answer = await send(post('/flow', body, { user }));
  expect(answer.status, answer.text).toBe(201);
  return answer.json as Created;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const upstreamPosts = () => upstreamLog.filter((line) => line.startsWith('POST'));

describe('proxy → sandbox: the routes', () => {
  it('creates a flow bound to the session user and reads it, its result, its journal and its file', async () => {
    const { send } = harness();
    // `+auto` asks the sandbox to run the flow to a pass at creation (its scripted outcomes).
    const user = 'alice-0001+auto';
    const flow = await createFlow(send, user, {
      locale: 'ru',
      template: 'basic',
      callback_url: `${APP}/verified`,
    });
    expect(flow.vlink).toContain(`/hf2/${flow.flow_id}/`);
    expect(sandbox.engine.listFlows().map((f) => f.person_id)).toEqual([user]);

    const read = await send(get(`/flow/${flow.flow_id}`, { user, token: flow.flow_token }));
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      flow_id: flow.flow_id,
      person_id: user,
      locale: 'ru',
      callback_url: `${APP}/verified`,
    });

    const result = await send(get(`/flow/${flow.flow_id}/result`, { user, token: flow.flow_token }));
    expect(result.status).toBe(200);
    expect(result.json.flow_status).toBe('pass');
    const sessionId = (result.json.service_statuses as Array<{ session_id: string }>)[0]
      ?.session_id as string;

    const journal = await send(get(`/journal/session/${sessionId}`, { user, token: flow.flow_token }));
    expect(journal.status).toBe(200);
    expect(journal.json.flow_id).toBe(flow.flow_id);

    const file = await send(get('/resources/file?label=bestframe', { user, token: flow.flow_token }));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe('inline');
  });

  it("creates a liveness session for the token's flow and the session user", async () => {
    const { send } = harness();
    const flow = await createFlow(send);
    const answer = await send(
      post('/liveness2/session', { duration: 300 }, { headers: auth(flow.flow_token) }),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({ person_id: ALICE, flow_id: flow.flow_id });
    const journal = await send(get(`/journal/session/${answer.json.session_id}`, { token: flow.flow_token }));
    expect(journal.status).toBe(200);
  });

  it('renews a token for the owner after checking the flow upstream, and for nobody else', async () => {
    const { send } = harness();
    const flow = await createFlow(send);
    const renewed = await send(post(`/flow/${flow.flow_id}/token`, {}));
    expect(renewed.status).toBe(200);
    expect(
      (await send(get(`/flow/${flow.flow_id}`, { token: String(renewed.json.flow_token) }))).status,
    ).toBe(200);
    const stranger = await send(post(`/flow/${flow.flow_id}/token`, {}, { user: BOB }));
    expect(stranger.status).toBe(404);
  });

  it("answers a renewal for another consumer's flow like an unknown flow: 404, not a key error", async () => {
    const { send } = harness();
    // A flow of another Verigram consumer: the sandbox answers this proxy's key 403 for it (the spec
    // lists 403 on GET /flow/{flow_id}), which says nothing about this proxy's own key.
    const foreign = sandbox.engine.createFlow('sandbox-other-key', { person_id: ALICE });
    const answer = await send(post(`/flow/${foreign.flow_id}/token`, {}));
    expect(answer.status, answer.text).toBe(404);
    expect(answer.json.error_code).toBe('NOT_FOUND');
  });

  it('creates a flow from a template kept in the Console, by its id', async () => {
    const { send } = harness({ templates: { kyc: { templateId: 'kyc' } } });
    const flow = await createFlow(send, ALICE, { template: 'kyc' });
    const read = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(read.json.template_id).toBe('kyc');
    // The sandbox expands its Console template: consent, a document, liveness, then OTP.
    expect(
      (read.json.template as { pipeline: Array<{ service_name: string }> }).pipeline.map(
        (s) => s.service_name,
      ),
    ).toEqual(['consent', 'veridoc', 'verilive', 'otp']);
  });

  it('answers a result of a flow that has not started like the sandbox: 404', async () => {
    const { send } = harness();
    const flow = await createFlow(send);
    const answer = await send(get(`/flow/${flow.flow_id}/result`, { token: flow.flow_token }));
    expect(answer.status).toBe(404);
  });
});

describe('proxy → sandbox: bad input creates nothing', () => {
  const longCss = `a{color:red}${' '.repeat(20_000)}`;
  const cases: Array<[string, () => Request, number]> = [
    ['person_id in the body', () => post('/flow', { person_id: 'mallory-01' }), 422],
    ['person_id in the query', () => post('/flow?person_id=mallory-01', {}), 400],
    ['callback_url //evil.io', () => post('/flow', { callback_url: '//evil.io' }), 422],
    [
      'callback_url https://app.example.com.evil.io',
      () => post('/flow', { callback_url: 'https://app.example.com.evil.io/' }),
      422,
    ],
    [
      'callback_url javascript:',
      () => post('/flow', { callback_url: 'javascript:alert(document.cookie)' }),
      422,
    ],
    [
      'callback_url https://app.example.com@evil.io',
      () => post('/flow', { callback_url: 'https://app.example.com@evil.io/' }),
      422,
    ],
    [
      'callback_url with backslashes',
      () => post('/flow', { callback_url: 'https://app.example.com\\\\evil.io' }),
      422,
    ],
    ['callback_url /\\evil.io', () => post('/flow', { callback_url: '/\\evil.io' }), 422],
    [
      'callback_url on another port',
      () => post('/flow', { callback_url: 'https://app.example.com:8080/' }),
      422,
    ],
    ['path traversal ../', () => post('/flow/../../admin', {}), 404],
    ['path traversal %2e%2e', () => post('/flow/%2e%2e/%2e%2e/x', {}), 404],
    ['double-encoded traversal', () => post('/flow/%252e%252e/token', {}), 404],
    ['an extra query parameter', () => post('/flow?template_id=x', {}), 400],
    ['an oversize body', () => post('/flow', { locale: 'en', ui: { css: longCss.repeat(4) } }), 413],
    ['malformed JSON', () => post('/flow', '{"locale":'), 400],
    [
      'a form POST',
      () => post('/flow', 'locale=en', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
    ],
    ['a cross-site POST', () => post('/flow', {}, { origin: 'https://evil.io' }), 403],
    ['a POST without Origin', () => post('/flow', {}, { origin: null }), 403],
    [
      'PUT /flow',
      () => new Request(`${APP}/api/verigram/flow`, { method: 'PUT', headers: { 'x-test-user': ALICE } }),
      405,
    ],
    [
      'PATCH /liveness2/session',
      () => new Request(`${APP}/api/verigram/liveness2/session`, { method: 'PATCH' }),
      405,
    ],
    ['GET /flow', () => get('/flow'), 405],
    ['raw ui without allowClientUi', () => post('/flow', { template: 'basic', ui: { theme: 'bts' } }), 422],
    ['an unknown template', () => post('/flow', { template: '__proto__' }), 422],
    ['no session at all', () => post('/flow', {}, { user: null }), 401],
    ['liveness without a token', () => post('/liveness2/session', { duration: 120 }), 401],
    [
      'liveness with a forged token',
      () => post('/liveness2/session', {}, { headers: auth('v1.e30.AAAA') }),
      404,
    ],
  ];

  it.each(cases)('refuses %s with a clear 4xx', async (_name, makeRequest, status) => {
    const { send } = harness();
    const answer = await send(makeRequest());
    expect(answer.status).toBe(status);
    expect(answer.json.error_code).toMatch(/^[A-Z_]+$/);
    expect(answer.json.error_msg).toEqual(expect.any(String));
    expect(sandbox.engine.flowCount).toBe(0);
    expect(upstreamPosts()).toEqual([]);
  });

  it('refuses person_id and flow_id in a liveness body even with a valid token', async () => {
    const { send } = harness();
    const flow = await createFlow(send);
    upstreamLog.length = 0;
    for (const body of [
      { person_id: 'mallory-01' },
      { flow_id: flow.flow_id },
      { duration: 30 },
      { max_retries: 'x' },
    ]) {
      const answer = await send(post('/liveness2/session', body, { headers: auth(flow.flow_token) }));
      expect(answer.status).toBe(422);
    }
    expect(upstreamPosts()).toEqual([]);
  });

  it.each([
    [
      'forged',
      async (_flow: Created) => 'v1.eyJmIjoieCIsImUiOjl9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ALICE,
      404,
    ],
    [
      'tampered',
      async (flow: Created) => flow.flow_token.replace(/\.[^.]+\./, '.eyJmIjoieCIsImUiOjk5OTk5OTk5OTl9.'),
      ALICE,
      404,
    ],
    ["another user's", async (flow: Created) => flow.flow_token, BOB, 404],
    [
      'expired',
      async (flow: Created) => (await createFlowTokenSigner(SECRET, 1).sign(flow.flow_id, ALICE, 0)).token,
      ALICE,
      401,
    ],
  ])('answers a %s token without touching the flow', async (_name, makeToken, user, status) => {
    const { send } = harness();
    const flow = await createFlow(send);
    const token = await makeToken(flow);
    upstreamLog.length = 0;
    for (const path of [
      `/flow/${flow.flow_id}`,
      `/flow/${flow.flow_id}/result`,
      '/resources/file?label=bestframe',
    ]) {
      const answer = await send(get(path, { user, token }));
      expect(answer.status).toBe(status);
    }
    expect(upstreamLog).toEqual([]);
    expect(sandbox.engine.listFlows()[0]?.polled_at).toBeUndefined();
  });

  it('answers a stranger exactly like a flow that does not exist', async () => {
    const { send } = harness();
    const flow = await createFlow(send);
    const bobsFlow = await createFlow(send, BOB);
    const stranger = await send(get(`/flow/${flow.flow_id}`, { user: BOB, token: bobsFlow.flow_token }));
    const missing = await send(
      get('/flow/01KMWYGEEVW2TH4Q4SFFFFFFF5-F', { user: BOB, token: bobsFlow.flow_token }),
    );
    expect(stranger.status).toBe(404);
    expect(stranger.text).toBe(missing.text);
  });
});

describe('proxy → sandbox: faults', () => {
  it('passes a 5xx on POST /flow through, without a retry', async () => {
    const { send } = harness();
    sandbox.setFaults({ error5xxRate: 1 });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(500);
    expect(answer.json.error_code).toEqual(expect.any(String));
    expect(upstreamPosts()).toHaveLength(1);
  });

  it('retries GETs through a 5xx and gives up with the upstream status', async () => {
    const { send } = harness({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 20 } });
    const flow = await createFlow(send);
    upstreamLog.length = 0;
    sandbox.setFaults({ error5xxRate: 1 });
    const answer = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(answer.status).toBe(500);
    expect(upstreamLog).toHaveLength(3);
  });

  it('waits out a short 429 burst on a GET, honouring Retry-After', async () => {
    const { send } = harness({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2000 } });
    const flow = await createFlow(send);
    sandbox.setFaults({ burst429: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const answer = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('hands a long 429 back with its Retry-After, and never retries a POST on 429', async () => {
    const { send } = harness({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1000 } });
    const flow = await createFlow(send);
    sandbox.setFaults({ burst429: 5, retryAfterSeconds: 30 });
    const read = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(read.status).toBe(429);
    expect(read.headers.get('retry-after')).toBe('30');
    upstreamLog.length = 0;
    const create = await send(post('/flow', {}));
    expect(create.status).toBe(429);
    expect(upstreamPosts()).toHaveLength(1);
  });

  it('answers 504 UPSTREAM_TIMEOUT for a slow sandbox', async () => {
    const flow = await createFlow(harness().send);
    // Only the read under test meets the short timeout and the latency (the same secret: the token
    // from the set-up proxy is good here).
    const { send } = harness({ timeoutMs: 100, retry: { retries: 0 } });
    sandbox.setFaults({ latencyMs: 2000 });
    const answer = await send(get(`/flow/${flow.flow_id}/result`, { token: flow.flow_token }));
    expect(answer.status).toBe(504);
    expect(answer.json.error_code).toBe('UPSTREAM_TIMEOUT');
  });

  it('answers 502 UPSTREAM_MALFORMED for a cut-short body', async () => {
    const { send } = harness({ retry: { retries: 0 } });
    const flow = await createFlow(send);
    sandbox.setFaults({ malformedRate: 1 });
    const answer = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe('UPSTREAM_MALFORMED');
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when nothing listens upstream', async () => {
    const closed = await startSandbox({ port: 0, env: {} });
    const url = closed.url;
    await closed.close();
    const { send } = createHarness({ baseUrl: url, fetch: transport }, { retry: { retries: 0 } });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('turns a key the sandbox rejects into 502 UPSTREAM_AUTH_FAILED without echoing it', async () => {
    const { send, logs } = harness({ apiKey: 'sandbox-revoked-key' });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe('UPSTREAM_AUTH_FAILED');
    expect(JSON.stringify([answer.text, logs])).not.toContain('sandbox-revoked-key');
  });
});

afterAll(() => {
  // The rule: the API key never appears in any response, error or log line of the suite.
  expect(transcript.length).toBeGreaterThan(40);
  for (const entry of transcript) expect(entry).not.toContain(API_KEY);
});
