import { describe, expect, it } from 'vitest';
import { readErrorBody, toErrorBody } from '../errorBody.ts';
import { VerigramApiError } from '../VerigramApiError.ts';

describe('toErrorBody', () => {
  it('writes the spec SaasErrorResponse of any kit error', () => {
    const error = new VerigramApiError({ status: 404, errorCode: 'NOT_FOUND', errorMsg: 'No such flow' });
    expect(toErrorBody(error)).toEqual({ error_code: 'NOT_FOUND', error_msg: 'No such flow' });
  });
});

describe('readErrorBody', () => {
  it('given a SaasErrorResponse, then the error carries its code, message, status and Retry-After', async () => {
    const response = new Response(
      JSON.stringify({ error_code: 'TOO_MANY_REQUESTS', error_msg: 'Slow down' }),
      {
        status: 429,
        headers: { 'Retry-After': '7' },
      },
    );
    const error = await readErrorBody(response, 'UPSTREAM_MALFORMED');
    expect(error).toBeInstanceOf(VerigramApiError);
    expect(error).toMatchObject({
      status: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      errorMsg: 'Slow down',
      retryAfter: 7,
    });
  });

  it('given an HTML page from a gateway, then the fallback code with the real status', async () => {
    const error = await readErrorBody(new Response('<html>bad gateway</html>', { status: 502 }), 'FALLBACK');
    expect(error).toMatchObject({ status: 502, errorCode: 'FALLBACK' });
    expect(error.errorMsg).toContain('502');
  });

  it('given JSON without an error_code, then the fallback code', async () => {
    const error = await readErrorBody(new Response('{"message":"nope"}', { status: 500 }), 'FALLBACK');
    expect(error).toMatchObject({ status: 500, errorCode: 'FALLBACK' });
  });

  it('given a body that cannot be read, then the fallback code with the real status', async () => {
    const response = {
      status: 503,
      headers: new Headers(),
      text: () => Promise.reject(new TypeError('broke')),
    };
    const error = await readErrorBody(response, 'UPSTREAM_MALFORMED');
    expect(error).toMatchObject({ status: 503, errorCode: 'UPSTREAM_MALFORMED' });
  });

  it('given a huge error_msg, then only its first 500 characters are kept', async () => {
    const body = JSON.stringify({ error_code: 'X', error_msg: 'a'.repeat(10_000) });
    const error = await readErrorBody(new Response(body, { status: 400 }), 'FALLBACK');
    expect(error.errorMsg).toHaveLength(500);
  });
});
