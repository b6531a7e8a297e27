import { type Flow, isTerminalFlow, isVerigramApiError, type VerigramClient } from '@verigram-kit/core';
import { backoffDelay, isRateLimitError } from '@verigram-kit/core/internal';
import type { LedgerObservation, LedgerRecord, LedgerSettlement } from './FlowLedger.ts';
import type { ResolvedVerdictsOptions } from './FlowVerdictsOptions.ts';

/** What one read of an open flow decided. */
export type WatchDecision =
  /**
   * Read it again in `delayMs`; `retryAfterMs`: Verigram asked every caller to wait that long
   * (429/503); `started`: the read showed the flow in progress (undefined when the read failed).
   */
  | {
      kind: 'again';
      delayMs: number;
      retryAfterMs?: number | undefined;
      started?: boolean | undefined;
      observation: LedgerObservation;
    }
  /** The flow has ended: read its result next, at once. */
  | { kind: 'result'; observation: LedgerObservation }
  | { kind: 'settle'; settlement: LedgerSettlement };

export interface WatchContext {
  /** A client that makes one request per call (no retries of its own), so a budget counts requests. */
  client: VerigramClient;
  options: ResolvedVerdictsOptions;
  now: () => number;
  random?: (() => number) | undefined;
}

/**
 * The flow ended because its ttl ran out (spec `Flow.ttl`, "time-to-live for the flow"): it timed
 * out no earlier than `created_at + ttl`. A step's own timeout ends it sooner.
 */
function endedByTtl(flow: Flow): boolean {
  if (flow.end_cause !== 'timeout' || !flow.ended_at || !flow.created_at || !flow.ttl) return false;
  return Date.parse(flow.ended_at) >= Date.parse(flow.created_at) + flow.ttl * 1000;
}

function expiryOf(flow: Flow, record: LedgerRecord): string {
  if (!flow.created_at || !flow.ttl) return record.expiresAt;
  const at = Date.parse(flow.created_at) + flow.ttl * 1000;
  return Number.isNaN(at) ? record.expiresAt : new Date(at).toISOString();
}

/** The next read of an unfinished flow: slow until it starts, fast while it runs, slow once old. */
function nextReadDelay(
  flow: Flow,
  record: LedgerRecord,
  expiresAt: string,
  now: number,
  context: WatchContext,
) {
  const { intervals, expiryGraceMs } = context.options;
  let delay = flow.started_at === undefined ? intervals.notStartedMs : intervals.inProgressMs;
  if (now - Date.parse(record.createdAt) >= intervals.slowAfterMs) delay = Math.max(delay, intervals.slowMs);
  // Read once more right after the deadline, so an expiry is seen when it happens.
  const untilExpiry = Date.parse(expiresAt) + expiryGraceMs - now;
  return Math.max(1, Math.min(delay, untilExpiry));
}

/**
 * One step of the watch of a flow: exactly one upstream request (`GET /flow/{id}`, or its
 * `/result` once it has ended), and what to do next. Never throws for an upstream failure.
 */
export async function watchFlowOnce(record: LedgerRecord, context: WatchContext): Promise<WatchDecision> {
  const { client, options } = context;
  const settledAt = () => new Date(context.now()).toISOString();
  const pastExpiry = () => context.now() >= Date.parse(record.expiresAt) + options.expiryGraceMs;

  function failed(error: unknown): WatchDecision {
    if (!isVerigramApiError(error)) throw error;
    const failures = record.failures + 1;
    if (isRateLimitError(error) && error.retryAfter !== undefined && error.retryAfter > 0) {
      const retryAfterMs = error.retryAfter * 1000;
      return { kind: 'again', delayMs: retryAfterMs, retryAfterMs, observation: { failures } };
    }
    const delayMs = backoffDelay(
      failures - 1,
      { baseDelayMs: options.intervals.errorBaseMs, maxDelayMs: options.intervals.errorMaxMs },
      undefined,
      context.random,
    );
    return { kind: 'again', delayMs: Math.max(1, delayMs), observation: { failures } };
  }

  if (record.phase === 'result' && record.flow) {
    const flow = record.flow;
    const outcome = endedByTtl(flow) ? 'expired' : 'settled';
    try {
      const result = await client.getFlowResult(record.flowId);
      return { kind: 'settle', settlement: { outcome, flow, result, settledAt: settledAt() } };
    } catch (error) {
      // A 4xx other than 408/429 will not change on a retry (e.g. the spec's 404 for a flow that
      // has no result): the verdict goes out with the flow alone.
      if (isVerigramApiError(error) && !error.isRetryable) {
        return { kind: 'settle', settlement: { outcome, flow, result: null, settledAt: settledAt() } };
      }
      return failed(error);
    }
  }

  let flow: Flow;
  try {
    flow = await client.getFlow(record.flowId);
  } catch (error) {
    if (pastExpiry()) {
      return {
        kind: 'settle',
        settlement: { outcome: 'expired', flow: null, result: null, settledAt: settledAt() },
      };
    }
    return failed(error);
  }
  const expiresAt = expiryOf(flow, record);
  if (isTerminalFlow(flow)) {
    const outcome = endedByTtl(flow) ? 'expired' : 'settled';
    // The spec answers 404 on /result for a flow that never started: nothing to read.
    if (flow.started_at === undefined) {
      return { kind: 'settle', settlement: { outcome, flow, result: null, settledAt: settledAt() } };
    }
    return { kind: 'result', observation: { phase: 'result', failures: 0, flow, expiresAt } };
  }
  const now = context.now();
  if (now >= Date.parse(expiresAt) + options.expiryGraceMs) {
    return { kind: 'settle', settlement: { outcome: 'expired', flow, result: null, settledAt: settledAt() } };
  }
  return {
    kind: 'again',
    delayMs: nextReadDelay(flow, record, expiresAt, now, context),
    started: flow.started_at !== undefined,
    // The read itself is not kept: an open flow's record stays small (see FlowLedger).
    observation: { failures: 0, expiresAt },
  };
}
