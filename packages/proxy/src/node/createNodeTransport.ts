import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { TRANSPORT_TIMEOUTS, type VerigramFetch } from '@verigram-kit/core';

const MAX_JSON_BYTES = 8 * 1024 * 1024;

/**
 * A Response whose body is already in memory. `new Response(buffer)` wraps the bytes in a Web
 * stream and `.text()` reads them back through it, which cost more than the upstream round trip
 * itself on Node 20 (measured); this one answers text/json/arrayBuffer straight from the buffer
 * and builds a stream only if someone asks for `body`.
 */
class BufferedResponse extends Response {
  readonly #bytes: Buffer;
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null = null;

  constructor(bytes: Buffer, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: it has already been read');
    this.#used = true;
    return this.#bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (!this.#stream) {
      const bytes = this.#bytes;
      this.#stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(new Uint8Array(bytes));
          controller.close();
        },
      });
    }
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async text(): Promise<string> {
    return this.#take().toString('utf8');
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
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
 * A fetch-compatible upstream transport on node:http(s) with keep-alive agents. Measured for
 * issue 3, Node 20's global fetch (undici) costs about three times as much per proxied request;
 * this one reuses sockets and hands the body back as a Web stream (files are never buffered).
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
    new Promise<Response>((resolve, rejectWith) => {
      const url = new URL(input);
      const secure = url.protocol === 'https:';
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return rejectWith(signal.reason);
      const body = typeof init.body === 'string' ? init.body : undefined;
      const headers = { ...(init.headers as Record<string, string>) };
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const request = (secure ? https : http).request(url, {
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
      const resolveWith = (response: Response) => {
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
        // A plain record: Response converts it once (a Headers here would be copied again).
        const responseHeaders: Record<string, string> = {};
        for (const name in incoming.headers) {
          const value = incoming.headers[name];
          if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        // node:http never follows a redirect, and neither do we: following would resend the API key
        // to whatever host Location names. The 3xx comes back bodiless and without Location, and
        // the client turns it into a typed UPSTREAM_REDIRECT error.
        const redirect = status >= 300 && status < 400;
        if (redirect) delete responseHeaders.location;
        const hasBody = !redirect && status !== 204 && init.method !== 'HEAD';
        // Once the body is done the socket goes back to the pool; only then stop listening for aborts.
        incoming.on('close', () => signal?.removeEventListener('abort', onAbort));
        const responseInit = { status, statusText: incoming.statusMessage, headers: responseHeaders };
        if (!hasBody) {
          incoming.resume();
          return resolveWith(new Response(null, responseInit));
        }
        if (!/json/i.test(responseHeaders['content-type'] ?? '')) {
          // Files (and anything else) stream through untouched.
          return resolveWith(
            new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, responseInit),
          );
        }
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
        incoming.on('end', () => resolveWith(new BufferedResponse(Buffer.concat(chunks), responseInit)));
      });
      request.end(body);
    });
  return Object.assign(transport, { [TRANSPORT_TIMEOUTS]: true as const });
}
