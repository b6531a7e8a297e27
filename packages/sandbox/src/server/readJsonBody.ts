import type { IncomingMessage } from 'node:http';
import { SandboxError } from '../engine/SandboxError.ts';

const MAX_BODY_BYTES = 1_000_000;

/** A request's JSON body (undefined when empty): 413 over 1 MB, 422 when it is not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep draining past the limit: answering mid-upload would reset a kept-alive connection.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES)
    throw new SandboxError({
      status: 413,
      errorCode: 'PAYLOAD_TOO_LARGE',
      errorMsg: 'Request body exceeds 1 MB',
    });
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // The spec lists no 400; malformed JSON is an unprocessable request like any invalid body.
    throw new SandboxError({
      status: 422,
      errorCode: 'INVALID_PAYLOAD',
      errorMsg: 'Request body is not valid JSON',
    });
  }
}
