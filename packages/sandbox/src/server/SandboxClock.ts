// The sandbox's clock: real time, moved forward by `advance` and run faster (or slower) by a rate,
// so tests, the demo and benchmarks can let deadlines, ttl, rate windows and timed person ids
// (`alice+after30`) pass without waiting. Changing the rate never jumps: sandbox time goes on from
// where it was, at the new speed. Sandbox-only: Verigram's clock is the wall clock.

/** The fastest the sandbox clock may run: past this, one real millisecond skips whole deadlines. */
export const MAX_CLOCK_RATE = 10_000;

/**
 * Problems with a clock rate (empty when it is usable): a number above 0, at most MAX_CLOCK_RATE.
 * `name` is how the caller's user spelled it (`rate`, `--clock-rate`).
 */
export function checkClockRate(rate: unknown, name = 'rate'): string[] {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > MAX_CLOCK_RATE)
    return [`${name} must be a number above 0 and at most ${MAX_CLOCK_RATE}`];
  return [];
}

export class SandboxClock {
  private readonly realNow: () => number;
  /** Sandbox time at `anchorReal`, the real time the rate last changed. */
  private anchorSandbox: number;
  private anchorReal: number;
  private currentRate = 1;

  /**
   * @param realNow the clock sandbox time follows, in epoch milliseconds. @default Date.now
   * @param rate sandbox milliseconds per real millisecond. @default 1
   */
  constructor(realNow: () => number = Date.now, rate = 1) {
    this.realNow = realNow;
    this.anchorReal = realNow();
    this.anchorSandbox = this.anchorReal;
    this.setRate(rate);
  }

  /** Sandbox time in epoch milliseconds. */
  readonly now = (): number =>
    // Whole milliseconds, as Date.now gives: ids and timestamps are built from it.
    this.anchorSandbox + Math.floor((this.realNow() - this.anchorReal) * this.currentRate);

  /** Moves sandbox time forward by `ms`, at once. */
  advance(ms: number): void {
    this.anchorSandbox += ms;
  }

  get rate(): number {
    return this.currentRate;
  }

  /** Runs sandbox time `rate` times as fast as real time from now on; throws on a rate checkClockRate refuses. */
  setRate(rate: number): void {
    const [problem] = checkClockRate(rate);
    if (problem) throw new RangeError(`Sandbox clock: ${problem}, got ${rate}`);
    this.anchorSandbox = this.now();
    this.anchorReal = this.realNow();
    this.currentRate = rate;
  }
}
