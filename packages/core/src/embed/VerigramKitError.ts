/** Failures the embed kit itself detects, as opposed to an API answer ({@link VerigramApiError}). */
export type FlowErrorCode =
  /** The hosted page could not open the camera and no fallback mode was left. */
  | 'CAMERA_UNAVAILABLE'
  /** `window.open` returned null: the browser blocked the verification window. */
  | 'POPUP_BLOCKED'
  /** The client's `createFlow` failed with something other than a VerigramApiError. */
  | 'FLOW_CREATE_FAILED'
  /** Reading the flow's status failed with something other than a VerigramApiError. */
  | 'FLOW_CHECK_FAILED';

export class VerigramKitError extends Error {
  override readonly name = 'VerigramKitError';
  constructor(
    readonly code: FlowErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
