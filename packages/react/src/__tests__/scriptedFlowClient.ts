// A FlowClient for tests: answers from fields the test sets, counts and timestamps every call,
// and fails the next reads with errors the test queues.
import {
  type FileLabel,
  type Flow,
  type FlowClient,
  type FlowProjection,
  VerigramApiError,
} from '@verigram-kit/core';

let flowCounter = 0;

/** A flow id no other test uses, so no query is shared across tests. */
export function uniqueFlowId(): string {
  flowCounter += 1;
  return `flow-test-${flowCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function apiError(status: number, retryAfter?: number): VerigramApiError {
  return new VerigramApiError({
    status,
    errorCode: `HTTP_${status}`,
    errorMsg: `scripted ${status}`,
    retryAfter,
  });
}

export function notStartedFlow(flowId: string): Flow {
  return {
    flow_id: flowId,
    consumer_id: 'consumer-test',
    vlink: `https://sandbox.invalid/flow/${flowId}`,
    person_id: '990101300123',
    template: { pipeline: [{ service_name: 'verilive' }, { service_name: 'veridoc' }] },
    flow_status: 'unknown',
    locale: 'en',
    created_at: '2026-01-01T10:00:00Z',
  } as Flow;
}

export function inProgressFlow(flowId: string, currentStep = '0'): Flow {
  return {
    ...notStartedFlow(flowId),
    started_at: '2026-01-01T10:00:10Z',
    current_step_id: currentStep,
    current_step_started_at: '2026-01-01T10:00:10Z',
  };
}

export function endedFlow(
  flowId: string,
  flowStatus: Flow['flow_status'],
  endCause: Flow['end_cause'],
): Flow {
  return {
    ...inProgressFlow(flowId),
    flow_status: flowStatus,
    end_cause: endCause,
    ended_at: '2026-01-01T10:02:00Z',
  };
}

export function resultOf(flow: Flow): FlowProjection {
  return {
    flow_id: flow.flow_id,
    person_id: flow.person_id,
    flow_status: flow.flow_status,
    end_cause: flow.end_cause,
    ended_at: flow.ended_at,
    sessions_count: 1,
    services_count: 1,
    service_statuses: [
      {
        service_name: 'verilive',
        session_id: 'session-1',
        step_id: '0',
        session_status: flow.flow_status,
        session_state: 'processed',
        frontend_session_status: flow.flow_status === 'pass' ? 'approved' : 'denied',
        session_states: [
          { state: 'created', created_at: '2026-01-01T10:00:10Z' },
          { state: 'processing', created_at: '2026-01-01T10:01:00Z' },
          { state: 'processed', created_at: '2026-01-01T10:01:30Z' },
        ],
      },
    ],
  };
}

export class ScriptedFlowClient implements FlowClient {
  /** What getFlow answers (a copy each time). */
  flow: Flow;
  /** What getFlowResult answers; undefined answers the spec's 404 for a flow not started. */
  result: FlowProjection | undefined;
  /** What getFile answers. */
  file: Blob | VerigramApiError = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
  /** `Date.now()` of every call, per method. */
  readonly calls = { getFlow: [] as number[], getFlowResult: [] as number[], getFile: [] as number[] };
  readonly #flowFailures: VerigramApiError[] = [];
  readonly #resultFailures: VerigramApiError[] = [];

  constructor(flow: Flow, result?: FlowProjection) {
    this.flow = flow;
    this.result = result;
  }

  /** The next reads of the flow fail with these errors, in order. */
  failFlowReads(...errors: VerigramApiError[]): void {
    this.#flowFailures.push(...errors);
  }

  /** The next reads of the result fail with these errors, in order. */
  failResultReads(...errors: VerigramApiError[]): void {
    this.#resultFailures.push(...errors);
  }

  async getFlow(flowId: string): Promise<Flow> {
    this.calls.getFlow.push(Date.now());
    const failure = this.#flowFailures.shift();
    if (failure) throw failure;
    if (flowId !== this.flow.flow_id) throw apiError(404);
    return structuredClone(this.flow);
  }

  async getFlowResult(): Promise<FlowProjection> {
    this.calls.getFlowResult.push(Date.now());
    const failure = this.#resultFailures.shift();
    if (failure) throw failure;
    if (!this.result) throw apiError(404);
    return structuredClone(this.result);
  }

  async getFile(_flowId: string, _label: FileLabel): Promise<Blob> {
    this.calls.getFile.push(Date.now());
    if (this.file instanceof VerigramApiError) throw this.file;
    return this.file;
  }

  async createFlow(): Promise<never> {
    throw new Error('not used by these tests');
  }

  async getSessionResult(): Promise<never> {
    throw new Error('not used by these tests');
  }

  async createLivenessSession(): Promise<never> {
    throw new Error('not used by these tests');
  }
}
