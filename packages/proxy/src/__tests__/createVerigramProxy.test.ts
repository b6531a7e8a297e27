import { afterAll, describe, expect, it, vi } from 'vitest';
import { validatedCount } from '../../../../tests/contract/openApiContract.ts';
import { createFlowTokenSigner } from '../auth/createFlowTokenSigner.ts';
import { createVerigramProxy } from '../createVerigramProxy.ts';
import { createMemoryStore } from '../stores/createMemoryStore.ts';
import { API_KEY, createFakeUpstream } from './fakeUpstream.ts';
import { ALICE, APP, BOB, createHarness, get, post, SECRET, transcript } from './harness.ts';

async function createFlowAs(send: ReturnType<typeof createHarness>['send'], user = ALICE, body: object = {}) {
  const answer = await send(post('/flow', body, { user }));
  expect(answer.status).toBe(201);
  return answer.json as { flow_id: string; vlink: string; flow_token: string; flow_token_expires_at: string };
}

describe('createVerigramProxy: the happy paths', () => {
  it('creates a flow for the authorized user and answers flow_id, vlink and a flow token', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const answer = await send(
      post('/flow', { locale: 'kk', template: 'basic', ui_preset: 'brand', callback_url: `${APP}/done` }),
    );
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json).sort()).toEqual([
      'flow_id',
      'flow_token',
      'flow_token_expires_at',
      'vlink',
    ]);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const sent = upstream.calls[0]?.body as Record<string, unknown>;
    expect(sent.person_id).toBe(ALICE);
    expect(sent.locale).toBe('kk');
    expect(sent.template).toEqual({
      pipeline: [{ service_name: 'verilive' }],
      ui: { theme: 'bts', logo_url: 'https://docs.services.verigram.cloud/logo.svg' },
    });
    expect(Date.parse(String(answer.json.flow_token_expires_at))).toBeGreaterThan(Date.now());
  });

  it('reads the flow and its result with the token, and passes no upstream header on', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    const read = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(read.status).toBe(200);
    expect(read.json.person_id).toBe(ALICE);
    expect(read.headers.get('x-upstream-node')).toBeNull();
    // Verigram has no result for a flow nobody opened yet (404 FLOW_NOT_STARTED): the proxy's NOT_FOUND.
    const early = await send(get(`/flow/${flow.flow_id}/result`, { token: flow.flow_token }));
    expect(early.status).toBe(404);
    expect(early.json.error_code).toBe('NOT_FOUND');
    upstream.finishFlow(flow.flow_id);
    const result = await send(get(`/flow/${flow.flow_id}/result`, { token: flow.flow_token }));
    expect(result.status).toBe(200);
    expect(result.json.flow_status).toBe('pass');
  });

  it('creates a liveness session with person_id from authorize and flow_id from the token', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    const answer = await send(
      post(
        '/liveness2/session',
        { duration: 120, platform: 'web' },
        { headers: { authorization: `Bearer ${flow.flow_token}` } },
      ),
    );
    expect(answer.status).toBe(201);
    expect(upstream.calls.at(-1)?.body).toEqual({
      duration: 120,
      platform: 'web',
      person_id: ALICE,
      flow_id: flow.flow_id,
    });
    const journal = await send(get(`/journal/session/${answer.json.session_id}`, { token: flow.flow_token }));
    expect(journal.status).toBe(200);
    expect(journal.json.flow_id).toBe(flow.flow_id);
  });

  it('refuses a journal of a session that belongs to another flow', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const mine = await createFlowAs(send);
    const foreign = upstream.addSession(upstream.addForeignFlow('mallory-01'), 'mallory-01');
    const answer = await send(get(`/journal/session/${foreign}`, { token: mine.flow_token }));
    expect(answer.status).toBe(404);
    expect(answer.json.error_code).toBe('NOT_FOUND');
  });

  it("streams a file of the token's flow with a sniffed allowlisted type and safe headers", async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    const answer = await send(get('/resources/file?label=bestframe', { token: flow.flow_token }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new URL(upstream.calls.at(-1)?.url ?? '').searchParams.get('flow_id')).toBe(flow.flow_id);
  });

  it.each([
    [
      'an HTML page declared as octet-stream',
      new TextEncoder().encode('<html><script>alert(1)</script>'),
      'application/octet-stream',
      'FILE_TYPE_NOT_ALLOWED',
    ],
    [
      'JPEG bytes declared as text/html',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      'text/html',
      'FILE_TYPE_NOT_ALLOWED',
    ],
    [
      'JPEG bytes declared as image/png',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      'image/png',
      'FILE_TYPE_NOT_ALLOWED',
    ],
  ])('refuses to serve %s', async (_name, bytes, type, code) => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    upstream.setFile({ bytes, type });
    const answer = await send(get('/resources/file?label=bestframe', { token: flow.flow_token }));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe(code);
  });

  it('refuses a file above maxFileBytes', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { maxFileBytes: 10 });
    const flow = await createFlowAs(send);
    const answer = await send(get('/resources/file?label=bestframe', { token: flow.flow_token }));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe('FILE_TOO_LARGE');
  });
});

