'use client';
import {
  type CancelledMessage,
  type CompletionGate,
  clearResume,
  createCompletionGate,
  createFlowEmbed,
  type EmbedMode,
  type Flow,
  type FlowEmbedOptions,
  type FlowHandle,
  type FlowMessage,
  type FlowProjection,
  type Locale,
  type ReadyMessage,
  readResume,
  type StepCompletedMessage,
  type StepStartedMessage,
  type VerigramApiError,
  VerigramKitError,
  writeResume,
} from '@verigram-kit/core';
import { useEffect, useInsertionEffect, useRef, useState } from 'react';
import { type KitStrings, loadKitStrings } from './kitStrings.ts';
import { useFlowClient } from './VerigramProvider.tsx';

/**
 * - `inline`: an iframe in place. `modal`: the iframe in a dialog. `popup`: a window opened from a
 *   button. `redirect`: the whole tab goes to the hosted page and comes back via the callback page.
 * - `auto`: a camera pre-flight picks `inline`, else `popup`, else `redirect`; a camera error
 *   reported by the inline page also moves on to `popup`.
 */
export type VerigramFlowMode = 'inline' | 'modal' | 'popup' | 'redirect' | 'auto';

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
  /** @default 'inline' */
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
  /** How often the server is asked whether the flow ended, in ms; 0 turns polling off. @default 5000 */
  pollInterval?: number | undefined;
  /** The hosted page rendered and knows its pipeline. */
  onReady?: ((message: ReadyMessage) => void) | undefined;
  /** A step started or completed. */
  onStep?: ((message: StepStartedMessage | StepCompletedMessage) => void) | undefined;
  /** Every valid message from this flow's page. */
  onEvent?: ((message: FlowMessage) => void) | undefined;
  /** The frame or popup reached the callback URL (not a proof of completion). */
  onCallback?: ((url: string) => void) | undefined;
  /**
   * Exactly once, after the server says the flow is terminal. `result` is null when the server has
   * none (a flow that ended without starting).
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
  /** The kit's strings in `locale` ([frame title, loading, error, retry]); undefined while loading. */
  strings: KitStrings | undefined;
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

// By name rather than instanceof: also right when an app ends up with two copies of core, and it
// keeps the VerigramApiError class out of the 2 kB entry.
const toError = (error: unknown, code: 'FLOW_CREATE_FAILED' | 'FLOW_CHECK_FAILED'): VerigramFlowError =>
  /^Verigram(Api|Kit)Error$/.test((error as Error)?.name)
    ? (error as VerigramFlowError)
    : new VerigramKitError(code, String((error as Error)?.message ?? error), { cause: error });

/** What the lazily loaded popup/redirect/auto code (flowWindow.tsx) needs from the hook. */
export interface FlowWindowHost {
  latest: { current: UseVerigramFlowOptions };
  makeEmbed(
    handle: FlowHandle,
    mode: EmbedMode,
    extra?: Partial<FlowEmbedOptions>,
  ): ReturnType<typeof createFlowEmbed>;
  report(error: VerigramFlowError): void;
  setMode(mode: EmbedMode): void;
  setStatus(status: VerigramFlowStatus): void;
  gate: { current: CompletionGate | undefined };
}

type FlowWindows = ReturnType<typeof import('./flowWindow.tsx')['createFlowWindows']>;

