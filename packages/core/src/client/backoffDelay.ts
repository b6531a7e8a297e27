/** Retry policy of the Verigram client (issue 2, section 2). */
export interface RetryPolicy {
  /** Further attempts after the first one, for idempotent requests (GET) only. @default 2 */
  retries?: number | undefined;
  /** Base of the exponential backoff, in ms. @default 200 */
  baseDelayMs?: number | undefined;
  /** Cap of one backoff delay, in ms; a Retry-After longer than this ends the retries. @default 5000 */
  maxDelayMs?: number | undefined;
}

export const DEFAULT_RETRY_POLICY = { retries: 2, baseDelayMs: 200, maxDelayMs: 5000 } as const;

/**
 * Delay before retry number `attempt` (0-based): capped exponential backoff with full jitter
 * (a uniform draw in [0, min(cap, base * 2^attempt)]), so many clients failing together do not
 * retry in lockstep. A Retry-After from the server wins over the draw; the caller decides
 * whether it is too long to wait (see {@link DEFAULT_RETRY_POLICY}.maxDelayMs).
 */
export function backoffDelay(
  attempt: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
