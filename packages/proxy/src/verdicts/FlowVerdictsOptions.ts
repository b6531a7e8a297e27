import type { VerigramFetch } from '@verigram-kit/core';
import type { ConnectionOptions } from 'bullmq';
import type { ProxyLogger } from '../createRedactingLogger.ts';
import type { FlowVerdict } from './FlowVerdicts.ts';

/** How often the watcher reads a flow. Every delay is also bounded by the global `upstreamBudget`. */
export interface WatchIntervals {
  /** Between reads while the person has not started the flow, in ms. @default 20000 */
  notStartedMs?: number | undefined;
  /** Between reads while the flow is in progress, in ms. @default 3000 */
  inProgressMs?: number | undefined;
  /**
   * After this long since creation (ms), a flow still open is most likely abandoned: read it every
   * `slowMs` until it ends or its ttl runs out. @default 900000 (15 minutes)
   */
  slowAfterMs?: number | undefined;
  /** Between reads of a flow older than `slowAfterMs`, in ms. @default 60000 */
  slowMs?: number | undefined;
  /** First backoff cap after a failed read (5xx, network), in ms; doubles per failure, full jitter. @default 1000 */
  errorBaseMs?: number | undefined;
  /** Largest backoff after failed reads, in ms. A 429/503 `Retry-After` is waited out whatever its length. @default 60000 */
  errorMaxMs?: number | undefined;
}

/** How a verdict reaches `onFlowSettled`. */
export interface DeliveryOptions {
  /** Calls of `onFlowSettled` per verdict before giving up (the verdict stays `settled` in the ledger). @default 25 */
  attempts?: number | undefined;
  /** First retry delay cap after the handler threw, in ms; doubles per attempt, full jitter. @default 1000 */
  baseDelayMs?: number | undefined;
  /** Largest retry delay, in ms. @default 3600000 (1 hour) */
  maxDelayMs?: number | undefined;
  /** Verdicts delivered at once by each instance. @default 4 */
  concurrency?: number | undefined;
}

export interface FlowVerdictsOptions {
  /** The Verigram API key; the watcher reads flows with it. Never logged. */
  apiKey: string;
  /**
   * Verigram's base URL, as the proxy's option: https, or plain http only to loopback.
   * @default 'http://127.0.0.1:4010' (the sandbox), outside production only
   */
  baseUrl?: string | undefined;
  /** Sent as `X-Verigram-Api-Version`. @default '2.0' */
  apiVersion?: string | undefined;
  /** Upstream transport. @default globalThis.fetch; on Node prefer `createNodeTransport()` */
  fetch?: VerigramFetch | undefined;
  /** Timeout of each upstream read, in ms. @default 10000 */
  timeoutMs?: number | undefined;
  /**
   * Receives each verdict; see {@link FlowVerdict}. Throwing (or rejecting) retries it with backoff
   * (`delivery`); returning marks it delivered. Dedupe on `deliveryId`: delivery is at-least-once.
   */
  onFlowSettled: (verdict: FlowVerdict) => Promise<void> | void;
  /**
   * Redis for the ledger and BullMQ (scale-out: every instance watches and delivers, each verdict
   * once): an ioredis instance or its connection options, as BullMQ's `connection` takes them
   * (BullMQ needs `maxRetriesPerRequest: null`). Requires the `bullmq` package.
   * @default undefined: in-process mode, one process only (development; see the README)
   */
  redis?: ConnectionOptions | undefined;
  /**
   * Prefix of every Redis key (ledger and BullMQ queues). On Redis Cluster wrap it in braces
   * (`'{verdicts}'`) so every key lands in one slot. @default 'verigram-verdicts'
   */
  prefix?: string | undefined;
  /**
   * Upstream reads per second, across all instances together (BullMQ's global rate limiter in
   * Redis mode): reads are spaced `1000 / requestsPerSecond` ms apart. The sandbox test key allows
   * 600 requests a minute (10/s), and the browsers' own polls through the proxy count there too.
   * @default { requestsPerSecond: 2 }
   */
  upstreamBudget?: { requestsPerSecond: number } | undefined;
  /** Poll intervals; see {@link WatchIntervals}. */
  intervals?: WatchIntervals | undefined;
  /** Retries of `onFlowSettled`; see {@link DeliveryOptions}. */
  delivery?: DeliveryOptions | undefined;
  /**
   * How long an instance holds a watch or a delivery without renewing it, in ms (BullMQ's
   * `lockDuration`): after a process dies, its work moves to another instance within about this
   * long. A live handler keeps renewing it, however long it runs. @default 30000
   */
  leaseMs?: number | undefined;
  /**
   * Redis mode: how often one instance walks the ledger (a BullMQ repeatable job) and re-creates
   * the watch and delivery jobs that Redis lost (a flushed queue, a restart without persistence)
   * for flows still open or verdicts still undelivered, in ms. Each sweep reads every record in
   * the retention window. @default 300000 (5 minutes)
   */
  sweepIntervalMs?: number | undefined;
  /** A flow's ttl until the first read says otherwise, in seconds. @default 86400 (the sandbox's) */
  defaultTtlSeconds?: number | undefined;
  /**
   * How long past its ttl a flow that Verigram still shows unfinished is read before it is
   * declared expired, in ms (clocks differ). @default 60000
   */
  expiryGraceMs?: number | undefined;
  /** How long a ledger entry is kept after its ttl, in seconds. @default 604800 (7 days) */
  retentionSeconds?: number | undefined;
  /** Structured logger; its lines are redacted. `false` silences it. @default warnings and errors as JSON on stderr */
  logger?: ProxyLogger | false | undefined;
  /** Clock, injectable for tests. @default Date.now */
  now?: (() => number) | undefined;
}

