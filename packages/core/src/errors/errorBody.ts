import type { KitError } from './KitError.ts';
import { parseRetryAfter, VerigramApiError } from './VerigramApiError.ts';

/** The spec's `SaasErrorResponse`: the body of every error answer, Verigram's and the kit's. */
export interface ErrorBody {
  error_code: string;
  error_msg: string;
}

// A gateway can answer a whole HTML page; an error message keeps the start of it.
const MAX_ERROR_MSG_LENGTH = 500;

/** The one writer of an error body: what the proxy and the sandbox answer for any error. */
export function toErrorBody(error: Pick<KitError, 'errorCode' | 'errorMsg'>): ErrorBody {
  return { error_code: error.errorCode, error_msg: error.errorMsg };
}

/**
 * The one reader of an error body: turns a non-2xx answer into a {@link VerigramApiError}. The spec
 * says every error body is a `SaasErrorResponse` `{ error_code, error_msg }`; gateways in front of
 * Verigram or the proxy (and faults) can answer HTML or garbage instead, which becomes
 * `fallbackCode` with the real status kept, so retry decisions still see a 503 as a 503.
 */
export async function readErrorBody(
  response: Pick<Response, 'status' | 'text'> & { headers: Pick<Headers, 'get'> },
  fallbackCode: string,
): Promise<VerigramApiError> {
  const { status } = response;
  // An unreadable or non-JSON body is the malformed answer the fallback code names.
  const body: Partial<Record<keyof ErrorBody, unknown>> | null = await response
    .text()
    .then(JSON.parse)
    .catch(() => null);
  const code = body?.error_code;
  const msg = body?.error_msg;
  return new VerigramApiError({
    status,
    errorCode: typeof code === 'string' ? code : fallbackCode,
    errorMsg: typeof msg === 'string' ? msg.slice(0, MAX_ERROR_MSG_LENGTH) : `HTTP ${status}`,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}
