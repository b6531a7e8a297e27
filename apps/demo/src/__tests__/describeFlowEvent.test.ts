import { describe, expect, it } from 'vitest';
import { describeFlowEvent } from '../describeFlowEvent.ts';

const envelope = { protocol: 'verigram-hf2', version: 1, flowId: 'F1' } as const;

describe('describeFlowEvent', () => {
  it('given a page message, then its type and fields', () => {
    expect(describeFlowEvent({ ...envelope, type: 'ready', stepCount: 2, source: 'page' })).toBe(
      'ready (stepCount=2)',
    );
  });

  it('given an event read from the server, then it says so, and an unknown service is left out', () => {
    expect(
      describeFlowEvent({
        ...envelope,
        type: 'step_started',
        stepId: 's1',
        stepIndex: 0,
        serviceName: '',
        source: 'server',
      }),
    ).toBe('step_started (stepIndex=0, source=server)');
  });
});
