import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { VerigramFetch, VerigramResponse } from '@verigram-kit/core';
import { TRANSPORT_TIMEOUTS } from '@verigram-kit/core/internal';

const MAX_JSON_BYTES = 8 * 1024 * 1024;

/**
 * A transport answer straight from node:http, without a Web `Response`: on Node 20 building one
 * (and its Headers) per upstream answer was the largest cost left in the proxy benchmark. JSON
 * bodies arrive whole as a Buffer; anything else stays a Node stream until someone reads it.
 */
class NodeResponse implements VerigramResponse {
  readonly ok: boolean;
  readonly headers: VerigramResponse['headers'];
  readonly #source: Buffer | Readable | null;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(
    readonly status: number,
    headers: IncomingHttpHeaders,
    source: Buffer | Readable | null,
  ) {
    this.ok = status >= 200 && status < 300;
    // node:http already lower-cases names and joins repeated values (set-cookie aside).
    this.headers = {
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
    this.#source = source;
  }

  /** The body as a Web stream, as fetch gives it (a file download pipes it on). */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined) {
      const source = this.#take();
      this.#stream = Buffer.isBuffer(source)
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new Uint8Array(source));
              controller.close();
            },
          })
        : source && (Readable.toWeb(source) as ReadableStream<Uint8Array>);
    }
    return this.#stream;
  }

  async text(): Promise<string> {
    const source = this.#take();
    if (source === null || Buffer.isBuffer(source)) return source?.toString('utf8') ?? '';
    // A streamed answer read as text (an HTML error page, say) is still held to the JSON cap.
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_JSON_BYTES) {
        source.destroy();
        throw new Error(`Answer above ${MAX_JSON_BYTES} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** One reader only, as with fetch: the text, or the stream. */
  #take(): Buffer | Readable | null {
    if (this.#used) throw new TypeError('Body is unusable: it has already been read');
    this.#used = true;
    return this.#source;
  }
}

export interface NodeTransportOptions {
  /** Concurrent sockets per upstream host. @default 256 */
  maxSockets?: number | undefined;
  /**
   * Idle sockets kept open per host. Keep it at least the usual concurrency: a smaller pool closes
   * sockets after every burst and pays a new TCP connection per request (measured). @default 256
   */
  maxFreeSockets?: number | undefined;
  /** How long an idle socket is kept, in ms. @default 30000 */
  keepAliveMsecs?: number | undefined;
}

/**
 * An upstream transport on node:http(s) with keep-alive agents, for the Verigram client (and so the
 * proxy's `fetch` option). Measured with `pnpm bench:proxy`, Node 20's global fetch (undici) costs about three
 * times as much per proxied request; this one reuses sockets, answers with a light VerigramResponse
 * instead of a Web `Response`, and streams files (never buffered).
 * Supports what the Verigram client sends: a method, string headers, a string body, a signal, and
 * `timeoutMs` (TRANSPORT_TIMEOUTS: until the headers of a stream, or the whole of a JSON answer).
 * Redirects are never followed, whatever `init.redirect` says.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): VerigramFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    maxFreeSockets: options.maxFreeSockets ?? 256,
    keepAliveMsecs: options.keepAliveMsecs ?? 30_000,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const transport: VerigramFetch = (input, init) =>
    new Promise<VerigramResponse>((resolve, rejectWith) => {
      const url = new URL(input);
      const secure = url.protocol === 'https:';
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return rejectWith(signal.reason);
      const body = typeof init.body === 'string' ? init.body : undefined;
      // node:http reads the headers and keeps no reference; only a body adds one of ours.
      const headers =
        body === undefined
          ? (init.headers as Record<string, string>)
          : {
              ...(init.headers as Record<string, string>),
              'content-length': String(Buffer.byteLength(body)),
            };
      // What node:http would read off the URL (url.urlToHttpOptions), given as plain options: a URL
      // object costs it a copy of a dozen fields per request, and the agent spreads them again.
      const request = (secure ? https : http).request({
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        auth: url.username
          ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
          : undefined,
        method: init.method ?? 'GET',
        headers,
        agent: secure ? httpsAgent : httpAgent,
      });
      const timeoutMs = init.timeoutMs;
      let timedOut: DOMException | undefined;
      const timer =
        timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0
          ? setTimeout(() => {
              timedOut = new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError');
              request.destroy(timedOut);
            }, timeoutMs)
          : undefined;
      const resolveWith = (response: VerigramResponse) => {
        clearTimeout(timer);
        resolve(response);
      };
      // Whatever a destroyed socket reports, a timeout is reported as one.
      const reject = (error: unknown) => {
        clearTimeout(timer);
        rejectWith(timedOut ?? error);
      };
      const onAbort = () =>
        request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
      request.on('response', (incoming) => {
        const status = incoming.statusCode ?? 502;
        // node:http never follows a redirect, and neither do we: following would resend the API key
        // to whatever host Location names. The 3xx comes back bodiless and without Location, and
        // the client turns it into a typed UPSTREAM_REDIRECT error.
        const redirect = status >= 300 && status < 400;
        const headers = redirect ? { ...incoming.headers, location: undefined } : incoming.headers;
        const hasBody = !redirect && status !== 204 && init.method !== 'HEAD';
        // Once the body is done the socket goes back to the pool; only then stop listening for aborts.
        if (signal) incoming.on('close', () => signal.removeEventListener('abort', onAbort));
        if (!hasBody) {
          incoming.resume();
          return resolveWith(new NodeResponse(status, headers, null));
        }
        // Files (and anything else) stream through untouched.
        if (!/json/i.test(headers['content-type'] ?? ''))
          return resolveWith(new NodeResponse(status, headers, incoming));
        // JSON answers are small: gathering them first spares a Web stream per request, which
        // dominated the proxy's CPU profile. A runaway one is cut off at MAX_JSON_BYTES.
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_JSON_BYTES) incoming.destroy(new Error(`JSON answer above ${MAX_JSON_BYTES} bytes`));
          else chunks.push(chunk);
        });
        incoming.on('error', reject);
        incoming.on('end', () => resolveWith(new NodeResponse(status, headers, Buffer.concat(chunks))));
      });
      request.end(body);
    });
  return Object.assign(transport, { [TRANSPORT_TIMEOUTS]: true as const });
}
