/** Fixed-window request counting per API key. */
export interface RateLimit {
  /** Requests allowed per window. @default 600 (generous: a demo polling every second never hits it) */
  limit?: number;
  /** Window length in ms. @default 60000 */
  windowMs?: number;
}

export class RateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimit = {}) {
    this.limit = options.limit ?? 600;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** Counts a request; returns the seconds to wait when the key is over its limit, else 0. */
  take(key: string, now: number): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
  }

  reset(): void {
    this.windows.clear();
  }
}
