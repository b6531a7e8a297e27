import { createHash } from 'node:crypto';
import { backoffDelay } from '@verigram-kit/core/internal';
import { type ConnectionOptions, DelayedError, type Job, Queue, RateLimitError, Worker } from 'bullmq';
import type { InProcessVerdictsContext } from './createInProcessVerdicts.ts';
import { createRedisLedger, type LedgerRedisClient } from './createRedisLedger.ts';
import {
  awaitsDelivery,
  changesRecord,
  type LedgerRecord,
  ledgerReads,
  toFlowVerdict,
} from './FlowLedger.ts';
import type { FlowVerdicts, LedgerEntry } from './FlowVerdicts.ts';
import { type WatchDecision, watchFlowOnce } from './watchFlowOnce.ts';

export interface BullmqVerdictsContext extends Omit<InProcessVerdictsContext, 'ledger'> {
  redis: ConnectionOptions;
}

/**
 * A watch job carries its flow id only; the job reads the flow's record from the ledger when it
 * runs, so a watched flow's job stays a few hundred bytes whatever the record holds.
 */
interface WatchJob {
  flowId: string;
}

interface DeliverJob {
  flowId: string;
}

export const WATCH_QUEUE = 'watch';
export const DELIVER_QUEUE = 'deliver';
export const SWEEP_QUEUE = 'sweep';
// A killed worker's job comes back this many times before BullMQ would fail it; every step is
// safe to repeat, so only a job that keeps killing its process should ever reach it.
const MAX_STALLED = 1000;
// Routine reads wait in BullMQ's prioritized set; a smaller number is taken first. A flow in
// progress is read ahead of flows nobody has started, so when the reads due outnumber what the
// budget (or the machine) allows, the unstarted flows wait longer and the running ones keep their
// interval. A new flow's first read comes next: a flow is known to be in progress only from a
// read, and a person mostly starts a flow right after it is created, so the backlog falls on flows
// already seen unstarted (mostly abandoned ones). Urgent reads (a nudged flow, an ended flow's
// result) go ahead of all, so a verdict never waits behind a backlog.
const URGENT = 1;
const IN_PROGRESS = 3;
const FIRST_READ = 5;
const NOT_STARTED = 10;
// Upstream reads run concurrently (a slow answer must not hold the others); the limiter spaces them.
const WATCH_CONCURRENCY = 16;
// Nobody reads BullMQ's event streams here (no QueueEvents): keep them short, a fixed cost.
const EVENTS_MAX_LEN = 100;

/**
 * BullMQ's rate limiter for a budget of `rps` reads a second: `max` jobs per `duration` ms,
 * across every worker. Up to 40/s, one read per window, spaced: any one second holds at most the
 * budget plus the read on its edge (the spacing rounded up: rounded down, 300/s → 3 ms → 333/s).
 * Above, windows of 18 to 27 ms holding `max` reads each: a worker woken by a timer every few
 * milliseconds on a busy machine loses a large share of such short windows, and reads then go
 * out well below the budget. The window is sized so that any one second, which touches at most
 * ⌈1000 / duration⌉ + 1 windows, holds no more than the budget with one window to spare: a read
 * leaves a few milliseconds after its job starts, so one window's reads can slip into the next
 * second.
 */
export function watchLimiter(rps: number): { max: number; duration: number } {
  const max = Math.max(1, Math.floor(rps / 40));
  if (max === 1) return { max: 1, duration: Math.max(1, Math.ceil(1000 / rps)) };
  let duration = Math.ceil((1000 * max) / (rps - 2 * max));
  while (max * (Math.ceil(1000 / duration) + 2) > rps) duration++;
  return { max, duration };
}

/** The priority of a flow's next read. */
function priorityOf(decision: WatchDecision, record: LedgerRecord, current: number): number {
  if (decision.kind === 'result') return URGENT;
  if (decision.kind === 'again' && decision.started !== undefined)
    return decision.started ? IN_PROGRESS : NOT_STARTED;
  // A failed read tells nothing new: an ended flow's result read, or the last known pace.
  if (record.phase === 'result' || current === URGENT) return IN_PROGRESS;
  return current || NOT_STARTED;
}

/** BullMQ refuses integer-looking custom ids; the proxy's flow ids never are, but any id stays usable. */
function jobIdFor(flowId: string): string {
  return /^\d+$/.test(flowId) ? `flow-${flowId}` : flowId;
}

/**
 * The id of a flow's watch job: ten characters derived from the flow id (60 bits), the same for
 * every instance and every add, so adding a flow's watch twice is a no-op. Short so that the job's
 * stored options stay within Redis's compact hash encoding (values of 64 bytes at most; a flow id
 * such as a UUID would push them over, and the hash would take twice the memory). Two flows
 * sharing an id (about 1 in 2 million for a million flows) are still both watched: the sweep
 * adds the second flow's job once the first one's is gone.
 */
export function watchJobIdFor(flowId: string): string {
  const id = createHash('sha256').update(flowId).digest('base64url').slice(0, 10);
  return jobIdFor(id);
}

