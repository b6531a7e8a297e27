// The imperative side of the live preview: talks to the sandbox's preview page in an
// iframe. Kept out of React like react-stripe-js keeps its element handle, so the hook stays short.
import { parseFlowMessage } from '@verigram-kit/core';
import { PREVIEW_FLOW_ID, type PreviewMessage } from '@verigram-kit/core/ui';

export interface PreviewFrameOptions {
  iframe: HTMLIFrameElement;
  /**
   * The preview page's URL, absolute or relative to the host page; its origin is the only one
   * messages are posted to and accepted from.
   */
  previewUrl: string;
  /** The page loaded (or reloaded) and rendered a pipeline of `stepCount` steps. */
  onReady?: ((stepCount: number) => void) | undefined;
  /** The page's content height changed (CSS pixels), so the frame can follow it. */
  onResize?: ((height: number) => void) | undefined;
}

export interface PreviewFrame {
  /** Posts now if the page is ready, else keeps the latest message for when it is. */
  post(message: PreviewMessage): void;
  readonly ready: boolean;
  destroy(): void;
}

export function createPreviewFrame({
  iframe,
  previewUrl,
  onReady,
  onResize,
}: PreviewFrameOptions): PreviewFrame {
  // Throws on a malformed URL: a preview that silently posts nowhere helps nobody.
  const origin = new URL(previewUrl, window.location.href).origin;
  let latest: PreviewMessage | null = null;
  let ready = false;

  const send = () => {
    // The exact origin, never '*': a draft may hold unreleased branding.
    if (latest) iframe.contentWindow?.postMessage(latest, origin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== origin) return;
    const message = parseFlowMessage(event.data);
    if (message?.flowId !== PREVIEW_FLOW_ID) return;
    if (message.type === 'resize') onResize?.(message.height);
    if (message.type !== 'ready') return;
    // Also after a reload of the frame: the page starts from its defaults, so resend the draft.
    ready = true;
    send();
    onReady?.(message.stepCount);
  };
  window.addEventListener('message', onMessage);

  return {
    post(message) {
      latest = message;
      if (ready) send();
    },
    get ready() {
      return ready;
    },
    destroy() {
      window.removeEventListener('message', onMessage);
      latest = null;
      ready = false;
    },
  };
}
