import type { VerigramApiError } from '@verigram-kit/core';
import { ProxyError } from '../ProxyError.ts';

/**
 * Maps a failed upstream call to the proxy's answer. Verigram's own
 * `{ error_code, error_msg }` pass through with their status, except:
 * - no answer: 502 UPSTREAM_UNAVAILABLE; too slow: 504 UPSTREAM_TIMEOUT; garbage: 502 UPSTREAM_MALFORMED;
 *   a 3xx: 502 UPSTREAM_REDIRECT (never followed, its Location never shown);
 * - 401/403 from Verigram mean the proxy's own key is wrong or lacks rights. Passing them on would
 *   tell the browser kit its user is logged out; it is a server misconfiguration, so 502
 *   UPSTREAM_AUTH_FAILED (and the details go to the log, not the browser);
 * - 404 becomes the proxy's uniform NOT_FOUND, identical to "not your flow".
 * `redact` scrubs the API key from any upstream text, in case an upstream echoes it.
 */
export function mapUpstreamError(error: VerigramApiError, redact: (text: string) => string): ProxyError {
  switch (error.errorCode) {
    case 'NETWORK_ERROR':
      return new ProxyError({
        status: 502,
        errorCode: 'UPSTREAM_UNAVAILABLE',
        errorMsg: 'Verigram could not be reached',
      });
    case 'TIMEOUT':
      return new ProxyError({
        status: 504,
        errorCode: 'UPSTREAM_TIMEOUT',
        errorMsg: 'Verigram did not answer in time',
      });
    case 'UPSTREAM_REDIRECT':
      // Never followed (the key would go along) and never passed on: a misconfigured baseUrl.
      return new ProxyError({
        status: 502,
        errorCode: 'UPSTREAM_REDIRECT',
        errorMsg: 'Verigram answered with a redirect, which is not followed',
      });
    case 'UPSTREAM_MALFORMED':
      return new ProxyError({
        status: 502,
        errorCode: 'UPSTREAM_MALFORMED',
        errorMsg: 'Verigram answered with a malformed body',
      });
    case 'ABORTED':
      // The browser went away; 499-style answers are not standard, and nobody reads this one.
      return new ProxyError({ status: 499, errorCode: 'ABORTED', errorMsg: 'The request was aborted' });
  }
  if (error.status === 401 || error.status === 403) {
    return new ProxyError({
      status: 502,
      errorCode: 'UPSTREAM_AUTH_FAILED',
      errorMsg: 'The proxy could not authenticate with Verigram',
    });
  }
  if (error.status === 404)
    return new ProxyError({
      status: 404,
      errorCode: 'NOT_FOUND',
      errorMsg: 'The specified resource was not found',
    });
  const headers: Record<string, string> = {};
  if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
  const status = error.status >= 400 && error.status <= 599 ? error.status : 502;
  return new ProxyError({
    status,
    errorCode: redact(error.errorCode).slice(0, 100),
    errorMsg: redact(error.errorMsg),
    headers,
  });
}
