import type { VerigramProxy } from './createVerigramProxy.ts';

/** The part of Hono's Context the adapter reads; typed here so the proxy does not depend on hono. */
export interface HonoLikeContext {
  req: { raw: Request };
}

/**
 * A Hono handler: `app.all('/api/verigram/*', toHonoHandler(proxy))`. Hono's request is already a
 * Web Request, so this is `(c) => proxy(c.req.raw)`.
 */
export function toHonoHandler(proxy: VerigramProxy) {
  return (c: HonoLikeContext): Promise<Response> => proxy(c.req.raw);
}
