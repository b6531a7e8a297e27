'use client';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import {
  type FlowPollingOptions,
  type FlowProjection,
  isTerminalFlow,
  type VerigramApiError,
} from '@verigram-kit/core';
import { flowResultQueryOptions } from './queries/flowResultQueryOptions.ts';
import { useKitQueryClient } from './queries/useKitQueryClient.ts';
import { useFlow } from './useFlow.ts';
import { useFlowClient } from './VerigramProvider.tsx';

export interface UseFlowResultOptions {
  /** Polling of the flow while waiting for it to end. @default DEFAULT_POLLING_OPTIONS */
  polling?: FlowPollingOptions | undefined;
  /**
   * Read the result only once the (polled) flow is terminal: before that it is not final. `false` reads it at
   * once and never polls the flow, e.g. for a dashboard opening a past flow.
   * @default true
   */
  waitForTerminal?: boolean | undefined;
  /** @default true */
  enabled?: boolean | undefined;
}

/**
 * The flow's result (`GET /flow/{id}/result`): `data` is the `FlowProjection`, or `null` for a
 * flow not started (the spec's 404), and stays `undefined` with `fetchStatus: 'idle'` until the flow
 * is terminal.
 */
export function useFlowResult(
  flowId: string,
  options: UseFlowResultOptions = {},
): UseQueryResult<FlowProjection | null, VerigramApiError> {
  const enabled = options.enabled ?? true;
  const waitForTerminal = options.waitForTerminal ?? true;
  const flow = useFlow(flowId, { polling: options.polling, enabled: enabled && waitForTerminal });
  const client = useFlowClient();
  const queryClient = useKitQueryClient('useFlowResult');
  const terminal = flow.data !== undefined && isTerminalFlow(flow.data);
  return useQuery(
    {
      ...flowResultQueryOptions(client, flowId, options.polling),
      enabled: enabled && (terminal || !waitForTerminal),
      // Read after the flow ended, any answer is final, a `null` one (never started) included; the
      // query's own staleTime can only tell from the data, which a result may not carry.
      ...(terminal && { staleTime: Number.POSITIVE_INFINITY }),
    },
    queryClient,
  );
}