describe('createVerigramProxy: flow tokens', () => {
  async function setUp() {
    const upstream = createFakeUpstream();
    const harness = createHarness(upstream);
    const flow = await createFlowAs(harness.send);
    const other = await createFlowAs(harness.send, ALICE);
    const unknown = await harness.send(get('/flow/flow-999', { token: flow.flow_token }));
    return { upstream, ...harness, flow, other, unknown };
  }

  function tamper(token: string): string {
    const [version, payload, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    claims.f = 'flow-2';
    return [version, Buffer.from(JSON.stringify(claims)).toString('base64url'), mac].join('.');
  }

  it.each([
    [
      'forged',
      () => 'v1.eyJmIjoiZmxvdy0xIiwiZSI6OTk5OTk5OTk5OX0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ALICE,
    ],
    ['garbage', () => 'not-a-token', ALICE],
    ['tampered', (t: string) => tamper(t), ALICE],
    ["another user's", (t: string) => t, BOB],
  ])('answers a %s token exactly like an unknown flow (404 NOT_FOUND)', async (_name, makeToken, user) => {
    const { send, flow, unknown } = await setUp();
    const answer = await send(get(`/flow/${flow.flow_id}`, { token: makeToken(flow.flow_token), user }));
    expect(answer.status).toBe(404);
    expect(answer.text).toBe(unknown.text);
    expect(unknown.json.error_code).toBe('NOT_FOUND');
  });

  it('answers a token of flow A used on flow B with 404', async () => {
    const { send, flow, other } = await setUp();
    const answer = await send(get(`/flow/${other.flow_id}/result`, { token: flow.flow_token }));
    expect(answer.status).toBe(404);
  });

  it('answers an expired token with 401 FLOW_TOKEN_EXPIRED, and the owner renews it', async () => {
    const { send, flow } = await setUp();
    const signer = createFlowTokenSigner(SECRET, 60);
    const old = await signer.sign(flow.flow_id, ALICE, Date.now() - 3_600_000);
    const expired = await send(get(`/flow/${flow.flow_id}`, { token: old.token }));
    expect(expired.status).toBe(401);
    expect(expired.json.error_code).toBe('FLOW_TOKEN_EXPIRED');
    const renewed = await send(post(`/flow/${flow.flow_id}/token`, {}));
    expect(renewed.status).toBe(200);
    expect(renewed.json.flow_id).toBe(flow.flow_id);
    const read = await send(get(`/flow/${flow.flow_id}`, { token: String(renewed.json.flow_token) }));
    expect(read.status).toBe(200);
  });

  it('given flowTokenTtlSeconds, then a token reads until its lifetime is up and is expired after it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:00Z') });
    try {
      const upstream = createFakeUpstream();
      const { send } = createHarness(upstream, { flowTokenTtlSeconds: 120 });
      const flow = await createFlowAs(send);
      expect(flow.flow_token_expires_at).toBe('2026-03-01T10:02:00.000Z');
      vi.setSystemTime(new Date('2026-03-01T10:01:59Z'));
      expect((await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }))).status).toBe(200);
      vi.setSystemTime(new Date('2026-03-01T10:02:00Z'));
      const expired = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
      expect(expired.status).toBe(401);
      expect(expired.json.error_code).toBe('FLOW_TOKEN_EXPIRED');
      // A renewed token gets the same lifetime, from now.
      const renewed = await send(post(`/flow/${flow.flow_id}/token`, {}));
      expect(renewed.json.flow_token_expires_at).toBe('2026-03-01T10:04:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });

  it('renews no token for a flow of another user (404)', async () => {
    const { send, flow } = await setUp();
    const answer = await send(post(`/flow/${flow.flow_id}/token`, {}, { user: BOB }));
    expect(answer.status).toBe(404);
    expect(answer.json.error_code).toBe('NOT_FOUND');
  });

  it('asks for a token when none is sent, and for a session when nobody is signed in', async () => {
    const { send, flow } = await setUp();
    expect((await send(get(`/flow/${flow.flow_id}`))).json.error_code).toBe('FLOW_TOKEN_REQUIRED');
    const anonymous = await send(get(`/flow/${flow.flow_id}`, { user: null, token: flow.flow_token }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error_code).toBe('UNAUTHENTICATED');
  });
});

