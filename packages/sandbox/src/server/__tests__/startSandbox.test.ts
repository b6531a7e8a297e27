import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validatedCount } from '../../../../../tests/contract/openApiContract.ts';
import { API_HEADERS, call } from '../../__tests__/httpHarness.ts';
import { type RunningSandbox, startSandbox } from '../startSandbox.ts';

let sandbox: RunningSandbox;
const api = (method: string, path: string, init?: Parameters<typeof call>[3]) =>
  call(sandbox.url, method, path, init);
const create = async (body: object = { person_id: 'person-1' }) => {
  const res = await api('POST', '/flow', { body });
  expect(res.status).toBe(201);
  return res.body as { flow_id: string; vlink: string };
};

beforeAll(async () => {
  sandbox = await startSandbox({ env: {} });
});
afterAll(async () => {
  await sandbox.close();
  // The contract check ran on every API answer of this file.
  expect(validatedCount).toBeGreaterThan(60);
});
beforeEach(() => {
  sandbox.setFaults({});
});

describe('POST /flow', () => {
  it('answers 201 with flow_id and a vlink to the hosted page', async () => {
    const res = await api('POST', '/flow', {
      body: { person_id: 'person-1', locale: 'ru', callback_url: 'https://shop.example/cb' },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['flow_id', 'vlink']);
    expect(res.body.vlink).toBe(`${sandbox.pageUrl}/hf2/${res.body.flow_id}/`);
    const flow = await api('GET', `/flow/${res.body.flow_id}`);
    expect(flow.status).toBe(200);
    expect(flow.body).toMatchObject({
      locale: 'ru',
      callback_url: 'https://shop.example/cb',
      test_flow: true,
      flow_status: 'unknown',
    });
    expect(flow.body.polled_at).toEqual(expect.any(String));
  });

  it.each([
    ['shortest person_id', { person_id: 'abcdef' }],
    ['longest person_id', { person_id: 'a'.repeat(48) }],
    ['every allowed character', { person_id: 'a_b@c.d+e-f9' }],
    [
      'step bounds',
      {
        person_id: 'person-1',
        template: {
          pipeline: [
            { service_name: 'verilive', timeout: 10, max_retries: 1 },
            { service_name: 'otp', timeout: 172800, max_retries: 10 },
          ],
        },
      },
    ],
    [
      'a full ui',
      {
        person_id: 'person-1',
        template: {
          pipeline: [{ service_name: 'verilive' }],
          status_page: true,
          ui: {
            theme: 'bts',
            logo_url: 'data:image/svg+xml,%3Csvg%2F%3E',
            favicon_url: 'https://docs.services.verigram.cloud/f.png',
            css: ':root{}',
            translation: { en: { 'header.title': 'Hi' } },
          },
        },
      },
    ],
    ['a builtin template_id', { person_id: 'person-1', template_id: 'kyc' }],
  ])('accepts %s', async (_name, body) => {
    expect((await api('POST', '/flow', { body })).status).toBe(201);
  });

  const pipeline = (step: object) => ({
    person_id: 'person-1',
    template: { pipeline: [{ service_name: 'verilive', ...step }] },
  });
  const ui = (u: object) => ({
    person_id: 'person-1',
    template: { pipeline: [{ service_name: 'verilive' }], ui: u },
  });
  it.each([
    ['person_id missing', {}, 'INVALID_PERSON_ID'],
    ['person_id of 5 characters', { person_id: 'abcde' }, 'INVALID_PERSON_ID'],
    ['person_id of 49 characters', { person_id: 'a'.repeat(49) }, 'INVALID_PERSON_ID'],
    ['person_id with a space', { person_id: 'bad person' }, 'INVALID_PERSON_ID'],
    ['person_id with a slash', { person_id: 'bad/person' }, 'INVALID_PERSON_ID'],
    ['person_id not a string', { person_id: 1234567 }, 'INVALID_PERSON_ID'],
    ['locale outside the enum', { person_id: 'person-1', locale: 'de' }, 'INVALID_LOCALE'],
    ['unknown service name', pipeline({ service_name: 'selfie' }), 'INVALID_SERVICE_NAME'],
    ['step timeout 9', pipeline({ timeout: 9 }), 'INVALID_STEP_TIMEOUT'],
    ['step timeout 172801', pipeline({ timeout: 172801 }), 'INVALID_STEP_TIMEOUT'],
    ['step timeout not an integer', pipeline({ timeout: 30.5 }), 'INVALID_STEP_TIMEOUT'],
    ['max_retries 0', pipeline({ max_retries: 0 }), 'INVALID_MAX_RETRIES'],
    ['max_retries 11', pipeline({ max_retries: 11 }), 'INVALID_MAX_RETRIES'],
    ['allow_failure not a boolean', pipeline({ allow_failure: 'yes' }), 'INVALID_PAYLOAD'],
    ['callback_url not a URI', { person_id: 'person-1', callback_url: 'not a url' }, 'INVALID_URI'],
    ['callback_url relative', { person_id: 'person-1', callback_url: '/callback' }, 'INVALID_URI'],
    [
      'callback_url javascript:',
      { person_id: 'person-1', callback_url: 'javascript:alert(1)' },
      'INVALID_URI',
    ],
    ['logo_url relative', ui({ logo_url: 'logo.png' }), 'INVALID_URI'],
    ['favicon_url not a URI', ui({ favicon_url: 'http://exa mple.com/f.png' }), 'INVALID_URI'],
    ['theme outside the enum', ui({ theme: 'dark' }), 'INVALID_THEME'],
    ['css not a string', ui({ css: 42 }), 'INVALID_PAYLOAD'],
    [
      'css that imports a stylesheet',
      ui({ css: '@import "https://evil.example/x.css";' }),
      'INVALID_PAYLOAD',
    ],
    [
      'a logo off the allowed asset hosts',
      ui({ logo_url: 'https://tracker.example.net/l.svg' }),
      'INVALID_URI',
    ],
    ['translation value not a string', ui({ translation: { en: { 'header.title': 1 } } }), 'INVALID_PAYLOAD'],
    ['template without pipeline', { person_id: 'person-1', template: {} }, 'INVALID_PAYLOAD'],
    ['empty pipeline', { person_id: 'person-1', template: { pipeline: [] } }, 'INVALID_PAYLOAD'],
    ['unknown template_id', { person_id: 'person-1', template_id: 'nope' }, 'UNKNOWN_TEMPLATE'],
    [
      'input_data field not a string',
      { person_id: 'person-1', input_data: { iin: 900101 } },
      'INVALID_PAYLOAD',
    ],
    ['a JSON array body', [], 'INVALID_PAYLOAD'],
  ])('refuses %s with 422 %s and creates nothing', async (_name, body, code) => {
    const before = sandbox.engine.flowCount;
    const res = await api('POST', '/flow', { body });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe(code);
    expect(res.body.error_msg).toEqual(expect.any(String));
    expect(sandbox.engine.flowCount).toBe(before);
  });

  it('refuses malformed JSON and an empty body with 422 INVALID_PAYLOAD', async () => {
    for (const rawBody of ['{"person_id": ', '']) {
      const res = await api('POST', '/flow', { rawBody });
      expect(res.status).toBe(422);
      expect(res.body.error_code).toBe('INVALID_PAYLOAD');
    }
  });
});

describe('authentication and versions', () => {
  it.each([
    ['a missing key', { 'X-Verigram-Api-Key': undefined }, 401],
    ['an unknown key', { 'X-Verigram-Api-Key': 'sk_live_unknown' }, 401],
    ['a missing version', { 'X-Verigram-Api-Version': undefined }, 401],
    ['another version', { 'X-Verigram-Api-Version': '1.0' }, 422],
  ])('answers %s with %i on every operation', async (_name, headers, status) => {
    const { flow_id } = await create();
    for (const [method, path, body] of [
      ['POST', '/flow', { person_id: 'person-1' }],
      ['GET', `/flow/${flow_id}`],
      ['GET', `/flow/${flow_id}/result`],
      ['GET', '/journal/session/x-S'],
      ['POST', '/liveness2/session', { person_id: 'person-1' }],
      ['GET', `/resources/file?label=bestframe&flow_id=${flow_id}`],
    ] as const) {
      const res = await api(method, path, { headers, body });
      expect(res.status, `${method} ${path}`).toBe(status);
    }
  });

  it("forbids another consumer's flow, result and files with 403 (the spec lists 403 there), its session with 404 (the journal lists none)", async () => {
    const { flow_id } = await create({ person_id: 'owner+auto' });
    const other = { 'X-Verigram-Api-Key': 'sandbox-other-key' };
    const session = (await api('GET', `/flow/${flow_id}/result`)).body.service_statuses[0].session_id;
    for (const path of [
      `/flow/${flow_id}`,
      `/flow/${flow_id}/result`,
      `/resources/file?label=bestframe&flow_id=${flow_id}`,
      `/resources/file?label=bestframe&session_id=${session}`,
    ]) {
      const res = await api('GET', path, { headers: other });
      expect(res.status, path).toBe(403);
      expect(res.body.error_code, path).toBe('FORBIDDEN');
    }
    expect((await api('GET', `/journal/session/${session}`, { headers: other })).status).toBe(404);
    const liveness = await api('POST', '/liveness2/session', {
      headers: other,
      body: { person_id: 'owner+auto', flow_id },
    });
    expect(liveness.status).toBe(403);
    const steal = await call(sandbox.url, 'POST', `/_sandbox/flows/${flow_id}/steps/current`, {
      headers: other,
      body: { outcome: 'pass' },
    });
    expect(steal.status).toBe(403);
    // Nothing changed for the owner.
    expect((await api('GET', `/flow/${flow_id}`)).body.flow_status).toBe('pass');
  });
});

describe('reading flows, results, sessions and files', () => {
  it('answers 404 for unknown ids and for the result of a flow not started yet', async () => {
    const { flow_id } = await create();
    expect((await api('GET', '/flow/nope-F')).status).toBe(404);
    expect((await api('GET', '/flow/nope-F/result')).status).toBe(404);
    expect((await api('GET', '/journal/session/nope-S')).status).toBe(404);
    const notStarted = await api('GET', `/flow/${flow_id}/result`);
    expect(notStarted.status).toBe(404);
    expect(notStarted.body.error_code).toBe('FLOW_NOT_STARTED');
  });

  it.each(['pass', 'fail', 'unknown', 'abandon', 'timeout'])(
    'walks a kyc flow driven by the control route (%s)',
    async (outcome) => {
      const { flow_id } = await create({
        person_id: 'person-1',
        template_id: 'kyc',
        input_data: { full_name: 'AIGERIM TESTOVA', iin: '900101300123' },
      });
      const control = (o: object) =>
        call(sandbox.url, 'POST', `/_sandbox/flows/${flow_id}/steps/current`, { body: o });
      for (let i = 0; i < 3; i++) expect((await control({ outcome: 'pass' })).status).toBe(200);
      const last = await control({ outcome, error_codes: outcome === 'fail' ? ['no_face'] : undefined });
      expect(last.status).toBe(200);
      const flow = await api('GET', `/flow/${flow_id}`);
      const result = await api('GET', `/flow/${flow_id}/result`);
      expect(result.status).toBe(200);
      // The kyc template's last step (otp) allows failure, so a failing otp still passes the flow.
      const expected = {
        pass: ['pass', 'completed'],
        fail: ['fail', undefined],
        unknown: ['unknown', 'completed'],
        abandon: ['fail', 'disconnected'],
        timeout: ['fail', 'timeout'],
      }[outcome] as [string, string | undefined];
      if (outcome === 'fail')
        expect(flow.body.end_cause).toBeUndefined(); // otp retries remain (max_retries 5)
      else expect(flow.body).toMatchObject({ flow_status: expected[0], end_cause: expected[1] });
      expect(result.body.person_name).toBe('AIGERIM TESTOVA');
      const live = result.body.service_statuses.find(
        (s: { service_name: string }) => s.service_name === 'verilive',
      );
      expect((await api('GET', `/journal/session/${live.session_id}`)).body.result.service_status).toBe(
        'real',
      );
      const doc = await api('GET', `/resources/file?label=doc_original_front_img&flow_id=${flow_id}`);
      expect(doc.status).toBe(200);
    },
  );

  it('streams bestframe as a real PNG by flow, session or person id', async () => {
    const { flow_id } = await create({ person_id: 'filer+auto' });
    const session = (await api('GET', `/flow/${flow_id}/result`)).body.service_statuses[1].session_id;
    for (const q of [`flow_id=${flow_id}`, `session_id=${session}`, 'person_id=filer%2Bauto']) {
      const res = await api('GET', `/resources/file?label=bestframe&${q}`);
      expect(res.status, q).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Number(res.headers.get('content-length'))).toBe(res.raw.length);
      expect([...res.raw.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    const none = await api('GET', `/resources/file?label=liveness_video&flow_id=${flow_id}`);
    expect(none.status).toBe(404);
    expect(none.body.error_code).toBe('FILE_NOT_FOUND');
  });

  it.each([
    ['no label', '?flow_id=x-F', 'INVALID_FILE_LABEL'],
    ['an unknown label', '?label=selfie&flow_id=x-F', 'UNKNOWN_FILE_LABEL'],
    ['no id', '?label=bestframe', 'INVALID_QUERY'],
    ['two ids', '?label=bestframe&flow_id=x-F&person_id=person-1', 'INVALID_QUERY'],
    ['three ids', '?label=bestframe&flow_id=x-F&person_id=person-1&session_id=y-S', 'INVALID_QUERY'],
  ])('GET /resources/file with %s is a 422 %s', async (_n, query, code) => {
    const res = await api('GET', `/resources/file${query}`);
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe(code);
  });
});

describe('POST /liveness2/session', () => {
  it('creates a session with a uuid access token and attempts_left', async () => {
    const { flow_id } = await create();
    const res = await api('POST', '/liveness2/session', {
      body: {
        person_id: 'person-1',
        flow_id,
        duration: 120,
        max_retries: 0,
        platform: 'web',
        pipeline: [['zoom-in'], ['turn-left', 'turn-right']],
      },
    });
    expect(res.status).toBe(201);
    // max_retries 0: one attempt, no retry.
    expect(res.body).toMatchObject({ person_id: 'person-1', flow_id, attempts_left: 1 });
    const journal = await api('GET', `/journal/session/${res.body.session_id}`);
    expect(journal.body).toMatchObject({ service_name: 'verilive', flow_id });
    const alone = await api('POST', '/liveness2/session', {
      body: { person_id: 'person-1', duration: 600, max_retries: 100 },
    });
    expect(alone.body.attempts_left).toBe(101);
    expect(alone.body.flow_id).toMatch(/-F$/);
  });

  it('given a session created without flow_id, then its generated flow_id reads with GET /flow/{id} and /result, and follows the session', async () => {
    const created = await api('POST', '/liveness2/session', {
      body: { person_id: 'person-1', max_retries: 0 },
    });
    const flowId = created.body.flow_id;
    const flow = await api('GET', `/flow/${flowId}`);
    expect(flow.status).toBe(200);
    expect(flow.body).toMatchObject({ flow_id: flowId, person_id: 'person-1', flow_status: 'unknown' });
    expect(flow.body.template.pipeline).toEqual([{ service_name: 'verilive' }]);
    const open = await api('GET', `/flow/${flowId}/result`);
    expect(open.status).toBe(200);
    expect(open.body.service_statuses).toEqual([
      expect.objectContaining({ session_id: created.body.session_id, frontend_session_status: 'active' }),
    ]);
    await api('POST', `/_sandbox/sessions/${created.body.session_id}/outcome`, { body: { outcome: 'pass' } });
    expect((await api('GET', `/flow/${flowId}`)).body).toMatchObject({
      flow_status: 'pass',
      end_cause: 'completed',
    });
    const result = await api('GET', `/flow/${flowId}/result`);
    expect(result.body).toMatchObject({ flow_status: 'pass', end_cause: 'completed', sessions_count: 1 });
    // It is a liveness session's flow: its SDK runs it with the access token, not the hosted page.
    expect((await fetch(`${sandbox.pageUrl}/hf2/${flowId}/`)).status).toBe(404);
  });

  it('given a standalone session, then the control route decides it and the journal shows the verdict', async () => {
    const created = await api('POST', '/liveness2/session', {
      body: { person_id: 'person-1', max_retries: 0 },
    });
    const path = `/_sandbox/sessions/${created.body.session_id}/outcome`;
    expect((await api('POST', path, { body: { outcome: 'maybe' } })).body.error_code).toBe('INVALID_PAYLOAD');
    expect((await api('POST', path, { body: { outcome: 'fail', error_codes: ['wink'] } })).status).toBe(422);
    const decided = await api('POST', path, { body: { outcome: 'fail', error_codes: ['no_face'] } });
    expect(decided.status).toBe(200);
    const journal = await api('GET', `/journal/session/${created.body.session_id}`);
    expect(journal.body.result).toMatchObject({ service_status: 'attack', error_codes: ['no_face'] });
  });

  it.each([
    ['person_id missing', { person_id: undefined }, 'INVALID_PERSON_ID'],
    ['duration 119', { duration: 119 }, 'INVALID_DURATION'],
    ['duration 601', { duration: 601 }, 'INVALID_DURATION'],
    ['max_retries -1', { max_retries: -1 }, 'INVALID_MAX_RETRIES'],
    ['max_retries 101', { max_retries: 101 }, 'INVALID_MAX_RETRIES'],
    ['an unknown platform', { platform: 'windows' }, 'INVALID_PLATFORM'],
    ['an unknown liveness action', { pipeline: [['wink']] }, 'INVALID_PIPELINE'],
    ['an unknown flow', { flow_id: 'nope-F' }, 'INVALID_FLOW_ID'],
  ])('refuses %s with 422 %s', async (_n, body, code) => {
    const res = await api('POST', '/liveness2/session', { body: { person_id: 'person-1', ...body } });
    expect(res.status).toBe(422);
    expect(res.body.error_code).toBe(code);
  });
});

describe('routing', () => {
  it('answers a wrong method with 405 and Allow, an unknown path with 404', async () => {
    const res = await api('GET', '/flow');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await api('DELETE', '/flow/abc-F')).status).toBe(405);
    const unknown = await fetch(`${sandbox.url}/flows`, { headers: API_HEADERS });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error_code: 'NOT_FOUND', error_msg: expect.any(String) });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await api('POST', '/flow', {
      rawBody: JSON.stringify({ person_id: 'person-1', pad: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error_code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the hosted page with a strict CSP, and 404 for an unknown flow', async () => {
    const { vlink } = await create();
    const page = await fetch(vlink);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect((await fetch(`${sandbox.pageUrl}/hf2/nope-F/`)).status).toBe(404);
  });
});

describe('rate limits and faults', () => {
  it('answers 429 with Retry-After once a test key exceeds its limit, per key', async () => {
    const limited = await startSandbox({ env: {}, rateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(limited.url, 'GET', '/flow/x-F')).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const res = await call(limited.url, 'GET', '/flow/x-F');
      expect(res.body.error_code).toBe('TOO_MANY_REQUESTS');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      // sandbox-other-key is not a test key: not limited.
      expect(
        (
          await call(limited.url, 'GET', '/flow/x-F', {
            headers: { 'X-Verigram-Api-Key': 'sandbox-other-key' },
          })
        ).status,
      ).toBe(404);
      limited.advanceClock(60_000);
      expect((await call(limited.url, 'GET', '/flow/x-F')).status).toBe(404);
    } finally {
      await limited.close();
    }
  });

  it('injects 429 bursts, 5xx and latency, set in code or through the control route', async () => {
    sandbox.setFaults({ burst429: 2, retryAfterSeconds: 7 });
    const a = await api('GET', '/flow/x-F');
    const b = await api('GET', '/flow/x-F');
    expect([a.status, b.status, (await api('GET', '/flow/x-F')).status]).toEqual([429, 429, 404]);
    expect(a.headers.get('retry-after')).toBe('7');
    const put = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ error5xxRate: 1, latencyMs: 120 }),
    });
    expect(await put.json()).toMatchObject({ error5xxRate: 1, latencyMs: 120 });
    const started = Date.now();
    const failed = await api('POST', '/flow', { body: { person_id: 'person-1' } });
    expect(failed.status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    const bad = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ error5xxRate: 2 }),
    });
    expect(bad.status).toBe(422);
  });

  it('cuts JSON bodies short when asked for malformed answers (state still changes)', async () => {
    sandbox.setFaults({ malformedRate: 1 });
    const before = sandbox.engine.flowCount;
    const res = await fetch(`${sandbox.url}/flow`, {
      method: 'POST',
      headers: API_HEADERS,
      body: JSON.stringify({ person_id: 'person-1' }),
    });
    expect(res.status).toBe(201);
    await expect(res.clone().json()).rejects.toThrow();
    expect(sandbox.engine.flowCount).toBe(before + 1);
  });

  it('given a malformed rate of 1, then a refusal keeps its whole error body (only successful answers are cut)', async () => {
    sandbox.setFaults({ malformedRate: 1 });
    const res = await fetch(`${sandbox.url}/flow/unknown-F`, { headers: API_HEADERS });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error_code: 'NOT_FOUND' });
  });

  it('given every fault at full rate, then the hosted page, its origin and the control routes answer untouched', async () => {
    const { vlink } = await create();
    sandbox.setFaults({ burst429: 5, error5xxRate: 1, malformedRate: 1 });
    const health = await fetch(`${sandbox.url}/_sandbox/health`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    const page = await fetch(vlink);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="vg-model"');
    const state = await fetch(`${vlink}state`);
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ phase: 'not_started' });
    // The burst was not spent on them: the next API request is the first of the five.
    expect((await fetch(`${sandbox.url}/_sandbox/faults`).then((r) => r.json())).burst429).toBe(5);
    expect((await api('GET', '/flow/unknown-F')).status).toBe(429);
  });

  it('reads faults from SANDBOX_* variables', async () => {
    const faulty = await startSandbox({
      env: { SANDBOX_FAULT_429_BURST: '1', SANDBOX_FAULT_RETRY_AFTER: '3' },
    });
    try {
      const res = await call(faulty.url, 'GET', '/flow/x-F');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
    } finally {
      await faulty.close();
    }
  });
});

