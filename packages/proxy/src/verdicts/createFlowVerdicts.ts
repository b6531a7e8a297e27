import { createVerigramClient } from '@verigram-kit/core';
import { consoleLogger, createRedactingLogger } from '../createRedactingLogger.ts';
import { resolveBaseUrl } from '../upstream/resolveBaseUrl.ts';
import { createInProcessVerdicts } from './createInProcessVerdicts.ts';
import { createMemoryLedger } from './createMemoryLedger.ts';
import type { FlowVerdicts } from './FlowVerdicts.ts';
import { type FlowVerdictsOptions, resolveVerdictsOptions } from './FlowVerdictsOptions.ts';

/**
 * Server-side verdicts: records every flow the proxy creates, watches each one upstream until it
 * ends or its ttl runs out, and hands its verdict to `onFlowSettled` once (at-least-once delivery,
 * one `deliveryId` per flow), whether or not a browser is still there. Pass the result to
 * `createVerigramProxy({ verdicts })`.
 *
 * @example
 * const verdicts = createFlowVerdicts({
 *   apiKey: process.env.VERIGRAM_API_KEY!,
 *   baseUrl: 'https://services.kz-ala-1.verigram.kz',
 *   redis: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null },
 *   onFlowSettled: async (verdict) => db.saveVerdictOnce(verdict.deliveryId, verdict),
 * });
 */
export function createFlowVerdicts(options: FlowVerdictsOptions): FlowVerdicts {
  const resolved = resolveVerdictsOptions(options);
  const now = options.now ?? Date.now;
  const log =
    options.logger === false
      ? () => {}
      : createRedactingLogger(options.logger ?? consoleLogger, [options.apiKey]);
  const client = createVerigramClient({
    apiKey: options.apiKey,
    // globalThis.process: edge runtimes may have no process at all.
    baseUrl: resolveBaseUrl(options.baseUrl, globalThis.process?.env?.NODE_ENV, 'createFlowVerdicts'),
    apiVersion: options.apiVersion,
    timeoutMs: options.timeoutMs ?? 10_000,
    // One call, one request: the budget counts requests, and the watcher has its own backoff.
    retry: { retries: 0 },
    fetch: options.fetch,
  });
  const context = { client, options: resolved, now, log, onFlowSettled: options.onFlowSettled };
  if (options.redis === undefined) {
    return createInProcessVerdicts({
      ...context,
      ledger: createMemoryLedger({ retentionMs: resolved.retentionSeconds * 1000, now }),
    });
  }
  // BullMQ loads only in Redis mode, so the in-process mode needs no bullmq package at all.
  const redis = options.redis;
  const engine = import('./createBullmqVerdicts.ts').then(
    ({ createBullmqVerdicts }) => createBullmqVerdicts({ ...context, redis }),
    (error: unknown) => {
      throw new Error(
        'createFlowVerdicts: the redis option runs on BullMQ; install the bullmq package (pnpm add bullmq)',
        { cause: error },
      );
    },
  );
  // A failure to start surfaces on every call; log it once here so it is not an unhandled rejection.
  engine.catch((error) => log('error', 'verdicts: could not start the BullMQ mode', { error }));
  return {
    track: async (entry) => (await engine).track(entry),
    nudge: async (flowId) => (await engine).nudge(flowId),
    get: async (flowId) => (await engine).get(flowId),
    listByPerson: async (personId) => (await engine).listByPerson(personId),
    currentFor: async (personId) => (await engine).currentFor(personId),
    listFailedDeliveries: async () => (await engine).listFailedDeliveries(),
    redeliver: async (flowId) => (await engine).redeliver(flowId),
    pending: async () => (await engine).pending(),
    close: async () => (await engine).close(),
  };
}