describe('createVerigramProxy: bad input changes nothing upstream', () => {
  const big = 'x'.repeat(70_000);
  const cases: Array<[string, () => Request, number, string]> = [
    ['person_id in the body', () => post('/flow', { person_id: 'mallory-01' }), 422, 'PERSON_ID_NOT_ALLOWED'],
    ['person_id in the query', () => post('/flow?person_id=mallory-01', {}), 400, 'UNEXPECTED_QUERY'],
    ['an unauthenticated POST', () => post('/flow', {}, { user: null }), 401, 'UNAUTHENTICATED'],
    [
      'callback_url //evil.io',
      () => post('/flow', { callback_url: '//evil.io/cb' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url on a look-alike host',
      () => post('/flow', { callback_url: 'https://app.example.com.evil.io/cb' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url javascript:',
      () => post('/flow', { callback_url: 'javascript:alert(1)' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url with userinfo',
      () => post('/flow', { callback_url: 'https://app.example.com@evil.io/cb' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url with backslashes',
      () => post('/flow', { callback_url: 'https:\\\\evil.io\\cb' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url with a backslash before @',
      () => post('/flow', { callback_url: 'https://app.example.com\\@evil.io' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url on another port',
      () => post('/flow', { callback_url: 'https://app.example.com:8443/cb' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    [
      'callback_url over http',
      () => post('/flow', { callback_url: 'http://app.example.com/cb' }),
      422,
      'INVALID_CALLBACK_URL',
    ],
    ['an unknown template', () => post('/flow', { template: 'admin' }), 422, 'UNKNOWN_TEMPLATE'],
    [
      'a template named after a prototype key',
      () => post('/flow', { template: 'constructor' }),
      422,
      'UNKNOWN_TEMPLATE',
    ],
    [
      'an unknown ui preset',
      () => post('/flow', { template: 'basic', ui_preset: 'nope' }),
      422,
      'UNKNOWN_UI_PRESET',
    ],
    [
      'raw ui while allowClientUi is off',
      () => post('/flow', { template: 'basic', ui: { theme: 'bts' } }),
      422,
      'CLIENT_UI_NOT_ALLOWED',
    ],
    [
      'input_data from the browser',
      () => post('/flow', { input_data: { iin: '990101300123' } }),
      422,
      'INPUT_DATA_NOT_ALLOWED',
    ],
    ['an unknown field', () => post('/flow', { template_id: 'x' }), 422, 'UNKNOWN_FIELD'],
    ['a bad locale', () => post('/flow', { locale: 'de' }), 422, 'INVALID_LOCALE'],
    ['malformed JSON', () => post('/flow', '{"locale": "en"'), 400, 'INVALID_JSON'],
    ['a JSON array', () => post('/flow', '[]'), 400, 'INVALID_JSON'],
    ['an oversize body', () => post('/flow', { locale: 'en', pad: big }), 413, 'PAYLOAD_TOO_LARGE'],
    [
      'a text/plain POST (a form)',
      () => post('/flow', {}, { headers: { 'content-type': 'text/plain' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a cross-site POST', () => post('/flow', {}, { origin: 'https://evil.io' }), 403, 'ORIGIN_NOT_ALLOWED'],
    ['a POST without Origin', () => post('/flow', {}, { origin: null }), 403, 'ORIGIN_NOT_ALLOWED'],
    [
      'a look-alike Origin',
      () => post('/flow', {}, { origin: 'https://app.example.com.evil.io' }),
      403,
      'ORIGIN_NOT_ALLOWED',
    ],
    [
      'PUT /flow',
      () => new Request(`${APP}/api/verigram/flow`, { method: 'PUT' }),
      405,
      'METHOD_NOT_ALLOWED',
    ],
    [
      'DELETE /flow/{id}',
      () => new Request(`${APP}/api/verigram/flow/flow-1`, { method: 'DELETE' }),
      405,
      'METHOD_NOT_ALLOWED',
    ],
    ['GET /liveness2/session', () => get('/liveness2/session'), 405, 'METHOD_NOT_ALLOWED'],
    ['a path outside the routes', () => get('/admin'), 404, 'ROUTE_NOT_FOUND'],
    ['traversal with ../', () => get('/flow/../../../admin'), 404, 'ROUTE_NOT_FOUND'],
    ['traversal with %2e%2e', () => get('/flow/%2e%2e/%2e%2e/%2e%2e/etc'), 404, 'ROUTE_NOT_FOUND'],
    ['double-encoded traversal', () => get('/flow/%252e%252e%252fjournal'), 404, 'NOT_FOUND'],
    ['an encoded slash in an id', () => get('/flow/a%2Fb/result'), 404, 'NOT_FOUND'],
    [
      'liveness with person_id',
      () =>
        post('/liveness2/session', { person_id: 'mallory-01' }, { headers: { authorization: 'Bearer x' } }),
      404,
      'NOT_FOUND',
    ],
  ];

  it.each(cases)('answers %s with a clear 4xx', async (_name, makeRequest, status, code) => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const answer = await send(makeRequest());
    expect(answer.status).toBe(status);
    expect(answer.json.error_code).toBe(code);
    expect(typeof answer.json.error_msg).toBe('string');
    expect(upstream.createdCount()).toBe(0);
    expect(upstream.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it.each([
    ['person_id', { person_id: 'mallory-01' }, 'PERSON_ID_NOT_ALLOWED'],
    ['flow_id', { flow_id: 'flow-77' }, 'FLOW_ID_NOT_ALLOWED'],
    ['a bad duration', { duration: 5 }, 'INVALID_DURATION'],
  ])('refuses a liveness body with %s, even with a valid token', async (_name, body, code) => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    const before = upstream.createdCount();
    const answer = await send(
      post('/liveness2/session', body, { headers: { authorization: `Bearer ${flow.flow_token}` } }),
    );
    expect(answer.status).toBe(422);
    expect(answer.json.error_code).toBe(code);
    expect(upstream.createdCount()).toBe(before);
  });

  it('refuses extra or repeated query parameters on the file route', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    const foreign = upstream.addForeignFlow('mallory-01');
    for (const query of [
      `label=bestframe&flow_id=${foreign}`,
      'label=bestframe&label=bestframe',
      'label=selfie',
      '',
    ]) {
      const answer = await send(get(`/resources/file?${query}`, { token: flow.flow_token }));
      expect(answer.status).toBe(400);
    }
    expect(upstream.calls.filter((call) => call.url.includes('/resources/file'))).toEqual([]);
  });
});

describe('createVerigramProxy: input_data from the browser when allowedInputDataFields names it', () => {
  it('passes an allowed field through to Verigram, and still refuses the fields not named', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { allowedInputDataFields: ['phone_number'] });
    const created = await send(post('/flow', { input_data: { phone_number: '+77010000000' } }));
    expect(created.status).toBe(201);
    expect(upstream.calls[0]?.body).toEqual(
      expect.objectContaining({ input_data: { phone_number: '+77010000000' } }),
    );
    const read = await send(get(`/flow/${created.json.flow_id}`, { token: String(created.json.flow_token) }));
    expect(read.json.input_data).toEqual({ phone_number: '+77010000000' });

    const other = await send(
      post('/flow', { input_data: { phone_number: '+77010000000', iin: '990101300123' } }),
    );
    expect(other.status).toBe(422);
    expect(other.json.error_code).toBe('INPUT_DATA_NOT_ALLOWED');
    expect(upstream.flows.size).toBe(1);
  });

  it.each([
    ['not an object', ['+77010000000']],
    ['a value that is not a string', { phone_number: 77010000000 }],
    ['a value over 256 characters', { phone_number: '7'.repeat(257) }],
  ])(
    'refuses input_data that is %s with 422 INVALID_INPUT_DATA, creating nothing',
    async (_name, inputData) => {
      const upstream = createFakeUpstream();
      const { send } = createHarness(upstream, { allowedInputDataFields: ['phone_number'] });
      const answer = await send(post('/flow', { input_data: inputData }));
      expect(answer.status).toBe(422);
      expect(answer.json.error_code).toBe('INVALID_INPUT_DATA');
      expect(typeof answer.json.error_msg).toBe('string');
      expect(upstream.calls).toEqual([]);
    },
  );

  it('accepts a value of exactly 256 characters', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { allowedInputDataFields: ['full_name'] });
    const answer = await send(post('/flow', { input_data: { full_name: 'A'.repeat(256) } }));
    expect(answer.status).toBe(201);
  });
});

describe('createVerigramProxy: ui from the browser when allowClientUi is on', () => {
  it('accepts a clean ui and refuses @import and foreign url()', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { allowClientUi: true });
    const ok = await send(
      post('/flow', { template: 'basic', ui: { theme: 'bts', css: ':root { --vg-primary: #123456; }' } }),
    );
    expect(ok.status).toBe(201);
    for (const css of [
      '@import "https://evil.io/x.css";',
      'body { background: url(https://evil.io/pixel) }',
    ]) {
      const answer = await send(post('/flow', { template: 'basic', ui: { css } }));
      expect(answer.status).toBe(422);
      expect(answer.json.error_code).toBe('INVALID_UI');
    }
    expect(upstream.flows.size).toBe(1);
  });

  it('validates presets at construction time', () => {
    const upstream = createFakeUpstream();
    expect(() =>
      createHarness(upstream, { uiPresets: { bad: { css: '@import url(https://evil.io/a.css);' } } }),
    ).toThrow(/uiPresets\.bad/);
    expect(() =>
      createHarness(upstream, {
        uiPresets: { bad: { logo_url: 'http://docs.services.verigram.cloud/l.svg' } },
      }),
    ).toThrow(/https/);
  });
});

describe('createVerigramProxy: rate limits and idempotency', () => {
  it('limits creation per user with 429 and Retry-After, creating nothing more', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      rateLimit: { perUser: { limit: 2, windowMs: 60_000 }, perIp: false },
    });
    await createFlowAs(send);
    await createFlowAs(send);
    const limited = await send(post('/flow', {}));
    expect(limited.status).toBe(429);
    expect(limited.json.error_code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(upstream.flows.size).toBe(2);
    // Another user has their own budget.
    await createFlowAs(send, BOB);
  });

  it('limits creation per client IP across users', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      rateLimit: { perUser: false, perIp: { limit: 1, windowMs: 60_000 } },
    });
    expect((await send(post('/flow', {}), { clientIp: '203.0.113.7' })).status).toBe(201);
    expect((await send(post('/flow', {}, { user: BOB }), { clientIp: '203.0.113.7' })).status).toBe(429);
    expect((await send(post('/flow', {}, { user: BOB }), { clientIp: '203.0.113.8' })).status).toBe(201);
    expect(upstream.flows.size).toBe(2);
  });

  it('limits liveness sessions per user with 429 and Retry-After, creating no more sessions', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      rateLimit: { perUser: { limit: 1, windowMs: 60_000 }, perIp: false },
    });
    const flow = await createFlowAs(send);
    const liveness = () =>
      send(post('/liveness2/session', {}, { headers: { authorization: `Bearer ${flow.flow_token}` } }));
    expect((await liveness()).status).toBe(201);
    const limited = await liveness();
    expect(limited.status).toBe(429);
    expect(limited.json.error_code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(upstream.sessions.size).toBe(1);
  });

  it('limits flow-token renewals per client IP with 429 and Retry-After', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      rateLimit: { perUser: false, perIp: { limit: 1, windowMs: 60_000 } },
    });
    const ip = { clientIp: '203.0.113.9' };
    const created = await send(post('/flow', {}), ip);
    expect(created.status).toBe(201);
    const renew = () => send(post(`/flow/${created.json.flow_id}/token`, {}), ip);
    expect((await renew()).status).toBe(200);
    const limited = await renew();
    expect(limited.status).toBe(429);
    expect(limited.json.error_code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
  });

  it('with trustProxy, counts the rightmost X-Forwarded-For entry, so a spoofed leftmost one is no way around the limit', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      trustProxy: true,
      rateLimit: { perUser: false, perIp: { limit: 1, windowMs: 60_000 } },
    });
    const via = (forwarded: string) => ({ headers: { 'x-forwarded-for': forwarded }, user: BOB });
    expect((await send(post('/flow', {}, via('198.51.100.1, 203.0.113.7')))).status).toBe(201);
    expect((await send(post('/flow', {}, via('198.51.100.2, 203.0.113.7')))).status).toBe(429);
    expect((await send(post('/flow', {}, via('198.51.100.3,203.0.113.7 ')))).status).toBe(429);
    expect((await send(post('/flow', {}, via('203.0.113.8')))).status).toBe(201);
    expect(upstream.flows.size).toBe(2);
  });

  it('answers concurrent identical requests with one Idempotency-Key with the same single flow', async () => {
    const upstream = createFakeUpstream();
    upstream.setFault({ delayMs: 30, times: 1 });
    const { send } = createHarness(upstream);
    const headers = { 'idempotency-key': 'checkout-42' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send(post('/flow', { locale: 'ru' }, { headers }))),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json.flow_id)).size).toBe(1);
    const later = await send(post('/flow', { locale: 'ru' }, { headers }));
    expect(later.json.flow_id).toBe(answers[0]?.json.flow_id);
    expect(upstream.flows.size).toBe(1);
  });

  it('given idempotencyTtlMs, then a key is remembered for that long and a new flow is made after it', async () => {
    const upstream = createFakeUpstream();
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const store = createMemoryStore({ now: () => clock });
    const { send } = createHarness(upstream, { store, idempotencyTtlMs: 60_000 });
    const headers = { 'idempotency-key': 'checkout-7' };
    const first = await send(post('/flow', { locale: 'ru' }, { headers }));
    expect(first.status).toBe(201);
    clock += 59_999;
    const within = await send(post('/flow', { locale: 'ru' }, { headers }));
    expect(within.json.flow_id).toBe(first.json.flow_id);
    clock += 1;
    const after = await send(post('/flow', { locale: 'ru' }, { headers }));
    expect(after.status).toBe(201);
    expect(after.json.flow_id).not.toBe(first.json.flow_id);
    expect(upstream.flows.size).toBe(2);
  });

  it('refuses the same key with another body, and scopes keys per user', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const headers = { 'idempotency-key': 'k-1' };
    const first = await send(post('/flow', { locale: 'ru' }, { headers }));
    const reused = await send(post('/flow', { locale: 'en' }, { headers }));
    expect(reused.status).toBe(422);
    expect(reused.json.error_code).toBe('IDEMPOTENCY_KEY_REUSED');
    const bob = await send(post('/flow', { locale: 'ru' }, { headers, user: BOB }));
    expect(bob.json.flow_id).not.toBe(first.json.flow_id);
    expect(upstream.flows.size).toBe(2);
  });

  it('keeps a key blocked when its creation timed out, so a retry cannot make a second flow', async () => {
    const upstream = createFakeUpstream();
    // Two proxies over one store, as two instances of an app: the short timeout is only for the
    // creation under test, so the retry cannot time out by itself on a busy machine.
    const store = createMemoryStore();
    const impatient = createHarness(upstream, { timeoutMs: 30, store });
    const { send } = createHarness(upstream, { store });
    upstream.setFault({ delayMs: 2000, times: 1 });
    const headers = { 'idempotency-key': 'k-timeout' };
    expect((await impatient.send(post('/flow', {}, { headers }))).status).toBe(504);
    const retry = await send(post('/flow', {}, { headers }));
    expect(retry.status).toBe(409);
    expect(retry.json.error_code).toBe('IDEMPOTENCY_OUTCOME_UNKNOWN');
    expect(upstream.flows.size).toBe(0);
  });
  it('keeps a key blocked when Verigram answered 201 with a malformed body, creating one flow at most', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    upstream.setFault({ malformed: true, status: 201, times: 1 });
    const headers = { 'idempotency-key': 'k-malformed' };
    expect((await send(post('/flow', {}, { headers }))).status).toBe(502);
    const retry = await send(post('/flow', {}, { headers }));
    expect(retry.status).toBe(409);
    expect(retry.json.error_code).toBe('IDEMPOTENCY_OUTCOME_UNKNOWN');
    expect(
      upstream.calls.filter((call) => call.method === 'POST' && call.url.endsWith('/flow')),
    ).toHaveLength(1);
  });

  it('keeps a key blocked after a Verigram 5xx, and frees it after a 4xx refusal', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    upstream.setFault({ status: 503, times: 1 });
    const unknown = { 'idempotency-key': 'k-503' };
    expect((await send(post('/flow', {}, { headers: unknown }))).status).toBe(503);
    expect((await send(post('/flow', {}, { headers: unknown }))).status).toBe(409);
    upstream.setFault({ status: 422, times: 1 });
    const refused = { 'idempotency-key': 'k-422' };
    expect((await send(post('/flow', {}, { headers: refused }))).status).toBe(422);
    expect((await send(post('/flow', {}, { headers: refused }))).status).toBe(201);
    expect(upstream.flows.size).toBe(1);
  });
});

