/**
 * Shared state of the proxy: rate-limit counters and idempotency records. In memory by default;
 * use createRedisStore (or your own) when several instances serve the same users, otherwise each
 * instance counts and remembers on its own.
 */
export interface ProxyStore {
  /**
   * Adds one to the counter `key`, starting a window of `windowMs` when the counter is new.
   * Atomic. Returns the new count and the ms left in the window.
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Stores `value` only if `key` is absent (atomic); true when stored. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}
