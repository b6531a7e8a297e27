import { parseCallbackMessage, parseFlowMessage } from '../protocol/flowMessage.ts';
import type { FlowEmbedOptions } from './createFlowEmbed.ts';
import { isCallbackUrl } from './isCallbackUrl.ts';

export interface FlowWindowListener {
  /** Fires `onCallback` if the window is on the callback page (readable only on this origin). */
  readLocation(): void;
  /** Stops listening. */
  stop(): void;
}

/**
 * Listens to one frame's or popup's window. A message counts only when `event.source` is `win`
 * AND `event.origin` is exactly the vlink's origin (or, for the callback page's message, this
 * page's own origin) AND the payload parses as a message of this flow; anything else is ignored
 * without a trace. A valid `resize` sets the height of `frame`, when given.
 */
export function listenToFlowWindow(
  options: FlowEmbedOptions,
  win: Window | null,
  frame?: HTMLIFrameElement,
): FlowWindowListener {
  const { flowId, callbackUrl } = options;
  const origin = new URL(options.vlink).origin;
  let calledBack = false;
  const reached = (href: string) => {
    if (!calledBack && callbackUrl && isCallbackUrl(href, callbackUrl)) {
      calledBack = true;
      options.onCallback?.(href);
    }
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
  addEventListener('message', onMessage);
  return {
    // Reading a cross-origin location throws; only the callback page (our origin) is readable.
    readLocation() {
      try {
        reached((win as Window).location.href);
      } catch {}
    },
    stop: () => removeEventListener('message', onMessage),
  };
}