describe('control routes', () => {
  it('needs the owner key, checks the outcome, and moves the clock', async () => {
    const { flow_id } = await create({
      person_id: 'person-1',
      template: { pipeline: [{ service_name: 'verilive', timeout: 3600 }] },
    });
    const url = `/_sandbox/flows/${flow_id}/steps/current`;
    expect(
      (
        await call(sandbox.url, 'POST', url, {
          headers: { 'X-Verigram-Api-Key': undefined },
          body: { outcome: 'pass' },
        })
      ).status,
    ).toBe(401);
    expect((await call(sandbox.url, 'POST', url, { body: { outcome: 'maybe' } })).status).toBe(422);
    expect(
      (await call(sandbox.url, 'POST', url, { body: { outcome: 'fail', error_codes: ['bogus'] } })).status,
    ).toBe(422);
    // Starts the flow: one failed attempt, retries remain.
    const res = await call(sandbox.url, 'POST', url, {
      body: { outcome: 'fail', error_codes: ['closed_eyes'] },
    });
    expect(res.body.started_at).toEqual(expect.any(String));
    await fetch(`${sandbox.url}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ advance_ms: 300_001 }),
    });
    expect((await api('GET', `/flow/${flow_id}`)).body.end_cause).toBe('disconnected');
    const list = await call(sandbox.url, 'GET', '/_sandbox/flows');
    expect(list.body.flows.some((f: { flow_id: string }) => f.flow_id === flow_id)).toBe(true);
  });

  it('given the control outcome "error", then the flow ends fail / failed (a system error)', async () => {
    const { flow_id } = await create();
    const res = await call(sandbox.url, 'POST', `/_sandbox/flows/${flow_id}/steps/current`, {
      body: { outcome: 'error' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ flow_status: 'fail', end_cause: 'failed' });
  });

  it('switches auto-complete on for flows opened afterwards', async () => {
    const { flow_id } = await create();
    await fetch(`${sandbox.url}/_sandbox/auto-complete`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: true }),
    });
    try {
      const state = await (
        await fetch(`${sandbox.pageUrl}/hf2/${flow_id}/actions`, { method: 'POST', body: '{"type":"open"}' })
      ).json();
      expect(state).toMatchObject({ phase: 'ended', flowStatus: 'pass' });
    } finally {
      sandbox.engine.autoComplete = false;
    }
  });
});

describe('a flow that ended without starting', () => {
  it('given its ttl passed, then GET /flow/{id}/result answers its projection, not 404', async () => {
    const { flow_id } = await create();
    expect((await api('GET', `/flow/${flow_id}/result`)).status).toBe(404);
    await fetch(`${sandbox.url}/_sandbox/clock`, {
      method: 'POST',
      body: JSON.stringify({ advance_ms: 86_400_001 }),
    });
    expect((await api('GET', `/flow/${flow_id}`)).body).toMatchObject({ end_cause: 'timeout' });
    const result = await api('GET', `/flow/${flow_id}/result`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      flow_id,
      flow_status: 'fail',
      end_cause: 'timeout',
      sessions_count: 0,
      service_statuses: [],
    });
  });
});

describe('spec fidelity', () => {
  it.each([
    ['GET', '/flow/%E0%A4%A'],
    ['GET', '/flow/%E0%A4%A/result'],
    ['GET', '/journal/session/%E0%A4%A'],
    ['GET', '/hf2/%E0%A4%A/'],
    ['GET', '/hf2/%E0%A4%A/state'],
    ['POST', '/hf2/%E0%A4%A/actions'],
    ['POST', '/_sandbox/flows/%E0%A4%A/steps/current'],
  ])(
    'given a malformed percent-encoding, then %s %s answers 404 with the spec error body, not 500',
    async (method, path) => {
      const base = path.startsWith('/hf2/') ? sandbox.pageUrl : sandbox.url;
      const res = await call(base, method, path, method === 'POST' ? { body: { outcome: 'pass' } } : {});
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error_code: 'NOT_FOUND',
        error_msg: expect.stringContaining('percent-encoding'),
      });
    },
  );

  it.each([
    'myapp://verification/done?x=1',
    'https://shop.example/cb',
    'intent://done#Intent;scheme=myapp;end',
  ])('accepts the absolute URI %s as callback_url (spec: format uri)', async (callback_url) => {
    const { flow_id } = await create({ person_id: 'person-1', callback_url });
    expect((await api('GET', `/flow/${flow_id}`)).body.callback_url).toBe(callback_url);
  });

  it('given a phone opens the page, then input_meta.initial_device_type is mobile; a desktop browser, desktop', async () => {
    const phone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    const desktop =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    for (const [ua, type] of [
      [phone, 'mobile'],
      [desktop, 'desktop'],
    ] as const) {
      const { flow_id } = await create();
      expect((await api('GET', `/flow/${flow_id}`)).body.input_meta).toBeUndefined();
      await fetch(`${sandbox.pageUrl}/hf2/${flow_id}/actions`, {
        method: 'POST',
        headers: { 'User-Agent': ua },
        body: '{"type":"open"}',
      });
      // A later open from another device does not change where the flow started.
      await fetch(`${sandbox.pageUrl}/hf2/${flow_id}/actions`, {
        method: 'POST',
        headers: { 'User-Agent': ua === phone ? desktop : phone },
        body: '{"type":"open"}',
      });
      expect((await api('GET', `/flow/${flow_id}`)).body.input_meta).toEqual({ initial_device_type: type });
    }
  });

  it.each([
    ['alice+suspicious', 'unknown', 'suspicious', 'auto', 'processed'],
    ['alice+blacklisted', 'fail', 'blacklisted', 'auto', 'processed'],
    ['alice+whitelisted', 'pass', 'whitelisted', 'auto', 'processed'],
    ['alice+reviewed', 'pass', 'approved', 'edited', 'reviewed'],
    ['alice+rejected', 'fail', 'denied', 'edited', 'reviewed'],
  ])(
    'person id %s ends flow_status %s, frontend status %s, check_type %s, last state %s',
    async (personId, status, frontend, checkType, state) => {
      const { flow_id } = await create({
        person_id: `${personId}+auto`,
        template: { pipeline: [{ service_name: 'verilive', max_retries: 3 }] },
      });
      const result = await api('GET', `/flow/${flow_id}/result`);
      expect(result.body).toMatchObject({
        flow_status: status,
        end_cause: 'completed',
        check_type: checkType,
      });
      // A blacklisted person gets no retry: one session only.
      expect(result.body.service_statuses).toHaveLength(1);
      expect(result.body.service_statuses[0]).toMatchObject({
        frontend_session_status: frontend,
        session_state: state,
      });
    },
  );

  it('given a flow that ended in review, when an operator reviews it, then check_type is edited and its session reviewed', async () => {
    const { flow_id } = await create({ person_id: 'carol+review+auto' });
    const review = `/_sandbox/flows/${flow_id}/review`;
    expect((await call(sandbox.url, 'POST', review, { body: { flow_status: 'maybe' } })).status).toBe(422);
    const other = { 'X-Verigram-Api-Key': 'sandbox-other-key' };
    expect(
      (await call(sandbox.url, 'POST', review, { headers: other, body: { flow_status: 'pass' } })).status,
    ).toBe(403);
    expect((await api('GET', `/flow/${flow_id}/result`)).body.check_type).toBe('auto');
    const reviewed = await call(sandbox.url, 'POST', review, { body: { flow_status: 'fail' } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ flow_status: 'fail', end_cause: 'completed' });
    const result = await api('GET', `/flow/${flow_id}/result`);
    expect(result.body.check_type).toBe('edited');
    for (const s of result.body.service_statuses)
      expect(s).toMatchObject({ session_status: 'fail', session_state: 'reviewed' });
    const open = await create();
    expect(
      (
        await call(sandbox.url, 'POST', `/_sandbox/flows/${open.flow_id}/review`, {
          body: { flow_status: 'pass' },
        })
      ).status,
    ).toBe(409);
  });

  it('given the control route outcomes suspicious, blacklisted and whitelisted, then the session shows them', async () => {
    for (const [outcome, frontend] of [
      ['suspicious', 'suspicious'],
      ['blacklisted', 'blacklisted'],
      ['whitelisted', 'whitelisted'],
    ]) {
      const { flow_id } = await create({
        person_id: 'person-1',
        template: { pipeline: [{ service_name: 'otp' }] },
      });
      const res = await call(sandbox.url, 'POST', `/_sandbox/flows/${flow_id}/steps/current`, {
        body: { outcome },
      });
      expect(res.status).toBe(200);
      const result = await api('GET', `/flow/${flow_id}/result`);
      expect(result.body.service_statuses[0].frontend_session_status).toBe(frontend);
    }
  });
});

describe('two origins, like Verigram (services.* and web.*)', () => {
  it('given a flow, then its vlink is on the page origin, which is not the API origin', async () => {
    const { flow_id, vlink } = await create();
    expect(new URL(vlink).origin).toBe(sandbox.pageUrl);
    expect(sandbox.pageUrl).not.toBe(sandbox.url);
    expect((await fetch(vlink)).status).toBe(200);
    // A vlink built from the API's address fails, as it would against Verigram.
    const wrong = await fetch(`${sandbox.url}/hf2/${flow_id}/`);
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error_msg: string }).error_msg).toContain(sandbox.pageUrl);
  });

  it('given the page origin, then it answers no API operation and no control route', async () => {
    for (const [method, path] of [
      ['POST', '/flow'],
      ['GET', '/flow/abc-F'],
      ['POST', '/liveness2/session'],
      ['GET', '/_sandbox/flows'],
    ] as const) {
      const res = await fetch(`${sandbox.pageUrl}${path}`, {
        method,
        headers: API_HEADERS,
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error_msg: string }).error_msg, path).toContain(sandbox.url);
    }
    expect((await fetch(`${sandbox.pageUrl}/_sandbox/health`)).status).toBe(200);
  });

  it('given publicUrl, then vlinks start with it (the page reached through another address)', async () => {
    const behind = await startSandbox({ env: {}, publicUrl: 'https://web.sandbox.test/' });
    try {
      const res = await call(behind.url, 'POST', '/flow', { body: { person_id: 'person-1' } });
      expect(res.body.vlink).toBe(`https://web.sandbox.test/hf2/${res.body.flow_id}/`);
    } finally {
      await behind.close();
    }
  });
});

