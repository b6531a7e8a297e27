import { type FlowClient, VerigramApiError } from '@verigram-kit/core';

/** Answers the sandbox never gives on its own (its rate limit and faults live in its HTTP server). */
export interface ScriptedFailures {
  /** The first `count` flow creations fail with `error`; later ones reach the sandbox. */
  createFlow?: { count: number; error: VerigramApiError };
  /** Flow reads reach the sandbox `okFirst` times, then every one fails with `error`. */
  getFlow?: { okFirst: number; error: VerigramApiError };
  /** File downloads never finish (the loading state of `<FlowFile>`). @default false */
  filesNeverArrive?: boolean;
  /** Every file download fails with `error` (a 5xx, a lost token). @default none */
  getFile?: { error: VerigramApiError };
}

/** A Verigram-shaped API error, as the proxy client would throw it. */
export function storyApiError(status: number, errorCode: string, retryAfter?: number): VerigramApiError {
  return new VerigramApiError({ status, errorCode, errorMsg: `Story: ${errorCode}`, retryAfter });
}

/** `client` with scripted failures in front of it; everything else is the sandbox's own answer. */
export function withScriptedFailures(client: FlowClient, failures: ScriptedFailures): FlowClient {
  let creations = 0;
  let reads = 0;
  return {
    ...client,
    createFlow(options, init) {
      creations += 1;
      const f = failures.createFlow;
      return f && creations <= f.count ? Promise.reject(f.error) : client.createFlow(options, init);
    },
    getFlow(flowId, init) {
      reads += 1;
      const f = failures.getFlow;
      return f && reads > f.okFirst ? Promise.reject(f.error) : client.getFlow(flowId, init);
    },
    getFile(flowId, label, init) {
      if (failures.getFile) return Promise.reject(failures.getFile.error);
      return failures.filesNeverArrive ? new Promise<never>(() => {}) : client.getFile(flowId, label, init);
    },
  };
}
