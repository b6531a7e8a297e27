'use client';
import { onlineManager, useQuery } from '@tanstack/react-query';
import {
  type CurrentStep,
  type Flow,
  type FlowEndCause,
  type FlowPollingOptions,
  type FlowProjection,
  type FlowServiceStatus,
  getCurrentStep,
  getFlowPhase,
  isTerminalFlow,
  type VerigramApiError,
} from '@verigram-kit/core';
import { useSyncExternalStore } from 'react';
import { flowQueryKeys } from './queries/flowQueryKeys.ts';
import { subscribeFlowReads, wasCancelledHere } from './queries/flowReadBroadcast.ts';
import { flowStepResultQueryOptions } from './queries/flowStepResultQueryOptions.ts';
import { failureRetryAt, mayRequestNow, restartPollingClock } from './queries/pollingClock.ts';
import { useKitQueryClient } from './queries/useKitQueryClient.ts';
import { useFlow } from './useFlow.ts';
import { useFlowResult } from './useFlowResult.ts';
import { useFlowClient } from './VerigramProvider.tsx';

/**
 * Where the flow stands: `loading` until the first answer, `error` when there is no answer at all
 * (e.g. an unknown flow id), `cancelled` when the user stopped it in a `<VerigramFlow>` of this
 * page (its close button, or the page's own cancel), while the server has not ended it or once it
 * ends it as `disconnected` (spec FlowEndCause: user intervention), otherwise the flow's phase
 * (core `getFlowPhase`).
 */
export type FlowStatusState =
  | 'loading'
  | 'not_started'
  | 'in_progress'
  | 'passed'
  | 'failed'
  | 'unknown'
  | 'cancelled'
  | 'error';

/**
 * How the reads are going, independently of what was last read: `offline` (paused until the
 * browser is back online), `rate_limited` (waiting out a Retry-After; see `retryAt`), `error`
 * (a failed read; the next poll or retry comes by itself) or `ok`.
 */
export type FlowConnection = 'ok' | 'offline' | 'rate_limited' | 'error';

export interface UseFlowStatusResult {
  flowId: string;
  state: FlowStatusState;
  /** Why the flow ended, once terminal. */
  endCause: FlowEndCause | undefined;
  /** The step in progress, while in progress. */
  currentStep: CurrentStep | undefined;
  connection: FlowConnection;
  /** While `rate_limited`: epoch ms of the next request. */
  retryAt: number | undefined;
  /** The latest failed read, if the latest read failed. */
  error: VerigramApiError | undefined;
  flow: Flow | undefined;
  /** The result once terminal; `null` when the server said the flow never started (404). */
  result: FlowProjection | null | undefined;
  /** Per-service statuses: of the final result, or with `liveTimeline` of the current step's. */
  services: readonly FlowServiceStatus[];
  /**
   * Reads the flow now and restarts polling if it had stopped after the maximum duration; does
   * nothing while a Retry-After is running.
   */
  refetch: () => void;
}

export interface UseFlowStatusOptions {
  /** @default DEFAULT_POLLING_OPTIONS */
  polling?: FlowPollingOptions | undefined;
  /**
   * Also read the result once per step while the flow is in progress (one request per step
   * change, shared by every widget): a live per-service timeline and the current step's service,
   * which an opaque `current_step_id` does not give. Off, the result is read only once terminal.
   * @default false
   */
  liveTimeline?: boolean | undefined;
}

const subscribeOnline = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/**
 * The derived status of a flow, polled as `useFlow` polls it, with the result read once terminal.
 * A 404 on the result (a flow that never started) is `result: null`, not an error (spec).
 */
export function useFlowStatus(flowId: string, options: UseFlowStatusOptions = {}): UseFlowStatusResult {
  const flowQuery = useFlow(flowId, { polling: options.polling });
  const resultQuery = useFlowResult(flowId, { polling: options.polling });
  const queryClient = useKitQueryClient('useFlowStatus');
  const client = useFlowClient();
  const flow = flowQuery.data;
  const stepId = flow && getFlowPhase(flow) === 'in_progress' ? flow.current_step_id : undefined;
  const stepQuery = useQuery(
    {
      ...flowStepResultQueryOptions(client, flowId, stepId ?? '', options.polling),
      enabled: options.liveTimeline === true && stepId !== undefined,
    },
    queryClient,
  );
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const cancelled = useSyncExternalStore(
    subscribeFlowReads,
    () => wasCancelledHere(flowId),
    () => false,
  );

  const result = resultQuery.data;
  // While in progress, the step's partial result (liveTimeline); once terminal, the final one.
  const shownResult = result ?? (stepId !== undefined ? stepQuery.data : undefined);
  let state: FlowStatusState;
  // Stopped here: until the server ends the flow, and once it does as `disconnected` (spec
  // FlowEndCause: "user intervention"), which is that stop, not a lost connection.
  if (flow)
    state =
      cancelled && (!isTerminalFlow(flow) || flow.end_cause === 'disconnected')
        ? 'cancelled'
        : getFlowPhase(flow);
  else if (flowQuery.status === 'error') state = 'error';
  else state = 'loading';
  const failure =
    flowQuery.failureReason ?? resultQuery.failureReason ?? flowQuery.error ?? resultQuery.error ?? undefined;
  const failureAt =
    flowQuery.failureReason || flowQuery.error ? flowQuery.errorUpdatedAt : resultQuery.errorUpdatedAt;
  const retryAt = failureRetryAt(failure, failureAt);
  // A finished flow with its result in hand reads nothing more: being offline changes nothing.
  const settled = flow !== undefined && isTerminalFlow(flow) && resultQuery.status === 'success';
  const paused = !online || flowQuery.fetchStatus === 'paused' || resultQuery.fetchStatus === 'paused';
  let connection: FlowConnection = 'ok';
  if (paused && !settled) connection = 'offline';
  else if ((retryAt ?? 0) > Date.now()) connection = 'rate_limited';
  else if (failure) connection = 'error';

  return {
    flowId,
    state,
    endCause: flow?.end_cause ?? result?.end_cause,
    currentStep: state === 'in_progress' && flow ? getCurrentStep(flow, shownResult) : undefined,
    connection,
    retryAt: connection === 'rate_limited' ? retryAt : undefined,
    error: failure ?? undefined,
    flow,
    result,
    services: shownResult?.service_statuses ?? [],
    refetch: () => {
      const query = queryClient.getQueryCache().find({ queryKey: flowQueryKeys.flow(flowId), exact: true });
      // Even a click must not go before Retry-After; nor cancel a retry already waiting for it.
      if (query) {
        if (!mayRequestNow(query)) return;
        restartPollingClock(query);
      }
      void flowQuery.refetch({ cancelRefetch: false });
    },
  };
}
