import { KitError, type KitErrorInit } from './KitError.ts';

/** Error codes the kit itself produces, beside whatever `error_code` Verigram returns. */
export type KitErrorCode =
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_MALFORMED'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED';

export interface VerigramApiErrorInit extends KitErrorInit {
  /** Seconds to wait, from a `Retry-After` header. @default undefined */
  retryAfter?: number | undefined;
}

/**
 * Any failed call to Verigram, the sandbox or the proxy. `status` is the HTTP status
 * (0 when no response arrived); `errorCode` and `errorMsg` mirror `SaasErrorResponse`.
 */
export class VerigramApiError extends KitError {
  override readonly name = 'VerigramApiError';
  declare readonly retryAfter: number | undefined;

  constructor(init: VerigramApiErrorInit) {
    super(init);
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
