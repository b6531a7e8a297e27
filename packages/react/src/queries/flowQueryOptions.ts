import { queryOptions } from '@tanstack/react-query';
import {
  type Flow,
  type FlowClient,
  type FlowPollingOptions,
  isTerminalFlow,
  resolvePollingOptions,
  type VerigramApiError,
} from '@verigram-kit/core';
import { nextPollInterval, shouldKeepPolling } from '@verigram-kit/core/internal';
import { flowQueryKeys } from './flowQueryKeys.ts';
import { mayRequestNow, pollingElapsed, requestAllowedAt, stampFailures } from './pollingClock.ts';
import { retryOptions } from './retryOptions.ts';

/**
 * The kit's query for `GET /flow/{id}`, polling: one query per flow, an interval
 * that stops once the flow is terminal or after `maxDurationMs`, nothing while the tab is hidden
 * or offline, capped exponential backoff with full jitter, Retry-After honoured by retries, the
 * interval, mounts, focus and reconnects alike, other 4xx neither retried nor polled again.
 *
 * The issue sketches `flowQueryOptions(flowId)`; the client comes first here because a query
 * function needs it and these factories also run outside React (prefetching, loaders). Inside
 * components, `useFlow` passes the provider's client.
 *
 * @example
 * const client = createProxyClient();
 * await queryClient.prefetchQuery(flowQueryOptions(client, flowId));
 */
export function flowQueryOptions(client: FlowClient, flowId: string, polling?: FlowPollingOptions) {
  const policy = resolvePollingOptions(polling);
  return queryOptions<Flow, VerigramApiError, Flow, ReturnType<typeof flowQueryKeys.flow>>({
    queryKey: flowQueryKeys.flow(flowId),
    queryFn: ({ signal }) => stampFailures(() => client.getFlow(flowId, { signal })),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      // A settled 401/403/404/422 will not change by asking again.
      if (query.state.status === 'error' && !shouldKeepPolling(error)) return false;
      // False once the flow is terminal or polling outlasted maxDurationMs.
      const interval = nextPollInterval(data, pollingElapsed(query), policy);
      if (interval === false) return false;
      // The interval must not fire before Retry-After has elapsed either: the server asked for quiet.
      return Math.max(interval, (requestAllowedAt(query) ?? 0) - Date.now());
    },
    // Hidden tabs do not poll (refetchIntervalInBackground is false by default); react-query's
    // focusManager follows document.visibilityState.
    // Fresh for one interval, so a widget mounted between two polls reuses the last answer
    // instead of adding a request; a terminal flow never changes again.
    staleTime: (query) =>
      query.state.data !== undefined && isTerminalFlow(query.state.data)
        ? Number.POSITIVE_INFINITY
        : policy.intervalMs,
    refetchOnMount: mayRequestNow,
    refetchOnWindowFocus: mayRequestNow,
    refetchOnReconnect: mayRequestNow,
    ...retryOptions(policy),
  });
}
