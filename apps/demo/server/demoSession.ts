import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the demo's anonymous session cookie. */
export const SESSION_COOKIE = 'aurora_session';

/** A year: the visitor keeps the same person id (and so their flows) across restarts of the tab. */
const MAX_AGE_SECONDS = 365 * 24 * 3600;

export interface DemoSession {
  /** Reads the visitor's session id from a Cookie header; null when absent or not signed by us. */
  read(cookieHeader: string | null | undefined): string | null;
  /** A new session id and the Set-Cookie header value that carries it. */
  create(options: { secure: boolean }): { id: string; setCookie: string };
}

/**
 * The demo's stand-in for a real app's login: an anonymous, HMAC-signed session id per browser.
 * The proxy's `authorize` maps it to a person id, so each visitor has one without an account. HttpOnly so page scripts cannot read or forge it; SameSite=Lax so it
 * travels on the top-level return from redirect mode.
 */
export function createDemoSession(secret: string): DemoSession {
  const sign = (id: string) => createHmac('sha256', secret).update(id).digest('base64url');
  return {
    read(cookieHeader) {
      if (!cookieHeader) return null;
      for (const part of cookieHeader.split(';')) {
        const [name, ...rest] = part.trim().split('=');
        if (name !== SESSION_COOKIE) continue;
        const [id, signature] = rest.join('=').split('.');
        if (!id || !signature || !/^[a-f0-9]{16}$/.test(id)) return null;
        const expected = Buffer.from(sign(id));
        const given = Buffer.from(signature);
        return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
      }
      return null;
    },
    create({ secure }) {
      const id = randomBytes(8).toString('hex');
      const attributes = ['Path=/', `Max-Age=${MAX_AGE_SECONDS}`, 'HttpOnly', 'SameSite=Lax'];
      if (secure) attributes.push('Secure');
      return { id, setCookie: [`${SESSION_COOKIE}=${id}.${sign(id)}`, ...attributes].join('; ') };
    },
  };
}

/** The Verigram person id of a session (PersonId: 6..48 of `[a-zA-Z0-9_@.+-]`). */
export const personIdOf = (sessionId: string) => `aurora-${sessionId}`;