describe('page messages', () => {
  it('given pageMessages off, then the hosted page is rendered silent; on (the default), it posts', async () => {
    const silent = await startSandbox({ env: {}, pageMessages: 'off' });
    try {
      expect(silent.pageMessages).toBe('off');
      const res = await call(silent.url, 'POST', '/flow', { body: { person_id: 'person-1' } });
      expect(await (await fetch(res.body.vlink)).text()).toContain('"postMessages":false');
    } finally {
      await silent.close();
    }
    const { vlink } = await create();
    expect(sandbox.pageMessages).toBe('on');
    expect(await (await fetch(vlink)).text()).toContain('"postMessages":true');
  });

  it('reads VERIGRAM_SANDBOX_PAGE_MESSAGES from env, and refuses a value other than on or off', async () => {
    const silent = await startSandbox({ env: { VERIGRAM_SANDBOX_PAGE_MESSAGES: 'off' } });
    expect(silent.pageMessages).toBe('off');
    await silent.close();
    await expect(startSandbox({ env: { VERIGRAM_SANDBOX_PAGE_MESSAGES: 'quiet' } })).rejects.toThrow(
      'VERIGRAM_SANDBOX_PAGE_MESSAGES must be "on" or "off"',
    );
  });
});

describe('the sandbox clock rate', () => {
  const clockOf = async (running: RunningSandbox) =>
    (await call(running.url, 'GET', '/_sandbox/clock')).body as { now: string; rate: number };

  it('given POST /_sandbox/clock {"rate": 60}, then an alice+after60 flow ends after about one real second, with no page', async () => {
    const fast = await startSandbox({ env: {} });
    try {
      const set = await call(fast.url, 'POST', '/_sandbox/clock', { body: { rate: 60 } });
      expect(set.status).toBe(200);
      expect(set.body.rate).toBe(60);
      const created = Date.now();
      const { flow_id } = (await call(fast.url, 'POST', '/flow', { body: { person_id: 'alice+after60' } }))
        .body as { flow_id: string };
      let flow = (await call(fast.url, 'GET', `/flow/${flow_id}`)).body;
      while (flow.end_cause === undefined && Date.now() - created < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        flow = (await call(fast.url, 'GET', `/flow/${flow_id}`)).body;
      }
      const elapsed = Date.now() - created;
      expect(flow).toMatchObject({ flow_status: 'pass', end_cause: 'completed' });
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(Date.parse(flow.ended_at) - Date.parse(flow.created_at)).toBe(60_000);
    } finally {
      await fast.close();
    }
  });

  it('given startSandbox({ clockRate: 60 }), then sandbox time runs 60× real time, and a new rate takes over with no jump', async () => {
    let real = Date.parse('2026-01-01T00:00:00Z');
    const fast = await startSandbox({ env: {}, now: () => real, clockRate: 60 });
    try {
      expect(fast.clockRate).toBe(60);
      expect(await clockOf(fast)).toEqual({ now: '2026-01-01T00:00:00.000Z', rate: 60 });
      real += 1_000;
      expect((await clockOf(fast)).now).toBe('2026-01-01T00:01:00.000Z');
      const slowed = await call(fast.url, 'POST', '/_sandbox/clock', {
        body: { rate: 2, advance_ms: 1_000 },
      });
      expect(slowed.body).toEqual({ now: '2026-01-01T00:01:01.000Z', rate: 2 });
      real += 1_000;
      expect((await clockOf(fast)).now).toBe('2026-01-01T00:01:03.000Z');
    } finally {
      await fast.close();
    }
  });

  it.each([
    ['zero', { rate: 0 }],
    ['negative', { rate: -1 }],
    ['a string', { rate: '60' }],
    ['null', { rate: null }],
    ['above 10000', { rate: 10_001 }],
    ['a good advance beside a bad rate', { advance_ms: 60_000, rate: 0 }],
    ['neither field', {}],
  ])(
    'given a rate that is %s, then POST /_sandbox/clock answers 422 INVALID_PAYLOAD and changes nothing',
    async (_, body) => {
      const real = Date.parse('2026-01-01T00:00:00Z');
      const fixed = await startSandbox({ env: {}, now: () => real });
      try {
        const res = await call(fixed.url, 'POST', '/_sandbox/clock', { body });
        expect(res.status).toBe(422);
        expect(res.body).toEqual({ error_code: 'INVALID_PAYLOAD', error_msg: expect.stringMatching(/rate/) });
        expect(await clockOf(fixed)).toEqual({ now: '2026-01-01T00:00:00.000Z', rate: 1 });
      } finally {
        await fixed.close();
      }
    },
  );

  it('given startSandbox({ clockRate: 0 }), then it refuses to start', async () => {
    await expect(startSandbox({ env: {}, clockRate: 0 })).rejects.toThrow(RangeError);
  });
});