describe('createVerigramProxy: upstream failures', () => {
  it('passes a Verigram 5xx on a POST through without retrying it', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    upstream.setFault({ status: 503 });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ error_code: 'FAULT', error_msg: 'injected 503' });
    expect(upstream.calls).toHaveLength(1);
  });

  it('retries a GET after a 5xx', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    upstream.setFault({ status: 500, times: 1 });
    const answer = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(answer.status).toBe(200);
  });

  it('hands a 429 with a long Retry-After back to the browser', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const flow = await createFlowAs(send);
    upstream.setFault({ status: 429, retryAfter: '30' });
    const answer = await send(get(`/flow/${flow.flow_id}`, { token: flow.flow_token }));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
  });

  it.each([
    {
      name: 'an unreachable upstream',
      fault: { networkError: true },
      status: 502,
      code: 'UPSTREAM_UNAVAILABLE',
    },
    {
      name: 'a slow upstream',
      fault: { delayMs: 2000 },
      timeoutMs: 40,
      status: 504,
      code: 'UPSTREAM_TIMEOUT',
    },
    { name: 'a malformed body', fault: { malformed: true }, status: 502, code: 'UPSTREAM_MALFORMED' },
  ])('maps $name to $status $code', async ({ fault, timeoutMs, status, code }) => {
    const upstream = createFakeUpstream();
    const flow = await createFlowAs(createHarness(upstream).send);
    // The same secret: the token of the set-up proxy is good here. Only this read has the short timeout.
    const { send } = createHarness(upstream, { timeoutMs, retry: { retries: 0 } });
    upstream.setFault(fault);
    const answer = await send(get(`/flow/${flow.flow_id}/result`, { token: flow.flow_token }));
    expect(answer.status).toBe(status);
    expect(answer.json.error_code).toBe(code);
  });

  it('turns a rejected API key into 502 UPSTREAM_AUTH_FAILED, not a logout', async () => {
    const upstream = createFakeUpstream();
    const { send, logs } = createHarness(upstream, { apiKey: 'sandbox-wrong-key' });
    const answer = await send(post('/flow', {}));
    expect(answer.status).toBe(502);
    expect(answer.json.error_code).toBe('UPSTREAM_AUTH_FAILED');
    expect(logs.some((line) => line.includes('UNAUTHORIZED'))).toBe(true);
    expect(logs.join('\n')).not.toContain('sandbox-wrong-key');
  });
});

