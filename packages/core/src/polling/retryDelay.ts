import { isVerigramApiError } from '../errors/VerigramApiError.ts';
import type { ResolvedPollingOptions } from './pollingOptions.ts';
import { isRateLimitError } from './retryAfterRemaining.ts';

/**
 * Delay before retry number `attempt` (1 for the first retry): capped exponential backoff with
 * full jitter, a uniform pick in [0, min(cap, base · 2^(attempt-1))), so that many clients failing
 * together do not retry together. A 429/503 with Retry-After waits exactly that long: the server
 * said when, and asking sooner only burns the test key's quota (issue 5).
 *
 * @param random a uniform [0, 1) source; injectable for tests
 */
export function retryDelay(
  attempt: number,
  error: unknown,
  options: ResolvedPollingOptions,
  random: () => number = Math.random,
): number {
  if (isRateLimitError(error) && isVerigramApiError(error) && error.retryAfter !== undefined) {
    return error.retryAfter * 1000;
  }
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.retryMaxDelayMs, options.retryBaseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
