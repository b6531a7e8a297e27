import { SANDBOX_BASE_URL } from '@verigram-kit/core/internal';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the proxy sends the API key, checked once at construction. The key travels in a header,
 * so plain http is allowed only to this machine; and a production server with no `baseUrl`
 * would silently talk to a sandbox that is not there, so it must name one.
 */
export function resolveBaseUrl(
  baseUrl: string | undefined,
  nodeEnv: string | undefined,
  caller = 'createVerigramProxy',
): string {
  if (baseUrl === undefined) {
    if (nodeEnv === 'production') {
      throw new TypeError(
        `${caller}: baseUrl is required when NODE_ENV is "production" (the default points at the local sandbox)`,
      );
    }
    // The sandbox (`pnpm sandbox`): the default while developing, so a first run needs no setup.
    return SANDBOX_BASE_URL;
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`${caller}: baseUrl "${baseUrl}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new TypeError(
      `${caller}: baseUrl must use https (plain http only to localhost, 127.0.0.1 or ::1), got "${baseUrl}"`,
    );
  }
  return baseUrl;
}
