// What only the Redis + BullMQ mode has to hold, on a real redis-server and the real sandbox: a
// watched flow stays small in Redis, and a ledger whose queue keys were lost still gets every
// verdict delivered, once, through the sweep.
import type { VerigramFetch } from '@verigram-kit/core';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../__tests__/eventually.ts';
import { API_KEY } from '../../__tests__/fakeUpstream.ts';
import { useRedisServer } from '../../__tests__/redisServer.ts';
import { createNodeTransport } from '../../adapters/node/createNodeTransport.ts';
import { watchJobIdFor, watchLimiter } from '../createBullmqVerdicts.ts';
import { createFlowVerdicts } from '../createFlowVerdicts.ts';
import type { FlowVerdict, FlowVerdicts } from '../FlowVerdicts.ts';
import type { FlowVerdictsOptions } from '../FlowVerdictsOptions.ts';

let sandbox: RunningSandbox;
const server = useRedisServer();
const transport = createNodeTransport();
const open: FlowVerdicts[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, env: {}, rateLimit: { limit: 100_000, windowMs: 60_000 } });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(open.splice(0).map((verdicts) => verdicts.close()));
});

function verdictsOn(
  prefix: string,
  overrides: Partial<FlowVerdictsOptions> & Pick<FlowVerdictsOptions, 'onFlowSettled'>,
) {
  const verdicts = createFlowVerdicts({
    apiKey: API_KEY,
    baseUrl: sandbox.url,
    fetch: transport,
    redis: { host: '127.0.0.1', port: server.port, maxRetriesPerRequest: null },
    prefix,
    intervals: { notStartedMs: 40, inProgressMs: 40, errorBaseMs: 20, errorMaxMs: 200 },
    delivery: { baseDelayMs: 20, maxDelayMs: 100 },
    upstreamBudget: { requestsPerSecond: 50 },
    leaseMs: 10_000,
    logger: false,
    ...overrides,
  });
  open.push(verdicts);
  return verdicts;
}

/** Verdicts whose flows are always due, read at ten a second; `paths` lists every upstream read in order. */
function alwaysDueAtTenReadsASecond(prefix: string) {
  const paths: string[] = [];
  const fetch: VerigramFetch = async (input, init) => {
    paths.push(new URL(input).pathname);
    return transport(input, init);
  };
  const verdicts = verdictsOn(`${prefix}${Math.random().toString(36).slice(2)}`, {
    fetch,
    onFlowSettled: () => {},
    upstreamBudget: { requestsPerSecond: 10 },
    intervals: { notStartedMs: 1, inProgressMs: 1 },
  });
  return { verdicts, paths };
}

