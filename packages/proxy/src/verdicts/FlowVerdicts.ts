import type { Flow, FlowProjection } from '@verigram-kit/core';

/**
 * What the app's server learns, once per flow, whether or not a browser was still there to see
 * the end. Delivery is at-least-once: a handler that crashed, timed out or lost its process is
 * called again with the same `deliveryId`, so dedupe on it (a unique key in the app's database).
 */
export interface FlowVerdict {
  /** Stable across every attempt for this flow; use it as the dedupe key. */
  deliveryId: string;
  flowId: string;
  personId: string;
  /** The proxy template the flow was created from, when it named one. */
  template?: string | undefined;
  /**
   * `settled`: Verigram recorded why the flow ended (spec `Flow.end_cause`); read `flow.flow_status`.
   * `expired`: the flow's ttl (spec `Flow.ttl`) ran out before it ended: abandoned, never finished.
   */
  state: 'settled' | 'expired';
  /**
   * `GET /flow/{id}` as read when the flow ended, or when it was found expired; null when that
   * read failed (an expiry decided while Verigram could not be read).
   */
  flow: Flow | null;
  /**
   * `GET /flow/{id}/result`, read once the flow has ended, when it had started (the spec answers
   * 404 for a flow that never started); null otherwise.
   */
  result: FlowProjection | null;
  /** When the watcher decided the verdict (ISO 8601). */
  settledAt: string;
}

/** One flow the proxy created, as the ledger keeps it. */
export interface LedgerEntry {
  flowId: string;
  personId: string;
  template?: string | undefined;
  vlink: string;
  /** ISO 8601. */
  createdAt: string;
  /** When the flow's ttl runs out (ISO 8601): `created_at + ttl` once the flow has been read. */
  expiresAt: string;
  /**
   * `open`: watched. `settled` / `expired`: the verdict is decided and waiting for (or in)
   * delivery. `delivered`: `onFlowSettled` returned for it.
   */
  state: 'open' | 'settled' | 'delivered' | 'expired';
  /** The verdict's state once decided; kept after delivery, when `state` is `delivered`. */
  outcome?: 'settled' | 'expired' | undefined;
  /** When the verdict was decided (ISO 8601). */
  settledAt?: string | undefined;
  /** When `onFlowSettled` returned for it (ISO 8601). */
  deliveredAt?: string | undefined;
  /**
   * When the last of `delivery.attempts` failed (ISO 8601): the verdict waits in
   * `listFailedDeliveries()` until `redeliver(flowId)`.
   */
  deliveryFailedAt?: string | undefined;
}

/** A flow to watch, as the proxy knows it right after `POST /flow`. */
export interface TrackedFlow {
  flowId: string;
  personId: string;
  template?: string | undefined;
  vlink: string;
  /**
   * The flow's ttl in seconds, when known. The spec's `CreateFlow` has no ttl and `Flow.ttl` has no
   * default, so the first `GET /flow/{id}` read corrects it. @default the option `defaultTtlSeconds`
   */
  ttlSeconds?: number | undefined;
}

/** The server-side verdict service: a flow ledger, a watcher and a delivery of verdicts. */
export interface FlowVerdicts {
  /** Records a flow and starts watching it. Idempotent: tracking a flow twice keeps the first record. */
  track(entry: TrackedFlow): Promise<void>;
  /** The fast path: check this flow now (e.g. the browser saw it end) instead of at its next poll. */
  nudge(flowId: string): Promise<void>;
  get(flowId: string): Promise<LedgerEntry | null>;
  /** The person's flows, newest first. */
  listByPerson(personId: string): Promise<LedgerEntry[]>;
  /** The person's newest flow still open and not past its ttl, or null. */
  currentFor(personId: string): Promise<LedgerEntry | null>;
  /**
   * Verdicts whose every delivery attempt failed (`onFlowSettled` kept throwing for the whole
   * `delivery` window), oldest failure first, as `onFlowSettled` would have received them.
   */
  listFailedDeliveries(): Promise<FlowVerdict[]>;
  /**
   * Delivers again a verdict listed by `listFailedDeliveries()`, with a fresh `delivery.attempts`
   * and the same `deliveryId`. Throws (changing nothing) for a flow with no failed delivery:
   * unknown, still open, delivered, or still being retried.
   */
  redeliver(flowId: string): Promise<void>;
  /**
   * Watch steps and deliveries scheduled or running (in the Redis mode on every instance together).
   * Both 0: nothing more happens until a flow is tracked, nudged or redelivered.
   */
  pending(): Promise<{ watches: number; deliveries: number }>;
  /** Stops watching and delivering in this process; waits for the work in hand to finish. */
  close(): Promise<void>;
}
