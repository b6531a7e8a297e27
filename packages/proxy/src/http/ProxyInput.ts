import type { ProxyRequestContext, ProxyUser } from '../VerigramProxyOptions.ts';

/**
 * What the proxy core reads from an incoming request. The Web handler wraps a `Request`; the Node
 * adapter wraps an `IncomingMessage` directly and builds a `Request` only when a hook asks for one,
 * because on Node 20 a `Request` (with its AbortController) costs more CPU than the rest of a
 * proxied read (measured, README "Benchmark").
 */
export interface ProxyInput {
  readonly method: string;
  /**
   * The request's path, without its query. The Node adapter hands it on as it arrived, never
   * normalised: the route table matches segments exactly, so `..` or `%2e` can only miss.
   */
  readonly pathname: string;
  /** The query with its `?`, or ''. */
  readonly search: string;
  /** The app's own origin (`https://app.example.com`): what a same-origin browser sends as Origin. */
  readonly origin: string;
  /** A header by lower-case name, or null; repeated headers joined with ", ". */
  header(name: string): string | null;
  /** The body, for POSTs. */
  body(): ReadableStream<Uint8Array> | null;
  /** Aborts when the client goes away; only file downloads follow it. */
  signal(): AbortSignal | undefined;
  /** The request as a Web `Request`, for the hooks that take one (`authorize`, `clientIp`). */
  request(): Request;
  /** The adapter's own user lookup (e.g. from Express's `req.user`); replaces `options.authorize`. */
  readonly authorize?: (() => ProxyUser | null | Promise<ProxyUser | null>) | undefined;
  readonly context: ProxyRequestContext;
}

export function fromWebRequest(request: Request, context: ProxyRequestContext = {}): ProxyInput {
  const url = new URL(request.url);
  return {
    method: request.method,
    pathname: url.pathname,
    search: url.search,
    origin: url.origin,
    header: (name) => request.headers.get(name),
    body: () => request.body,
    signal: () => request.signal,
    request: () => request,
    context,
  };
}
