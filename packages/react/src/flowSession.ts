'use client';
// The embed engine of one mounted flow: the completion gate with its polling, the frame and its
// messages, and, when the app passed a mode value that has them, popup/redirect/auto's windows.
import {
  type CompletionGate,
  clearResume,
  createCompletionGate,
  type EmbedMode,
  type Flow,
  type FlowClient,
  type FlowEmbedOptions,
  type FlowEvent,
  type FlowHandle,
  isTerminalFlow,
  mountFlowFrame,
  VerigramKitError,
} from '@verigram-kit/core';
import { broadcastFlowRead } from './queries/flowReadBroadcast.ts';
import type { createServerFlowEvents } from './serverFlowEvents.ts';
import {
  DEFAULT_ALLOW,
  type UseVerigramFlowOptions,
  type VerigramFlowError,
  type VerigramFlowStatus,
} from './useVerigramFlow.ts';

/** What the engine needs from the hook: all of it stable (refs and state setters). */
export interface FlowSessionHost {
  client: FlowClient;
  latest: { current: UseVerigramFlowOptions };
  setStatus(status: VerigramFlowStatus | ((s: VerigramFlowStatus) => VerigramFlowStatus)): void;
  setMode(mode: EmbedMode | 'modal'): void;
  setError(error: VerigramFlowError): void;
}

/** One flow's tracking and display; built by startFlowSession. */
export interface FlowSession {
  gate: CompletionGate;
  /** What a frame or popup of this flow in `current` mode hears and does (`createFlowEmbed`'s options). */
  embedOptions(current: EmbedMode | 'modal', extra?: Partial<FlowEmbedOptions>): FlowEmbedOptions;
  report(error: VerigramFlowError): void;
  /** Shows the flow in `mode`: a frame in `container` (inline, modal) or flowWindow's controls. */
  show(mode: EmbedMode | 'modal', container: HTMLElement | null, title: string): (() => void) | undefined;
  start(mode: EmbedMode | 'modal'): void;
  close(): void;
  /** Stops polling and the gate, closes any popup. */
  stop(): void;
  /** The user stopped the flow here: stop, and tell the page's other widgets. */
  cancel(): void;
}

/** Popup, redirect and auto mode (flowWindow.tsx, through their mode values). */
export interface FlowWindows {
  /** For popup and redirect: the start button (redirect leaves at once unless it just came back). */
  show(handle: FlowHandle, mode: EmbedMode | 'modal'): boolean;
  start(handle: FlowHandle, mode: EmbedMode | 'modal', session: FlowSession): void;
  close(): void;
  /** The flow ended: close the popup, forget the redirect. */
  complete(): void;
}

// By name rather than instanceof: also right when an app ends up with two copies of core.
export const toFlowError = (
  error: unknown,
  code: 'FLOW_CREATE_FAILED' | 'FLOW_CHECK_FAILED',
): VerigramFlowError =>
  /^Verigram(Api|Kit)Error$/.test((error as Error)?.name)
    ? (error as VerigramFlowError)
    : new VerigramKitError({
        errorCode: code,
        errorMsg: String((error as Error)?.message ?? error),
        cause: error,
      });

