/**
 * A refusal of the sandbox, shaped like the spec's `SaasErrorResponse`. The engine throws it; the
 * HTTP server answers `status` with `{error_code, error_msg}`; the in-memory client turns it into a
 * core `VerigramApiError`.
 */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  readonly status: number;
  readonly errorCode: string;
  readonly errorMsg: string;

  constructor(status: number, errorCode: string, errorMsg: string) {
    super(`${status} ${errorCode}: ${errorMsg}`);
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
  }

  toBody(): { error_code: string; error_msg: string } {
    return { error_code: this.errorCode, error_msg: this.errorMsg };
  }
}

export function isSandboxError(value: unknown): value is SandboxError {
  return value instanceof SandboxError;
}
