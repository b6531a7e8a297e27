import { KitError } from '@verigram-kit/core';

/**
 * A refusal of the sandbox, shaped like the spec's `SaasErrorResponse`. The engine throws it; the
 * HTTP server answers `status` with core's `toErrorBody` of it; the in-memory client turns it into
 * a core `VerigramApiError`.
 */
export class SandboxError extends KitError {
  override readonly name = 'SandboxError';
}

export function isSandboxError(value: unknown): value is SandboxError {
  return value instanceof SandboxError;
}
