import { getFlowPhase } from '../api/flowPhase.ts';
import type { Flow } from '../api/schemas.ts';
import type { ResolvedPollingOptions } from './pollingOptions.ts';

type PolledFlow = Pick<Flow, 'flow_status'> & Partial<Pick<Flow, 'end_cause' | 'ended_at' | 'started_at'>>;

/**
 * Delay until the next read of a flow, or `false` when polling should stop: once the flow is
 * terminal (nothing will change, issue 5) or after `maxDurationMs` of polling.
 *
 * @param flow the last flow read, or undefined before the first answer
 * @param elapsedMs how long this flow has been polled
 */
export function nextPollInterval(
  flow: PolledFlow | undefined,
  elapsedMs: number,
  options: ResolvedPollingOptions,
): number | false {
  if (elapsedMs >= options.maxDurationMs) return false;
  const phase = flow ? getFlowPhase(flow) : 'not_started';
  if (phase !== 'not_started' && phase !== 'in_progress') return false;
  const base = phase === 'not_started' ? options.notStartedIntervalMs : options.intervalMs;
  const interval = elapsedMs >= options.slowDownAfterMs ? base * 2 : base;
  // Never schedule past the end of the polling window.
  return Math.min(interval, Math.max(1, options.maxDurationMs - elapsedMs));
}
