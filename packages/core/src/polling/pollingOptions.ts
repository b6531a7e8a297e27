/**
 * How the kit polls a flow (issue 5: "polling that is correct, cheap and kind to rate limits").
 * Every field is optional; {@link resolvePollingOptions} fills in the defaults.
 */
export interface FlowPollingOptions {
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
  /**
   * Retries of one failed read (5xx, 408, 429, 503, network) before the query reports an error.
   * The interval keeps polling afterwards, so the error state recovers by itself.
   * @default 3
   */
  maxRetries?: number | undefined;
  /**
   * First retry delay cap, in ms; doubles per attempt (full jitter picks uniformly below it).
   * @default 1000
   */
  retryBaseDelayMs?: number | undefined;
  /**
   * Largest backoff cap, in ms. Does not shorten a server's Retry-After.
   * @default 30000
   */
  retryMaxDelayMs?: number | undefined;
  /**
   * A Retry-After longer than this (ms) is not waited out inside a retry: the read fails at once
   * so the UI can show "rate-limited, next try at …", and the interval waits out the rest.
   * @default 10000
   */
  maxInlineRetryAfterMs?: number | undefined;
}

export type ResolvedPollingOptions = Required<{ [K in keyof FlowPollingOptions]: number }>;

export const DEFAULT_POLLING_OPTIONS: Readonly<ResolvedPollingOptions> = Object.freeze({
  intervalMs: 3000,
  notStartedIntervalMs: 6000,
  slowDownAfterMs: 5 * 60_000,
  maxDurationMs: 30 * 60_000,
  maxRetries: 3,
  retryBaseDelayMs: 1000,
  retryMaxDelayMs: 30_000,
  maxInlineRetryAfterMs: 10_000,
});

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
