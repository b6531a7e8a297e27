import { isVerigramApiError } from '../errors/VerigramApiError.ts';

/**
 * `GET /flow/{id}/result` answers 404 while the flow has not started (spec, getFlowResult): for a
 * result read, that 404 means "not started", not a failure.
 */
export function isFlowNotStartedError(error: unknown): boolean {
  return isVerigramApiError(error) && error.status === 404;
}