/**
 * The Redis mode: the ledger in Redis, the watch schedule and the deliveries on BullMQ, so every
 * instance shares the work. Each watch job makes at most one upstream request, so BullMQ's global
 * rate limiter (one job every `1000 / requestsPerSecond` ms across all workers) is the upstream
 * budget; a 429/503 with Retry-After pauses the whole queue (`queue.rateLimit`). A job whose
 * worker died comes back when its lock (the lease) expires (BullMQ's stalled-job check). A
 * repeatable sweep job re-creates the jobs of flows the ledger still needs and BullMQ lost.
 */
export async function createBullmqVerdicts(context: BullmqVerdictsContext): Promise<FlowVerdicts> {
  const { options, log, now } = context;
  const { prefix, leaseMs } = options;
  const connection = context.redis;
  const streams = { events: { maxLen: EVENTS_MAX_LEN } };
  // Job options are stored in every job: the watch jobs take none beyond their delay and
  // priority (a failed step is retried by the step itself, see watch()); removal is the workers'.
  const watchQueue = new Queue<WatchJob>(WATCH_QUEUE, { connection, prefix, streams });
  const deliverQueue = new Queue<DeliverJob>(DELIVER_QUEUE, {
    connection,
    prefix,
    streams,
    defaultJobOptions: { attempts: options.delivery.attempts, backoff: { type: 'custom' } },
  });
  const sweepQueue = new Queue(SWEEP_QUEUE, { connection, prefix, streams });
  const client = (await watchQueue.client) as unknown as LedgerRedisClient & {
    on(event: 'ready', listener: () => void): unknown;
    exists(...keys: string[]): Promise<number>;
    pipeline(): { exists(key: string): unknown; exec(): Promise<Array<[Error | null, unknown]> | null> };
  };
  const ledger = createRedisLedger(client, { prefix, retentionMs: options.retentionSeconds * 1000 });

  async function enqueueDelivery(flowId: string) {
    // jobId = flow id: a second enqueue of the same verdict (a watch step repeated after a crash)
    // is a no-op while the first delivery job exists.
    await deliverQueue.add('deliver', { flowId }, { jobId: jobIdFor(flowId) });
  }

  function enqueueWatch(flowId: string, delay: number, priority: number) {
    return watchQueue.add('watch', { flowId }, { jobId: watchJobIdFor(flowId), delay, priority });
  }

  async function watchStep(job: Job<WatchJob>, token?: string) {
    const { flowId } = job.data;
    const record: LedgerRecord | null = await ledger.get(flowId);
    if (!record || record.state === 'delivered') return;
    if (record.state !== 'open') {
      if (awaitsDelivery(record)) await enqueueDelivery(flowId);
      return;
    }
    const decision = await watchFlowOnce(record, context);
    if (decision.kind === 'settle') {
      const settled = await ledger.settle(flowId, decision.settlement);
      if (settled && awaitsDelivery(settled)) await enqueueDelivery(flowId);
      return;
    }
    if (changesRecord(record, decision.observation)) await ledger.observe(flowId, decision.observation);
    if (decision.kind === 'again' && decision.retryAfterMs !== undefined) {
      // Verigram asked every caller to wait: pause the whole queue, on every instance.
      await watchQueue.rateLimit(decision.retryAfterMs);
      throw Worker.RateLimitError();
    }
    // The priority is read when the job next becomes ready (changePriority only records it on a
    // delayed or active job).
    const priority = priorityOf(decision, record, job.priority);
    if (job.priority !== priority) await job.changePriority({ priority });
    await job.moveToDelayed(Date.now() + (decision.kind === 'result' ? 0 : decision.delayMs), token);
    throw new DelayedError();
  }

  async function watch(job: Job<WatchJob>, token?: string) {
    try {
      await watchStep(job, token);
    } catch (error) {
      if (error instanceof DelayedError || error instanceof RateLimitError) throw error;
      // Not an upstream answer (those are decisions): Redis or a bug. Read again later, as the
      // in-process mode does; should this move fail too, the job's lock runs out and the
      // stalled-job check brings it back.
      log('error', 'verdicts: watch step failed', { flowId: job.data.flowId, error });
      await job.moveToDelayed(Date.now() + options.intervals.errorMaxMs, token);
      throw new DelayedError();
    }
  }

  async function deliver(job: Job<DeliverJob>) {
    const record = await ledger.get(job.data.flowId);
    if (!record || !awaitsDelivery(record)) return;
    try {
      await context.onFlowSettled(toFlowVerdict(record));
    } catch (error) {
      // The last attempt: the ledger keeps the verdict for listFailedDeliveries / redeliver.
      if (job.attemptsMade + 1 >= options.delivery.attempts) {
        await ledger.markDeliveryFailed(record.flowId, new Date(now()).toISOString());
        log('error', 'verdicts: delivery gave up; listed by listFailedDeliveries()', {
          flowId: record.flowId,
          attempts: job.attemptsMade + 1,
          error,
        });
      }
      throw error;
    }
    await ledger.markDelivered(record.flowId, new Date(now()).toISOString());
  }

  /**
   * Walks the ledger and adds the jobs of flows that need one and have none (their keys lost:
   * a flushed queue, a Redis restarted without persistence, a process that died between the
   * ledger write and the job). Adding is idempotent (jobId = flow id), and a job that finds its
   * flow no longer needing it does nothing, so a sweep racing a job's own progress is harmless.
   */
  async function sweep() {
    let added = 0;
    let read = 0;
    for await (const records of ledger.scan()) {
      read += records.length;
      const needs = records.filter((record) => record.state === 'open' || awaitsDelivery(record));
      if (needs.length === 0) continue;
      const pipeline = client.pipeline();
      for (const record of needs) {
        pipeline.exists(
          record.state === 'open'
            ? watchQueue.toKey(watchJobIdFor(record.flowId))
            : deliverQueue.toKey(jobIdFor(record.flowId)),
        );
      }
      const exists = (await pipeline.exec()) ?? [];
      for (const [i, record] of needs.entries()) {
        if (exists[i]?.[1] === 1) continue;
        if (record.state === 'open') await enqueueWatch(record.flowId, 0, NOT_STARTED);
        else await enqueueDelivery(record.flowId);
        added++;
      }
    }
    if (added > 0) log('warn', 'verdicts: the sweep re-created lost jobs', { jobs: added });
    log('info', 'verdicts: swept the ledger', { records: read, added });
  }

  async function scheduleSweep() {
    // One scheduler for every instance (same id): one sweep per period across all of them.
    await sweepQueue.upsertJobScheduler('sweep', { every: options.sweepIntervalMs }, { name: 'sweep' });
  }

  const shared = {
    connection,
    prefix,
    lockDuration: leaseMs,
    stalledInterval: Math.max(100, Math.floor(leaseMs / 2)),
    maxStalledCount: MAX_STALLED,
    removeOnComplete: { count: 0 },
    removeOnFail: { count: 0 },
  };
  const watchWorker = new Worker<WatchJob>(WATCH_QUEUE, watch, {
    ...shared,
    concurrency: WATCH_CONCURRENCY,
    limiter: watchLimiter(options.requestsPerSecond),
  });
  const deliverWorker = new Worker<DeliverJob>(DELIVER_QUEUE, deliver, {
    ...shared,
    concurrency: options.delivery.concurrency,
    settings: {
      backoffStrategy: (attemptsMade: number) =>
        Math.max(1, backoffDelay(attemptsMade - 1, options.delivery, undefined)),
    },
  });
  const sweepWorker = new Worker(SWEEP_QUEUE, sweep, { ...shared, concurrency: 1 });
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
  sweepWorker.on('failed', (_job, error) => log('error', 'verdicts: sweep failed', { error }));
  for (const worker of [watchWorker, deliverWorker, sweepWorker]) {
    worker.on('error', (error) => log('error', 'verdicts: worker error', { error }));
  }
  await scheduleSweep();
  // A Redis restarted without persistence forgets the scheduler too: set it again on reconnect.
  client.on('ready', () => {
    scheduleSweep().catch((error) => log('error', 'verdicts: could not schedule the sweep', { error }));
  });

  async function countOf(queue: Queue) {
    const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'paused');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
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
      // The ledger first, then the job: a process that dies in between leaves a record without a
      // job, which the sweep finds; a second track (a retried POST /flow) adds nothing twice.
      await ledger.insert(ledgerEntry);
      await enqueueWatch(entry.flowId, options.intervals.notStartedMs, FIRST_READ);
    },
    async nudge(flowId) {
      const job = await watchQueue.getJob(watchJobIdFor(flowId));
      if (job && job.data.flowId === flowId) {
        // Ahead of the routine reads, wherever the job waits. Both race the job's own progress
        // (it may have just become active, or been promoted): losing that race is fine.
        await job.changePriority({ priority: URGENT }).catch(() => {});
        if (await job.isDelayed()) await job.promote().catch(() => {});
        return;
      }
      const record = await ledger.get(flowId);
      if (record?.state === 'open') await enqueueWatch(flowId, 0, URGENT);
      else if (record && awaitsDelivery(record)) await enqueueDelivery(flowId);
    },
    ...ledgerReads(ledger, now),
    async redeliver(flowId) {
      if (!(await ledger.reopenDelivery(flowId))) {
        const record = await ledger.get(flowId);
        throw new Error(
          `redeliver: flow ${flowId} has no failed delivery (${record ? `state ${record.state}` : 'unknown flow'})`,
        );
      }
      await enqueueDelivery(flowId);
    },
    async pending() {
      const [watches, deliveries] = await Promise.all([countOf(watchQueue), countOf(deliverQueue)]);
      return { watches, deliveries };
    },
    async close() {
      await Promise.all([watchWorker.close(), deliverWorker.close(), sweepWorker.close()]);
      await Promise.all([watchQueue.close(), deliverQueue.close(), sweepQueue.close()]);
    },
  };
}
