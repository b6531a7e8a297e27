// One step of the watcher against the real sandbox: which read it makes, and when it reads next.
import { createVerigramClient, type VerigramFetch } from '@verigram-kit/core';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY } from '../../__tests__/fakeUpstream.ts';
import type { LedgerRecord } from '../FlowLedger.ts';
import { resolveVerdictsOptions } from '../FlowVerdictsOptions.ts';
import { type WatchContext, watchFlowOnce } from '../watchFlowOnce.ts';

let sandbox: RunningSandbox;
const NOW = Date.parse('2026-12-06T12:00:00.000Z');

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    env: {},
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    now: () => NOW,
  });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.engine.reset();
  sandbox.setFaults({});
});

const options = resolveVerdictsOptions({
  apiKey: API_KEY,
  onFlowSettled: () => {},
  intervals: {
    notStartedMs: 20_000,
    inProgressMs: 3000,
    slowAfterMs: 900_000,
    slowMs: 60_000,
    errorBaseMs: 1000,
    errorMaxMs: 60_000,
  },
  expiryGraceMs: 60_000,
});

function contextAt(time: number, random = () => 0.999): WatchContext {
  const client = createVerigramClient({ apiKey: API_KEY, baseUrl: sandbox.url, retry: { retries: 0 } });
  return { client, options, now: () => time, random };
}

function recordOf(flowId: string, overrides: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    flowId,
    personId: 'hana-00001',
    vlink: 'https://example.test/v',
    createdAt: new Date(NOW).toISOString(),
    expiresAt: new Date(NOW + 86_400_000).toISOString(),
    state: 'open',
    phase: 'flow',
    failures: 0,
    flow: null,
    result: null,
    ...overrides,
  };
}

describe('watchFlowOnce', () => {
  it('reads a flow nobody has started slowly, and one in progress fast', async () => {
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'hana-00001' });
    const before = await watchFlowOnce(recordOf(flow_id), contextAt(NOW));
    expect(before).toMatchObject({ kind: 'again', delayMs: 20_000, observation: { failures: 0 } });

    // The default template is consent, then liveness: passing consent starts the flow.
    sandbox.engine.setStepOutcome(API_KEY, flow_id, { outcome: 'pass' });
    const during = await watchFlowOnce(recordOf(flow_id), contextAt(NOW));
    expect(during).toMatchObject({ kind: 'again', delayMs: 3000 });
  });

  it('reads a flow older than slowAfterMs every slowMs, and once more right at its expiry', async () => {
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'hana-00001' });
    sandbox.engine.setStepOutcome(API_KEY, flow_id, { outcome: 'pass' });
    const old = await watchFlowOnce(recordOf(flow_id), contextAt(NOW + 20 * 60_000));
    expect(old).toMatchObject({ kind: 'again', delayMs: 60_000 });
    // 86400 s after creation plus the 60 s grace is 10 s away.
    const nearExpiry = await watchFlowOnce(recordOf(flow_id), contextAt(NOW + 86_400_000 + 50_000));
    expect(nearExpiry).toMatchObject({ kind: 'again', delayMs: 10_000 });
  });

  it('backs off per flow after 5xx, and waits out a 429 Retry-After exactly', async () => {
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'hana-00001' });
    sandbox.setFaults({ error5xxRate: 1 });
    const third = await watchFlowOnce(recordOf(flow_id, { failures: 2 }), contextAt(NOW));
    // Third failure in a row: a draw below min(60000, 1000 * 2^2).
    expect(third).toMatchObject({ kind: 'again', observation: { failures: 3 } });
    expect(third.kind === 'again' && third.delayMs).toBe(3996);
    expect(third.kind === 'again' && third.retryAfterMs).toBeUndefined();

    sandbox.setFaults({ burst429: 1, retryAfterSeconds: 7 });
    const limited = await watchFlowOnce(recordOf(flow_id), contextAt(NOW));
    expect(limited).toMatchObject({
      kind: 'again',
      delayMs: 7000,
      retryAfterMs: 7000,
      observation: { failures: 1 },
    });
  });

  it('waits out a 503 Retry-After like a 429 (Verigram unavailable for a while)', async () => {
    // The sandbox injects only 500s; this transport answers as a Verigram in maintenance would.
    const unavailable: VerigramFetch = async () => ({
      status: 503,
      ok: false,
      headers: new Headers({ 'retry-after': '12', 'content-type': 'application/json' }),
      body: null,
      text: async () => JSON.stringify({ error_code: 'SERVICE_UNAVAILABLE', error_msg: 'maintenance' }),
    });
    const client = createVerigramClient({
      apiKey: API_KEY,
      baseUrl: sandbox.url,
      retry: { retries: 0 },
      fetch: unavailable,
    });
    const decision = await watchFlowOnce(recordOf('01UNAVAILABLE-F'), { client, options, now: () => NOW });
    expect(decision).toMatchObject({ kind: 'again', delayMs: 12_000, retryAfterMs: 12_000 });
  });

  it('given a flow Verigram still shows unfinished past its expiry and grace, then decides it expired', async () => {
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'hana-00001' });
    // The watcher's clock has moved on; the sandbox's has not, so upstream the flow is still open.
    const decision = await watchFlowOnce(recordOf(flow_id), contextAt(NOW + 86_400_000 + 60_000));
    expect(decision).toMatchObject({
      kind: 'settle',
      settlement: { outcome: 'expired', flow: { flow_id, flow_status: 'unknown' }, result: null },
    });
    expect(
      (decision as { settlement: { flow: { end_cause?: string } } }).settlement.flow.end_cause,
    ).toBeUndefined();
  });

  it('given an ended flow that had started, then reads its result next, and settles with it', async () => {
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'hana-00001' });
    sandbox.engine.completeFlow(API_KEY, flow_id, 'fail');
    const ended = await watchFlowOnce(recordOf(flow_id), contextAt(NOW));
    expect(ended).toMatchObject({
      kind: 'result',
      observation: { phase: 'result', flow: { flow_status: 'fail' } },
    });
    const flow = ended.kind === 'result' ? ended.observation.flow : null;
    const settled = await watchFlowOnce(recordOf(flow_id, { phase: 'result', flow }), contextAt(NOW));
    expect(settled).toMatchObject({
      kind: 'settle',
      settlement: { outcome: 'settled', flow: { flow_id }, result: { flow_id, flow_status: 'fail' } },
    });
  });
});
