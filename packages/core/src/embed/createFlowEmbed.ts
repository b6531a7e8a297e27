import type { FlowMessage } from '../protocol/flowMessage.ts';
import { type FlowWindowListener, listenToFlowWindow } from './listenToFlowWindow.ts';
import { type FlowFrame, mountFlowFrame } from './mountFlowFrame.ts';

export interface FlowEmbedOptions {
  flowId: string;
  /** The hosted page; its exact origin is the only one whose flow messages are accepted. */
  vlink: string;
  /** The callback page on this app's origin; reaching it fires `onCallback` once. */
  callbackUrl?: string | undefined;
  /** Every valid hosted-page message from this embed's own frame or window, for this flow. */
  onMessage?: ((message: FlowMessage) => void) | undefined;
  /** The frame or window reached the callback URL (seen on load, by polling, or told by the page). */
  onCallback?: ((url: string) => void) | undefined;
  /** The frame fired `load`. */
  onLoad?: (() => void) | undefined;
  /** The popup window was closed (by the user or anyone else). */
  onClose?: (() => void) | undefined;
}

/** `idle` until mounted or attached; `open`; `closed` once a popup was closed; `destroyed`. */
export type FlowEmbedState = 'idle' | 'open' | 'closed' | 'destroyed';

export interface FlowEmbed {
  readonly state: FlowEmbedState;
  /** The frame's or popup's window, the only `event.source` this embed listens to. */
  readonly window: Window | null;
  /** Creates the iframe inside `container` (no `sandbox` attribute: the hosted page needs its origin). */
  mount(container: HTMLElement, attributes: { title: string; allow: string }): HTMLIFrameElement;
  /** Tracks a popup opened on the vlink (the caller opens it, inside the user's click). */
  attach(popup: Window): void;
  /** Posts to the hosted page, naming its exact origin (never `*`). */
  post(data: unknown): void;
  /** Stops listening, removes the frame or closes the popup. Idempotent. */
  destroy(): void;
}

// How often a popup is checked for being closed or having reached the callback page; no event
// exists for either across origins.
const POPUP_POLL_MS = 400;

/**
 * The imperative handle behind `<VerigramFlow>`'s popup, and an iframe as {@link mountFlowFrame}
 * mounts it: one frame or popup, its messages and its callback, checked as
 * {@link listenToFlowWindow} says (exact origin, own window, this flow).
 */
export function createFlowEmbed(options: FlowEmbedOptions): FlowEmbed {
  let state: FlowEmbedState = 'idle';
  let win: Window | null = null;
  let shown: FlowFrame | undefined;
  let listener: FlowWindowListener | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  return {
    get state() {
      return state;
    },
    get window() {
      return win;
    },
    mount(container, attributes) {
      shown = mountFlowFrame(options, container, attributes);
      win = shown.frame.contentWindow;
      state = 'open';
      return shown.frame;
    },
    attach(popup) {
      win = popup;
      state = 'open';
      const watching = listenToFlowWindow(options, popup);
      listener = watching;
      timer = setInterval(() => {
        if (popup.closed) {
          clearInterval(timer);
          state = 'closed';
          options.onClose?.();
        } else watching.readLocation();
      }, POPUP_POLL_MS);
    },
    post(data) {
      win?.postMessage(data, new URL(options.vlink).origin);
    },
    destroy() {
      if (state === 'destroyed') return;
      shown?.destroy();
      listener?.stop();
      clearInterval(timer);
      if (!shown && win && !win.closed) win.close();
      state = 'destroyed';
      win = null;
    },
  };
}