describe('createVerigramProxy: CORS and configuration', () => {
  it('sends CORS headers to an allowed origin only, never a wildcard', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      allowedOrigins: ['https://admin.example.com'],
      corsCredentials: true,
    });
    const allowed = await send(post('/flow', {}, { origin: 'https://admin.example.com' }));
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await send(
      new Request(`${APP}/api/verigram/flow`, {
        method: 'OPTIONS',
        headers: { origin: 'https://admin.example.com' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const evil = await send(
      new Request(`${APP}/api/verigram/flow`, { method: 'OPTIONS', headers: { origin: 'https://evil.io' } }),
    );
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses wildcard origins, short secrets and unknown default templates at construction', () => {
    const base = { apiKey: API_KEY, secret: SECRET, authorize: () => null };
    expect(() => createVerigramProxy({ ...base, allowedOrigins: ['*'] })).toThrow(/wildcard/);
    expect(() => createVerigramProxy({ ...base, secret: 'short' })).toThrow(/32 bytes/);
    expect(() => createVerigramProxy({ ...base, defaultTemplate: 'x' })).toThrow(/defaultTemplate/);
    expect(() =>
      createVerigramProxy({ ...base, allowedCallbackOrigins: ['https://app.example.com/path'] }),
    ).toThrow(/origin/);
  });

  it('refuses a plain-http baseUrl to any host but this machine, which would send the key in clear', () => {
    const base = { apiKey: API_KEY, secret: SECRET, authorize: () => null };
    expect(() => createVerigramProxy({ ...base, baseUrl: 'http://api.verigram.example' })).toThrow(
      /baseUrl must use https/,
    );
    expect(() => createVerigramProxy({ ...base, baseUrl: 'http://10.0.0.5:4010' })).toThrow(/https/);
    expect(() => createVerigramProxy({ ...base, baseUrl: 'ftp://localhost' })).toThrow(/https/);
    for (const baseUrl of [
      'https://api.verigram.example',
      'http://localhost:4010',
      'http://127.0.0.1:4010',
      'http://[::1]:4010',
    ]) {
      expect(() => createVerigramProxy({ ...base, baseUrl })).not.toThrow();
    }
  });

  it('given NODE_ENV=production, refuses to start without a baseUrl instead of guessing the sandbox', () => {
    const base = { apiKey: API_KEY, secret: SECRET, authorize: () => null };
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => createVerigramProxy(base)).toThrow(/baseUrl is required when NODE_ENV is "production"/);
      expect(() => createVerigramProxy({ ...base, baseUrl: 'https://api.verigram.example' })).not.toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(() => createVerigramProxy(base)).not.toThrow();
  });

  it('given authorize answers a person id Verigram refuses (short, Cyrillic, a space), then 500 INVALID_PERSON_ID names the rule and the helper, logs it, and calls nothing upstream', async () => {
    for (const personId of ['42', 'alice', 'Әлия-0001', 'a b c d e f', 'x'.repeat(49)]) {
      const upstream = createFakeUpstream();
      const { send, logs } = createHarness(upstream, { authorize: () => ({ personId }) });
      for (const request of [post('/flow', {}), get('/flow/some-flow', { token: 'any-token' })]) {
        const answer = await send(request);
        expect(answer.status, personId).toBe(500);
        expect(answer.json.error_code).toBe('INVALID_PERSON_ID');
        expect(answer.json.error_msg).toContain('6 to 48 characters of [a-zA-Z0-9_@.+-]');
        expect(answer.json.error_msg).toContain('personIdFor(userId, secret)');
      }
      expect(upstream.calls).toEqual([]);
      const refusals = logs.filter((line) => line.includes('authorize returned a personId Verigram refuses'));
      expect(refusals).toHaveLength(2);
      // The id itself is the app's user data: the log says what is wrong with it, not what it is.
      if (personId.length >= 6) expect(logs.join('\n')).not.toContain(personId);
    }
  });
});

