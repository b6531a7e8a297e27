'use client';
import {
  type CancelledMessage,
  type EmbedMode,
  type Flow,
  type FlowEvent,
  type FlowHandle,
  type FlowProjection,
  type FlowStepEvent,
  type Locale,
  type ReadyMessage,
  readResume,
  type VerigramApiError,
  type VerigramKitError,
  writeResume,
} from '@verigram-kit/core';
import { useEffect, useInsertionEffect, useRef, useState } from 'react';
import {
  type FlowSession,
  type FlowSessionHost,
  type FlowWindows,
  startFlowSession,
  toFlowError,
} from './flowSession.ts';
import { type KitStrings, KitText, kitStringsFor } from './kitStrings.ts';
import { useFlowClient } from './VerigramProvider.tsx';
import type { VerigramFlowMode } from './verigramFlowModes.ts';

/** What `onError` receives: an API answer, or a failure the kit detected (see `code`). */
export type VerigramFlowError = VerigramApiError | VerigramKitError;

/**
 * `idle` (server render, first client render), `loading`, `ready` (frame loaded, or the start button
 * of popup/redirect), `popup` (the window is open), `complete`, `cancelled`, `error`.
 */
export type VerigramFlowStatus = 'idle' | 'loading' | 'ready' | 'popup' | 'complete' | 'cancelled' | 'error';

export interface UseVerigramFlowOptions {
  /** An existing flow (created by your server). When absent, the kit creates one through the client. */
  flow?: FlowHandle | undefined;
  /** Locale of a created flow and of the kit's own strings. @default 'en' */
  locale?: Locale | undefined;
  /** Server-side template name (proxy option `templates`). */
  template?: string | undefined;
  /** Server-side UI preset name (proxy option `uiPresets`). */
  uiPreset?: string | undefined;
  /**
   * Where the hosted page goes at the end: a page of this app that renders `<VerigramCallback>` or
   * serves the kit's `callback.html`. A path is resolved against the current origin.
   * @default '/verigram/callback'
   */
  callbackUrl?: string | undefined;
  /**
   * How the page is shown: `modalMode`, `popupMode`, `redirectMode` or `autoMode` (each imported
   * from this package, so an app carries only the modes it uses).
   * @default undefined (inline: an iframe in place)
   * @example <VerigramFlow mode={popupMode} />
   */
  mode?: VerigramFlowMode | undefined;
  /**
   * The iframe's `allow` attribute (no `sandbox` attribute is ever set).
   * @default 'camera; microphone; fullscreen; autoplay; clipboard-write'
   */
  allow?: string | undefined;
  /**
   * Keep the flow in sessionStorage under this key so a reload resumes it instead of creating
   * another; cleared once the flow is terminal. @default undefined (no resume, except redirect mode's round trip)
   */
  resumeKey?: string | undefined;
  /**
   * `'server'`: before creating a flow, ask the server for this user's flow still in progress
   * (the client's `getCurrentFlow`, the proxy's `GET /flows/current`) and continue it, so a second
   * tab or device shows the same flow instead of starting another. None (404), or a client without
   * `getCurrentFlow`: a flow is created as usual. @default undefined (never asks)
   */
  resume?: 'server' | undefined;
  /**
   * How often the server is asked how the flow stands (its end; its steps, for `onStep` and
   * `onEvent` when the page sends no messages), in ms; 0 turns polling off. @default 5000
   */
  pollInterval?: number | undefined;
  /** The hosted page rendered and knows its pipeline. */
  onReady?: ((message: ReadyMessage) => void) | undefined;
  /**
   * A step started or completed: from the page's message, or, when the page sends none (the real
   * hosted page), from the flow's current step and service statuses at the next poll; once either way.
   */
  onStep?: ((event: FlowStepEvent) => void) | undefined;
  /**
   * Every valid message from this flow's page, and the step and end events the polled flow implies,
   * each once; `event.source` is `'page'` or `'server'`.
   */
  onEvent?: ((event: FlowEvent) => void) | undefined;
  /** The frame or popup reached the callback URL (not a proof of completion). */
  onCallback?: ((url: string) => void) | undefined;
  /**
   * Exactly once, after the server says the flow is terminal. `result` is null when the server has
   * none (a flow that ended without starting). A cancelled flow that the server then reports ended
   * (`end_cause: disconnected`) also arrives here, after `onCancel`.
   */
  onComplete?: ((flow: Flow, result: FlowProjection | null) => void) | undefined;
  /** The user cancelled: in the hosted page, by closing the modal, or by closing the popup early. */
  onCancel?: ((message?: CancelledMessage) => void) | undefined;
  onError?: ((error: VerigramFlowError) => void) | undefined;
}

export interface VerigramFlowController {
  status: VerigramFlowStatus;
  /** The display mode in effect (`auto` resolved); undefined until known. */
  mode: EmbedMode | 'modal' | undefined;
  flow: FlowHandle | undefined;
  error: VerigramFlowError | undefined;
  /** The kit's strings in `locale`. */
  strings: KitStrings;
  /** Ref for the element the iframe is mounted in. */
  frameRef: (element: HTMLElement | null) => void;
  /** After an error: try to create the flow again. */
  retry(): void;
  /** Popup mode: open the window (call from a click, or popup blockers step in). Redirect mode: leave. */
  start(): void;
  /** Stop: removes the frame or closes the popup, calls `onCancel`. */
  cancel(): void;
}

export const DEFAULT_ALLOW = 'camera; microphone; fullscreen; autoplay; clipboard-write';

