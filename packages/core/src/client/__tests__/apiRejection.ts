import { expect } from 'vitest';
import { VerigramApiError } from '../../errors/VerigramApiError.ts';

/** The VerigramApiError `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function apiRejection(promise: Promise<unknown>): Promise<VerigramApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerigramApiError);
  return error as VerigramApiError;
}
