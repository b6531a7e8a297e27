import { queryOptions } from '@tanstack/react-query';
import {
  type FlowClient,
  type FlowPollingOptions,
  type FlowProjection,
  resolvePollingOptions,
  type VerigramApiError,
} from '@verigram-kit/core';
import { flowQueryKeys } from './flowQueryKeys.ts';
import { readFlowResult } from './flowResultQueryOptions.ts';
import { stampFailures } from './pollingClock.ts';
import { retryOptions } from './retryOptions.ts';

/**
 * The partial result of a flow in progress, read once per step: the key names the step, so a
 * step change is one request however many widgets show it, and nothing more until the next step.
 * It gives the live per-service timeline and names the current step, whose id the spec leaves
 * opaque. Opt-in (`liveTimeline`), since the issue asks for the result only once terminal.
 */
export function flowStepResultQueryOptions(
  client: FlowClient,
  flowId: string,
  stepId: string,
  polling?: FlowPollingOptions,
) {
  const policy = resolvePollingOptions(polling);
  return queryOptions<
    FlowProjection | null,
    VerigramApiError,
    FlowProjection | null,
    ReturnType<typeof flowQueryKeys.stepResult>
  >({
    queryKey: flowQueryKeys.stepResult(flowId, stepId),
    queryFn: ({ signal }) => stampFailures(() => readFlowResult(client, flowId, signal)),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    ...retryOptions(policy),
  });
}
