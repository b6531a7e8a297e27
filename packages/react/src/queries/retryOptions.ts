import { type ResolvedPollingOptions, retryDelay, shouldRetry } from '@verigram-kit/core';

/**
 * The retry options every kit query shares: core's retry policy. react-query passes the
 * failures so far; the policy counts the attempt about to be made, hence the `+ 1`.
 */
export function retryOptions(policy: ResolvedPollingOptions) {
  return {
    // A query that failed before any answer would otherwise refetch for every widget mounted,
    // Retry-After or not; the interval takes care of trying again.
    retryOnMount: false,
    retry: (failureCount: number, error: unknown) => shouldRetry(failureCount + 1, error, policy),
    retryDelay: (failureCount: number, error: unknown) => retryDelay(failureCount + 1, error, policy),
    // Offline, fetches pause (react-query's onlineManager) and resume on reconnect.
    networkMode: 'online' as const,
  };
}
