/** Error codes the kit itself produces, beside whatever `error_code` Verigram returns. */
export type KitErrorCode =
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_MALFORMED'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED';

export interface VerigramApiErrorInit {
  status: number;
  /** Verigram's `error_code` (or a {@link KitErrorCode}). */
  errorCode: string;
  /** Verigram's `error_msg`, or a message of the kit's. */
  errorMsg: string;
  /** Seconds to wait, from a `Retry-After` header. */
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * Any failed call to Verigram, the sandbox or the proxy. `status` is the HTTP status
 * (0 when no response arrived); `errorCode` and `errorMsg` mirror `SaasErrorResponse`.
 */
export class VerigramApiError extends Error {
  override readonly name = 'VerigramApiError';
  // `declare`: the constructor sets each one, so emitted field initialisers would only repeat them.
  declare readonly status: number;
  declare readonly errorCode: string;
  declare readonly errorMsg: string;
  declare readonly retryAfter: number | undefined;

  constructor(init: VerigramApiErrorInit) {
    super(`${init.status || 'network'} ${init.errorCode}: ${init.errorMsg}`, { cause: init.cause });
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
    this.retryAfter = init.retryAfter;
  }

  /** Rate limits, unavailability and transport failures are worth another try; other 4xx are not. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 408 || this.status >= 500;
  }
}

export function isVerigramApiError(value: unknown): value is VerigramApiError {
  return value instanceof VerigramApiError;
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into seconds, or undefined. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date always names its weekday and month; this also keeps Date.parse from
  // reading "-3" as the year 3 BC.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
