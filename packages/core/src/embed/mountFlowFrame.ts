import type { FlowEmbedOptions } from './createFlowEmbed.ts';
import { listenToFlowWindow } from './listenToFlowWindow.ts';

/** The iframe mounted by {@link mountFlowFrame}. */
export interface FlowFrame {
  readonly frame: HTMLIFrameElement;
  /** Stops listening and removes the frame. */
  destroy(): void;
}

/**
 * The hosted page in an iframe inside `container`, listened to as {@link listenToFlowWindow} says;
 * the frame alone, for a page that never opens a popup (`createFlowEmbed` does both). No `sandbox`
 * attribute: the hosted page needs its own origin.
 */
export function mountFlowFrame(
  options: FlowEmbedOptions,
  container: HTMLElement,
  attributes: { title: string; allow: string },
): FlowFrame {
  const frame = document.createElement('iframe');
  frame.title = attributes.title;
  frame.setAttribute('allow', attributes.allow);
  frame.src = options.vlink;
  frame.style.cssText = 'border:0;width:100%;height:640px;display:block';
  container.append(frame);
  const listener = listenToFlowWindow(options, frame.contentWindow, frame);
  frame.addEventListener('load', () => {
    listener.readLocation();
    options.onLoad?.();
  });
  return {
    frame,
    destroy() {
      listener.stop();
      frame.remove();
    },
  };
}