/** The logic of `<VerigramFlow>`, for apps that render their own shell. Client only (effects). */
export function useVerigramFlow(options: UseVerigramFlowOptions): VerigramFlowController {
  // Read when a flow starts, not a dependency: a provider given a new client object on a re-render
  // (`client={createProxyClient()}` inline) must not reload the frame or complete the flow twice.
  const currentClient = useFlowClient();
  const client = useRef(currentClient);
  // Latest props, read by long-lived handlers: never stale, never a reason to re-subscribe.
  const latest = useRef(options);
  useInsertionEffect(() => {
    latest.current = options;
    client.current = currentClient;
  });
  const [status, setStatus] = useState<VerigramFlowStatus>('idle');
  const [flow, setFlow] = useState<FlowHandle>();
  const [error, setError] = useState<VerigramFlowError>();
  const [mode, setMode] = useState<EmbedMode | 'modal'>();
  const strings = kitStringsFor(options.locale);
  const [session, setSession] = useState<FlowSession>();
  const [loaded, setLoaded] = useState<(host: FlowSessionHost) => FlowSession>();
  const [container, frameRef] = useState<HTMLElement | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Survives StrictMode's unmount/remount, so the second mount reuses the first's request: one flow.
  const pending =
    useRef<
      Promise<
        readonly [
          FlowHandle,
          FlowWindows | undefined,
          typeof import('./serverFlowEvents.ts') | undefined,
          EmbedMode | 'modal',
        ]
      >
    >(undefined);
  // The `flow` prop `pending` was made for: a flow handed in later (an app's own fetch) replaces it.
  const flowKey = options.flow?.flowId;
  const pendingFor = useRef(flowKey);
  // Set by cancel(): a creation still in flight must not bring the frame (or the modal) back.
  const cancelled = useRef(false);

  // 1. The flow: given, back from a redirect, resumed, or created once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are read through `latest`
  useEffect(() => {
    let live = true;
    const o = latest.current;
    const requested = o.mode?.name ?? 'inline';
    if (pendingFor.current !== flowKey) {
      pendingFor.current = flowKey;
      pending.current = undefined;
    }
    setStatus('loading');
    const host: FlowSessionHost = { client: client.current, latest, setStatus, setMode, setError };
    pending.current ??= (async () => {
      const { mode } = o;
      const known =
        o.flow ??
        mode?.returned?.() ??
        (o.resumeKey ? readResume(o.resumeKey) : null) ??
        (o.resume && (await host.client.getCurrentFlow?.()));
      const [handle, eventLog] = await Promise.all([
        known ??
          host.client
            .createFlow({
              locale: o.locale,
              template: o.template,
              uiPreset: o.uiPreset,
              callbackUrl: new URL(o.callbackUrl ?? '/verigram/callback', location.href).href,
              // One key per mounted instance (StrictMode's remount reuses `pending`, hence this key too).
              idempotencyKey: `${o.resumeKey ?? 'flow'}-${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`,
            })
            .then((created) => {
              if (o.resumeKey) writeResume(o.resumeKey, created);
              return created;
            }),
        // Step events are derived only for an app that listens: their logic comes beside the flow.
        o.onEvent || o.onStep ? import('./serverFlowEvents.ts') : undefined,
      ]);
      // `auto` becomes what the camera pre-flight allows; the other modes stay as asked.
      const picked = mode?.pick?.(handle, o.allow ?? DEFAULT_ALLOW) ?? (requested as EmbedMode | 'modal');
      // The window code, only once a window is needed (auto fetches it then).
      const windows = picked === 'popup' || picked === 'redirect' ? await mode?.windows?.(host) : undefined;
      return [handle, windows, eventLog, picked] as const;
    })();
    pending.current.then(
      ([handle, windows, eventLog, picked]) => {
        if (!live || cancelled.current) return;
        host.client.rememberFlow?.(handle);
        setFlow(handle);
        setLoaded(
          () => (h: FlowSessionHost) =>
            startFlowSession(h, handle, windows, eventLog?.createServerFlowEvents),
        );
        setMode(picked);
      },
      (e) => {
        pending.current = undefined;
        const failure = toFlowError(e, 'FLOW_CREATE_FAILED');
        if (!live) return;
        // The error state and onError arrive together, so an app never shows one without the other.
        setStatus('error');
        setError(failure);
        latest.current.onError?.(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [flowKey, attempt]);

  // 2. Tracking runs while mounted (started here, not in the promise, so a remount restarts it).
  useEffect(() => {
    if (!loaded) return;
    const started = loaded({ client: client.current, latest, setStatus, setMode, setError });
    setSession(started);
    return started.stop;
  }, [loaded]);

  // 3. The frame (inline, modal) or popup/redirect's controls; gone once cancelled or untrackable.
  const gone = status === 'error' || status === 'cancelled';
  useEffect(
    () => (session && mode && !gone ? session.show(mode, container, strings[KitText.FrameTitle]) : undefined),
    [session, mode, container, strings, gone],
  );

  return {
    status,
    mode,
    flow,
    error,
    strings,
    frameRef,
    retry() {
      // A fresh start: after a flow that could no longer be tracked, not the same promise again.
      pending.current = undefined;
      cancelled.current = false;
      setError(undefined);
      setAttempt((n) => n + 1);
    },
    start() {
      if (mode) session?.start(mode);
    },
    cancel() {
      cancelled.current = true;
      session?.cancel();
      setStatus('cancelled');
      latest.current.onCancel?.();
    },
  };
}
