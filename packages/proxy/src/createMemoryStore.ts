import type { ProxyStore } from './ProxyStore.ts';

export interface MemoryStoreOptions {
  /** Entries kept at most; the oldest are dropped first, so a flood cannot exhaust memory. @default 100000 */
  maxEntries?: number | undefined;
  /** Clock, injectable for tests. @default Date.now */
  now?: (() => number) | undefined;
}

/** The default ProxyStore: one process, expiring entries, bounded size. */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProxyStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order, which makes "drop the oldest" cheap.
  const entries = new Map<string, { value: string; expiresAt: number }>();

  function live(key: string) {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function put(key: string, value: string, ttlMs: number) {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
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
