/**
 * Whether `href` is the callback page. Compares origin and path only: the hosted page navigates to
 * `callback_url` exactly as given (Verigram quickstart), but a deployment may append a query or a
 * hash, and neither changes which page was reached.
 */
export function isCallbackUrl(href: string, callbackUrl: string): boolean {
  try {
    const a = new URL(href);
    const b = new URL(callbackUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
