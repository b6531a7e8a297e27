import type { ProxyInput } from './ProxyInput.ts';

/**
 * The proxy's answer before it becomes a Web Response. The public handler always returns a
 * Response; the Node adapter takes this shape directly (see PROXY_CORE) because building and
 * re-reading a Response body costs more CPU than the rest of a proxied read (measured, see
 * README "Benchmark").
 */
export interface ProxyResult {
  status: number;
  headers: Record<string, string>;
  /** Serialised JSON, a stream (files), or nothing. */
  body: string | ReadableStream<Uint8Array> | null;
}

/** Headers every proxy answer carries: nothing here may be cached or content-sniffed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function jsonResult(status: number, body: unknown, headers: Record<string, string> = {}): ProxyResult {
  return {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function toResponse(result: ProxyResult): Response {
  return new Response(result.body, { status: result.status, headers: result.headers });
}

/** Where a proxy keeps its core, for the Node adapter only. */
export const PROXY_CORE: unique symbol = Symbol('verigram-proxy.core');

/** @internal The proxy before any Web object: what the Node adapter drives. */
export interface ProxyCore {
  handle(input: ProxyInput): Promise<ProxyResult>;
  /** Whether createVerigramProxy was given an `authorize` (adapters without their own need one). */
  readonly hasAuthorize: boolean;
}
