import { ProxyError } from '../ProxyError.ts';
import type { ProxyResult } from './ProxyResult.ts';

/**
 * Content types a file may be served with (an image/video/pdf allowlist). Anything else
 * (HTML, SVG with script, JSON dumps of raw registry answers) is refused rather than handed to a
 * browser from the app's own origin.
 */
export const FILE_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
  'application/pdf',
] as const;

/** Magic numbers of exactly the allowlisted types: whatever this names is allowed. */
function sniff(bytes: Uint8Array): string | undefined {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, text: string) =>
    [...text].every((char, i) => bytes[from + i] === char.charCodeAt(0));
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (ascii(4, 'ftyp')) return 'video/mp4';
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return 'video/webm';
  return undefined;
}

/**
 * Serves an upstream file stream. The spec declares every file `application/octet-stream`, so a
 * generic or missing type is resolved by sniffing the first chunk against the allowlist; a
 * declared allowlisted type must agree with the bytes too, and anything else is refused. The rest
 * of the body is piped through a byte counter that errors the stream past `maxBytes`.
 */
export async function streamFile(
  body: ReadableStream<Uint8Array> | null,
  declaredType: string | null,
  declaredLength: number | undefined,
  maxBytes: number,
  headers: Record<string, string>,
): Promise<ProxyResult> {
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    await body?.cancel().catch(() => {});
    throw new ProxyError({
      status: 502,
      errorCode: 'FILE_TOO_LARGE',
      errorMsg: `The file is larger than the proxy's ${maxBytes}-byte limit`,
    });
  }
  if (!body)
    throw new ProxyError({
      status: 502,
      errorCode: 'UPSTREAM_MALFORMED',
      errorMsg: 'Verigram answered without a file body',
    });
  const reader = body.getReader();
  let first: Uint8Array = new Uint8Array(0);
  // Gather at least 16 bytes (or the whole body) for the magic numbers.
  while (first.byteLength < 16) {
    const { done, value } = await reader.read();
    if (done) break;
    const joined = new Uint8Array(first.byteLength + value.byteLength);
    joined.set(first);
    joined.set(value, first.byteLength);
    first = joined;
  }
  const sniffed = sniff(first);
  const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
  // Sniffing fills in a generic type only; a specific declared type must be allowlisted and true.
  const generic = declared === undefined || declared === '' || declared === 'application/octet-stream';
  const contentType = generic ? sniffed : declared === sniffed ? declared : undefined;
  if (!contentType) {
    await reader.cancel().catch(() => {});
    throw new ProxyError({
      status: 502,
      errorCode: 'FILE_TYPE_NOT_ALLOWED',
      errorMsg: 'The file is not an allowed image, video or PDF',
    });
  }
  let sent = first.byteLength;
  if (sent > maxBytes) {
    await reader.cancel().catch(() => {});
    throw new ProxyError({
      status: 502,
      errorCode: 'FILE_TOO_LARGE',
      errorMsg: `The file is larger than the proxy's ${maxBytes}-byte limit`,
    });
  }
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (first.byteLength > 0) {
          controller.enqueue(first);
          return;
        }
      }
      const { done, value } = await reader.read();
      if (done) return controller.close();
      sent += value.byteLength;
      if (sent > maxBytes) {
        // Headers are gone already; cutting the stream is the only honest signal left.
        await reader.cancel().catch(() => {});
        return controller.error(new Error(`file exceeds ${maxBytes} bytes`));
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const responseHeaders: Record<string, string> = {
    ...headers,
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-disposition': 'inline',
  };
  if (declaredLength !== undefined) responseHeaders['content-length'] = String(declaredLength);
  return { status: 200, headers: responseHeaders, body: stream };
}
