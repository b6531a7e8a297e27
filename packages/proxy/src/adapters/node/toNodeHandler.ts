import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { toErrorBody } from '@verigram-kit/core';
import type { VerigramProxy } from '../../createVerigramProxy.ts';
import type { ProxyInput } from '../../http/ProxyInput.ts';
import { jsonResult, PROXY_CORE } from '../../http/ProxyResult.ts';
import type { ProxyUser } from '../../VerigramProxyOptions.ts';

/**
 * @typeParam Req the request type your framework hands the handler, e.g. Express's `Request`, so
 * `authorize` sees what middleware put on it (`req.session`, `req.user`). @default IncomingMessage
 */
export interface NodeHandlerOptions<Req extends IncomingMessage = IncomingMessage> {
  /**
   * The public origin of the app (`https://app.example.com`), when the Host header the server
   * sees is not it (behind a reverse proxy). @default `http://${Host header}`
   */
  origin?: string | undefined;
  /**
   * Who is asking, read from the Node request: what Express middleware left on it (`req.user`,
   * `req.session`) or its cookies. Replaces `createVerigramProxy`'s `authorize` for this adapter,
   * and spares building a Web `Request` for every read. Return `null` for an anonymous request.
   * Type the parameter with your framework's request (`(req: Request) => …` with Express's
   * `Request`) and the handler takes that type: session and user fields are then in reach.
   * @default the proxy's own `authorize`, given a Web `Request`
   * @example authorize: (req: Request) => (req.user ? { personId: req.user.id } : null)
   */
  authorize?: ((req: Req) => ProxyUser | null | Promise<ProxyUser | null>) | undefined;
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

const hasBody = (method: string | undefined) => method !== 'GET' && method !== 'HEAD';

/** A Node header as a Web one: repeated values joined with ", ". */
const joinHeader = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value);

/** An error the adapter answers itself, shaped like the core's (README "Errors"). */
function answerError(res: ServerResponse, status: number, errorCode: string, errorMsg: string): void {
  const answer = jsonResult(status, toErrorBody({ errorCode, errorMsg }));
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/** The Web Request a hook asks for, built from the Node request on demand (see ProxyInput). */
function toWebRequest(req: IncomingMessage, url: string, signal: () => AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, joinHeader(value));
  }
  const body = hasBody(req.method);
  return new Request(url, {
    method: req.method,
    headers,
    signal: signal(),
    body: body ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Required by undici for a streamed request body.
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * A node:http request listener, also usable as Express/Connect middleware: with `next`, requests
 * outside the proxy's mount path fall through. Express strips an `app.use('/x', …)` prefix from
 * `req.url`, so `originalUrl` is read first.
 *
 * No Web `Request` or `Response` is built unless a hook asks for one: on Node 20 they cost more than
 * the rest of a proxied read (README "Benchmark").
 */
export function toNodeHandler<Req extends IncomingMessage = IncomingMessage>(
  proxy: VerigramProxy,
  options: NodeHandlerOptions<Req> = {},
): (req: Req, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void> {
  const core = proxy[PROXY_CORE];
  const fixedOrigin = options.origin === undefined ? undefined : new URL(options.origin).origin;
  // The app's origin by Host header, parsed once per host: a URL parse per request was the largest
  // cost the adapter added to a proxied read (README "Benchmark"). Bounded, as Host is the client's.
  const originByHost = new Map<string, string>();
  const originOf = (host: string): string | undefined => {
    let origin = originByHost.get(host);
    if (origin === undefined) {
      try {
        origin = new URL(`http://${host}`).origin;
      } catch {
        return undefined;
      }
      if (originByHost.size >= 64) originByHost.clear();
      originByHost.set(host, origin);
    }
    return origin;
  };
  const nodeAuthorize = options.authorize;
  if (nodeAuthorize !== undefined && typeof nodeAuthorize !== 'function')
    throw new TypeError('toNodeHandler: authorize must be a function');
  if (!nodeAuthorize && !core.hasAuthorize)
    throw new TypeError('toNodeHandler: pass authorize here or to createVerigramProxy');
  return async (req, res, next) => {
    const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    if (next && !path.startsWith(`${proxy.mountPath}/`)) return next();
    let controller: AbortController | undefined;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let watching = false;
    // A browser that goes away stops a file download upstream too. Only a signal handed out or a
    // body being streamed can be stopped, so small JSON answers (nearly all) never watch.
    const watchClient = () => {
      if (watching) return;
      watching = true;
      const stop = () => {
        if (res.writableFinished) return;
        controller?.abort(new Error('The client went away'));
        reader?.cancel().catch(() => {});
      };
      if (res.destroyed) stop();
      else res.once('close', stop);
    };
    try {
      const origin = fixedOrigin ?? originOf(req.headers.host ?? 'localhost');
      if (origin === undefined) return answerError(res, 400, 'INVALID_HOST', 'The Host header names no host');
      // The path as it arrived, never normalised (see ProxyInput.pathname); an absolute-form
      // request line (`GET http://…`) is no path below the mount point, so it is not served.
      const queryAt = path.indexOf('?');
      const signal = () => {
        controller ??= new AbortController();
        watchClient();
        return controller.signal;
      };
      let request: Request | undefined;
      let body: ReadableStream<Uint8Array> | null | undefined;
      const input: ProxyInput = {
        method: req.method ?? 'GET',
        pathname: queryAt < 0 ? path : path.slice(0, queryAt),
        search: queryAt < 0 ? '' : path.slice(queryAt),
        origin,
        header(name) {
          if (HOP_BY_HOP.has(name)) return null;
          const value = req.headers[name];
          return value === undefined ? null : joinHeader(value);
        },
        // One reader of the Node stream: the Web Request's body if a hook built one, else our own.
        body() {
          if (request) return request.body;
          body ??= hasBody(req.method) ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null;
          return body;
        },
        signal,
        request() {
          if (body !== undefined) throw new Error('toNodeHandler: the body was read before the Request');
          request ??= toWebRequest(req, `${origin}${path}`, signal);
          return request;
        },
        authorize: nodeAuthorize && (() => nodeAuthorize(req)),
        context: { clientIp: req.socket.remoteAddress },
      };
      const result = await core.handle(input);
      if (typeof result.body === 'string') {
        // Given a string, node:http sends headers and body in one write; a Buffer costs a writev,
        // which measured as the most expensive step of the whole request.
        // The result is this request's own: its headers object can take one more.
        result.headers['content-length'] = String(Buffer.byteLength(result.body));
        res.writeHead(result.status, result.headers);
        return void res.end(result.body);
      }
      res.writeHead(result.status, result.headers);
      if (!result.body) return void res.end();
      reader = result.body.getReader();
      watchClient();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // Respect backpressure so a large file never piles up in memory.
        if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      if (!res.headersSent) answerError(res, 500, 'INTERNAL_ERROR', 'The proxy failed');
      else res.destroy(error instanceof Error ? error : undefined);
    }
  };
}

/** The same listener under the name Express users look for. */
export const toExpressHandler = toNodeHandler;
