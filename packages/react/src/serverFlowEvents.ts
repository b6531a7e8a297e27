// A chunk boundary: the step events (core's createFlowEventLog, the current-step reading it uses,
// and the reads that feed it) are fetched only by an app that listens for steps or events (onStep,
// onEvent), beside the flow's creation; an app that only waits for onComplete never downloads them.
import {
  createFlowEventLog,
  type Flow,
  type FlowClient,
  type FlowEvent,
  type FlowMessage,
  type FlowProjection,
} from '@verigram-kit/core';

/** The step and end events of one flow, from the page's messages and the session's reads, each once. */
export interface ServerFlowEvents {
  /** A valid message of the flow's page. */
  fromPage(message: FlowMessage): void;
  /** The session read `flow`, not terminal: events of the steps so far. */
  afterRead(flowId: string, flow: Flow): Promise<void>;
  /** The gate's read of the result of `read`, a terminal flow: its last events come before onComplete. */
  readResult(flowId: string, read: Flow | undefined): Promise<FlowProjection>;
}

export function createServerFlowEvents(
  client: FlowClient,
  fire: (event: FlowEvent) => void,
): ServerFlowEvents {
  const log = createFlowEventLog();
  const fromServer = (flow: Flow, result: FlowProjection | null) => {
    for (const event of log.fromServer(flow, result)) fire(event);
  };
  let placed: string | undefined;
  return {
    fromPage(message) {
      const event = log.fromPage(message);
      if (event) fire(event);
    },
    // A new step costs one read of the result: the services and statuses of the steps so far, which
    // GET /flow does not give.
    async afterRead(flowId, flow) {
      const step = flow.started_at === undefined ? undefined : flow.current_step_id;
      let result = null;
      if (step !== placed) {
        placed = step;
        result = await client.getFlowResult(flowId).catch(() => null);
      }
      fromServer(flow, result);
    },
    async readResult(flowId, read) {
      const result = await client.getFlowResult(flowId).catch((error: { status?: number }) => {
        if (error?.status === 404 && read) fromServer(read, null);
        throw error;
      });
      if (read) fromServer(read, result);
      return result;
    },
  };
}
