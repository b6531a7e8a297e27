'use client';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Flow, FlowPollingOptions, VerigramApiError } from '@verigram-kit/core';
import { flowQueryOptions } from './queries/flowQueryOptions.ts';
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
 * same flow share one query, hence one request per interval. Needs `<VerigramProvider>` and a
 * `<QueryClientProvider>` above it.
 */
export function useFlow(
  flowId: string,
  options: UseFlowOptions = {},
): UseQueryResult<Flow, VerigramApiError> {
  const client = useFlowClient();
  const queryClient = useKitQueryClient('useFlow');
  return useQuery(
    { ...flowQueryOptions(client, flowId, options.polling), enabled: options.enabled ?? true },
    queryClient,
  );
}
