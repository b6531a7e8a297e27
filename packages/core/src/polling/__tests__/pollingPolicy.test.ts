import { describe, expect, it } from 'vitest';
import { VerigramApiError } from '../../errors/VerigramApiError.ts';
import {
  DEFAULT_POLLING_OPTIONS,
  isFlowNotStartedError,
  nextPollInterval,
  resolvePollingOptions,
} from '../pollingPolicy.ts';

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
    expect(() => resolvePollingOptions({ retries: bad })).toThrow(
      /^polling\.retries must be a number ≥ 0, got /,
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

describe('isFlowNotStartedError', () => {
  it('given a 404 from the result read, then it means "not started"', () => {
    expect(isFlowNotStartedError(apiError(404))).toBe(true);
    expect(isFlowNotStartedError(apiError(403))).toBe(false);
    expect(isFlowNotStartedError(new Error('404'))).toBe(false);
  });
});
