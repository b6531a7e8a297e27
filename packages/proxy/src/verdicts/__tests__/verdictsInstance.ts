// One app server with server-side verdicts in the Redis + BullMQ mode, run as its own process by
// verdicts.scaleOut.test.ts so that the test can SIGKILL it. Its handler stands in for the bank's:
// it notes each attempt, takes a while (the window to kill it in), then applies the verdict once
// per deliveryId, the dedupe the README asks every handler for.
import type { VerigramFetch } from '@verigram-kit/core';
import Redis from 'ioredis';
import { createNodeTransport } from '../../adapters/node/createNodeTransport.ts';
import { createFlowVerdicts } from '../createFlowVerdicts.ts';

const env = process.env as Record<string, string>;
const name = env.INSTANCE_NAME ?? 'instance';
const prefix = env.VERDICTS_PREFIX;
const handlerMs = Number(env.HANDLER_MS);
const redis = new Redis({ host: '127.0.0.1', port: Number(env.REDIS_PORT), maxRetriesPerRequest: null });
const transport = createNodeTransport();

// Marks each upstream read in flight, so the test can kill this process in the middle of one.
const fetch: VerigramFetch = async (input, init) => {
  const marker = `${name} ${new URL(input).pathname}`;
  await redis.hincrby(`${prefix}:test:inflight`, marker, 1);
  try {
    return await transport(input, init);
  } finally {
    await redis.hincrby(`${prefix}:test:inflight`, marker, -1);
  }
};

const verdicts = createFlowVerdicts({
  apiKey: 'sandbox-test-key',
  baseUrl: env.SANDBOX_URL,
  fetch,
  redis: { host: '127.0.0.1', port: Number(env.REDIS_PORT), maxRetriesPerRequest: null },
  prefix,
  upstreamBudget: { requestsPerSecond: 40 },
  intervals: { notStartedMs: 40, inProgressMs: 40, errorBaseMs: 20, errorMaxMs: 200 },
  delivery: { baseDelayMs: 20, maxDelayMs: 200, concurrency: 1 },
  leaseMs: 2000,
  logger: false,
  onFlowSettled: async (verdict) => {
    await redis.rpush(`${prefix}:test:attempts`, `${name} ${verdict.deliveryId}`);
    await new Promise((resolve) => setTimeout(resolve, handlerMs));
    await redis.rpush(`${prefix}:test:completed`, `${name} ${verdict.deliveryId}`);
    if (await redis.set(`${prefix}:test:applied:${verdict.deliveryId}`, name, 'NX')) {
      await redis.rpush(
        `${prefix}:test:effects`,
        `${verdict.deliveryId} ${verdict.state} ${verdict.flow?.flow_status}`,
      );
    }
  },
});

for (const flowId of (env.TRACK ?? '').split(',').filter(Boolean)) {
  await verdicts.track({
    flowId,
    personId: `scale-${flowId.slice(-8)}`,
    vlink: `${env.SANDBOX_URL}/hf2/${flowId}/`,
  });
}
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void verdicts
    .close()
    .then(() => redis.quit())
    .then(() => process.exit(0));
});
