import { describe, expect, it } from 'vitest';
import { KitError } from '../KitError.ts';
import { parseRetryAfter, VerigramApiError } from '../VerigramApiError.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it.each([
    ['7', 7],
    [' 0 ', 0],
    ['Mon, 23 Nov 2026 10:00:30 GMT', 30],
    ['Mon, 23 Nov 2026 09:00:00 GMT', 0],
    ['soon', undefined],
    ['-3', undefined],
    [null, undefined],
  ])('reads %j as %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});

describe('VerigramApiError', () => {
  it('carries status, code, message and Retry-After, and says whether a retry may help', () => {
    const error = new VerigramApiError({
      status: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      errorMsg: 'Slow down',
      retryAfter: 7,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('Slow down');
    expect(error).toBeInstanceOf(KitError);
    expect(error.retryAfter).toBe(7);
    expect(error.isRetryable).toBe(true);
    expect(
      new VerigramApiError({ status: 422, errorCode: 'INVALID_PAYLOAD', errorMsg: 'x' }).isRetryable,
    ).toBe(false);
    expect(new VerigramApiError({ status: 0, errorCode: 'NETWORK_ERROR', errorMsg: 'x' }).isRetryable).toBe(
      true,
    );
  });
});
