import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostPageSecurityHeaders } from '@verigram-kit/core';

/**
 * What Vite writes where a nonce goes (`html.cspNonce`: the nonce attribute of its inline scripts
 * and styles, and the `csp-nonce` meta its client and the demo read). Each response gets its own
 * nonce in its place, of the same length (18 random bytes in base64), so Content-Length holds.
 */
export const NONCE_PLACEHOLDER = 'demoNoncePlaceholder0000';

/** `'sha256-…'` of each inline `<script>` of a static page (the kit's callback.html). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  );
}

export interface DemoSecurityOptions {
  /** The hosted page's origin (the sandbox's page origin, or Verigram's). */
  hostedOrigin: string;
  mountPath: string;
  callbackPath: string;
  /** The callback page as served, whose inline script the policy allows by hash. */
  callbackPage: string;
}

/**
 * Sends core's `hostPageSecurityHeaders` with every page of the demo: Vite's dev preamble and
 * injected styles (and the builder's `<style>`) run on a nonce fresh per response, never
 * `unsafe-inline`; the callback page's script by its hash. The frame may show the hosted origin
 * and exactly this demo's callback page.
 */
export function createDemoSecurityHeaders(options: DemoSecurityOptions) {
  const callbackHashes = inlineScriptHashes(options.callbackPage);
  return (req: IncomingMessage, res: ServerResponse, isCallbackPage: boolean) => {
    const nonce = randomBytes(18).toString('base64');
    const host = req.headers.host ?? '';
    const headers = hostPageSecurityHeaders({
      hostedOrigin: options.hostedOrigin,
      proxyPath: options.mountPath,
      // The Host this very response answers, so frame-src names this demo's callback page only.
      callbackUrl: /^[\w.-]+(:\d+)?$/.test(host)
        ? `http://${host}${options.callbackPath}`
        : options.callbackPath,
      nonce,
      sources: isCallbackPage ? { 'script-src': callbackHashes } : {},
    });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // A cached page would carry an older nonce than the header: pages are never answered 304.
    delete req.headers['if-none-match'];
    const withNonce = (chunk: unknown) => {
      if (typeof chunk === 'string') return chunk.replaceAll(NONCE_PLACEHOLDER, nonce);
      if (Buffer.isBuffer(chunk) && chunk.includes(NONCE_PLACEHOLDER)) {
        return Buffer.from(chunk.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce), 'utf8');
      }
      return chunk;
    };
    const { write, end } = res;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      return (write as (...args: unknown[]) => boolean).call(this, withNonce(chunk), ...rest);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      return (end as (...args: unknown[]) => ServerResponse).call(this, withNonce(chunk), ...rest);
    } as ServerResponse['end'];
  };
}
