import { describe, expect, it } from 'vitest';
import { VerigramApiError } from '../errors/VerigramApiError.ts';
import { isFlowNotStartedError } from '../polling/isFlowNotStartedError.ts';
import { nextPollInterval } from '../polling/nextPollInterval.ts';
import { DEFAULT_POLLING_OPTIONS, resolvePollingOptions } from '../polling/pollingOptions.ts';
import { retryAfterRemaining, retryAllowedAt } from '../polling/retryAfterRemaining.ts';
import { retryDelay } from '../polling/retryDelay.ts';
import { shouldKeepPolling, shouldRetry } from '../polling/shouldRetry.ts';

const options = resolvePollingOptions();
const apiError = (status: number, retryAfter?: number) =>
  new VerigramApiError({ status, errorCode: `E${status}`, errorMsg: 'test', retryAfter });

const notStarted = { flow_status: 'unknown' } as const;
const inProgress = { flow_status: 'unknown', started_at: '2026-01-01T00:00:00Z' } as const;
const passed = {
  ...inProgress,
  flow_status: 'pass',
  end_cause: 'completed',
  ended_at: '2026-01-01T00:01:00Z',
} as const;
const unknownEnd = { ...inProgress, end_cause: 'completed', ended_at: '2026-01-01T00:01:00Z' } as const;

describe('resolvePollingOptions', () => {
  it('given nothing, then it returns the documented defaults', () => {
    expect(resolvePollingOptions()).toEqual(DEFAULT_POLLING_OPTIONS);
  });

  it('given an override, then only that field changes', () => {
    expect(resolvePollingOptions({ intervalMs: 500 })).toEqual({
      ...DEFAULT_POLLING_OPTIONS,
      intervalMs: 500,
    });
  });

  it.each([-1, Number.NaN, '3' as unknown as number])('given %s, then it names the bad option', (bad) => {
    expect(() => resolvePollingOptions({ maxRetries: bad })).toThrow(
      /^polling\.maxRetries must be a number ≥ 0, got /,
    );
  });

  it('given a zero interval, then it refuses (a zero interval would spin)', () => {
    expect(() => resolvePollingOptions({ intervalMs: 0 })).toThrow(RangeError);
    expect(() => resolvePollingOptions({ notStartedIntervalMs: 0 })).toThrow(
      /^polling\.notStartedIntervalMs must be a number > 0 \(or enabled: false\), got 0$/,
    );
  });
});

describe('nextPollInterval', () => {
  it('given no answer yet or a flow not started, then it polls at the slower not-started pace', () => {
    expect(nextPollInterval(undefined, 0, options)).toBe(options.notStartedIntervalMs);
    expect(nextPollInterval(notStarted, 1000, options)).toBe(options.notStartedIntervalMs);
  });

  it('given a flow in progress, then it polls at the interval', () => {
    expect(nextPollInterval(inProgress, 1000, options)).toBe(options.intervalMs);
  });

  it('given a terminal flow (pass or unknown), then it stops', () => {
    expect(nextPollInterval(passed, 1000, options)).toBe(false);
    expect(nextPollInterval(unknownEnd, 1000, options)).toBe(false);
  });

  it('given polling for longer than slowDownAfterMs, then the interval doubles', () => {
    expect(nextPollInterval(inProgress, options.slowDownAfterMs, options)).toBe(options.intervalMs * 2);
  });

  it('given the maximum duration reached, then it stops, and it never schedules past it', () => {
    expect(nextPollInterval(inProgress, options.maxDurationMs, options)).toBe(false);
    expect(nextPollInterval(inProgress, options.maxDurationMs - 100, options)).toBe(100);
  });
});

describe('retryDelay', () => {
  it('given full jitter, then the delay is random · min(cap, base · 2^(n-1))', () => {
    const half = () => 0.5;
    expect(retryDelay(1, apiError(500), options, half)).toBe(500);
    expect(retryDelay(2, apiError(500), options, half)).toBe(1000);
    expect(retryDelay(3, apiError(500), options, half)).toBe(2000);
    expect(retryDelay(20, apiError(500), options, () => 0.999999)).toBe(options.retryMaxDelayMs - 1);
    expect(retryDelay(3, apiError(500), options, () => 0)).toBe(0);
  });

  it('given a 429 or 503 with Retry-After, then it waits exactly that long, whatever the cap', () => {
    expect(retryDelay(1, apiError(429, 7), options, () => 0)).toBe(7000);
    expect(retryDelay(1, apiError(503, 45), options, () => 0)).toBe(45_000);
  });

  it('given a 429 without Retry-After, then it falls back to the backoff', () => {
    expect(retryDelay(2, apiError(429), options, () => 0.5)).toBe(1000);
  });
});

describe('shouldRetry', () => {
  it.each([0, 408, 429, 500, 502, 503])('given status %s, then it retries', (status) => {
    expect(shouldRetry(1, apiError(status), options)).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('given status %s, then it does not retry', (status) => {
    expect(shouldRetry(1, apiError(status), options)).toBe(false);
    expect(shouldKeepPolling(apiError(status))).toBe(false);
  });

  it('given maxRetries used up, then it stops retrying but polling may go on', () => {
    expect(shouldRetry(options.maxRetries, apiError(500), options)).toBe(true);
    expect(shouldRetry(options.maxRetries + 1, apiError(500), options)).toBe(false);
    expect(shouldKeepPolling(apiError(500))).toBe(true);
  });

  it('given a Retry-After longer than maxInlineRetryAfterMs, then it surfaces the error instead', () => {
    expect(shouldRetry(1, apiError(429, 7), options)).toBe(true);
    expect(shouldRetry(1, apiError(429, 60), options)).toBe(false);
  });

  it('given an error that is not a VerigramApiError, then it is a bug: no retry', () => {
    expect(shouldRetry(1, new TypeError('x is undefined'), options)).toBe(false);
  });
});

describe('retryAfterRemaining', () => {
  it('given a 429 with Retry-After: 7 received at t, then nothing may go before t + 7 s', () => {
    expect(retryAllowedAt(apiError(429, 7), 1000)).toBe(8000);
    expect(retryAfterRemaining(apiError(429, 7), 1000, 1000)).toBe(7000);
    expect(retryAfterRemaining(apiError(429, 7), 1000, 7999)).toBe(1);
    expect(retryAfterRemaining(apiError(429, 7), 1000, 8000)).toBe(0);
  });

  it('given any other error, then there is nothing to wait for', () => {
    expect(retryAllowedAt(apiError(500, 7), 0)).toBeUndefined();
    expect(retryAfterRemaining(apiError(429), 0, 0)).toBe(0);
    expect(retryAfterRemaining(new Error('x'), 0, 0)).toBe(0);
  });
});

describe('isFlowNotStartedError', () => {
  it('given a 404 from the result read, then it means "not started"', () => {
    expect(isFlowNotStartedError(apiError(404))).toBe(true);
    expect(isFlowNotStartedError(apiError(403))).toBe(false);
    expect(isFlowNotStartedError(new Error('404'))).toBe(false);
  });
});
