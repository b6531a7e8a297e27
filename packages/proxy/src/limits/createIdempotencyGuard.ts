import { VerigramApiError } from '@verigram-kit/core';
import { ProxyError } from '../ProxyError.ts';
import type { ProxyStore } from '../stores/ProxyStore.ts';

export interface IdempotentFlow {
  flowId: string;
  vlink: string;
}

type StoredRecord =
  | { state: 'pending'; body: string }
  | { state: 'done'; body: string; flowId: string; vlink: string }
  /** The upstream call ended without a definite refusal (4xx): a flow may or may not exist. */
  | { state: 'unknown'; body: string };

export interface IdempotencyGuardOptions {
  /** How long a finished key is remembered, in ms. */
  ttlMs: number;
  /** How long a request waits for another instance's identical request, in ms. */
  waitMs: number;
  /** Poll interval while waiting, in ms. @default 50 */
  pollMs?: number;
}

export interface IdempotencyGuard {
  /** Creates at most one flow per `storeKey`; `bodyHash` fingerprints the validated request. */
  once(storeKey: string, bodyHash: string, create: () => Promise<IdempotentFlow>): Promise<IdempotentFlow>;
}

/**
 * `Idempotency-Key` on `POST /flow`: the same key from the same user yields the same
 * flow, never two. Identical requests racing in this process share one promise; across
 * instances the store's atomic setIfAbsent elects one creator and the others poll for its
 * result. The same key with a different body is a client bug and gets 422; a key whose creation
 * ended in anything but a 4xx (a timeout, a 5xx, a malformed answer) stays blocked (409), because
 * a flow may exist upstream and a second one must not be made.
 */
export function createIdempotencyGuard(
  store: ProxyStore,
  options: IdempotencyGuardOptions,
): IdempotencyGuard {
  const inFlight = new Map<string, Promise<IdempotentFlow>>();
  const pollMs = options.pollMs ?? 50;

  function conflict(record: StoredRecord, bodyHash: string): IdempotentFlow | undefined {
    if (record.body !== bodyHash) {
      throw new ProxyError({
        status: 422,
        errorCode: 'IDEMPOTENCY_KEY_REUSED',
        errorMsg: 'This Idempotency-Key was used with a different request body',
      });
    }
    if (record.state === 'done') return { flowId: record.flowId, vlink: record.vlink };
    if (record.state === 'unknown') {
      throw new ProxyError({
        status: 409,
        errorCode: 'IDEMPOTENCY_OUTCOME_UNKNOWN',
        errorMsg: 'An earlier request with this Idempotency-Key did not complete; use a new key',
      });
    }
    return undefined;
  }

  async function run(storeKey: string, bodyHash: string, create: () => Promise<IdempotentFlow>) {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const pending: StoredRecord = { state: 'pending', body: bodyHash };
      if (await store.setIfAbsent(storeKey, JSON.stringify(pending), options.ttlMs)) {
        try {
          const flow = await create();
          const done: StoredRecord = { state: 'done', body: bodyHash, ...flow };
          await store.set(storeKey, JSON.stringify(done), options.ttlMs);
          return flow;
        } catch (error) {
          // Only a 4xx says Verigram refused the request. A 5xx, a malformed 2xx, a timeout or
          // anything else may have created the flow, so the key must never create a second one.
          const refused = error instanceof VerigramApiError && error.status >= 400 && error.status < 500;
          if (refused) {
            await store.delete(storeKey);
          } else {
            const unknown: StoredRecord = { state: 'unknown', body: bodyHash };
            await store.set(storeKey, JSON.stringify(unknown), options.ttlMs);
          }
          throw error;
        }
      }
      const raw = await store.get(storeKey);
      if (raw !== null) {
        const existing = conflict(JSON.parse(raw) as StoredRecord, bodyHash);
        if (existing) return existing;
      }
      if (Date.now() >= deadline) {
        throw new ProxyError({
          status: 409,
          errorCode: 'IDEMPOTENCY_IN_PROGRESS',
          errorMsg: 'A request with this Idempotency-Key is still being processed; retry shortly',
          headers: { 'retry-after': '1' },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  return {
    once(storeKey, bodyHash, create) {
      const shared = inFlight.get(storeKey);
      if (shared) {
        return shared.then((flow) => {
          // The racing twin must also carry the same body to share the answer.
          return store.get(storeKey).then((raw) => {
            if (raw !== null) conflict(JSON.parse(raw) as StoredRecord, bodyHash);
            return flow;
          });
        });
      }
      const promise = run(storeKey, bodyHash, create).finally(() => inFlight.delete(storeKey));
      inFlight.set(storeKey, promise);
      return promise;
    },
  };
}
