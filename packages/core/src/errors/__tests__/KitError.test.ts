import { describe, expect, it } from 'vitest';
import { isKitError, KitError } from '../KitError.ts';
import { isVerigramApiError, VerigramApiError } from '../VerigramApiError.ts';
import { VerigramKitError } from '../VerigramKitError.ts';

class ExampleError extends KitError {
  override readonly name = 'ExampleError';
}

describe('KitError', () => {
  it('given one init object, then status, errorCode, errorMsg and cause read back and message is errorMsg', () => {
    const cause = new TypeError('socket hang up');
    const error = new ExampleError({
      status: 503,
      errorCode: 'UPSTREAM_UNAVAILABLE',
      errorMsg: 'Verigram is down',
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(KitError);
    expect(error.name).toBe('ExampleError');
    expect(error).toMatchObject({
      status: 503,
      errorCode: 'UPSTREAM_UNAVAILABLE',
      errorMsg: 'Verigram is down',
    });
    expect(error.message).toBe('Verigram is down');
    expect(error.cause).toBe(cause);
  });

  it('is the base of the API error and the kit error, whose guards still tell them apart', () => {
    const api = new VerigramApiError({ status: 429, errorCode: 'TOO_MANY_REQUESTS', errorMsg: 'Slow down' });
    const kit = new VerigramKitError({ errorCode: 'POPUP_BLOCKED', errorMsg: 'The browser blocked it' });
    expect(isKitError(api)).toBe(true);
    expect(isKitError(kit)).toBe(true);
    expect(isKitError(new Error('plain'))).toBe(false);
    expect(isVerigramApiError(kit)).toBe(false);
    expect(api.name).toBe('VerigramApiError');
    expect(kit).toMatchObject({ name: 'VerigramKitError', status: 0, errorCode: 'POPUP_BLOCKED' });
    expect(kit.message).toBe('The browser blocked it');
  });
});
