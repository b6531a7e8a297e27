import { ProxyError } from '../ProxyError.ts';
import type { ProxyInput } from './ProxyInput.ts';

/**
 * Reads a JSON object body of at most `maxBytes`, refusing early on a too-large Content-Length and
 * counting while streaming (a chunked body has no Content-Length), so an oversize body is never
 * held in memory whole.
 */
export async function readJsonBody(input: ProxyInput, maxBytes: number): Promise<Record<string, unknown>> {
  const tooLarge = () =>
    new ProxyError({
      status: 413,
      errorCode: 'PAYLOAD_TOO_LARGE',
      errorMsg: `The request body is larger than ${maxBytes} bytes`,
    });
  const declared = input.header('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const body = input.body();
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ProxyError({
      status: 400,
      errorCode: 'INVALID_JSON',
      errorMsg: 'The request body is not valid JSON',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProxyError({
      status: 400,
      errorCode: 'INVALID_JSON',
      errorMsg: 'The request body must be a JSON object',
    });
  }
  return value as Record<string, unknown>;
}
