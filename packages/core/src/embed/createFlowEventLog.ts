import { isTerminalFlow } from '../api/flowPhase.ts';
import { getCurrentStep } from '../api/getCurrentStep.ts';
import type { Flow, FlowProjection } from '../api/schemas.ts';
import {
  FLOW_MESSAGE_PROTOCOL,
  FLOW_MESSAGE_VERSION,
  type FlowMessage,
  type StepCompletedMessage,
  type StepStartedMessage,
} from '../protocol/flowMessage.ts';

/** `page`: the hosted page's message. `server`: derived from the flow as `GET /flow` reports it. */
export type FlowEventSource = 'page' | 'server';

/**
 * A hosted-page message, or the same event derived from the server's answers, in the message's
 * shape either way; `source` says which. From the server: `step_started`, `step_completed`,
 * `completed` and `failed`. Only the page sends `ready`, `resize`, `cancelled` and `camera_error`.
 */
export type FlowEvent = FlowMessage & { source: FlowEventSource };

/** A step's event, as `onStep` receives it. */
export type FlowStepEvent = (StepStartedMessage | StepCompletedMessage) & { source: FlowEventSource };

/**
 * One flow's events, each fired once whichever source reports it first: the page's message, or
 * what the server says at the next poll (the real hosted page sends no messages at all).
 */
export interface FlowEventLog {
  /** The event of a valid page message, or null when it already fired (the server reported it first). */
  fromPage(message: FlowMessage): FlowEvent | null;
  /**
   * The events a read flow implies that have not fired yet, in order. `result` (`GET /flow/result`)
   * gives each step's service and status; without it a step that moved on completes as `unknown`.
   */
  fromServer(flow: Flow, result?: FlowProjection | null): FlowEvent[];
}

// One key per event the two sources can both report. A page's `cancelled` is the flow's end, which
// the server then reports as `failed` (end_cause disconnected): the same event.
function keyOf(event: FlowMessage): string | undefined {
  if (event.type === 'step_started' || event.type === 'step_completed')
    return `${event.type} ${event.stepId}`;
  if (event.type === 'completed' || event.type === 'failed' || event.type === 'cancelled') return 'end';
  return undefined;
}

export function createFlowEventLog(): FlowEventLog {
  const fired = new Set<string>();
  // Step ids in the order either source named them; the page's and the server's ids are the same
  // (`Flow.current_step_id`, `FlowServiceStatus.step_id`).
  const steps: string[] = [];
  const seeStep = (id: string) => steps.includes(id) || steps.push(id);
  const isNew = (event: FlowMessage) => {
    const key = keyOf(event);
    if (key === undefined) return true;
    if (fired.has(key)) return false;
    fired.add(key);
    return true;
  };

  return {
    fromPage(message) {
      if (!isNew(message)) return null;
      if (message.type === 'step_started') seeStep(message.stepId);
      return { ...message, source: 'page' };
    },
    fromServer(flow, result) {
      const events: FlowEvent[] = [];
      const envelope = {
        protocol: FLOW_MESSAGE_PROTOCOL,
        version: FLOW_MESSAGE_VERSION,
        flowId: flow.flow_id,
      } as const;
      const emit = (event: FlowMessage) => isNew(event) && events.push({ ...event, source: 'server' });
      const ended = isTerminalFlow(flow);
      if (!ended && flow.started_at === undefined) return events;
      const statuses = result?.service_statuses ?? [];
      for (const status of statuses) if (status.step_id !== undefined) seeStep(status.step_id);
      const current = ended ? undefined : flow.current_step_id;
      if (current !== undefined) seeStep(current);
      for (const [seen, stepId] of steps.entries()) {
        const place = getCurrentStep({ ...flow, current_step_id: stepId }, result);
        // The pipeline position when the step can be placed, else the order the flow went through it.
        const step = {
          ...envelope,
          stepId,
          stepIndex: place?.position === undefined ? seen : place.position - 1,
          serviceName: place?.serviceName ?? '',
        };
        emit({ ...step, type: 'step_started' });
        if (stepId === current) continue;
        // A retried step has one session per attempt; the last one decides.
        const status = statuses.filter((s) => s.step_id === stepId).pop()?.session_status ?? 'unknown';
        emit({ ...step, type: 'step_completed', status });
      }
      if (ended) {
        emit(
          flow.end_cause === 'completed'
            ? { ...envelope, type: 'completed', flowStatus: flow.flow_status }
            : { ...envelope, type: 'failed', endCause: flow.end_cause ?? 'failed' },
        );
      }
      return events;
    },
  };
}
