// Server-side verdicts against the real sandbox, in both modes: in-process, and Redis + BullMQ
// on a real redis-server. No browser polls in these tests unless one says so: the sandbox's
// control surface ends the flows, injects 429s and 5xx, and moves its clock past a ttl.
import type { VerigramFetch } from '@verigram-kit/core';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../__tests__/eventually.ts';
import { API_KEY } from '../../__tests__/fakeUpstream.ts';
import { ALICE, BOB, createHarness, get, post } from '../../__tests__/harness.ts';
import { useRedisServer } from '../../__tests__/redisServer.ts';
import { createNodeTransport } from '../../adapters/node/createNodeTransport.ts';
import { createFlowVerdicts } from '../createFlowVerdicts.ts';
import type { FlowVerdict, FlowVerdicts } from '../FlowVerdicts.ts';
import type { FlowVerdictsOptions } from '../FlowVerdictsOptions.ts';

let sandbox: RunningSandbox;
const redis = useRedisServer();
const transport = createNodeTransport();
const open: FlowVerdicts[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, env: {}, rateLimit: { limit: 100_000, windowMs: 60_000 } });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.engine.reset();
  sandbox.setFaults({});
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((verdicts) => verdicts.close()));
});

const FAST = {
  intervals: { notStartedMs: 40, inProgressMs: 40, errorBaseMs: 20, errorMaxMs: 200 },
  delivery: { baseDelayMs: 20, maxDelayMs: 100 },
  upstreamBudget: { requestsPerSecond: 50 },
  // Nothing is killed here: a long lease keeps a busy machine from mistaking a slow worker for a dead one.
  leaseMs: 10_000,
  logger: false as const,
};

type Mode = 'in-process' | 'redis';
const modes: Mode[] = ['in-process', 'redis'];

function verdictsFor(
  mode: Mode,
  overrides: Partial<FlowVerdictsOptions> & Pick<FlowVerdictsOptions, 'onFlowSettled'>,
  prefix?: string,
) {
  const verdicts = createFlowVerdicts({
    apiKey: API_KEY,
    baseUrl: sandbox.url,
    fetch: transport,
    ...FAST,
    ...(mode === 'redis'
      ? {
          redis: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
          prefix: prefix ?? `t${Math.random().toString(36).slice(2)}`,
        }
      : {}),
    ...overrides,
  });
  open.push(verdicts);
  return verdicts;
}

