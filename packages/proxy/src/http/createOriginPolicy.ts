import { ProxyError } from '../ProxyError.ts';
import type { ProxyInput } from './ProxyInput.ts';
import type { ProxyResult } from './ProxyResult.ts';

export interface OriginPolicy {
  /** CORS headers for an answer to `origin` (none for same-origin or unknown origins). */
  corsHeaders(origin: string | null, ownOrigin: string): Record<string, string>;
  /** The answer to a preflight on a known route. */
  preflight(origin: string | null, ownOrigin: string, methods: readonly string[]): ProxyResult;
  /** CSRF check of a POST: a JSON content type and an allowed Origin. */
  assertSafePost(input: ProxyInput, ownOrigin: string): void;
}

/**
 * Normalises an allowlist entry to an origin (`https://app.example.com`), refusing anything
 * that is not exactly an origin, so a typo cannot silently widen the list.
 */
export function toOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new TypeError(`"${entry}" is not an origin like https://app.example.com`);
  }
  if (url.origin === 'null' || `${url.origin}` !== entry.replace(/\/$/, '')) {
    throw new TypeError(
      `"${entry}" is not an origin like https://app.example.com (no path, no trailing parts)`,
    );
  }
  return url.origin;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * CORS and CSRF in one place, because both hinge on the same origin allowlist. A wildcard is
 * refused at construction: a credentialed `*` would let any site read a user's flows, and an
 * uncredentialed one would defeat the Origin check.
 */
export function createOriginPolicy(allowedOrigins: readonly string[], credentials: boolean): OriginPolicy {
  const allowed = new Set(
    allowedOrigins.map((entry) => {
      if (entry.includes('*'))
        throw new TypeError('createVerigramProxy: allowedOrigins must not contain a wildcard');
      return toOrigin(entry);
    }),
  );
  const isAllowed = (origin: string | null, ownOrigin: string) =>
    origin !== null && (origin === ownOrigin || allowed.has(origin));

  function corsHeaders(origin: string | null, ownOrigin: string): Record<string, string> {
    if (origin === null || origin === ownOrigin || !allowed.has(origin)) return {};
    const headers: Record<string, string> = {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'retry-after',
      vary: 'Origin',
    };
    if (credentials) headers['access-control-allow-credentials'] = 'true';
    return headers;
  }

  return {
    corsHeaders,
    preflight(origin, ownOrigin, methods) {
      if (!isAllowed(origin, ownOrigin)) {
        throw new ProxyError({
          status: 403,
          errorCode: 'ORIGIN_NOT_ALLOWED',
          errorMsg: 'This origin may not call the proxy',
        });
      }
      return {
        status: 204,
        body: null,
        headers: {
          ...corsHeaders(origin, ownOrigin),
          'access-control-allow-methods': methods.join(', '),
          'access-control-allow-headers': 'authorization, content-type, idempotency-key',
          'access-control-max-age': '600',
          'cache-control': 'no-store',
          vary: 'Origin',
        },
      };
    },
    assertSafePost(input, ownOrigin) {
      // Forms can post cross-site without a preflight, but only as text/plain, urlencoded or
      // multipart; demanding JSON forces a preflight on any cross-site attempt.
      if (!JSON_TYPE.test(input.header('content-type') ?? '')) {
        throw new ProxyError({
          status: 415,
          errorCode: 'UNSUPPORTED_MEDIA_TYPE',
          errorMsg: 'POST bodies must be sent as application/json',
        });
      }
      // Every browser sends Origin on a POST; a missing one is not a browser we can vouch for.
      if (!isAllowed(input.header('origin'), ownOrigin)) {
        throw new ProxyError({
          status: 403,
          errorCode: 'ORIGIN_NOT_ALLOWED',
          errorMsg: 'The Origin of this POST is not allowed',
        });
      }
    },
  };
}
