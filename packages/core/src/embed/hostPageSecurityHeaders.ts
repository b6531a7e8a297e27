import { DEFAULT_ASSET_HOSTS } from '../ui/flowUiDraft.ts';

export interface HostPageSecurityOptions {
  /**
   * The hosted verification page's origin, as the vlinks your proxy returns name it (e.g.
   * `https://web.verigram.kz`); it is not the API's origin. Required: the kit cannot guess it.
   */
  hostedOrigin: string;
  /**
   * Where the browser reaches the proxy: a path on this origin, or an absolute URL of another.
   * @default '/api/verigram'
   */
  proxyPath?: string | undefined;
  /**
   * The callback page the frame navigates to at the end. An absolute URL puts exactly that page
   * in `frame-src`; a path puts `'self'` there (a CSP source cannot name a path without its origin).
   * @default '/verigram/callback'
   */
  callbackUrl?: string | undefined;
  /** Hosts (https) of logos and favicons the builder previews. @default DEFAULT_ASSET_HOSTS */
  imageHosts?: readonly string[] | undefined;
  /** A per-response nonce for the page's own inline scripts and styles (base64, no quotes). @default undefined */
  nonce?: string | undefined;
  /** More sources per directive, e.g. `{ 'style-src': ["'sha256-…'"] }`, added after the kit's. @default {} */
  sources?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** Response headers for the page that embeds the flow; merge them into your own. */
export interface HostPageSecurityHeaders {
  'Content-Security-Policy': string;
  'Permissions-Policy': string;
  'Referrer-Policy': string;
}

// A source or nonce that could end a directive or a header (`;`, `,`, spaces, line breaks)
// would let configuration rewrite the policy.
const SAFE_TOKEN = /^[^\s;,]+$/;

function originOf(value: string, option: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {}
  throw new TypeError(
    `hostPageSecurityHeaders: ${option} must be an http(s) URL, got ${JSON.stringify(value)}.`,
  );
}

/**
 * A URL as a CSP source: `'self'` for a path on this origin, else its origin and path. A path
 * ending in `/` matches everything under it; any other path, exactly that resource (CSP 3,
 * "path-part matching").
 */
function sourceOf(value: string, option: string, prefix: boolean): string {
  if (value.startsWith('/') && !value.startsWith('//')) return "'self'";
  const { pathname } = new URL(value, originOf(value, option));
  return `${originOf(value, option)}${prefix && !pathname.endsWith('/') ? `${pathname}/` : pathname}`;
}

/**
 * The Content-Security-Policy, Permissions-Policy and Referrer-Policy of a page that embeds the
 * hosted flow: scripts, styles and everything else from this origin only (no `unsafe-inline`, no
 * `unsafe-eval`); frames from the hosted origin (and the callback page it returns to); requests to
 * this origin or the proxy; images from this origin, `data:`/`blob:` (QR code, `<FlowFile>`) and
 * the branding asset hosts. The camera is allowed to this page and the hosted origin only, which
 * is what lets the frame's `allow="camera"` take effect (Permissions Policy, "inherited policy").
 * The referrer sent to other origins is the origin alone: the app's URLs can carry a flow id.
 * @example
 * const headers = hostPageSecurityHeaders({ hostedOrigin: 'https://web.verigram.kz' });
 * for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
 */
export function hostPageSecurityHeaders(options: HostPageSecurityOptions): HostPageSecurityHeaders {
  const hosted = originOf(options.hostedOrigin, 'hostedOrigin');
  const own = options.nonce === undefined ? [] : [`'nonce-${options.nonce}'`];
  const images = (options.imageHosts ?? DEFAULT_ASSET_HOSTS).map((host) => `https://${host}`);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...own],
    'style-src': ["'self'", ...own],
    'img-src': ["'self'", 'data:', 'blob:', ...images],
    'connect-src': ["'self'", sourceOf(options.proxyPath ?? '/api/verigram', 'proxyPath', true)],
    'frame-src': [hosted, sourceOf(options.callbackUrl ?? '/verigram/callback', 'callbackUrl', false)],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
  };
  for (const [name, extra] of Object.entries(options.sources ?? {})) {
    if (!/^[a-z-]+$/.test(name))
      throw new TypeError(`hostPageSecurityHeaders: ${name} is not a directive name.`);
    directives[name] = [...(directives[name] ?? []), ...extra];
  }
  const policy = Object.entries(directives).map(([name, list]) => {
    for (const source of list) {
      if (!SAFE_TOKEN.test(source)) {
        throw new TypeError(`hostPageSecurityHeaders: ${JSON.stringify(source)} is not a CSP source.`);
      }
    }
    return [name, ...new Set(list)].join(' ');
  });
  return {
    'Content-Security-Policy': policy.join('; '),
    'Permissions-Policy': `camera=(self "${hosted}")`,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