/** A transport that notes when each upstream request left, and how it was answered. */
function countingTransport() {
  const requests: Array<{ at: number; path: string; status: number }> = [];
  const fetch: VerigramFetch = async (input, init) => {
    const at = performance.now();
    const response = await transport(input, init);
    requests.push({ at, path: new URL(input).pathname, status: response.status });
    return response;
  };
  return { fetch, requests };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until no watch step or delivery is scheduled or running (on every instance): from then
 * on a second delivery could only come from a new track, nudge or redeliver, so a count of
 * deliveries taken after it is final.
 */
async function drained(verdicts: FlowVerdicts) {
  await eventually(async () => {
    const { watches, deliveries } = await verdicts.pending();
    return watches === 0 && deliveries === 0;
  });
}

describe.each(modes)('server-side verdicts (%s)', (mode) => {
  it('given a tab closed mid-flow, when the flow finishes in the sandbox, then the handler gets its verdict once', async () => {
    const received: FlowVerdict[] = [];
    const verdicts = verdictsFor(mode, { onFlowSettled: (verdict) => void received.push(verdict) });
    const { send } = createHarness({ baseUrl: sandbox.url, fetch: transport }, { verdicts });
    const created = await send(post('/flow', { template: 'basic' }));
    expect(created.status, created.text).toBe(201);
    const flowId = created.json.flow_id as string;
    expect(await verdicts.get(flowId)).toMatchObject({
      flowId,
      personId: ALICE,
      template: 'basic',
      state: 'open',
    });

    // The person starts, then closes the tab; the flow ends in the sandbox with nobody polling.
    sandbox.engine.setStepOutcome(API_KEY, flowId, { outcome: 'pass' });

    await eventually(() => received.length === 1);
    const [verdict] = received as [FlowVerdict];
    expect(verdict).toMatchObject({
      deliveryId: `vd_${flowId}`,
      flowId,
      personId: ALICE,
      template: 'basic',
      state: 'settled',
      flow: { flow_id: flowId, flow_status: 'pass', end_cause: 'completed' },
      result: { flow_id: flowId, flow_status: 'pass' },
    });
    expect(Number.isNaN(Date.parse(verdict.settledAt))).toBe(false);
    await eventually(async () => (await verdicts.get(flowId))?.state === 'delivered');
    await drained(verdicts);
    expect(received).toHaveLength(1);
    expect(await verdicts.get(flowId)).toMatchObject({ state: 'delivered', outcome: 'settled' });
  });

  it('given a handler that throws three times, then it is delivered on the fourth try and not again', async () => {
    const calls: string[] = [];
    const verdicts = verdictsFor(mode, {
      onFlowSettled: (verdict) => {
        calls.push(verdict.deliveryId);
        if (calls.length <= 3) throw new Error(`the bank's database is down (${calls.length})`);
      },
    });
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'carol-0003+auto' });
    await verdicts.track({ flowId: flow_id, personId: 'carol-0003+auto', vlink: 'https://example.test/v' });

    await eventually(async () => (await verdicts.get(flow_id))?.state === 'delivered');
    await drained(verdicts);
    expect(calls).toEqual([`vd_${flow_id}`, `vd_${flow_id}`, `vd_${flow_id}`, `vd_${flow_id}`]);
  });

  it('given a handler that throws on every attempt, then the verdict is listed as failed, and redeliver delivers it again with the same deliveryId', async () => {
    let failing = true;
    const calls: string[] = [];
    const verdicts = verdictsFor(mode, {
      delivery: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 },
      onFlowSettled: (verdict) => {
        calls.push(verdict.deliveryId);
        if (failing) throw new Error(`the bank's database is down (${calls.length})`);
      },
    });
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'owen-00001' });
    await verdicts.track({ flowId: flow_id, personId: 'owen-00001', vlink: 'https://example.test/v' });
    // Bad calls change nothing: an unknown flow, a flow still open.
    await expect(verdicts.redeliver('01UNKNOWNFLOW')).rejects.toThrow(/no failed delivery \(unknown flow\)/);
    await expect(verdicts.redeliver(flow_id)).rejects.toThrow(/no failed delivery \(state open\)/);
    expect(await verdicts.get(flow_id)).toMatchObject({ state: 'open' });

    sandbox.engine.completeFlow(API_KEY, flow_id, 'pass');
    const [failed] = await eventually(async () => {
      const list = await verdicts.listFailedDeliveries();
      return list.length > 0 ? list : undefined;
    });
    expect(failed).toMatchObject({
      deliveryId: `vd_${flow_id}`,
      flowId: flow_id,
      personId: 'owen-00001',
      state: 'settled',
      flow: { flow_status: 'pass' },
    });
    expect(await verdicts.get(flow_id)).toMatchObject({
      state: 'settled',
      deliveryFailedAt: expect.any(String),
    });
    // Given up: nothing is scheduled for it any more, and it was tried exactly `attempts` times.
    await drained(verdicts);
    expect(calls).toEqual([`vd_${flow_id}`, `vd_${flow_id}`, `vd_${flow_id}`]);

    failing = false;
    await verdicts.redeliver(flow_id);
    await eventually(async () => (await verdicts.get(flow_id))?.state === 'delivered');
    await drained(verdicts);
    expect(calls).toEqual([`vd_${flow_id}`, `vd_${flow_id}`, `vd_${flow_id}`, `vd_${flow_id}`]);
    expect(await verdicts.listFailedDeliveries()).toEqual([]);
    expect((await verdicts.get(flow_id))?.deliveryFailedAt).toBeUndefined();
    await expect(verdicts.redeliver(flow_id)).rejects.toThrow(/no failed delivery \(state delivered\)/);
  });

  it('given delivery.concurrency 2, then no more than two handlers run at once', async () => {
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const verdicts = verdictsFor(mode, {
      delivery: { baseDelayMs: 20, maxDelayMs: 100, concurrency: 2 },
      onFlowSettled: async (verdict) => {
        running++;
        most = Math.max(most, running);
        await sleep(150);
        running--;
        done.push(verdict.flowId);
      },
    });
    for (let i = 0; i < 6; i++) {
      const personId = `ivan-000${i}+auto`;
      const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: personId });
      await verdicts.track({ flowId: flow_id, personId, vlink: 'https://example.test/v' });
    }
    await eventually(() => done.length === 6);
    expect(most).toBe(2);
  });

  it('given a flow past its ttl on the sandbox clock, then it is delivered as expired', async () => {
    const received: FlowVerdict[] = [];
    const { fetch, requests } = countingTransport();
    const verdicts = verdictsFor(mode, { fetch, onFlowSettled: (verdict) => void received.push(verdict) });
    const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: 'dave-00004' });
    await verdicts.track({ flowId: flow_id, personId: 'dave-00004', vlink: 'https://example.test/v' });
    // Two reads of the open flow answered: the watcher reads again only after acting on a read, so
    // a verdict from the first would have been delivered by now (or stops the wait at once).
    await eventually(
      () =>
        received.length > 0 ||
        requests.filter((r) => r.path === `/flow/${flow_id}` && r.status === 200).length >= 2,
    );
    expect(received).toEqual([]);
    expect(await verdicts.currentFor('dave-00004')).toMatchObject({ flowId: flow_id });

    // The sandbox's default ttl is 86400 s; nobody ever opened the flow.
    sandbox.advanceClock(86_400_000 + 1000);

    await eventually(() => received.length === 1);
    expect(received[0]).toMatchObject({
      flowId: flow_id,
      state: 'expired',
      flow: { end_cause: 'timeout', flow_status: 'fail' },
      result: null,
    });
    await eventually(async () => (await verdicts.get(flow_id))?.state === 'delivered');
    expect(await verdicts.get(flow_id)).toMatchObject({ outcome: 'expired' });
    expect(await verdicts.currentFor('dave-00004')).toBeNull();
  });

  it('given 429s with Retry-After and bursts of 5xx, then upstream requests stay within the budget and every verdict arrives', async () => {
    const { fetch, requests } = countingTransport();
    const received = new Map<string, number>();
    const onFlowSettled = (verdict: FlowVerdict) => {
      received.set(verdict.flowId, (received.get(verdict.flowId) ?? 0) + 1);
    };
    const budget = { requestsPerSecond: 10 };
    // Redis mode: two instances share one budget.
    const instances =
      mode === 'redis'
        ? (() => {
            const prefix = `t${Math.random().toString(36).slice(2)}`;
            return [
              verdictsFor(mode, { fetch, onFlowSettled, upstreamBudget: budget }, prefix),
              verdictsFor(mode, { fetch, onFlowSettled, upstreamBudget: budget }, prefix),
            ];
          })()
        : [verdictsFor(mode, { fetch, onFlowSettled, upstreamBudget: budget })];
    const flowIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: `erin-0000${i}` });
      flowIds.push(flow_id);
      await (instances[i % instances.length] as FlowVerdicts).track({
        flowId: flow_id,
        personId: `erin-0000${i}`,
        vlink: 'https://example.test/v',
      });
    }
    sandbox.setFaults({ burst429: 2, retryAfterSeconds: 1 });
    await eventually(() => requests.filter((r) => r.status === 429).length === 2, 5000);
    // A burst of 500s: every read fails until three have.
    sandbox.setFaults({ error5xxRate: 1 });
    for (const flowId of flowIds) sandbox.engine.completeFlow(API_KEY, flowId, 'pass');
    await eventually(() => requests.filter((r) => r.status >= 500).length >= 3, 5000);
    sandbox.setFaults({});

    await eventually(() => flowIds.every((id) => received.get(id) === 1), 15_000);
    const sorted = requests.map((r) => r.at).sort((a, b) => a - b);
    // In any one second, at most the budget (plus the one on the window's edge).
    const busiest = Math.max(
      ...sorted.map((start) => sorted.filter((at) => at >= start && at < start + 1000).length),
    );
    expect(busiest).toBeLessThanOrEqual(budget.requestsPerSecond + 1);
    expect(busiest).toBeGreaterThanOrEqual(3);
    // After the second 429 (Retry-After: 1), nothing went upstream for about a second.
    const lastLimited = requests.filter((r) => r.status === 429).at(-1) as { at: number };
    const next = sorted.find((at) => at > lastLimited.at) as number;
    expect(next - lastLimited.at).toBeGreaterThanOrEqual(900);
    await drained(instances[0] as FlowVerdicts);
    expect([...received.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('given a backlog of routine reads, when a browser sees its flow end, then its verdict comes ahead of the backlog', async () => {
    const received: Array<{ flowId: string; at: number }> = [];
    const verdicts = verdictsFor(mode, {
      onFlowSettled: (verdict) => void received.push({ flowId: verdict.flowId, at: performance.now() }),
      // Twenty flows always due, five reads a second: a routine read of any one comes every ~4 s.
      upstreamBudget: { requestsPerSecond: 5 },
      intervals: { notStartedMs: 1, inProgressMs: 1 },
    });
    for (let i = 0; i < 20; i++) {
      const personId = `gina-000${i}`;
      const { flow_id } = sandbox.engine.createFlow(API_KEY, { person_id: personId });
      await verdicts.track({ flowId: flow_id, personId, vlink: 'https://example.test/v' });
    }
    const { send } = createHarness({ baseUrl: sandbox.url, fetch: transport }, { verdicts });
    const created = await send(post('/flow', {}));
    const flowId = created.json.flow_id as string;
    await sleep(1000);

    sandbox.engine.completeFlow(API_KEY, flowId, 'pass');
    const seenAt = performance.now();
    const read = await send(get(`/flow/${flowId}`, { token: created.json.flow_token as string }));
    expect(read.json.end_cause).toBe('completed');

    const verdict = await eventually(() => received.find((r) => r.flowId === flowId), 10_000);
    // Two reads (the flow, then its result) at the head of the line: well under one routine cycle.
    expect(verdict.at - seenAt).toBeLessThan(2000);
  });

  it('given an open flow, then GET /flows/current answers it with a fresh token to its owner only', async () => {
    const verdicts = verdictsFor(mode, { onFlowSettled: () => {} });
    const { send } = createHarness({ baseUrl: sandbox.url, fetch: transport }, { verdicts });
    const noneYet = await send(get('/flows/current'));
    expect(noneYet.status).toBe(404);
    expect(noneYet.json.error_code).toBe('NO_CURRENT_FLOW');

    const created = await send(post('/flow', {}));
    const flowId = created.json.flow_id as string;
    const current = await send(get('/flows/current'));
    expect(current.status).toBe(200);
    expect(current.json).toMatchObject({ flow_id: flowId, vlink: created.json.vlink });
    expect(typeof current.json.flow_token).toBe('string');
    expect(Date.parse(current.json.flow_token_expires_at as string)).toBeGreaterThan(Date.now());
    const read = await send(get(`/flow/${flowId}`, { token: current.json.flow_token as string }));
    expect(read.status).toBe(200);

    const stranger = await send(get('/flows/current', { user: BOB }));
    expect(stranger.status).toBe(404);
    expect(stranger.json.error_code).toBe('NO_CURRENT_FLOW');
    expect(stranger.text).not.toContain(flowId);

    sandbox.engine.completeFlow(API_KEY, flowId, 'pass');
    await eventually(async () => (await verdicts.get(flowId))?.state === 'delivered');
    expect((await send(get('/flows/current'))).json.error_code).toBe('NO_CURRENT_FLOW');
  });
});

