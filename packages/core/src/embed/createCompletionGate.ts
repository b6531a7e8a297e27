import { isTerminalFlow } from '../api/flowPhase.ts';
import type { Flow, FlowProjection } from '../api/schemas.ts';
import type { FlowClient } from '../FlowClient.ts';

export interface CompletionGate {
  /**
   * Asks the server whether the flow has ended. Call it on any hint (a completion message, the
   * callback, a poll); concurrent calls share one request, and a hint arriving during a request
   * causes one more request after it, so a late hint is never lost.
   */
  check(): Promise<void>;
  /** True once `onComplete` ran (or the gate was stopped). */
  readonly done: boolean;
  /** No further checks, no `onComplete`. */
  stop(): void;
}

/**
 * The only way `onComplete` is called: exactly once, and only after `getFlow` says the flow is
 * terminal. A hosted-page message or the callback URL proves nothing by itself: a page can
 * be forged or reached early. `result` is null when the server has no result (it answers 404 for a
 * flow that never started, e.g. one that timed out unopened).
 */
export function createCompletionGate(
  client: Pick<FlowClient, 'getFlow' | 'getFlowResult'>,
  flowId: string,
  onComplete: (flow: Flow, result: FlowProjection | null) => void,
  onError: (error: unknown) => void,
): CompletionGate {
  let done = false;
  let again = false;
  let running: Promise<void> | undefined;

  const run = async () => {
    try {
      const flow = await client.getFlow(flowId);
      if (done || !isTerminalFlow(flow)) return;
      const result = await client.getFlowResult(flowId).catch((error: { status?: number }) => {
        if (error?.status === 404) return null;
        throw error;
      });
      if (!done) {
        done = true;
        onComplete(flow, result);
      }
    } catch (error) {
      if (!done) onError(error);
    } finally {
      running = undefined;
      if (again && !done) {
        again = false;
        gate.check();
      }
    }
  };

  const gate: CompletionGate = {
    check() {
      if (done) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = run();
      return running;
    },
    get done() {
      return done;
    },
    stop() {
      done = true;
    },
  };
  return gate;
}
