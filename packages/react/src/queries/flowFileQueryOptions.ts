import { queryOptions } from '@tanstack/react-query';
import {
  type FileLabel,
  type FlowClient,
  type FlowPollingOptions,
  resolvePollingOptions,
  type VerigramApiError,
} from '@verigram-kit/core';
import { flowQueryKeys } from './flowQueryKeys.ts';
import { mayRequestNow, stampFailures } from './pollingClock.ts';
import { recoveryInterval } from './recoveryInterval.ts';
import { retryOptions } from './retryOptions.ts';

/**
 * The kit's query for a flow's file (`GET /resources/file`, through the client) as a Blob.
 * Files of a flow do not change once written, so the Blob is never refetched while cached; the
 * object URL is made per component by `useFlowFile`, which revokes it on unmount.
 */
export function flowFileQueryOptions(
  client: FlowClient,
  flowId: string,
  label: FileLabel,
  polling?: FlowPollingOptions,
) {
  const policy = resolvePollingOptions(polling);
  return queryOptions<Blob, VerigramApiError, Blob, ReturnType<typeof flowQueryKeys.file>>({
    queryKey: flowQueryKeys.file(flowId, label),
    queryFn: ({ signal }) => stampFailures(() => client.getFile(flowId, label, { signal })),
    refetchInterval: (query) => recoveryInterval(query, policy),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnMount: mayRequestNow,
    refetchOnWindowFocus: false,
    refetchOnReconnect: mayRequestNow,
    ...retryOptions(policy),
  });
}
