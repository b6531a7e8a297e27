import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { VerigramProxy } from '../createVerigramProxy.ts';
import { NODE_RESULT } from '../ProxyResult.ts';

export interface NodeHandlerOptions {
  /**
   * The public origin of the app (`https://app.example.com`), when the Host header the server
   * sees is not it (behind a reverse proxy). @default `http://${Host header}`
   */
  origin?: string | undefined;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never passed on.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/**
 * A node:http request listener, also usable as Express/Connect middleware: with `next`, requests
 * outside the proxy's mount path fall through. Express strips an `app.use('/x', …)` prefix from
 * `req.url`, so `originalUrl` is read first.
 */
export function toNodeHandler(proxy: VerigramProxy, options: NodeHandlerOptions = {}) {
  const handle = proxy[NODE_RESULT];
  return async (
    req: IncomingMessage,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ): Promise<void> => {
    const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    if (next && !path.startsWith(`${proxy.mountPath}/`)) return next();
    let stream: ReadableStream<Uint8Array> | undefined;
    // A browser that goes away stops a file download upstream too.
    res.on('close', () => {
      if (!res.writableFinished) stream?.cancel().catch(() => {});
    });
    try {
      const base = options.origin ?? `http://${req.headers.host ?? 'localhost'}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || HOP_BY_HOP.has(name)) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(new URL(path, base), {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        // Required by undici for a streamed request body.
        ...(hasBody ? { duplex: 'half' } : {}),
      } as RequestInit);
      // The result, not a Response: skipping a Web body round trip is most of this adapter's speed.
      const result = await handle(request, { clientIp: req.socket.remoteAddress });
      if (typeof result.body === 'string') {
        // Given a string, node:http sends headers and body in one write; a Buffer costs a writev,
        // which measured as the most expensive step of the whole request.
        res.writeHead(result.status, {
          ...result.headers,
          'content-length': String(Buffer.byteLength(result.body)),
        });
        return void res.end(result.body);
      }
      res.writeHead(result.status, result.headers);
      if (!result.body) return void res.end();
      stream = result.body;
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // Respect backpressure so a large file never piles up in memory.
        if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ error_code: 'INTERNAL_ERROR', error_msg: 'The proxy failed' }));
      } else res.destroy(error instanceof Error ? error : undefined);
    }
  };
}

/** The same listener under the name Express users look for. */
export const toExpressHandler = toNodeHandler;
