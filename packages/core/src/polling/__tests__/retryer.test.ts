import { describe, expect, it } from 'vitest';
import { VerigramApiError } from '../../errors/VerigramApiError.ts';
import { resolvePollingOptions, shouldKeepPolling } from '../pollingPolicy.ts';
import { backoffDelay, retryAfterRemaining, retryAllowedAt, shouldRetry } from '../retryer.ts';

const options = resolvePollingOptions();
const apiError = (status: number, retryAfter?: number) =>
  new VerigramApiError({ status, errorCode: `E${status}`, errorMsg: 'test', retryAfter });

describe('backoffDelay', () => {
  it('given full jitter, then the delay of attempt n (0 = first retry) is random · min(cap, base · 2^n)', () => {
    const half = () => 0.5;
    expect(backoffDelay(0, options, apiError(500), half)).toBe(500);
    expect(backoffDelay(1, options, apiError(500), half)).toBe(1000);
    expect(backoffDelay(2, options, apiError(500), half)).toBe(2000);
    expect(backoffDelay(20, options, apiError(500), () => 0.999999)).toBe(options.maxDelayMs - 1);
    expect(backoffDelay(2, options, undefined, () => 0)).toBe(0);
  });

  it('given a 429 or 503 with Retry-After, then it waits exactly that long, whatever the cap', () => {
    expect(backoffDelay(0, options, apiError(429, 7), () => 0)).toBe(7000);
    expect(backoffDelay(0, options, apiError(503, 45), () => 0)).toBe(45_000);
  });

  it('given a 429 without Retry-After, or a Retry-After on a status that does not define it, then the backoff', () => {
    expect(backoffDelay(1, options, apiError(429), () => 0.5)).toBe(1000);
    expect(backoffDelay(1, options, apiError(500, 7), () => 0.5)).toBe(1000);
  });

  it('given no failure (a job retried by a queue), then the plain backoff under the policy cap', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, undefined, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, undefined, () => 0.999)).toBe(799);
    expect(backoffDelay(10, policy, undefined, () => 0.999)).toBe(999);
  });
});

describe('shouldRetry', () => {
  it.each([0, 408, 429, 500, 502, 503])('given status %s, then it retries', (status) => {
    expect(shouldRetry(0, apiError(status), options)).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('given status %s, then it does not retry', (status) => {
    expect(shouldRetry(0, apiError(status), options)).toBe(false);
    expect(shouldKeepPolling(apiError(status))).toBe(false);
  });

  it('given the retries used up, then it stops retrying but polling may go on', () => {
    expect(shouldRetry(options.retries - 1, apiError(500), options)).toBe(true);
    expect(shouldRetry(options.retries, apiError(500), options)).toBe(false);
    expect(shouldKeepPolling(apiError(500))).toBe(true);
  });

  it('given a Retry-After longer than maxRetryAfterMs, then it surfaces the error instead', () => {
    expect(shouldRetry(0, apiError(429, 7), options)).toBe(true);
    expect(shouldRetry(0, apiError(429, 60), options)).toBe(false);
  });

  it('given an error that is not a VerigramApiError, then it is a bug: no retry', () => {
    expect(shouldRetry(0, new TypeError('x is undefined'), options)).toBe(false);
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
