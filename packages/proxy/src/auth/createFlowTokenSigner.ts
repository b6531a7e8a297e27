import { decodeBase64url, encodeBase64url, timingSafeEqual } from './crypto.ts';

/** What a valid flow token proves. */
export interface FlowTokenClaims {
  flowId: string;
  /** Expiry, in ms since the epoch. */
  expiresAt: number;
}

export type FlowTokenCheck =
  | { ok: true; claims: FlowTokenClaims }
  /** `invalid` covers forged, tampered, malformed and other-user tokens alike: all answer the same 404. */
  | { ok: false; reason: 'invalid' | 'expired' };

export interface FlowTokenSigner {
  sign(flowId: string, personId: string, now?: number): Promise<{ token: string; expiresAt: number }>;
  verify(token: string, personId: string, now?: number): Promise<FlowTokenCheck>;
}

const VERSION = 'v1';
const encoder = new TextEncoder();

/**
 * Flow tokens: `v1.<payload>.<mac>`, payload = base64url JSON `{ f: flowId, e: expiry seconds }`,
 * mac = base64url HMAC-SHA256 over `v1.<payload>` and the person id. The person id is bound by
 * the MAC but not written in the token, so the token reveals nothing about the user and a token
 * presented by another user simply fails to verify. Web Crypto only: runs on Node, Deno, Bun,
 * workers and edge runtimes.
 */
export function createFlowTokenSigner(
  secret: string,
  ttlSeconds: number,
  cacheSize = 10_000,
): FlowTokenSigner {
  // 32 bytes is the HMAC-SHA256 block-size guidance for a key with full strength.
  if (typeof secret !== 'string' || encoder.encode(secret).length < 32) {
    throw new TypeError(
      'createVerigramProxy: secret must be at least 32 bytes (e.g. `openssl rand -hex 32`)',
    );
  }
  const keyPromise = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );

  // The browser polls with the same token every few seconds. A MAC that verified once verifies
  // forever (the expiry is still checked on every use), so verified (token, person) pairs are
  // remembered; Web Crypto's per-call cost dominated the proxy's read path when measured.
  const verified = new Map<string, FlowTokenClaims>();

  async function mac(signedPart: string, personId: string): Promise<Uint8Array> {
    // The NUL separator keeps (payload, personId) pairs unambiguous.
    const data = encoder.encode(`${signedPart}\u0000${personId}`);
    return new Uint8Array(await crypto.subtle.sign('HMAC', await keyPromise, data));
  }

  return {
    async sign(flowId, personId, now = Date.now()) {
      const expiresAt = (Math.floor(now / 1000) + ttlSeconds) * 1000;
      const payload = encodeBase64url(encoder.encode(JSON.stringify({ f: flowId, e: expiresAt / 1000 })));
      const signedPart = `${VERSION}.${payload}`;
      return { token: `${signedPart}.${encodeBase64url(await mac(signedPart, personId))}`, expiresAt };
    },

    async verify(token, personId, now = Date.now()) {
      const cacheKey = `${token}\u0000${personId}`;
      const known = verified.get(cacheKey);
      if (known) {
        return known.expiresAt <= now ? { ok: false, reason: 'expired' } : { ok: true, claims: known };
      }
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== VERSION || token.length > 512)
        return { ok: false, reason: 'invalid' };
      const [, payload = '', signature = ''] = parts;
      const presented = decodeBase64url(signature);
      if (!presented) return { ok: false, reason: 'invalid' };
      const expected = await mac(`${VERSION}.${payload}`, personId);
      if (!timingSafeEqual(presented, expected)) return { ok: false, reason: 'invalid' };
      // Only now, with the MAC checked, is the payload trusted (and may say "expired").
      let claims: unknown;
      try {
        claims = JSON.parse(new TextDecoder().decode(decodeBase64url(payload)));
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      const { f, e } = (claims ?? {}) as { f?: unknown; e?: unknown };
      if (typeof f !== 'string' || typeof e !== 'number') return { ok: false, reason: 'invalid' };
      const verifiedClaims = { flowId: f, expiresAt: e * 1000 };
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value as string);
      verified.set(cacheKey, verifiedClaims);
      if (verifiedClaims.expiresAt <= now) return { ok: false, reason: 'expired' };
      return { ok: true, claims: verifiedClaims };
    },
  };
}
