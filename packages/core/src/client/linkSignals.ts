/**
 * An AbortSignal that aborts when the caller's signal aborts or after `timeoutMs`, whichever
 * comes first. Written by hand rather than with AbortSignal.any/timeout so the client runs on
 * every runtime with fetch (older Safari, React Native, edge runtimes) and so the timer can be
 * cleared as soon as the answer is in (AbortSignal.timeout keeps its timer alive).
 */
export interface LinkedSignal {
  signal: AbortSignal;
  /** True when the timeout, not the caller, aborted the signal. */
  readonly timedOut: boolean;
  /** Stops the timer only; the caller's signal can still abort (used while a body streams). */
  clearTimer(): void;
  /** Stops the timer and detaches from the caller's signal. */
  dispose(): void;
}

export function linkSignals(callerSignal: AbortSignal | undefined, timeoutMs: number): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`Timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clearTimer() {
      if (timer !== undefined) clearTimeout(timer);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