/** The logic of `<VerigramFlow>`, for apps that render their own shell. Client only (effects). */
export function useVerigramFlow(options: UseVerigramFlowOptions): VerigramFlowController {
  const client = useFlowClient();
  // Latest props, read by long-lived handlers: never stale, never a reason to re-subscribe.
  const latest = useRef(options);
  useInsertionEffect(() => {
    latest.current = options;
  });
  const [status, setStatus] = useState<VerigramFlowStatus>('idle');
  const [flow, setFlow] = useState<FlowHandle>();
  const [error, setError] = useState<VerigramFlowError>();
  const [mode, setMode] = useState<EmbedMode | 'modal'>();
  const [strings, setStrings] = useState<KitStrings>();
  const [container, frameRef] = useState<HTMLElement | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Survives StrictMode's unmount/remount, so the second mount reuses the first's request: one flow.
  const pending = useRef<Promise<FlowHandle>>(undefined);
  const gate = useRef<CompletionGate>(undefined);
  const windows = useRef<FlowWindows>(undefined);

  const report = (e: VerigramFlowError) => {
    setError(e);
    latest.current.onError?.(e);
  };
  const callbackUrl = () => new URL(latest.current.callbackUrl ?? '/verigram/callback', location.href).href;

  const makeEmbed = (handle: FlowHandle, current: EmbedMode | 'modal', extra?: Partial<FlowEmbedOptions>) =>
    createFlowEmbed({
      ...handle,
      callbackUrl: callbackUrl(),
      onLoad: () => setStatus((s) => (s === 'loading' ? 'ready' : s)),
      onCallback: (url) => {
        latest.current.onCallback?.(url);
        gate.current?.check();
      },
      onMessage: (message) => {
        const o = latest.current;
        o.onEvent?.(message);
        const { type } = message;
        if (type === 'ready') {
          setStatus('ready');
          o.onReady?.(message);
        } else if (type === 'step_started' || type === 'step_completed') o.onStep?.(message);
        else if (type === 'cancelled') o.onCancel?.(message);
        else if (type === 'camera_error') {
          if (o.mode === 'auto' && current === 'inline') setMode('popup');
          else report(new VerigramKitError('CAMERA_UNAVAILABLE', `${message.name}: ${message.message}`));
        }
        // A hint only: the gate asks the server (issue 4, "a message alone proves nothing").
        if (type === 'completed' || type === 'failed' || type === 'cancelled') gate.current?.check();
      },
      ...extra,
    });

  // 1. The flow (given, back from a redirect, resumed, or created once) and the kit's strings.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are read through `latest`
  useEffect(() => {
    let live = true;
    const o = latest.current;
    const requested = o.mode ?? 'inline';
    setStatus('loading');
    Promise.resolve(loadKitStrings(o.locale)).then((s) => live && setStrings(s));
    pending.current ??= (async () => {
      if (requested !== 'inline' && requested !== 'modal') {
        const host: FlowWindowHost = { latest, makeEmbed, report, setMode, setStatus, gate };
        windows.current = (await import('./flowWindow.tsx')).createFlowWindows(host);
      }
      const known = o.flow ?? windows.current?.returned() ?? (o.resumeKey ? readResume(o.resumeKey) : null);
      if (known) return known;
      const handle = await client.createFlow({
        locale: o.locale,
        template: o.template,
        uiPreset: o.uiPreset,
        callbackUrl: callbackUrl(),
        // One key per mounted instance (StrictMode's remount reuses `pending`, hence this key too).
        idempotencyKey: `${o.resumeKey ?? 'flow'}-${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`,
      });
      if (o.resumeKey) writeResume(o.resumeKey, handle);
      return handle;
    })();
    pending.current.then(
      (handle) => {
        if (!live) return;
        client.rememberFlow?.(handle);
        setFlow(handle);
        setMode(windows.current?.resolve(handle) ?? (requested as 'inline'));
      },
      (e) => {
        pending.current = undefined;
        if (!live) return;
        setStatus('error');
        report(toError(e, 'FLOW_CREATE_FAILED'));
      },
    );
    return () => {
      live = false;
    };
  }, [client, attempt]);

  // 2. The completion gate: checks now (a resumed flow may have ended), on every hint, and by polling.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are read through `latest`
  useEffect(() => {
    if (!flow) return;
    const g = createCompletionGate(
      client,
      flow.flowId,
      (done, result) => {
        const o = latest.current;
        if (o.resumeKey) clearResume(o.resumeKey);
        windows.current?.complete();
        setStatus('complete');
        o.onComplete?.(done, result);
      },
      // Transient failures are left to the next poll; the rest (lost token...) is worth reporting.
      (e) => (e as VerigramApiError).isRetryable || report(toError(e, 'FLOW_CHECK_FAILED')),
    );
    gate.current = g;
    g.check();
    const every = latest.current.pollInterval ?? 5000;
    const timer = every > 0 ? setInterval(g.check, every) : undefined;
    return () => {
      g.stop();
      clearInterval(timer);
      windows.current?.close();
    };
  }, [client, flow]);

  // 3. The frame (inline, modal); popup and redirect are flowWindow.tsx's.
  // biome-ignore lint/correctness/useExhaustiveDependencies: handlers read `latest`
  useEffect(() => {
    if (!flow || !strings || !mode) return;
    if (windows.current?.show(flow, mode)) return;
    if (!container) return;
    const e = makeEmbed(flow, mode);
    e.mount(container, { title: strings[0], allow: latest.current.allow ?? DEFAULT_ALLOW });
    return e.destroy;
  }, [flow, mode, container, strings]);

  return {
    status,
    mode,
    flow,
    error,
    strings,
    frameRef,
    retry() {
      setError(undefined);
      setAttempt((n) => n + 1);
    },
    start() {
      if (flow && mode) windows.current?.start(flow, mode);
    },
    cancel() {
      gate.current?.stop();
      windows.current?.close();
      setStatus('cancelled');
      latest.current.onCancel?.();
    },
  };
}
