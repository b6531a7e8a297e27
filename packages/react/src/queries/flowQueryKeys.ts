import type { FileLabel } from '@verigram-kit/core';

/**
 * Query keys of the kit. Every widget showing one flow shares `flow(flowId)`, which is what makes
 * any number of widgets cost one request per interval. The keys do not name the client:
 * one QueryClient serves one backend.
 *
 * @example queryClient.invalidateQueries({ queryKey: flowQueryKeys.flow(flowId) }) // flow, result and files
 */
export const flowQueryKeys = {
  all: ['verigram'] as const,
  flow: (flowId: string) => ['verigram', 'flow', flowId] as const,
  result: (flowId: string) => ['verigram', 'flow', flowId, 'result'] as const,
  /** The result as it stood during one step (a new step, a new key: one read per step). */
  stepResult: (flowId: string, stepId: string) =>
    ['verigram', 'flow', flowId, 'result', 'step', stepId] as const,
  file: (flowId: string, label: FileLabel) => ['verigram', 'flow', flowId, 'file', label] as const,
};
