/** Where the flow can use the camera, best first. */
export type EmbedMode = 'inline' | 'popup' | 'redirect';

export interface PreflightResult {
  mode: EmbedMode;
  /** Why `mode` is not `inline` (or `ok`). */
  reason: 'ok' | 'in_app_browser' | 'insecure_context' | 'no_camera_api' | 'frame_not_allowed' | 'policy';
}

export interface PreflightOptions {
  /** The iframe's `allow` attribute that would be used. */
  allow: string;
  /** The hosted page's origin (the frame's origin, as the Permissions-Policy sees it). */
  frameOrigin: string;
  /** @default navigator.userAgent */
  userAgent?: string | undefined;
}

/**
 * In-app browsers (webviews of social apps) that commonly break camera access in frames and open
 * popups in odd ways; a full-page redirect is the reliable path there.
 */
export const IN_APP_BROWSER =
  /Instagram|FBAN|FBAV|FB_IAB|FBIOS|\bLine\/|TikTok|musical_ly|Bytedance|Snapchat|MicroMessenger|LinkedInApp|Pinterest/i;

interface PermissionsPolicyApi {
  allowsFeature(feature: string, origin?: string): boolean;
  getAllowlistForFeature?(feature: string): string[];
}

/**
 * Whether an iframe `allow` attribute grants the camera to a frame of `frameOrigin`. Permissions
 * Policy syntax: `camera` alone means `camera 'src'` (the frame's own origin); `*`, `'src'` or the
 * frame's exact origin grant it; `'self'` grants it only when the frame is same-origin with the
 * page; `'none'` or other origins do not.
 */
function allowGrantsCamera(allow: string, frameOrigin: string): boolean {
  for (const directive of allow.split(';')) {
    const [feature, ...allowlist] = directive.trim().split(/\s+/);
    if (feature?.toLowerCase() !== 'camera') continue;
    if (allowlist.length === 0) return true;
    return allowlist.some(
      (entry) =>
        entry === '*' ||
        entry === "'src'" ||
        entry === frameOrigin ||
        (entry === "'self'" && frameOrigin === globalThis.location?.origin),
    );
  }
  return false;
}

/**
 * Whether this document's Permissions Policy lets a frame of `frameOrigin` use the camera, given
 * an `allow` attribute that delegates it (Permissions Policy, "define an inherited policy"): this
 * document must be allowed the camera itself, and a `Permissions-Policy` header that names the
 * camera must also name `frameOrigin`. Chromium's `allowsFeature('camera', frameOrigin)` answers
 * false for any other origin when no header names the camera, although the frame then gets it
 * through `allow`; so that question alone would never embed. Without a header, the allowlist
 * Chromium reports is this document's own origin; a header `camera=(self)` reports the same and
 * cannot be told apart: such a page embeds and the frame is refused the camera (use
 * `hostPageSecurityHeaders`, which names the hosted origin).
 */
function policyLetsFrameUseCamera(policy: PermissionsPolicyApi, frameOrigin: string): boolean {
  if (!policy.allowsFeature('camera')) return false;
  if (policy.allowsFeature('camera', frameOrigin)) return true;
  const allowlist = policy.getAllowlistForFeature?.('camera');
  return allowlist === undefined || allowlist.every((entry) => entry === globalThis.location?.origin);
}

/**
 * Decides, before embedding, whether the hosted page will get the camera inside a frame (the
 * `auto` mode's first choice). Only what the browser can tell without prompting: it never calls getUserMedia, so
 * a camera error reported by the hosted page still triggers the fallback afterwards.
 */
export function preflightCamera(options: PreflightOptions): PreflightResult {
  const ua = options.userAgent ?? navigator.userAgent;
  if (IN_APP_BROWSER.test(ua)) return { mode: 'redirect', reason: 'in_app_browser' };
  // A popup is a top-level browsing context of the vlink's own (https) origin, so it escapes both
  // an insecure embedding page and the embedding page's frame policy.
  if (globalThis.isSecureContext === false) return { mode: 'popup', reason: 'insecure_context' };
  if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
    return { mode: 'popup', reason: 'no_camera_api' };
  }
  if (!allowGrantsCamera(options.allow, options.frameOrigin)) {
    return { mode: 'popup', reason: 'frame_not_allowed' };
  }
  // Chromium only (Permissions Policy API; `featurePolicy` is its older name). Other browsers
  // cannot tell, and the hosted page's camera_error message (sandbox page only) covers them.
  const policy =
    (document as { permissionsPolicy?: PermissionsPolicyApi }).permissionsPolicy ??
    (document as { featurePolicy?: PermissionsPolicyApi }).featurePolicy;
  if (policy && !policyLetsFrameUseCamera(policy, options.frameOrigin)) {
    return { mode: 'popup', reason: 'policy' };
  }
  return { mode: 'inline', reason: 'ok' };
}
