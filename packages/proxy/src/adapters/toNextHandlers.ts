import type { VerigramProxy } from '../createVerigramProxy.ts';
import { PROXY_CORE } from '../http/ProxyResult.ts';

/**
 * Next.js App Router route handlers. Put them in `app/api/verigram/[...path]/route.ts`:
 * `export const { GET, POST, OPTIONS } = toNextHandlers(proxy);`
 * Next gives no client IP: pass `clientIp` (or `trustProxy` behind Vercel) for per-IP limits.
 */
export function toNextHandlers(proxy: VerigramProxy) {
  if (!proxy[PROXY_CORE].hasAuthorize)
    throw new TypeError('toNextHandlers: createVerigramProxy needs authorize');
  const handle = (request: Request) => proxy(request);
  return { GET: handle, POST: handle, OPTIONS: handle };
}
