import { queryOptions } from '@tanstack/react-query';
import {
  type FlowClient,
  type FlowPollingOptions,
  type FlowProjection,
  isFlowNotStartedError,
  isTerminalFlow,
  resolvePollingOptions,
  type VerigramApiError,
} from '@verigram-kit/core';
import { flowQueryKeys } from './flowQueryKeys.ts';
import { mayRequestNow, stampFailures } from './pollingClock.ts';
import { recoveryInterval } from './recoveryInterval.ts';
import { retryOptions } from './retryOptions.ts';

/**
 * The kit's query for `GET /flow/{id}/result`. Its data is the `FlowProjection`, or `null` when
 * the server answers 404 because the flow has not started (spec, getFlowResult): "not started"
 * is an answer, not an error. It does not poll (beyond trying again after a retryable failure): `useFlowResult` enables it once the flow query
 * says the flow is terminal, and a terminal result is final.
 *
 * @example const { data } = useQuery({ ...flowResultQueryOptions(client, flowId), enabled: isDone });
 */
export function flowResultQueryOptions(client: FlowClient, flowId: string, polling?: FlowPollingOptions) {
  const policy = resolvePollingOptions(polling);
  return queryOptions<
    FlowProjection | null,
    VerigramApiError,
    FlowProjection | null,
    ReturnType<typeof flowQueryKeys.result>
  >({
    queryKey: flowQueryKeys.result(flowId),
    queryFn: ({ signal }) => stampFailures(() => readFlowResult(client, flowId, signal)),
    refetchInterval: (query) => recoveryInterval(query, policy),
    staleTime: (query) =>
      query.state.data != null && isTerminalFlow(query.state.data) ? Number.POSITIVE_INFINITY : 0,
    refetchOnMount: mayRequestNow,
    refetchOnWindowFocus: mayRequestNow,
    refetchOnReconnect: mayRequestNow,
    ...retryOptions(policy),
  });
}

/** The flow's result, or `null` while it has none (a 404 before the flow starts). */
export async function readFlowResult(
  client: FlowClient,
  flowId: string,
  signal: AbortSignal,
): Promise<FlowProjection | null> {
  try {
    return await client.getFlowResult(flowId, { signal });
  } catch (error) {
    if (isFlowNotStartedError(error)) return null;
    throw error;
  }
}
