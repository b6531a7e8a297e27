import { describe, expect, it } from 'vitest';
import { getCurrentStep } from '../getCurrentStep.ts';
import type { Flow, FlowProjection } from '../schemas.ts';

function flowOn(stepId: string, services: string[]): Flow {
  return {
    flow_id: 'flow-steps',
    consumer_id: 'consumer-test',
    vlink: 'https://sandbox.invalid/flow/flow-steps',
    person_id: '990101300123',
    flow_status: 'unknown',
    started_at: '2026-01-01T10:00:10Z',
    current_step_id: stepId,
    template: { pipeline: services.map((service_name) => ({ service_name })) } as Flow['template'],
  };
}

describe('getCurrentStep', () => {
  it('given an index id, then it is that pipeline step', () => {
    expect(getCurrentStep(flowOn('1', ['verilive', 'veridoc']))).toEqual({
      id: '1',
      serviceName: 'veridoc',
      position: 2,
      total: 2,
    });
  });

  it('given an id naming one service, then the longest matching name wins', () => {
    expect(getCurrentStep(flowOn('step-verilive-one-shot', ['verilive', 'verilive-one-shot']))).toMatchObject(
      {
        serviceName: 'verilive-one-shot',
        position: 2,
      },
    );
  });

  it('given an id the result names, then the result says which service it is', () => {
    const flow = flowOn('a1b2', ['veridoc', 'verilive']);
    const result: FlowProjection = { service_statuses: [{ step_id: 'a1b2', service_name: 'verilive' }] };
    expect(getCurrentStep(flow, result)).toMatchObject({ serviceName: 'verilive', position: 2 });
  });

  it('given an opaque id, or a service that appears twice, then it stays unplaced rather than guessed', () => {
    expect(getCurrentStep(flowOn('a1b2', ['verilive']))).toEqual({
      id: 'a1b2',
      serviceName: undefined,
      position: undefined,
      total: 1,
    });
    expect(getCurrentStep(flowOn('otp', ['otp', 'verilive', 'otp']))).toMatchObject({ position: undefined });
  });

  it('given no current step, then there is none', () => {
    const { current_step_id: _, ...flow } = flowOn('0', ['verilive']);
    expect(getCurrentStep(flow)).toBeUndefined();
  });
});
