// Ids look like Verigram's (spec examples: flow "01KMWYGEEVW2TH4Q4SFFFFFFF5-F", session
// "123ABCDE-S"): a ULID-like sortable body and a one-letter kind suffix.
export type IdKind = 'flow' | 'session' | 'step' | 'token';

/** Returns a new unique id of the given kind. `token` must be a UUID (spec: access_token format uuid). */
export type IdGenerator = (kind: IdKind) => string;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX: Record<Exclude<IdKind, 'token'>, string> = { flow: 'F', session: 'S', step: 'P' };

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

/** RFC 4122 version 4, built from getRandomValues so it also works outside secure contexts. */
export function randomUuid(): string {
  const b = randomBytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The default generator: 10 time characters (from `now()`) + 16 random ones, Crockford base32.
 * @param now clock in epoch milliseconds; defaults to `Date.now`.
 */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  return (kind) => {
    if (kind === 'token') return randomUuid();
    let t = Math.max(0, Math.floor(now()));
    let time = '';
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD[t % 32] + time;
      t = Math.floor(t / 32);
    }
    const rand = Array.from(randomBytes(16), (x) => CROCKFORD[x % 32]).join('');
    return `${time}${rand}-${SUFFIX[kind]}`;
  };
}
