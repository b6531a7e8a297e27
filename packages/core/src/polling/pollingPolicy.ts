import { getFlowPhase } from '../api/flowPhase.ts';
import type { Flow } from '../api/schemas.ts';
import { isVerigramApiError } from '../errors/VerigramApiError.ts';
import type { RetryPolicy } from './retryer.ts';

/**
 * How the kit polls a flow: correct (stops once the flow is terminal), cheap (slower while nothing
 * can change) and kind to rate limits (honours Retry-After). Every field is optional;
 * {@link resolvePollingOptions} fills in the defaults. The retry fields ({@link RetryPolicy}) apply
 * to one failed read; the interval keeps polling afterwards, so an error state recovers by itself.
 */
export interface FlowPollingOptions extends RetryPolicy {
  /**
   * Delay between two reads of a started, unfinished flow, in ms.
   * @default 3000
   */
  intervalMs?: number | undefined;
  /**
   * Delay between two reads while the user has not opened the flow yet, in ms. Slower, because
   * nothing on the server changes until the user acts.
   * @default 6000
   */
  notStartedIntervalMs?: number | undefined;
  /**
   * After this much polling (ms) the interval doubles: a flow still open after minutes is most
   * likely waiting on a person, and the test keys are rate-limited (quickstart).
   * @default 300000 (5 minutes)
   */
  slowDownAfterMs?: number | undefined;
  /**
   * Polling stops for good after this long (ms), terminal or not; a refetch restarts it.
   * @default 1800000 (30 minutes)
   */
  maxDurationMs?: number | undefined;
}

export type ResolvedPollingOptions = Required<{ [K in keyof FlowPollingOptions]: number }>;

export const DEFAULT_POLLING_OPTIONS: Readonly<ResolvedPollingOptions> = {
  intervalMs: 3000,
  notStartedIntervalMs: 6000,
  slowDownAfterMs: 5 * 60_000,
  maxDurationMs: 30 * 60_000,
  retries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 10_000,
};

/**
 * Fills in defaults; throws a RangeError naming the option and its range for a value out of it
 * (a negative or non-number value; for the two intervals, also 0, which would spin).
 */
export function resolvePollingOptions(options: FlowPollingOptions = {}): ResolvedPollingOptions {
  const resolved = { ...DEFAULT_POLLING_OPTIONS };
  for (const key of Object.keys(DEFAULT_POLLING_OPTIONS) as (keyof ResolvedPollingOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const interval = key === 'intervalMs' || key === 'notStartedIntervalMs';
    // The negated comparisons refuse NaN too.
    if (typeof value !== 'number' || !(interval ? value > 0 : value >= 0)) {
      throw new RangeError(
        `polling.${key} must be a number ${interval ? '> 0 (or enabled: false)' : '≥ 0'}, got ${String(value)}`,
      );
    }
    resolved[key] = value;
  }
  return resolved;
}

type PolledFlow = Pick<Flow, 'flow_status'> & Partial<Pick<Flow, 'end_cause' | 'ended_at' | 'started_at'>>;

/**
 * Delay until the next read of a flow, or `false` when polling should stop: once the flow is
 * terminal (nothing will change) or after `maxDurationMs` of polling.
 *
 * @param flow the last flow read, or undefined before the first answer
 * @param elapsedMs how long this flow has been polled
 */
export function nextPollInterval(
  flow: PolledFlow | undefined,
  elapsedMs: number,
  options: ResolvedPollingOptions,
): number | false {
  if (elapsedMs >= options.maxDurationMs) return false;
  const phase = flow ? getFlowPhase(flow) : 'not_started';
  if (phase !== 'not_started' && phase !== 'in_progress') return false;
  const base = phase === 'not_started' ? options.notStartedIntervalMs : options.intervalMs;
  const interval = elapsedMs >= options.slowDownAfterMs ? base * 2 : base;
  // Never schedule past the end of the polling window.
  return Math.min(interval, Math.max(1, options.maxDurationMs - elapsedMs));
}

/** Whether polling may go on after `error`: only while a later read could succeed. */
export function shouldKeepPolling(error: unknown): boolean {
  return isVerigramApiError(error) && error.isRetryable;
}

/**
 * `GET /flow/{id}/result` answers 404 while the flow has not started (spec, getFlowResult): for a
 * result read, that 404 means "not started", not a failure.
 */
export function isFlowNotStartedError(error: unknown): boolean {
  return isVerigramApiError(error) && error.status === 404;
}
