import type { ProxyStore } from './ProxyStore.ts';

/**
 * The few Redis commands the store uses. An ioredis (or node-redis v4 with `legacyMode`-free
 * wrappers) client satisfies it; the proxy itself does not depend on any Redis library.
 */
export interface RedisLikeClient {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
}

export interface RedisStoreOptions {
  /** Prefix of every key, so the proxy can share a database. @default 'verigram-proxy:' */
  prefix?: string | undefined;
}

// INCR and PEXPIRE in one script, so a crash between them cannot leave a counter without expiry.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

const SET_IF_ABSENT = `return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') and 1 or 0`;
const SET = `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1`;

/**
 * A ProxyStore in Redis, for deployments with several proxy instances: rate limits and
 * idempotency then hold across all of them.
 *
 * @example
 * import Redis from 'ioredis';
 * const store = createRedisStore(new Redis(process.env.REDIS_URL));
 */
export function createRedisStore(client: RedisLikeClient, options: RedisStoreOptions = {}): ProxyStore {
  const prefix = options.prefix ?? 'verigram-proxy:';
  return {
    async increment(key, windowMs) {
      const reply = (await client.eval(INCREMENT, 1, prefix + key, Math.max(1, Math.ceil(windowMs)))) as [
        number,
        number,
      ];
      return { count: Number(reply[0]), resetInMs: Number(reply[1]) };
    },
    async setIfAbsent(key, value, ttlMs) {
      return (
        Number(await client.eval(SET_IF_ABSENT, 1, prefix + key, value, Math.max(1, Math.ceil(ttlMs)))) === 1
      );
    },
    get: (key) => client.get(prefix + key),
    async set(key, value, ttlMs) {
      await client.eval(SET, 1, prefix + key, value, Math.max(1, Math.ceil(ttlMs)));
    },
    async delete(key) {
      await client.del(prefix + key);
    },
  };
}
