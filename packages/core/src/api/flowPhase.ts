import type { Flow, FlowProjection } from './schemas.ts';

/**
 * Where a flow stands, derived only from what the server says.
 * - `not_started`: created, the user has not opened the first step.
 * - `in_progress`: started, no `end_cause` yet.
 * - `passed` / `failed`: ended; `failed` covers every `end_cause` other than a passing completion.
 * - `unknown`: ended with `flow_status: unknown` (e.g. waiting for a manual review).
 */
export type FlowPhase = 'not_started' | 'in_progress' | 'passed' | 'failed' | 'unknown';

type FlowLike = Pick<Flow, 'flow_status'> &
  Partial<Pick<Flow, 'end_cause' | 'ended_at' | 'started_at' | 'current_step_id'>>;

/** A flow is terminal once the server has recorded why it ended. */
export function isTerminalFlow(flow: FlowLike | Pick<FlowProjection, 'end_cause' | 'ended_at'>): boolean {
  return flow.end_cause !== undefined || flow.ended_at !== undefined;
}

export function getFlowPhase(flow: FlowLike): FlowPhase {
  if (isTerminalFlow(flow)) {
    if (flow.flow_status === 'pass') return 'passed';
    if (flow.flow_status === 'fail') return 'failed';
    return 'unknown';
  }
  return flow.started_at === undefined ? 'not_started' : 'in_progress';
}
