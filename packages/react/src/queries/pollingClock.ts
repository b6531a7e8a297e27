import { retryAllowedAt } from '@verigram-kit/core/internal';

// Bookkeeping the policy needs and react-query does not keep: when a query began polling (for the
// maximum duration) and when each error arrived (for Retry-After). WeakMaps, so nothing outlives
// the query or the error it describes.
const pollingStartedAt = new WeakMap<object, number>();
const errorReceivedAt = new WeakMap<object, number>();

/** The part of a react-query Query the policy reads; structural, so any Query<…> fits. */
export interface PolledQuery {
  state: { error: unknown; fetchFailureReason: unknown; errorUpdatedAt: number };
}

/** Runs a read, stamping a failure with the time it arrived, then rethrows it. */
export async function stampFailures<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (typeof error === 'object' && error !== null) errorReceivedAt.set(error, Date.now());
    throw error;
  }
}

/** Milliseconds this query has been polled; the first call starts the clock. */
export function pollingElapsed(query: PolledQuery, now = Date.now()): number {
  const startedAt = pollingStartedAt.get(query);
  if (startedAt === undefined) {
    pollingStartedAt.set(query, now);
    return 0;
  }
  return now - startedAt;
}

/** Starts the maximum-duration clock again (a manual refetch after polling gave up). */
export function restartPollingClock(query: PolledQuery): void {
  pollingStartedAt.delete(query);
}

/**
 * The instant before which no request may be made for this query: the Retry-After of its last
 * failure, whether that failure is the settled error or one between retries. Undefined when free.
 */
export function requestAllowedAt(query: PolledQuery): number | undefined {
  return failureRetryAt(query.state.fetchFailureReason ?? query.state.error, query.state.errorUpdatedAt);
}

/** For refetchOnMount / refetchOnWindowFocus / refetchOnReconnect: false while Retry-After runs. */
export function mayRequestNow(query: PolledQuery): boolean {
  return (requestAllowedAt(query) ?? 0) <= Date.now();
}

/** When the request after `error` may go (its Retry-After counted from when it arrived). */
export function failureRetryAt(error: unknown, fallbackReceivedAt: number): number | undefined {
  // WeakMap#get answers undefined for a non-object; retryAllowedAt, for anything but a rate limit.
  return retryAllowedAt(error, errorReceivedAt.get(error as object) ?? fallbackReceivedAt);
}