export interface ResolvedVerdictsOptions {
  intervals: Required<{ [K in keyof WatchIntervals]: number }>;
  delivery: Required<{ [K in keyof DeliveryOptions]: number }>;
  requestsPerSecond: number;
  leaseMs: number;
  sweepIntervalMs: number;
  defaultTtlSeconds: number;
  expiryGraceMs: number;
  retentionSeconds: number;
  prefix: string;
}

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  // The negated comparisons refuse NaN too.
  if (
    typeof value !== 'number' ||
    !(allowZero ? value >= 0 : value > 0) ||
    value === Number.POSITIVE_INFINITY
  ) {
    throw new RangeError(
      `createFlowVerdicts: ${name} must be a finite number ${allowZero ? '≥ 0' : '> 0'}, got ${String(value)}`,
    );
  }
  return value;
}

/** Fills in the defaults; throws a RangeError naming an option out of range. */
export function resolveVerdictsOptions(options: FlowVerdictsOptions): ResolvedVerdictsOptions {
  if (typeof options.onFlowSettled !== 'function') {
    throw new TypeError('createFlowVerdicts: onFlowSettled must be a function');
  }
  const i = options.intervals ?? {};
  const d = options.delivery ?? {};
  const attempts = positive('delivery.attempts', d.attempts, 25);
  if (!Number.isInteger(attempts))
    throw new RangeError('createFlowVerdicts: delivery.attempts must be an integer');
  const prefix = options.prefix ?? 'verigram-verdicts';
  if (!/^[A-Za-z0-9_{}.-]{1,64}$/.test(prefix)) {
    throw new TypeError('createFlowVerdicts: prefix must be 1..64 of [A-Za-z0-9_{}.-]');
  }
  return {
    intervals: {
      notStartedMs: positive('intervals.notStartedMs', i.notStartedMs, 20_000),
      inProgressMs: positive('intervals.inProgressMs', i.inProgressMs, 3000),
      slowAfterMs: positive('intervals.slowAfterMs', i.slowAfterMs, 15 * 60_000, true),
      slowMs: positive('intervals.slowMs', i.slowMs, 60_000),
      errorBaseMs: positive('intervals.errorBaseMs', i.errorBaseMs, 1000),
      errorMaxMs: positive('intervals.errorMaxMs', i.errorMaxMs, 60_000),
    },
    delivery: {
      attempts,
      baseDelayMs: positive('delivery.baseDelayMs', d.baseDelayMs, 1000),
      maxDelayMs: positive('delivery.maxDelayMs', d.maxDelayMs, 3_600_000),
      concurrency: positive('delivery.concurrency', d.concurrency, 4),
    },
    requestsPerSecond: positive(
      'upstreamBudget.requestsPerSecond',
      options.upstreamBudget?.requestsPerSecond,
      2,
    ),
    leaseMs: positive('leaseMs', options.leaseMs, 30_000),
    sweepIntervalMs: positive('sweepIntervalMs', options.sweepIntervalMs, 300_000),
    defaultTtlSeconds: positive('defaultTtlSeconds', options.defaultTtlSeconds, 86_400),
    expiryGraceMs: positive('expiryGraceMs', options.expiryGraceMs, 60_000, true),
    retentionSeconds: positive('retentionSeconds', options.retentionSeconds, 604_800),
    prefix,
  };
}