async function keysMatching(pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await server.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

describe('server-side verdicts on BullMQ', () => {
  it('given a flow watched and read, then its ledger entry, watch job and person index take under 1 kB, and the job carries only the flow id', async () => {
    const prefix = `mem${Math.random().toString(36).slice(2)}`;
    const personId = 'mona-00001';
    const verdicts = verdictsOn(prefix, {
      onFlowSettled: () => {},
      // Read every 200 ms, and the test looks between two reads.
      intervals: { notStartedMs: 200, inProgressMs: 200 },
    });
    const { flow_id, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: personId });
    await verdicts.track({ flowId: flow_id, personId, vlink });
    const jobKey = `${prefix}:watch:${watchJobIdFor(flow_id)}`;
    // Read at least once: the job has run and waits for its next read.
    await eventually(async () => Number(await server.redis.hget(jobKey, 'ats')) >= 1);

    expect(JSON.parse((await server.redis.hget(jobKey, 'data')) as string)).toEqual({ flowId: flow_id });
    const keys = [jobKey, `${prefix}:ledger:flow:${flow_id}`, `${prefix}:ledger:person:${personId}`];
    const bytes = await Promise.all(keys.map((key) => server.redis.memory('USAGE', key)));
    expect(bytes.every((size) => typeof size === 'number' && size > 0)).toBe(true);
    expect((bytes as number[]).reduce((sum, size) => sum + size, 0)).toBeLessThan(1024);
    // Redis's compact encodings, which the sizes above depend on.
    expect(await server.redis.object('ENCODING', jobKey)).toBe('listpack');
    expect(await server.redis.type(`${prefix}:ledger:flow:${flow_id}`)).toBe('string');
  });

  it('given the queue keys lost while the ledger holds open flows, then the sweep re-creates their watches and each verdict is delivered once', async () => {
    const prefix = `sweep${Math.random().toString(36).slice(2)}`;
    const received: FlowVerdict[] = [];
    const sweeps: number[] = [];
    const verdicts = verdictsOn(prefix, {
      onFlowSettled: (verdict) => void received.push(verdict),
      sweepIntervalMs: 300,
      logger: (_level, message) => {
        if (message === 'verdicts: swept the ledger') sweeps.push(received.length);
      },
    });
    const flowIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const personId = `nina-0000${i}`;
      const { flow_id, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: personId });
      flowIds.push(flow_id);
      await verdicts.track({ flowId: flow_id, personId, vlink });
    }
    // A sweep has run with every job in place (it found nothing to add).
    await eventually(() => sweeps.length >= 1);

    // Redis loses BullMQ's keys (a FLUSH of the queues, a restart without persistence); the
    // ledger keeps its records.
    const queueKeys = [
      ...(await keysMatching(`${prefix}:watch:*`)),
      ...(await keysMatching(`${prefix}:deliver:*`)),
    ];
    expect(queueKeys.length).toBeGreaterThan(0);
    // Every key was there and is gone. (Not asked of pending() afterwards: a sweep due in the
    // meantime puts the watches back at once, which is what this test is about.)
    expect(await server.redis.del(...queueKeys)).toBe(queueKeys.length);
    for (const flowId of flowIds) sandbox.engine.completeFlow(API_KEY, flowId, 'pass');

    await eventually(() => received.length === 3);
    expect(received.map((verdict) => verdict.deliveryId).sort()).toEqual(
      flowIds.map((flowId) => `vd_${flowId}`).sort(),
    );
    // Nothing else can happen: the queues are drained and two more sweeps have walked the ledger.
    await eventually(async () => {
      const { watches, deliveries } = await verdicts.pending();
      return watches === 0 && deliveries === 0;
    });
    const sweepsSoFar = sweeps.length;
    await eventually(() => sweeps.length >= sweepsSoFar + 2);
    expect(received).toHaveLength(3);
    for (const flowId of flowIds) expect((await verdicts.get(flowId))?.state).toBe('delivered');
  });

  it('given every BullMQ key lost, the sweep’s schedule included, then the sweep is scheduled again when the connections come back, and each verdict is delivered once', async () => {
    const prefix = `lost${Math.random().toString(36).slice(2)}`;
    const received: FlowVerdict[] = [];
    const sweeps: number[] = [];
    const verdicts = verdictsOn(prefix, {
      onFlowSettled: (verdict) => void received.push(verdict),
      sweepIntervalMs: 300,
      logger: (_level, message) => {
        if (message === 'verdicts: swept the ledger') sweeps.push(Date.now());
      },
    });
    const { flow_id, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: 'uma-000001' });
    await verdicts.track({ flowId: flow_id, personId: 'uma-000001', vlink });
    await eventually(() => sweeps.length >= 1);

    // Everything but the ledger goes, as after a restart that kept only the ledger's keys.
    const bullmqKeys = [
      ...(await keysMatching(`${prefix}:watch:*`)),
      ...(await keysMatching(`${prefix}:deliver:*`)),
      ...(await keysMatching(`${prefix}:sweep:*`)),
    ];
    await server.redis.del(...bullmqKeys);
    expect(await keysMatching(`${prefix}:sweep:*`)).toEqual([]);
    const lostAt = Date.now();
    // The connections drop and come back (the server restarting); this test's own client is spared.
    const own = await server.redis.client('ID');
    const clients = String(await server.redis.client('LIST'))
      .split('\n')
      .map((line) => /^id=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined && Number(id) !== Number(own));
    for (const id of clients) await server.redis.client('KILL', 'ID', id);
    sandbox.engine.completeFlow(API_KEY, flow_id, 'pass');

    await eventually(() => received.length === 1, 15_000);
    expect(sweeps.some((at) => at > lostAt)).toBe(true);
    await eventually(async () => {
      const { watches, deliveries } = await verdicts.pending();
      return watches === 0 && deliveries === 0;
    });
    const sweepsSoFar = sweeps.length;
    await eventually(() => sweeps.length >= sweepsSoFar + 2);
    expect(received.map((verdict) => verdict.deliveryId)).toEqual([`vd_${flow_id}`]);
  });

  it('given more reads due than the budget allows, then a flow in progress is read ahead of the flows nobody has started', async () => {
    // Every flow always due, ten reads a second: twenty-one flows cannot all keep their pace.
    const { verdicts, paths } = alwaysDueAtTenReadsASecond('pace');
    for (let i = 0; i < 20; i++) {
      const personId = `paul-000${i}`;
      const { flow_id, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: personId });
      await verdicts.track({ flowId: flow_id, personId, vlink });
    }
    const { flow_id: running, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: 'rita-00001' });
    // The person has passed the consent step: the flow is in progress.
    sandbox.engine.setStepOutcome(API_KEY, running, { outcome: 'pass' });
    await verdicts.track({ flowId: running, personId: 'rita-00001', vlink });

    // From its first read on, the next twenty reads.
    const first = await eventually(() => {
      const at = paths.indexOf(`/flow/${running}`);
      return at >= 0 && paths.length >= at + 21 ? at : undefined;
    }, 15_000);
    const next = paths.slice(first + 1, first + 21);
    // In turn with the others it would be read about once in twenty-one.
    expect(next.filter((path) => path === `/flow/${running}`).length).toBeGreaterThanOrEqual(8);
  });

  it('given a backlog of flows already seen unstarted, then a new flow is read for the first time ahead of them', async () => {
    // Twenty flows always due at ten reads a second: each is read about every two seconds.
    const { verdicts, paths } = alwaysDueAtTenReadsASecond('first');
    const backlog: string[] = [];
    for (let i = 0; i < 20; i++) {
      const personId = `sara-000${i}`;
      const { flow_id, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: personId });
      backlog.push(flow_id);
      await verdicts.track({ flowId: flow_id, personId, vlink });
    }
    await eventually(() => backlog.every((flowId) => paths.includes(`/flow/${flowId}`)), 15_000);

    const { flow_id: fresh, vlink } = sandbox.engine.createFlow(API_KEY, { person_id: 'tina-00001' });
    const readsBefore = paths.length;
    await verdicts.track({ flowId: fresh, personId: 'tina-00001', vlink });
    const firstRead = await eventually(() => {
      const at = paths.indexOf(`/flow/${fresh}`);
      return at >= 0 ? at : undefined;
    }, 15_000);
    // In turn with the backlog it would wait about twenty reads; the reads already started
    // (up to the workers' concurrency) go out first.
    expect(firstRead - readsBefore).toBeLessThanOrEqual(4);
  });

  it('spaces reads one by one up to 40 a second, and above in windows of 18 ms or more that keep any one second under the budget with a window to spare', () => {
    for (let rps = 1; rps <= 2000; rps += rps < 100 ? 1 : 7) {
      const { max, duration } = watchLimiter(rps);
      const windowsInASecond = Math.ceil(1000 / duration) + 1;
      if (rps < 80) {
        expect({ rps, max }).toEqual({ rps, max: 1 });
        expect(duration).toBe(Math.ceil(1000 / rps));
        continue;
      }
      expect(duration).toBeGreaterThanOrEqual(18);
      expect(max * (windowsInASecond + 1)).toBeLessThanOrEqual(rps);
      // And not far below it: at least 90 % of the budget on average.
      expect((max * 1000) / duration).toBeGreaterThanOrEqual(0.9 * rps);
    }
  });
});
