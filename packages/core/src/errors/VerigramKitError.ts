import { KitError, type KitErrorInit } from './KitError.ts';

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

/** {@link KitErrorInit} for a failure in the browser: no HTTP answer, so `status` defaults to 0. */
export interface VerigramKitErrorInit extends Omit<KitErrorInit, 'status' | 'errorCode'> {
  errorCode: FlowErrorCode;
  /** @default 0 */
  status?: number | undefined;
}

export class VerigramKitError extends KitError {
  override readonly name = 'VerigramKitError';
  declare readonly errorCode: FlowErrorCode;

  constructor(init: VerigramKitErrorInit) {
    super({ ...init, status: init.status ?? 0 });
  }
}
