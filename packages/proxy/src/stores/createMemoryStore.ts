import type { ProxyStore } from './ProxyStore.ts';

export interface MemoryStoreOptions {
  /**
   * Entries kept at most, so a flood cannot exhaust memory. When full, expired entries go first,
   * then the oldest rate-limit counters, and idempotency records (`idem:` keys) only last: losing a
   * counter forgets a few requests, losing an idempotency record could let a retry make a second
   * flow. @default 100000
   */
  maxEntries?: number | undefined;
  /** Clock, injectable for tests. @default Date.now */
  now?: (() => number) | undefined;
}

/** The default ProxyStore: one process, expiring entries, bounded size. */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProxyStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order, which makes "the oldest first" cheap.
  const entries = new Map<string, { value: string; expiresAt: number }>();

  function live(key: string) {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  // Evicting down to 90% makes the full sweep below rare: once per maxEntries / 10 new keys.
  const evictTo = Math.max(1, Math.floor(maxEntries * 0.9));

  function evict() {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size <= evictTo) return;
      if (!key.startsWith('idem:')) entries.delete(key);
    }
    for (const key of entries.keys()) {
      if (entries.size <= evictTo) return;
      entries.delete(key);
    }
  }

  function put(key: string, value: string, ttlMs: number) {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlMs });
    if (entries.size > maxEntries) evict();
  }

  return {
    async increment(key, windowMs) {
      const entry = live(key);
      if (!entry) {
        put(key, '1', windowMs);
        return { count: 1, resetInMs: windowMs };
      }
      const count = Number(entry.value) + 1;
      entry.value = String(count);
      return { count, resetInMs: entry.expiresAt - now() };
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      put(key, value, ttlMs);
      return true;
    },
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