afterAll(() => {
  // The fake upstream's answers were held to the spec all along (fakeUpstream.ts).
  expect(validatedCount).toBeGreaterThan(50);
  // The rule: the API key never appears in any response, error or log line.
  expect(transcript.length).toBeGreaterThan(50);
  for (const entry of transcript) expect(entry).not.toContain(API_KEY);
});

describe('createVerigramProxy: templates kept in Verigram Console', () => {
  it('given a template named by its Console id, then the flow is created with template_id and no inline template', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { templates: { kyc: { templateId: 'tpl-kyc-2024' } } });
    const created = await send(post('/flow', { template: 'kyc' }));
    expect(created.status, created.text).toBe(201);
    const body = upstream.calls[0]?.body as Record<string, unknown>;
    expect(body.template_id).toBe('tpl-kyc-2024');
    expect(body).not.toHaveProperty('template');
  });

  it('given a ui preset with a Console template, then 422 UI_NEEDS_INLINE_TEMPLATE and nothing is created', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, {
      templates: { kyc: { templateId: 'tpl-kyc-2024' } },
      uiPresets: { bank: { theme: 'bts' } },
    });
    const refused = await send(post('/flow', { template: 'kyc', ui_preset: 'bank' }));
    expect(refused.status).toBe(422);
    expect(refused.json.error_code).toBe('UI_NEEDS_INLINE_TEMPLATE');
    expect(upstream.calls).toEqual([]);
  });

  it('given a Console template without an id, or with a pipeline too, then construction fails', () => {
    const base = { apiKey: API_KEY, secret: SECRET, authorize: () => null };
    expect(() => createVerigramProxy({ ...base, templates: { kyc: { templateId: '' } } })).toThrow(
      /templates\.kyc: a Console template/,
    );
    const both = { templateId: 'tpl', pipeline: [{ service_name: 'verilive' as const }] };
    expect(() => createVerigramProxy({ ...base, templates: { kyc: both } })).toThrow(/templates\.kyc/);
  });
});

