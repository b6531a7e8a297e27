import { isVerigramApiError } from '../errors/VerigramApiError.ts';

/** 429 and 503 carry Retry-After in Verigram's and the proxy's answers (issue 5). */
export function isRateLimitError(error: unknown): boolean {
  return isVerigramApiError(error) && (error.status === 429 || error.status === 503);
}

/**
 * The instant (epoch ms) before which no request may be made because of `error`'s Retry-After,
 * or undefined when the error asks for no wait.
 *
 * @param receivedAt when the error arrived (epoch ms)
 */
export function retryAllowedAt(error: unknown, receivedAt: number): number | undefined {
  if (!isRateLimitError(error)) return undefined;
  const seconds = (error as { retryAfter?: number | undefined }).retryAfter;
  if (seconds === undefined || seconds <= 0) return undefined;
  return receivedAt + seconds * 1000;
}

/** Milliseconds still to wait at `now` before the next request; 0 when free to go. */
export function retryAfterRemaining(error: unknown, receivedAt: number, now: number): number {
  const allowedAt = retryAllowedAt(error, receivedAt);
  return allowedAt === undefined ? 0 : Math.max(0, allowedAt - now);
}
