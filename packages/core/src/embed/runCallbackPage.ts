import { type CallbackMessage, FLOW_MESSAGE_VERSION, KIT_MESSAGE_PROTOCOL } from '../protocol/flowMessage.ts';
import { RETURN_PARAM, readRedirectReturn } from './redirectReturn.ts';

/**
 * What the callback page does once loaded (the hosted page navigated here at the end of the flow):
 * - in a frame or a popup, tell the embedding page with a CallbackMessage, target origin = this
 *   page's own origin (the callback page is on the host app's origin, so nobody else can read it);
 * - at the top of the tab (redirect mode), navigate back to the page that left, adding the flow id.
 * Returns what it did. The static public/callback.html does the same without a bundler.
 */
export function runCallbackPage(win: Window = window): 'posted' | 'returned' | 'none' {
  const { location } = win;
  const pending = readRedirectReturn();
  const flowId = new URLSearchParams(location.search).get('flow_id') ?? pending?.flowId ?? null;
  const target = win.opener ?? (win.parent !== win ? win.parent : null);
  if (target) {
    const message: CallbackMessage = {
      protocol: KIT_MESSAGE_PROTOCOL,
      version: FLOW_MESSAGE_VERSION,
      type: 'callback',
      url: location.href,
      flowId,
    };
    target.postMessage(message, location.origin);
    return 'posted';
  }
  if (pending) {
    const back = new URL(pending.returnUrl, location.href);
    // Only ever return within this origin: the stored URL is ours, but storage is not a trust root.
    if (back.origin === location.origin) {
      back.searchParams.set(RETURN_PARAM, pending.flowId);
      location.replace(back.href);
      return 'returned';
    }
  }
  return 'none';
}
