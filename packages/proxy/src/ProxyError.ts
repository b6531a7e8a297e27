import { KitError, type KitErrorInit } from '@verigram-kit/core';

/**
 * An answer the proxy gives on purpose: a status, a stable `error_code` the browser kit can
 * switch on and an `error_msg` a developer can act on. Thrown inside the handler, turned into a
 * JSON `{ error_code, error_msg }` response (the shape of Verigram's SaasErrorResponse, written by
 * core's `toErrorBody`) at its edge, with `headers` added to that response.
 */
export class ProxyError extends KitError {
  override readonly name = 'ProxyError';
  /** Added to the error's HTTP answer (e.g. `Retry-After`). @default {} */
  readonly headers: Record<string, string>;

  constructor(init: KitErrorInit) {
    super(init);
    this.headers = init.headers ?? {};
  }
}

/** The one answer for "no such flow", "not your flow" and "bad token", so none can be told apart. */
export function notFound(): ProxyError {
  return new ProxyError({
    status: 404,
    errorCode: 'NOT_FOUND',
    errorMsg: 'The specified resource was not found',
  });
}
