// Two app servers (child processes) share one redis-server through BullMQ; one is SIGKILLed in
// the middle of an upstream read and of a delivery. Every flow must still be delivered, each
// verdict applied once by its deliveryId, and none lost.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../__tests__/eventually.ts';
import { API_KEY } from '../../__tests__/fakeUpstream.ts';
import { useRedisServer } from '../../__tests__/redisServer.ts';
import { createRedisLedger } from '../createRedisLedger.ts';

const server = useRedisServer();
let sandbox: RunningSandbox;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Every read takes 150 ms, so an instance is almost always in the middle of one.
  sandbox = await startSandbox({
    port: 0,
    env: {},
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    faults: { latencyMs: 150 },
  });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await sandbox.close();
});

function startInstance(name: string, prefix: string, track: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./verdictsInstance.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        INSTANCE_NAME: name,
        VERDICTS_PREFIX: prefix,
        REDIS_PORT: String(server.port),
        SANDBOX_URL: sandbox.url,
        HANDLER_MS: '600',
        TRACK: track.join(','),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`instance ${name} exited with ${code} before it was ready`)),
    );
  });
}

describe('server-side verdicts on BullMQ, two instances', () => {
  it('given one instance killed mid-read and mid-delivery, then every flow is still delivered, each verdict applied once', async () => {
    const { redis } = server;
    const prefix = `scale${Math.random().toString(36).slice(2)}`;
    const flowIds = Array.from(
      { length: 10 },
      (_, i) => sandbox.engine.createFlow(API_KEY, { person_id: `scale-person-${i}` }).flow_id,
    );
    const [a] = await Promise.all([
      startInstance('A', prefix, flowIds.slice(0, 5)),
      startInstance('B', prefix, flowIds.slice(5)),
    ]);

    // Half the flows end now; the other half are still being watched when A dies.
    for (const flowId of flowIds.slice(0, 5)) sandbox.engine.completeFlow(API_KEY, flowId, 'pass');
    const interrupted = await eventually(async () => {
      const attempts = await redis.lrange(`${prefix}:test:attempts`, 0, -1);
      const completed = await redis.lrange(`${prefix}:test:completed`, 0, -1);
      const delivering = attempts.find((line) => line.startsWith('A ') && !completed.includes(line));
      const reads = await redis.hgetall(`${prefix}:test:inflight`);
      const reading = Object.entries(reads).some(([key, count]) => key.startsWith('A ') && Number(count) > 0);
      return delivering && reading ? delivering.slice(2) : undefined;
    }, 20_000);
    (a as ChildProcess).kill('SIGKILL');
    for (const flowId of flowIds.slice(5)) sandbox.engine.completeFlow(API_KEY, flowId, 'fail');

    const expected = flowIds.map((flowId) => `vd_${flowId}`).sort();
    await eventually(async () => (await redis.llen(`${prefix}:test:effects`)) === 10, 30_000);
    const effects = await redis.lrange(`${prefix}:test:effects`, 0, -1);
    expect(effects.map((line) => line.split(' ')[0]).sort()).toEqual(expected);
    for (const [i, flowId] of flowIds.entries()) {
      expect(effects).toContain(`vd_${flowId} settled ${i < 5 ? 'pass' : 'fail'}`);
    }
    // The delivery A was making when it died was made again, by B, with the same deliveryId.
    const attempts = await redis.lrange(`${prefix}:test:attempts`, 0, -1);
    expect(attempts).toContain(`A ${interrupted}`);
    expect(attempts).toContain(`B ${interrupted}`);
    // Apart from that one, no verdict ran to the end twice: the lease held.
    const completed = (await redis.lrange(`${prefix}:test:completed`, 0, -1)).map((line) => line.slice(2));
    expect(completed.sort()).toEqual(expected);
    for (const flowId of flowIds) {
      expect((await createRedisLedger(redis, { prefix }).get(flowId))?.state).toBe('delivered');
    }
  }, 60_000);
});
