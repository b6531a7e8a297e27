import { backoffDelay } from '@verigram-kit/core/internal';
import type { ProxyLogger } from '../createRedactingLogger.ts';
import {
  awaitsDelivery,
  type FlowLedger,
  type LedgerRecord,
  ledgerReads,
  toFlowVerdict,
} from './FlowLedger.ts';
import type { FlowVerdict, FlowVerdicts, TrackedFlow } from './FlowVerdicts.ts';
import type { ResolvedVerdictsOptions } from './FlowVerdictsOptions.ts';
import { type WatchContext, watchFlowOnce } from './watchFlowOnce.ts';

export interface InProcessVerdictsContext extends WatchContext {
  ledger: FlowLedger;
  options: ResolvedVerdictsOptions;
  onFlowSettled: (verdict: FlowVerdict) => Promise<void> | void;
  log: ProxyLogger;
}

/**
 * The in-process mode: timers in this process schedule every read and delivery, one spacer holds
 * the upstream budget. For one process (development, a single small server): a restart forgets
 * the schedule and the ledger (see the README); use `redis` to run several instances.
 */
export function createInProcessVerdicts(context: InProcessVerdictsContext): FlowVerdicts {
  const { ledger, options, now, log } = context;
  const spacingMs = 1000 / options.requestsPerSecond;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Map<string, Promise<void>>();
  const deliveryAttempts = new Map<string, number>();
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  let closed = false;
  // Reads waiting for a slot; urgent ones (a nudged flow, an ended flow's result) go first, so
  // a verdict does not wait behind a backlog of routine reads.
  const waiting: Array<{ flowId: string; urgent: boolean; release: () => void }> = [];
  let pumping = false;
  // Flows to read urgently at their next step.
  const urgent = new Set<string>();

  /**
   * Waits for this process's next upstream slot: reads go out one at a time, `spacingMs` apart,
   * and none before a Retry-After is over, including reads already queued when it arrived.
   */
  function upstreamSlot(flowId: string, isUrgent: boolean): Promise<void> {
    return new Promise((release) => {
      enqueue({ flowId, urgent: isUrgent, release });
      void pump();
    });
  }

  function enqueue(waiter: (typeof waiting)[number]) {
    const at = waiter.urgent ? waiting.findIndex((other) => !other.urgent) : -1;
    waiting.splice(at < 0 ? waiting.length : at, 0, waiter);
  }

  /** Moves a flow's read already waiting for a slot ahead of the routine ones; false when none waits. */
  function hurry(flowId: string): boolean {
    const at = waiting.findIndex((waiter) => waiter.flowId === flowId);
    if (at < 0) return false;
    const [waiter] = waiting.splice(at, 1);
    if (waiter) enqueue({ ...waiter, urgent: true });
    return true;
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (waiting.length > 0) {
        const wait = closed ? 0 : Math.max(lastRequestAt + spacingMs, pausedUntil) - now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        lastRequestAt = now();
        waiting.shift()?.release();
      }
    } finally {
      pumping = false;
    }
  }

  function schedule(flowId: string, delayMs: number) {
    if (closed) return;
    clearTimeout(timers.get(flowId));
    const timer = setTimeout(() => {
      timers.delete(flowId);
      void run(flowId);
    }, delayMs);
    timer.unref?.();
    timers.set(flowId, timer);
  }

  function run(flowId: string): Promise<void> {
    const inHand = running.get(flowId);
    // One step per flow at a time; a nudge during a step asks for another right after it.
    if (inHand) return inHand.then(() => schedule(flowId, 0));
    const step = (async () => {
      try {
        await stepOf(flowId);
      } catch (error) {
        log('error', 'verdicts: watch step failed', { flowId, error });
        schedule(flowId, options.intervals.errorMaxMs);
      }
    })().finally(() => running.delete(flowId));
    running.set(flowId, step);
    return step;
  }

  async function stepOf(flowId: string) {
    const record = await ledger.get(flowId);
    if (!record || record.state === 'delivered' || closed) return;
    if (awaitsDelivery(record)) return deliver(record);
    const isUrgent = urgent.delete(flowId) || record.phase === 'result';
    await upstreamSlot(flowId, isUrgent);
    if (closed) return;
    const decision = await watchFlowOnce(record, context);
    if (decision.kind === 'settle') {
      const settled = await ledger.settle(flowId, decision.settlement);
      if (settled && awaitsDelivery(settled)) await deliver(settled);
      return;
    }
    await ledger.observe(flowId, decision.observation);
    if (decision.kind === 'result') return schedule(flowId, 0);
    if (decision.retryAfterMs !== undefined)
      pausedUntil = Math.max(pausedUntil, now() + decision.retryAfterMs);
    schedule(flowId, decision.delayMs);
  }

  // At most `delivery.concurrency` handlers run at once; the others wait their turn in order.
  let delivering = 0;
  const handlerTurns: Array<() => void> = [];

  async function callHandler(record: LedgerRecord) {
    // A finishing handler hands its place straight to the next in line.
    if (delivering >= options.delivery.concurrency) {
      await new Promise<void>((resolve) => handlerTurns.push(resolve));
    } else delivering++;
    try {
      await context.onFlowSettled(toFlowVerdict(record));
    } finally {
      const next = handlerTurns.shift();
      if (next) next();
      else delivering--;
    }
  }

  async function deliver(record: LedgerRecord) {
    const attempt = (deliveryAttempts.get(record.flowId) ?? 0) + 1;
    deliveryAttempts.set(record.flowId, attempt);
    try {
      await callHandler(record);
    } catch (error) {
      if (attempt >= options.delivery.attempts) {
        deliveryAttempts.delete(record.flowId);
        await ledger.markDeliveryFailed(record.flowId, new Date(now()).toISOString());
        log('error', 'verdicts: delivery gave up; listed by listFailedDeliveries()', {
          flowId: record.flowId,
          attempts: attempt,
          error,
        });
        return;
      }
      log('warn', 'verdicts: onFlowSettled threw; retrying', { flowId: record.flowId, attempt, error });
      schedule(
        record.flowId,
        Math.max(1, backoffDelay(attempt - 1, options.delivery, undefined, context.random)),
      );
      return;
    }
    deliveryAttempts.delete(record.flowId);
    await ledger.markDelivered(record.flowId, new Date(now()).toISOString());
  }

  return {
    async track(entry: TrackedFlow) {
      const createdAt = now();
      const ttlMs = (entry.ttlSeconds ?? options.defaultTtlSeconds) * 1000;
      const added = await ledger.insert({
        flowId: entry.flowId,
        personId: entry.personId,
        ...(entry.template === undefined ? {} : { template: entry.template }),
        vlink: entry.vlink,
        createdAt: new Date(createdAt).toISOString(),
        expiresAt: new Date(createdAt + ttlMs).toISOString(),
        state: 'open',
      });
      if (added || (!timers.has(entry.flowId) && !running.has(entry.flowId))) {
        schedule(entry.flowId, options.intervals.notStartedMs);
      }
    },
    async nudge(flowId) {
      // Only a watched flow: a verdict waiting for a retry of its delivery keeps its backoff.
      if ((await ledger.get(flowId))?.state !== 'open') return;
      if (hurry(flowId)) return;
      urgent.add(flowId);
      void run(flowId);
    },
    ...ledgerReads(ledger, now),
    async redeliver(flowId) {
      if (closed || !(await ledger.reopenDelivery(flowId))) {
        const record = await ledger.get(flowId);
        throw new Error(
          `redeliver: flow ${flowId} has no failed delivery (${record ? `state ${record.state}` : 'unknown flow'})`,
        );
      }
      schedule(flowId, 0);
    },
    async pending() {
      const inHand = new Set([...timers.keys(), ...running.keys()]);
      let deliveries = 0;
      for (const flowId of inHand) if (deliveryAttempts.has(flowId)) deliveries++;
      return { watches: inHand.size - deliveries, deliveries };
    },
    async close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}
