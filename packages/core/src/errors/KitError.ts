/** What every error of the kit is built from: Verigram's `SaasErrorResponse` fields plus a status. */
export interface KitErrorInit {
  /** The HTTP status answered, or that would be answered; 0 when no response exists. */
  status: number;
  /** A stable code to switch on: Verigram's `error_code`, or one of the kit's own. */
  errorCode: string;
  /** A message a developer can act on; also the error's `message`. */
  errorMsg: string;
  /** The failure underneath, when there is one. */
  cause?: unknown;
  /**
   * Headers the HTTP answer of this error carries (e.g. `Retry-After`); only errors that become an
   * answer (the proxy's `ProxyError`) keep them.
   */
  headers?: Record<string, string> | undefined;
}

/**
 * The one error shape of every package: the browser kit's {@link VerigramApiError} and
 * `VerigramKitError`, the proxy's `ProxyError` and the sandbox's `SandboxError` all extend it, so
 * `status`, `errorCode` and `errorMsg` read the same wherever an error comes from. Extend it for a
 * new kind of error: `class MyError extends KitError { override readonly name = 'MyError' }`.
 */
export abstract class KitError extends Error {
  // Each concrete error names itself (`VerigramApiError`, `ProxyError`…); the base is never thrown.
  declare readonly name: string;
  // `declare`: the constructor sets each one, so emitted field initialisers would only repeat them.
  declare readonly status: number;
  declare readonly errorCode: string;
  declare readonly errorMsg: string;

  constructor(init: KitErrorInit) {
    super(init.errorMsg, { cause: init.cause });
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
  }
}

export function isKitError(value: unknown): value is KitError {
  return value instanceof KitError;
}