/** Starts tracking `handle`: checks now (a resumed flow may have ended), on every hint, and by polling. */
export function startFlowSession(
  host: FlowSessionHost,
  handle: FlowHandle,
  initialWindows: FlowWindows | undefined,
  createEvents?: typeof createServerFlowEvents | undefined,
) {
  const { latest, setStatus } = host;
  // Auto mode fetches its window code only once a camera error sends the inline flow to a popup.
  let windows = initialWindows;
  const report = (e: VerigramFlowError) => {
    host.setError(e);
    latest.current.onError?.(e);
  };
  const callbackUrl = new URL(latest.current.callbackUrl ?? '/verigram/callback', location.href).href;

  let timer: ReturnType<typeof setInterval> | undefined;
  // Hoisted: the gate's first check may fail before the session object exists.
  function stop() {
    gate.stop();
    clearInterval(timer);
    windows?.close();
  }

  // Events fire once, from the page's message or from what the gate's reads say, whichever is
  // first: the real hosted page sends no messages, so polling is then the only source. Only for an
  // app that listens: the hook fetched their chunk beside the flow when onStep or onEvent was given;
  // one given later fetches it now (the next read then reports the steps so far, as after a reload).
  const fire = (event: FlowEvent) => {
    const o = latest.current;
    o.onEvent?.(event);
    if (event.type === 'step_started' || event.type === 'step_completed') o.onStep?.(event);
  };
  const { client } = host;
  let events = createEvents?.(client, fire);
  let fetching = false;
  const eventLog = () => {
    const o = latest.current;
    if (!events && !fetching && (o.onEvent || o.onStep)) {
      fetching = true;
      void import('./serverFlowEvents.ts').then((m) => {
        events ??= m.createServerFlowEvents(client, fire);
      });
    }
    return events;
  };
  let read: Flow | undefined;
  const reads = {
    getFlow: async (flowId: string) => {
      const flow = await client.getFlow(flowId);
      read = flow;
      // A terminal flow is told with its result, on completion (below); its events wait for the
      // gate's read of that result, so they come before onComplete.
      if (!isTerminalFlow(flow)) {
        broadcastFlowRead({ flowId, flow });
        await eventLog()?.afterRead(flowId, flow);
      }
      return flow;
    },
    getFlowResult: (flowId: string) => eventLog()?.readResult(flowId, read) ?? client.getFlowResult(flowId),
  };

  const gate = createCompletionGate(
    reads,
    handle.flowId,
    (flow, result) => {
      const o = latest.current;
      if (o.resumeKey) clearResume(o.resumeKey);
      windows?.complete();
      broadcastFlowRead({ flowId: handle.flowId, flow, result });
      setStatus('complete');
      o.onComplete?.(flow, result);
    },
    // Transient failures are left to the next poll. The rest (a lost token, a flow gone: 401, 403,
    // 404) would fail the same way every poll: stop, forget the resume entry so a reload or the
    // retry starts afresh, and show the error state.
    (e) => {
      if ((e as { isRetryable?: boolean }).isRetryable) return;
      stop();
      const o = latest.current;
      if (o.resumeKey) clearResume(o.resumeKey);
      setStatus('error');
      report(toFlowError(e, 'FLOW_CHECK_FAILED'));
    },
  );
  gate.check();
  const every = latest.current.pollInterval ?? 5000;
  if (every > 0 && !gate.done) timer = setInterval(gate.check, every);

  // The element the frame is mounted in, once shown.
  let shown: HTMLElement | undefined;
  const embedOptions = (
    current: EmbedMode | 'modal',
    extra?: Partial<FlowEmbedOptions>,
  ): FlowEmbedOptions => ({
    ...handle,
    callbackUrl,
    onLoad: () => setStatus((s) => (s === 'loading' ? 'ready' : s)),
    onCallback: (url) => {
      latest.current.onCallback?.(url);
      gate.check();
    },
    onMessage: (message) => {
      const o = latest.current;
      eventLog()?.fromPage(message);
      const { type } = message;
      if (type === 'ready') {
        // A popup's page saying ready must not bring back the start button while it is open.
        setStatus((s) => (s === 'popup' ? s : 'ready'));
        o.onReady?.(message);
      } else if (type === 'cancelled') {
        // The widgets say "you stopped it", not "the connection was lost", when the server
        // then reports the end as disconnected (useFlowStatus).
        broadcastFlowRead({ flowId: handle.flowId, cancelled: true });
        o.onCancel?.(message);
      }
      // Escape pressed inside the page (which this document never sees): the modal around the
      // frame listens for this event on its dialog and asks whether to stop (FlowModal.tsx).
      else if (type === 'close_request')
        shown?.dispatchEvent(new Event('verigram-close-request', { bubbles: true }));
      else if (type === 'camera_error') {
        if (o.mode?.name === 'auto' && current === 'inline')
          void Promise.resolve(o.mode.windows?.(host)).then((loaded) => {
            windows = loaded;
            host.setMode('popup');
          });
        else
          report(
            new VerigramKitError({
              errorCode: 'CAMERA_UNAVAILABLE',
              errorMsg: `${message.name}: ${message.message}`,
            }),
          );
      }
      // A hint only: a message alone proves nothing (any frame can post one); the gate asks the server.
      if (type === 'completed' || type === 'failed' || type === 'cancelled') gate.check();
    },
    ...extra,
  });

  const session: FlowSession = {
    gate,
    embedOptions,
    report,
    show(mode, container, title) {
      // Ended already (a resumed flow): nothing to show, and redirect must not leave again.
      if (gate.done || windows?.show(handle, mode) || !container) return;
      shown = container;
      return mountFlowFrame(embedOptions(mode), container, {
        title,
        allow: latest.current.allow ?? DEFAULT_ALLOW,
      }).destroy;
    },
    start: (mode) => windows?.start(handle, mode, session),
    close: () => windows?.close(),
    stop,
    cancel() {
      stop();
      broadcastFlowRead({ flowId: handle.flowId, cancelled: true });
    },
  };
  return session;
}
