import type { FlowClient, FlowConfigUi, FlowHandle } from '@verigram-kit/core';

export interface LogEntry {
  id: number;
  at: Date;
  kind: 'event' | 'poll' | 'request' | 'kit';
  text: string;
  /** `pending`: a decision still to come (manual review), neither good nor bad. */
  tone?: 'error' | 'success' | 'pending' | undefined;
}

export interface LoggingClientOptions {
  /** Appends one line to the demo's event log. */
  log(entry: Omit<LogEntry, 'id' | 'at'>): void;
  /** The builder's current UI, sent with each new flow; undefined keeps the default look. */
  getUi(): FlowConfigUi | undefined;
  /** The flow this page now follows: created, resumed after a reload, or back from a redirect. */
  onFlow(handle: FlowHandle): void;
}

const describeError = (error: unknown) => {
  const e = error as { status?: number; errorCode?: string; message?: string };
  return e.errorCode ? `${e.status ?? ''} ${e.errorCode}`.trim() : String(e.message ?? error);
};

/**
 * Wraps the kit's FlowClient so the demo can show every call it makes (the polls made, too) and
 * add the builder's branding to new flows. The kit itself is unchanged: it sees a FlowClient.
 */
export function createLoggingClient(inner: FlowClient, options: LoggingClientOptions): FlowClient {
  const { log } = options;
  // The kit remembers every flow it follows, created here or not; only the others are resumed.
  const created = new Set<string>();
  const traced = async <T>(
    kind: LogEntry['kind'],
    what: string,
    call: () => Promise<T>,
    show?: (v: T) => string,
  ) => {
    try {
      const value = await call();
      log({ kind, text: show ? `${what} → ${show(value)}` : what });
      return value;
    } catch (error) {
      // An aborted read is the kit cancelling a request it no longer needs (a query superseded by
      // the answer the embed shared, StrictMode's remount): nothing happened, so nothing is logged.
      if ((error as { errorCode?: string }).errorCode !== 'ABORTED') {
        log({ kind, text: `${what} → ${describeError(error)}`, tone: 'error' });
      }
      throw error;
    }
  };
  return {
    async createFlow(create, init) {
      const ui = options.getUi();
      const handle = await traced(
        'request',
        `POST /flow${create.template ? ` (${create.template}${ui ? ', branded' : ''})` : ''}`,
        () => inner.createFlow(ui ? { ...create, ui } : create, init),
        (h) => h.flowId,
      );
      created.add(handle.flowId);
      options.onFlow(handle);
      return handle;
    },
    getFlow: (flowId, init) =>
      traced(
        'poll',
        'GET /flow',
        () => inner.getFlow(flowId, init),
        (flow) => [flow.flow_status, flow.end_cause].filter(Boolean).join(' · '),
      ),
    getFlowResult: (flowId, init) =>
      traced(
        'poll',
        'GET /flow/result',
        () => inner.getFlowResult(flowId, init),
        (r) => r.flow_status ?? 'ok',
      ),
    getSessionResult: (flowId, sessionId, init) =>
      traced(
        'poll',
        'GET /journal/session',
        () => inner.getSessionResult(flowId, sessionId, init),
        () => 'ok',
      ),
    createLivenessSession: (flowId, body, init) =>
      traced('request', 'POST /liveness2/session', () => inner.createLivenessSession(flowId, body, init)),
    getFile: (flowId, label, init) =>
      traced(
        'request',
        `GET /resources/file (${label})`,
        () => inner.getFile(flowId, label, init),
        (blob) => `${blob.type || 'file'}, ${Math.round(blob.size / 1024)} KB`,
      ),
    rememberFlow(handle) {
      inner.rememberFlow?.(handle);
      if (!created.has(handle.flowId)) {
        created.add(handle.flowId);
        log({ kind: 'kit', text: `resumed flow ${handle.flowId}` });
      }
      options.onFlow(handle);
    },
  };
}
