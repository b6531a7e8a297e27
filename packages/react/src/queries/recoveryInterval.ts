import type { ResolvedPollingOptions } from '@verigram-kit/core';
import { shouldKeepPolling } from '@verigram-kit/core/internal';
import { type PolledQuery, requestAllowedAt } from './pollingClock.ts';

/**
 * `refetchInterval` for reads that do not poll (result, files): none while they succeed, but after
 * a retryable failure outlasted its retries, one more try per interval (never before Retry-After),
 * so their error state recovers by itself, with no reload.
 */
export function recoveryInterval(
  query: PolledQuery & { state: { status: string } },
  policy: ResolvedPollingOptions,
) {
  if (query.state.status !== 'error' || !shouldKeepPolling(query.state.error)) return false;
  return Math.max(policy.intervalMs, (requestAllowedAt(query) ?? 0) - Date.now());
}
