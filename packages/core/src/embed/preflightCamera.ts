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

interface PolicyDocument {
  permissionsPolicy?: { allowsFeature(feature: string, origin?: string): boolean };
  featurePolicy?: { allowsFeature(feature: string, origin?: string): boolean };
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
 * Decides, before embedding, whether the hosted page will get the camera inside a frame (issue 4,
 * `auto` mode). Only what the browser can tell without prompting: it never calls getUserMedia, so
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
  // cannot tell, and the hosted page's camera_error message covers them.
  const policy =
    (document as unknown as PolicyDocument).permissionsPolicy ??
    (document as unknown as PolicyDocument).featurePolicy;
  if (policy && !policy.allowsFeature('camera', options.frameOrigin)) {
    return { mode: 'popup', reason: 'policy' };
  }
  return { mode: 'inline', reason: 'ok' };
}
