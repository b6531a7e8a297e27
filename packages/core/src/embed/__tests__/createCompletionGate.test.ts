import { describe, expect, it, vi } from 'vitest';
import type { Flow, FlowProjection } from '../../api/schemas.ts';
import { VerigramApiError } from '../../errors/VerigramApiError.ts';
import { createCompletionGate } from '../createCompletionGate.ts';

const running = {
  flow_id: 'F1',
  flow_status: 'unknown',
  started_at: '2026-01-01T00:00:00Z',
} as unknown as Flow;
const ended = {
  ...running,
  end_cause: 'completed',
  ended_at: '2026-01-01T00:05:00Z',
  flow_status: 'pass',
} as Flow;
const result = { flow_id: 'F1', flow_status: 'pass' } as FlowProjection;

function client(flows: Flow[]) {
  return {
    getFlow: vi.fn(async () => flows.shift() ?? ended),
    getFlowResult: vi.fn(async () => result),
  };
}

describe('createCompletionGate', () => {
  it('given a running flow, when checked, then onComplete is not called', async () => {
    const onComplete = vi.fn();
    const gate = createCompletionGate(client([running]), 'F1', onComplete, vi.fn());
    await gate.check();
    expect(onComplete).not.toHaveBeenCalled();
    expect(gate.done).toBe(false);
  });

  it('given a terminal flow and many hints at once, then onComplete runs exactly once with flow and result', async () => {
    const onComplete = vi.fn();
    const c = client([]);
    const gate = createCompletionGate(c, 'F1', onComplete, vi.fn());
    await Promise.all([gate.check(), gate.check(), gate.check()]);
    await gate.check();
    // Each check's promise ends with the read it shares, and what followed the answer ran: one
    // read for the three hints, none for the hint after the end.
    expect(c.getFlow).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith(ended, result);
  });

  it('given a hint during a check that sees a running flow, then one more check follows', async () => {
    const onComplete = vi.fn();
    const c = client([running]);
    const gate = createCompletionGate(c, 'F1', onComplete, vi.fn());
    const first = gate.check();
    gate.check();
    await first;
    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(c.getFlow).toHaveBeenCalledTimes(2);
  });

  it('given a terminal flow that never started, then result is null (the spec answers 404)', async () => {
    const onComplete = vi.fn();
    const gate = createCompletionGate(
      {
        getFlow: async () => ended,
        getFlowResult: async () => {
          throw new VerigramApiError({ status: 404, errorCode: 'NOT_FOUND', errorMsg: 'not started' });
        },
      },
      'F1',
      onComplete,
      vi.fn(),
    );
    await gate.check();
    expect(onComplete).toHaveBeenCalledWith(ended, null);
  });

  it('given a failing read, then onError gets it and a later check can still complete', async () => {
    const onComplete = vi.fn();
    const onError = vi.fn();
    const error = new VerigramApiError({ status: 503, errorCode: 'UPSTREAM_UNAVAILABLE', errorMsg: 'down' });
    const getFlow = vi.fn().mockRejectedValueOnce(error).mockResolvedValue(ended);
    const gate = createCompletionGate(
      { getFlow, getFlowResult: async () => result },
      'F1',
      onComplete,
      onError,
    );
    await gate.check();
    expect(onError).toHaveBeenCalledWith(error);
    await gate.check();
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('given stop, then a terminal flow no longer completes', async () => {
    const onComplete = vi.fn();
    const gate = createCompletionGate(client([]), 'F1', onComplete, vi.fn());
    const pending = gate.check();
    gate.stop();
    await pending;
    expect(onComplete).not.toHaveBeenCalled();
  });
});
