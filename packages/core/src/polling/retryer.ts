import { isVerigramApiError, type VerigramApiError } from '../errors/VerigramApiError.ts';

/**
 * How a failed request is retried: by the server client (GETs only) and by the kit's polling
 * queries alike. Attempts count from 0: attempt 0 is the first retry, after the first failure.
 */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. @default 2 (client), 3 (polling) */
  retries?: number | undefined;
  /** Cap of the first backoff delay, in ms; doubles per attempt. @default 200 (client), 1000 (polling) */
  baseDelayMs?: number | undefined;
  /** Largest backoff cap, in ms. Does not shorten a server's Retry-After. @default 5000 (client), 30000 (polling) */
  maxDelayMs?: number | undefined;
  /**
   * A Retry-After longer than this (ms) is not waited out: the failure goes to the caller at once
   * (so a UI can say "rate-limited, next try at …").
   * @default maxDelayMs (client), 10000 (polling)
   */
  maxRetryAfterMs?: number | undefined;
}

export type ResolvedRetryPolicy = Required<{ [K in keyof RetryPolicy]: number }>;

/** The server client's defaults (the polling ones are in `DEFAULT_POLLING_OPTIONS`). */
export const DEFAULT_RETRY_POLICY: Readonly<ResolvedRetryPolicy> = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxRetryAfterMs: 5000,
};

/** 429 and 503 carry Retry-After in Verigram's and the proxy's answers. */
export function isRateLimitError(error: unknown): error is VerigramApiError {
  return isVerigramApiError(error) && (error.status === 429 || error.status === 503);
}

/** The wait, in ms, that a 429 or 503 asked for in its Retry-After, if it did. */
function rateLimitWaitMs(error: unknown): number | undefined {
  return isRateLimitError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined;
}

/**
 * Delay before retry `attempt` (0 = first retry): capped exponential backoff with full jitter,
 * a uniform draw in [0, min(maxDelayMs, baseDelayMs · 2^attempt)), so many clients failing
 * together do not retry in lockstep. The Retry-After of a 429 or 503 (the statuses that define
 * it) wins over the draw: the server said when, and asking sooner only burns the key's quota.
 *
 * @param error the failure being retried, if any
 * @param random a uniform [0, 1) source; injectable for tests
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<ResolvedRetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  error?: unknown,
  random: () => number = Math.random,
): number {
  return (
    rateLimitWaitMs(error) ??
    Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt))
  );
}

/**
 * Whether retry `attempt` (0 = first retry) should be made after `error`: transport failures,
 * 408, 429 and 5xx are worth it ({@link VerigramApiError.isRetryable}); other 4xx are not, since
 * asking again cannot change a 401, 403, 404 or 422. Errors that are not VerigramApiError are bugs in a client: not retried. A Retry-After
 * longer than `maxRetryAfterMs` ends the retries so the caller can surface it.
 */
export function shouldRetry(
  attempt: number,
  error: unknown,
  policy: Pick<ResolvedRetryPolicy, 'retries' | 'maxRetryAfterMs'>,
): boolean {
  return (
    isVerigramApiError(error) &&
    error.isRetryable &&
    attempt < policy.retries &&
    !(error.retryAfter !== undefined && error.retryAfter * 1000 > policy.maxRetryAfterMs)
  );
}

/**
 * The instant (epoch ms) before which no request may be made because of `error`'s Retry-After,
 * or undefined when the error asks for no wait.
 *
 * @param receivedAt when the error arrived (epoch ms)
 */
export function retryAllowedAt(error: unknown, receivedAt: number): number | undefined {
  const wait = rateLimitWaitMs(error) ?? 0;
  return wait > 0 ? receivedAt + wait : undefined;
}

/** Milliseconds still to wait at `now` before the next request; 0 when free to go. */
export function retryAfterRemaining(error: unknown, receivedAt: number, now: number): number {
  return Math.max(0, (retryAllowedAt(error, receivedAt) ?? now) - now);
}
