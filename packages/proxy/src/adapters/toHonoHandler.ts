import type { VerigramProxy } from '../createVerigramProxy.ts';
import { PROXY_CORE } from '../http/ProxyResult.ts';

/** The part of Hono's Context the adapter reads; typed here so the proxy does not depend on hono. */
export interface HonoLikeContext {
  req: { raw: Request };
  /** On @hono/node-server, `env.incoming` is the Node request: its socket gives the client IP. */
  env?: unknown;
}

function nodeClientIp(env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined)?.incoming;
  const address = incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

/**
 * A Hono handler: `app.all('/api/verigram/*', toHonoHandler(proxy))`. Hono's request is already a
 * Web Request. On @hono/node-server the socket's address feeds the per-IP rate limit; elsewhere
 * (Workers, Deno, Bun) pass `clientIp` or `trustProxy` to createVerigramProxy.
 */
export function toHonoHandler(proxy: VerigramProxy) {
  if (!proxy[PROXY_CORE].hasAuthorize)
    throw new TypeError('toHonoHandler: createVerigramProxy needs authorize');
  return (c: HonoLikeContext): Promise<Response> => proxy(c.req.raw, { clientIp: nodeClientIp(c.env) });
}
