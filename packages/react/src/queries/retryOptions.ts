import type { ResolvedPollingOptions } from '@verigram-kit/core';
import { backoffDelay, shouldRetry } from '@verigram-kit/core/internal';

/**
 * The retry options every kit query shares: core's retryer. react-query passes the failures before
 * this one (0 after the first), which is core's attempt number (0 = first retry).
 */
export function retryOptions(policy: ResolvedPollingOptions) {
  return {
    // A query that failed before any answer would otherwise refetch for every widget mounted,
    // Retry-After or not; the interval takes care of trying again.
    retryOnMount: false,
    retry: (failureCount: number, error: unknown) => shouldRetry(failureCount, error, policy),
    retryDelay: (failureCount: number, error: unknown) => backoffDelay(failureCount, policy, error),
    // Offline, fetches pause (react-query's onlineManager) and resume on reconnect.
    networkMode: 'online' as const,
  };
}
