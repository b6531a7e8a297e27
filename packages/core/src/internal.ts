// @verigram-kit/core/internal: what the sibling packages (react, proxy, sandbox) share and users
// should not build on. Every export here is @internal: no README promise, and it may change in
// any release. Apps import `@verigram-kit/core` and `@verigram-kit/core/ui` instead.
export { SANDBOX_BASE_URL, SANDBOX_PORT } from './api/sandboxAddress.ts';
export { TRANSPORT_TIMEOUTS } from './client/VerigramClient.ts';
export { RETURN_PARAM } from './embed/redirectReturn.ts';
export { nextPollInterval, shouldKeepPolling } from './polling/pollingPolicy.ts';
export type { ResolvedRetryPolicy } from './polling/retryer.ts';
export { backoffDelay, isRateLimitError, retryAllowedAt, shouldRetry } from './polling/retryer.ts';
