import { describe, expect, it } from 'vitest';
import { getFlowPhase, isTerminalFlow } from '../flowPhase.ts';

describe('getFlowPhase', () => {
  it.each([
    [{ flow_status: 'unknown' }, 'not_started', false],
    [{ flow_status: 'unknown', started_at: '2026-01-01T00:00:00Z' }, 'in_progress', false],
    [{ flow_status: 'pass', started_at: 'x', ended_at: 'y', end_cause: 'completed' }, 'passed', true],
    [{ flow_status: 'fail', started_at: 'x', ended_at: 'y', end_cause: 'timeout' }, 'failed', true],
    [{ flow_status: 'fail', started_at: 'x', ended_at: 'y', end_cause: 'disconnected' }, 'failed', true],
    [{ flow_status: 'unknown', started_at: 'x', ended_at: 'y', end_cause: 'completed' }, 'unknown', true],
  ] as const)('given %o it is %s', (flow, phase, terminal) => {
    expect(getFlowPhase(flow)).toBe(phase);
    expect(isTerminalFlow(flow)).toBe(terminal);
  });
});