describe('the proxy and its verdicts', () => {
  it('when a browser reads a flow that has ended, then the watcher checks it at once, not at its next poll', async () => {
    const received: FlowVerdict[] = [];
    const verdicts = verdictsFor('in-process', {
      onFlowSettled: (verdict) => void received.push(verdict),
      intervals: { notStartedMs: 60_000, inProgressMs: 60_000 },
    });
    const { send } = createHarness({ baseUrl: sandbox.url, fetch: transport }, { verdicts });
    const created = await send(post('/flow', {}));
    const flowId = created.json.flow_id as string;
    sandbox.engine.completeFlow(API_KEY, flowId, 'fail');
    const read = await send(get(`/flow/${flowId}`, { token: created.json.flow_token as string }));
    expect(read.json.end_cause).toBe('completed');
    await eventually(() => received.length === 1, 2000);
    expect(received[0]).toMatchObject({ flowId, state: 'settled', flow: { flow_status: 'fail' } });
  });

  it('given a ledger that cannot record, then POST /flow fails with 503 VERDICTS_UNAVAILABLE, and a retry with the same Idempotency-Key records the same flow', async () => {
    let failing = true;
    const tracked: string[] = [];
    const verdicts = {
      track: async (entry: { flowId: string }) => {
        if (failing) throw new Error('redis is down');
        tracked.push(entry.flowId);
      },
      nudge: async () => {},
      currentFor: async () => null,
    };
    const { send } = createHarness({ baseUrl: sandbox.url, fetch: transport }, { verdicts });
    const headers = { 'idempotency-key': 'order-42' };
    const refused = await send(post('/flow', {}, { headers }));
    expect(refused.status).toBe(503);
    expect(refused.json.error_code).toBe('VERDICTS_UNAVAILABLE');
    expect(sandbox.engine.flowCount).toBe(1);

    failing = false;
    const retried = await send(post('/flow', {}, { headers }));
    expect(retried.status).toBe(201);
    expect(sandbox.engine.flowCount).toBe(1);
    expect(tracked).toEqual([retried.json.flow_id]);
  });
});