describe('createVerigramProxy: callback_url on an app scheme (web views)', () => {
  it('given allowedCallbackSchemes, then a callback on that scheme reaches Verigram, and other schemes do not', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream, { allowedCallbackSchemes: ['MyBank:'] });
    const created = await send(post('/flow', { callback_url: 'mybank://verified?step=done' }));
    expect(created.status, created.text).toBe(201);
    expect(upstream.calls[0]?.body).toEqual(
      expect.objectContaining({ callback_url: 'mybank://verified?step=done' }),
    );
    const other = await send(post('/flow', { callback_url: 'otherapp://verified' }));
    expect(other.status).toBe(422);
    expect(other.json.error_code).toBe('INVALID_CALLBACK_URL');
    expect(upstream.calls).toHaveLength(1);
  });

  it('given no allowedCallbackSchemes, then an app scheme is refused', async () => {
    const upstream = createFakeUpstream();
    const { send } = createHarness(upstream);
    const refused = await send(post('/flow', { callback_url: 'mybank://verified' }));
    expect(refused.status).toBe(422);
    expect(refused.json.error_code).toBe('INVALID_CALLBACK_URL');
    expect(upstream.calls).toEqual([]);
  });

  it.each(['javascript', 'data', 'https', 'file', 'not a scheme'])(
    'given allowedCallbackSchemes [%s], then construction fails',
    (scheme) => {
      const base = { apiKey: API_KEY, secret: SECRET, authorize: () => null };
      expect(() => createVerigramProxy({ ...base, allowedCallbackSchemes: [scheme] })).toThrow(
        /allowedCallbackSchemes/,
      );
    },
  );
});
