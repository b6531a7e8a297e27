/**
 * An answer the proxy gives on purpose: a status, a stable `error_code` the browser kit can
 * switch on and an `error_msg` a developer can act on. Thrown inside the handler, turned into a
 * JSON `{ error_code, error_msg }` response (the shape of Verigram's SaasErrorResponse) at its edge.
 */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  readonly status: number;
  readonly errorCode: string;
  readonly headers: Record<string, string>;

  constructor(status: number, errorCode: string, errorMsg: string, headers: Record<string, string> = {}) {
    super(errorMsg);
    this.status = status;
    this.errorCode = errorCode;
    this.headers = headers;
  }
}

/** The one answer for "no such flow", "not your flow" and "bad token", so none can be told apart. */
export function notFound(): ProxyError {
  return new ProxyError(404, 'NOT_FOUND', 'The specified resource was not found');
}
