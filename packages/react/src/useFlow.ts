'use client';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import {
  type Flow,
  type FlowPollingOptions,
  isTerminalFlow,
  type VerigramApiError,
} from '@verigram-kit/core';
import { useEffect } from 'react';
import { flowQueryKeys } from './queries/flowQueryKeys.ts';
import { flowQueryOptions } from './queries/flowQueryOptions.ts';
import { subscribeFlowReads } from './queries/flowReadBroadcast.ts';
import { useKitQueryClient } from './queries/useKitQueryClient.ts';
import { useFlowClient } from './VerigramProvider.tsx';

export interface UseFlowOptions {
  /** Polling pace, backoff and limits; see {@link FlowPollingOptions}. @default DEFAULT_POLLING_OPTIONS */
  polling?: FlowPollingOptions | undefined;
  /** `false` reads nothing and polls nothing (e.g. while the flow id is unknown). @default true */
  enabled?: boolean | undefined;
}

/**
 * The flow (`GET /flow/{id}`), polled until terminal. Any number of components calling it for the
 * same flow share one query, hence one request per interval. What a `<VerigramFlow>` of the same
 * flow reads (each poll, the final flow and result) lands in the same query at once, so every widget
 * shows the flow settled when the embed sees it settle. Needs `<VerigramProvider>` and a
 * `<QueryClientProvider>` above it.
 */
export function useFlow(
  flowId: string,
  options: UseFlowOptions = {},
): UseQueryResult<Flow, VerigramApiError> {
  const client = useFlowClient();
  const queryClient = useKitQueryClient('useFlow');
  useEffect(
    () =>
      subscribeFlowReads((news) => {
        if (news.flowId !== flowId || !('flow' in news)) return;
        const cached = queryClient.getQueryData<Flow>(flowQueryKeys.flow(flowId));
        // Reads race: an answer that left before the flow ended must not bring it back to life.
        if (cached && isTerminalFlow(cached) && !isTerminalFlow(news.flow)) return;
        // The result first: a terminal flow in the cache enables the result query, which then
        // finds its answer there instead of asking again.
        if (news.result !== undefined) queryClient.setQueryData(flowQueryKeys.result(flowId), news.result);
        queryClient.setQueryData(flowQueryKeys.flow(flowId), news.flow);
      }),
    [flowId, queryClient],
  );
  return useQuery(
    { ...flowQueryOptions(client, flowId, options.polling), enabled: options.enabled ?? true },
    queryClient,
  );
}
