/**
 * Replaces `window.open` with a window that stays open until the story is left, so the
 * "verification is open in another window" state can be shown without a real popup (a play
 * function's click is not a user gesture, and popup blockers would stop it). Use as `beforeEach`.
 */
export function stubWindowOpen(): () => void {
  const original = window.open;
  window.open = () => {
    const popup = {
      closed: false,
      close: () => {},
      postMessage: () => {},
      location: { href: 'about:blank' },
    };
    popup.close = () => {
      popup.closed = true;
    };
    return popup as unknown as Window;
  };
  return () => {
    window.open = original;
  };
}
