import { PERSON_ID_PATTERN } from '@verigram-kit/core';
import { encodeBase64url } from './crypto.ts';

const encoder = new TextEncoder();

/**
 * A Verigram `person_id` for any user id of your app: HMAC-SHA256(secret, userId) in base64url,
 * 43 characters of `[A-Za-z0-9_-]`, so it always meets the spec's PersonId (6..48 characters of
 * `[a-zA-Z0-9_@.+-]`), whatever the user id looks like (`42`, `alice`, `Әлия`, an email, a uuid).
 * The same user and secret always give the same id, so Verigram sees one person across flows;
 * without the secret nobody can tell which user an id belongs to.
 *
 * Keep `secret` for good: a new one gives every user a new person id (their earlier flows then
 * belong to another person). It may be the proxy's own `secret` or a key of its own.
 * Runs on Web Crypto: Node, Deno, Bun, workers and edge runtimes.
 *
 * @param secret at least 32 bytes (e.g. `openssl rand -hex 32`)
 * @example authorize: async (request) => {
 *   const user = await getSessionUser(request);
 *   return user ? { personId: await personIdFor(user.id, process.env.VERIGRAM_PROXY_SECRET!) } : null;
 * }
 */
export async function personIdFor(userId: string | number, secret: string): Promise<string> {
  if (typeof userId === 'number' ? !Number.isFinite(userId) : typeof userId !== 'string' || userId === '')
    throw new TypeError('personIdFor: userId must be a non-empty string or a finite number');
  if (typeof secret !== 'string' || encoder.encode(secret).length < 32)
    throw new TypeError('personIdFor: secret must be at least 32 bytes (e.g. `openssl rand -hex 32`)');
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  // A label in the MAC keeps these ids unrelated to anything else the same secret signs (flow tokens).
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`verigram-person-id\0${userId}`));
  const personId = encodeBase64url(new Uint8Array(mac));
  // 32 bytes are 43 base64url characters: within PersonId by construction; checked all the same.
  if (!PERSON_ID_PATTERN.test(personId)) throw new Error('personIdFor: produced an id outside PersonId');
  return personId;
}
