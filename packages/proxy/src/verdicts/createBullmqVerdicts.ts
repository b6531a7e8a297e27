import { backoffDelay } from '@verigram-kit/core/internal';
import { type ConnectionOptions, DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { RedisLikeClient } from '../stores/createRedisStore.ts';
import type { InProcessVerdictsContext } from './createInProcessVerdicts.ts';
import { createRedisLedger } from './createRedisLedger.ts';
import {
  awaitsDelivery,
  type LedgerRecord,
  ledgerReads,
  toFlowVerdict,
  toLedgerEntry,
} from './FlowLedger.ts';
import type { FlowVerdicts, LedgerEntry } from './FlowVerdicts.ts';
import { watchFlowOnce } from './watchFlowOnce.ts';

export interface BullmqVerdictsContext extends Omit<InProcessVerdictsContext, 'ledger'> {
  redis: ConnectionOptions;
}

/** A watch job carries its ledger entry, so a job whose entry was never written still records it. */
interface WatchJob {
  flowId: string;
  entry: LedgerEntry;
}

interface DeliverJob {
  flowId: string;
}

export const WATCH_QUEUE = 'watch';
export const DELIVER_QUEUE = 'deliver';
// A killed worker's job comes back this many times before BullMQ would fail it; every step is
// safe to repeat, so only a job that keeps killing its process should ever reach it.
const MAX_STALLED = 1000;
const WATCH_ATTEMPTS = 1000;
// Routine reads wait in BullMQ's prioritized set at this priority; urgent ones (a nudged flow, an
// ended flow's result) at a smaller number, which BullMQ takes first, so a verdict does not wait
// behind a backlog of routine reads.
const ROUTINE = 10;
const URGENT = 1;
// Upstream reads run concurrently (a slow answer must not hold the others); the limiter spaces them.
const WATCH_CONCURRENCY = 8;

/** BullMQ refuses integer-looking custom ids; the proxy's flow ids never are, but any id stays usable. */
function jobIdFor(flowId: string): string {
  return /^\d+$/.test(flowId) ? `flow-${flowId}` : flowId;
}

/**
 * The Redis mode: the ledger in Redis, the watch schedule and the deliveries on BullMQ, so every
 * instance shares the work. Each watch job makes at most one upstream request, so BullMQ's global
 * rate limiter (one job every `1000 / requestsPerSecond` ms across all workers) is the upstream
 * budget; a 429/503 with Retry-After pauses the whole queue (`queue.rateLimit`). A job whose
 * worker died comes back when its lock (the lease) expires (BullMQ's stalled-job check).
 */
export async function createBullmqVerdicts(context: BullmqVerdictsContext): Promise<FlowVerdicts> {
  const { options, log, now } = context;
  const { prefix, leaseMs } = options;
  const connection = context.redis;
  const keepFailedSeconds = options.retentionSeconds;
  const watchQueue = new Queue<WatchJob>(WATCH_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: WATCH_ATTEMPTS,
      backoff: { type: 'custom' },
      removeOnComplete: true,
      removeOnFail: { age: keepFailedSeconds },
    },
  });
  const deliverQueue = new Queue<DeliverJob>(DELIVER_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: options.delivery.attempts,
      backoff: { type: 'custom' },
      removeOnComplete: true,
      // A verdict whose every attempt failed stays in the failed set (and `settled` in the
      // ledger), where BullMQ's tools can retry it.
      removeOnFail: { age: keepFailedSeconds },
    },
  });
  const ledger = createRedisLedger((await watchQueue.client) as unknown as RedisLikeClient, {
    prefix,
    retentionMs: options.retentionSeconds * 1000,
  });

  async function enqueueDelivery(flowId: string) {
    // jobId = flow id: a second enqueue of the same verdict (a watch step repeated after a crash)
    // is a no-op while the first delivery job exists.
    await deliverQueue.add('deliver', { flowId }, { jobId: jobIdFor(flowId) });
  }

  async function watch(job: Job<WatchJob>, token?: string) {
    const { flowId } = job.data;
    let record: LedgerRecord | null = await ledger.get(flowId);
    if (!record) {
      await ledger.insert(job.data.entry);
      record = await ledger.get(flowId);
    }
    if (!record || record.state === 'delivered') return;
    if (awaitsDelivery(record)) return enqueueDelivery(flowId);
    const decision = await watchFlowOnce(record, context);
    if (decision.kind === 'settle') {
      const settled = await ledger.settle(flowId, decision.settlement);
      if (settled && awaitsDelivery(settled)) await enqueueDelivery(flowId);
      return;
    }
    await ledger.observe(flowId, decision.observation);
    if (decision.kind === 'again' && decision.retryAfterMs !== undefined) {
      // Verigram asked every caller to wait: pause the whole queue, on every instance.
      await watchQueue.rateLimit(decision.retryAfterMs);
      throw Worker.RateLimitError();
    }
    // The priority is read when the job next becomes ready (changePriority only records it on a
    // delayed or active job).
    const priority = decision.kind === 'result' ? URGENT : ROUTINE;
    if (job.priority !== priority) await job.changePriority({ priority });
    await job.moveToDelayed(Date.now() + (decision.kind === 'result' ? 0 : decision.delayMs), token);
    throw new DelayedError();
  }

  async function deliver(job: Job<DeliverJob>) {
    const record = await ledger.get(job.data.flowId);
    if (!record || !awaitsDelivery(record)) return;
    await context.onFlowSettled(toFlowVerdict(record));
    await ledger.markDelivered(record.flowId, new Date(now()).toISOString());
  }

  const shared = {
    connection,
    prefix,
    lockDuration: leaseMs,
    stalledInterval: Math.max(100, Math.floor(leaseMs / 2)),
    maxStalledCount: MAX_STALLED,
  };
  const watchWorker = new Worker<WatchJob>(WATCH_QUEUE, watch, {
    ...shared,
    concurrency: WATCH_CONCURRENCY,
    // max 1 per window: reads are spaced, never bunched at a window's start. Rounded up: a
    // spacing rounded down would let more than the budget through (300/s → 3 ms → 333/s).
    limiter: { max: 1, duration: Math.max(1, Math.ceil(1000 / options.requestsPerSecond)) },
    settings: {
      backoffStrategy: (attemptsMade: number) =>
        backoffDelay(
          attemptsMade - 1,
          {
            baseDelayMs: options.intervals.errorBaseMs,
            maxDelayMs: options.intervals.errorMaxMs,
          },
          undefined,
        ),
    },
  });
  const deliverWorker = new Worker<DeliverJob>(DELIVER_QUEUE, deliver, {
    ...shared,
    concurrency: options.delivery.concurrency,
    settings: {
      backoffStrategy: (attemptsMade: number) =>
        Math.max(1, backoffDelay(attemptsMade - 1, options.delivery, undefined)),
    },
  });
  watchWorker.on('failed', (job, error) =>
    log('error', 'verdicts: watch step failed', { flowId: job?.data.flowId, error }),
  );
  deliverWorker.on('failed', (job, error) =>
    log('warn', 'verdicts: onFlowSettled failed', {
      flowId: job?.data.flowId,
      attempt: job?.attemptsMade,
      error,
    }),
  );
  for (const worker of [watchWorker, deliverWorker]) {
    worker.on('error', (error) => log('error', 'verdicts: worker error', { error }));
  }

  return {
    async track(entry) {
      const createdAt = now();
      const ttlMs = (entry.ttlSeconds ?? options.defaultTtlSeconds) * 1000;
      const ledgerEntry: LedgerEntry = {
        flowId: entry.flowId,
        personId: entry.personId,
        ...(entry.template === undefined ? {} : { template: entry.template }),
        vlink: entry.vlink,
        createdAt: new Date(createdAt).toISOString(),
        expiresAt: new Date(createdAt + ttlMs).toISOString(),
        state: 'open',
      };
      // The job first: if this process dies before the ledger write, the job writes the entry.
      await watchQueue.add(
        'watch',
        { flowId: entry.flowId, entry: ledgerEntry },
        { jobId: jobIdFor(entry.flowId), delay: options.intervals.notStartedMs, priority: ROUTINE },
      );
      await ledger.insert(ledgerEntry);
    },
    async nudge(flowId) {
      const job = await watchQueue.getJob(jobIdFor(flowId));
      if (job) {
        // Ahead of the routine reads, wherever the job waits. Both race the job's own progress
        // (it may have just become active, or been promoted): losing that race is fine.
        await job.changePriority({ priority: URGENT }).catch(() => {});
        if (await job.isDelayed()) await job.promote().catch(() => {});
        return;
      }
      const record = await ledger.get(flowId);
      if (record?.state === 'open') {
        await watchQueue.add(
          'watch',
          { flowId, entry: toLedgerEntry(record) },
          { jobId: jobIdFor(flowId), priority: URGENT },
        );
      } else if (record && awaitsDelivery(record)) await enqueueDelivery(flowId);
    },
    ...ledgerReads(ledger, now),
    async close() {
      await Promise.all([watchWorker.close(), deliverWorker.close()]);
      await Promise.all([watchQueue.close(), deliverQueue.close()]);
    },
  };
}
