import type { ProxyInput } from '../http/ProxyInput.ts';
import { ProxyError } from '../ProxyError.ts';
import type { ResolvedProxyOptions } from '../resolveProxyOptions.ts';
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
    throw new ProxyError({
      status: 429,
      errorCode: 'RATE_LIMITED',
      errorMsg: `Too many requests; try again in ${retryAfter} s`,
      headers: {
        'retry-after': String(retryAfter),
      },
    });
  }
}

/** The routes that make something upstream, each counted in its own bucket. */
export type CreationBucket = 'flow' | 'liveness' | 'token';

/**
 * The client's IP for the per-IP limit: the `clientIp` hook, else (with `trustProxy`) the last
 * X-Forwarded-For entry, else what the adapter saw on the socket; undefined when nobody knows.
 */
export function clientIpOf(
  input: ProxyInput,
  settings: Pick<ResolvedProxyOptions, 'clientIp' | 'trustProxy'>,
): string | undefined {
  if (settings.clientIp) return settings.clientIp(input.request(), input.context);
  if (settings.trustProxy) {
    // The client can send any X-Forwarded-For it likes; only the entry our trusted proxy
    // appended, the rightmost, is the address it actually saw.
    const forwarded = input.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return input.context.clientIp;
}

/**
 * Counts a request that makes something upstream (a flow, a liveness session, a flow token) per
 * user and per IP. Each route has its own bucket, so renewing tokens never eats the budget for
 * new flows; `flow` keeps the original unprefixed keys so counters survive an upgrade.
 */
export async function limitCreation(
  settings: Pick<ResolvedProxyOptions, 'store' | 'rateLimit' | 'clientIp' | 'trustProxy'>,
  bucket: CreationBucket,
  userHash: string,
  input: ProxyInput,
): Promise<void> {
  const { store, rateLimit } = settings;
  const prefix = bucket === 'flow' ? 'rl' : `rl:${bucket}`;
  if (rateLimit.perUser) await enforceRateLimit(store, `${prefix}:user:${userHash}`, rateLimit.perUser);
  const ip = clientIpOf(input, settings);
  if (rateLimit.perIp && ip) await enforceRateLimit(store, `${prefix}:ip:${ip}`, rateLimit.perIp);
}
