import { ProxyError } from '../ProxyError.ts';
import type { ProxyStore } from '../stores/ProxyStore.ts';

/** A fixed-window limit: at most `limit` requests per `windowMs`. */
export interface RateLimitRule {
  /** Requests allowed in one window. */
  limit: number;
  /** Window length, in ms. */
  windowMs: number;
}

/**
 * Counts one request against `key` and throws 429 `RATE_LIMITED` with Retry-After (whole
 * seconds, at least 1) once the window's limit is passed. A fixed window is coarse but needs one
 * atomic command per check, which the Redis store can do in a single round trip.
 */
export async function enforceRateLimit(store: ProxyStore, key: string, rule: RateLimitRule): Promise<void> {
  const { count, resetInMs } = await store.increment(key, rule.windowMs);
  if (count > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil(resetInMs / 1000));
    throw new ProxyError(429, 'RATE_LIMITED', `Too many requests; try again in ${retryAfter} s`, {
      'retry-after': String(retryAfter),
    });
  }
}
