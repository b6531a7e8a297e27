import { isVerigramApiError } from '../errors/VerigramApiError.ts';
import type { ResolvedPollingOptions } from './pollingOptions.ts';

/**
 * Whether a failed read is worth another try: transport failures, 408, 429 and 5xx are
 * (VerigramApiError.isRetryable); other 4xx are not (issue 5), since asking again cannot change
 * a 401, 403, 404 or 422. Errors that are not VerigramApiError are bugs in a client: not retried.
 * A Retry-After longer than `maxInlineRetryAfterMs` ends the retries so the caller can surface it.
 *
 * @param failureCount failures so far, 1 after the first
 */
export function shouldRetry(failureCount: number, error: unknown, options: ResolvedPollingOptions): boolean {
  if (!isVerigramApiError(error) || !error.isRetryable) return false;
  if (failureCount > options.maxRetries) return false;
  if (error.retryAfter !== undefined && error.retryAfter * 1000 > options.maxInlineRetryAfterMs) return false;
  return true;
}

/** Whether polling may go on after `error`: only while a later read could succeed. */
export function shouldKeepPolling(error: unknown): boolean {
  return isVerigramApiError(error) && error.isRetryable;
}
