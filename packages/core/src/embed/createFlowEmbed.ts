import { type FlowMessage, parseCallbackMessage, parseFlowMessage } from '../protocol/flowMessage.ts';
import { isCallbackUrl } from './isCallbackUrl.ts';

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
 * The imperative handle behind `<VerigramFlow>`: one iframe or popup, its messages and its callback.
 * A message counts only when `event.origin` is exactly the vlink's origin (or, for the callback
 * page's message, this page's own origin) AND `event.source` is this embed's own window AND the
 * payload parses as a message of this flow; anything else is ignored without a trace.
 */
export function createFlowEmbed(options: FlowEmbedOptions): FlowEmbed {
  const { flowId, callbackUrl } = options;
  const origin = new URL(options.vlink).origin;
  let state: FlowEmbedState = 'idle';
  let win: Window | null = null;
  let frame: HTMLIFrameElement | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let calledBack = false;

  const reached = (href: string) => {
    if (!calledBack && callbackUrl && isCallbackUrl(href, callbackUrl)) {
      calledBack = true;
      options.onCallback?.(href);
    }
  };
  // Reading a cross-origin location throws; only the callback page (our origin) is readable.
  const readLocation = () => {
    try {
      reached((win as Window).location.href);
    } catch {}
  };
  const onMessage = (event: MessageEvent) => {
    if (!win || event.source !== win) return;
    if (event.origin === origin) {
      const message = parseFlowMessage(event.data);
      if (message?.flowId === flowId) {
        if (message.type === 'resize' && frame) frame.style.height = `${message.height}px`;
        return options.onMessage?.(message);
      }
    }
    if (event.origin === location.origin) {
      const message = parseCallbackMessage(event.data);
      if (message && (message.flowId ?? flowId) === flowId) reached(message.url);
    }
  };
  const open = (w: Window | null) => {
    win = w;
    state = 'open';
    addEventListener('message', onMessage);
  };

  return {
    get state() {
      return state;
    },
    get window() {
      return win;
    },
    mount(container, { title, allow }) {
      frame = document.createElement('iframe');
      frame.title = title;
      frame.setAttribute('allow', allow);
      frame.src = options.vlink;
      frame.style.cssText = 'border:0;width:100%;height:640px;display:block';
      frame.addEventListener('load', () => {
        readLocation();
        options.onLoad?.();
      });
      container.append(frame);
      open(frame.contentWindow);
      return frame;
    },
    attach(popup) {
      open(popup);
      timer = setInterval(() => {
        if (popup.closed) {
          clearInterval(timer);
          state = 'closed';
          options.onClose?.();
        } else readLocation();
      }, POPUP_POLL_MS);
    },
    post(data) {
      win?.postMessage(data, origin);
    },
    destroy() {
      if (state === 'destroyed') return;
      removeEventListener('message', onMessage);
      clearInterval(timer);
      frame?.remove();
      if (!frame && win && !win.closed) win.close();
      state = 'destroyed';
      win = null;
    },
  };
}
