import { parseRetryAfter, VerigramApiError } from '../api/VerigramApiError.ts';
import type { VerigramResponse } from './VerigramClient.ts';

const MAX_ERROR_MSG_LENGTH = 500;

/**
 * Turns a non-2xx answer into a VerigramApiError. The spec says every error body is a
 * SaasErrorResponse `{ error_code, error_msg }`; gateways in front of Verigram (and faults) can
 * answer HTML or garbage instead, which becomes `UPSTREAM_MALFORMED` with the real status kept so
 * retry decisions still see a 503 as a 503.
 */
export async function readErrorResponse(response: VerigramResponse): Promise<VerigramApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let text = '';
  try {
    text = await response.text();
  } catch (cause) {
    return new VerigramApiError({
      status: response.status,
      errorCode: 'UPSTREAM_MALFORMED',
      errorMsg: `Verigram answered ${response.status} and the body could not be read`,
      retryAfter,
      cause,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error_code?: unknown }).error_code === 'string'
  ) {
    const { error_code, error_msg } = body as { error_code: string; error_msg?: unknown };
    return new VerigramApiError({
      status: response.status,
      errorCode: error_code,
      errorMsg:
        typeof error_msg === 'string' ? error_msg.slice(0, MAX_ERROR_MSG_LENGTH) : `HTTP ${response.status}`,
      retryAfter,
    });
  }
  return new VerigramApiError({
    status: response.status,
    errorCode: 'UPSTREAM_MALFORMED',
    errorMsg: `Verigram answered ${response.status} without a JSON { error_code, error_msg } body`,
    retryAfter,
  });
}
