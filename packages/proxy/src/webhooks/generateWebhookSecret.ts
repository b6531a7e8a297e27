import { Webhook } from 'standardwebhooks';

const PREFIX = 'whsec_';

/**
 * A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32 random bytes
 * (spec "Signature scheme": secrets are 24 to 64 bytes, base64, conventionally `whsec_`-prefixed).
 * Generate it once, store it with the receiver's URL, and give the same string to the sender and
 * to {@link verifyVerigramWebhook}.
 */
export function generateWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return PREFIX + btoa(String.fromCharCode(...bytes));
}

/** The standardwebhooks signer/verifier for `secret`, or a TypeError saying what a secret must be. */
export function openWebhookSecret(secret: unknown, who: string): Webhook {
  const problem = `${who}: secret must be "whsec_" followed by the base64 of 24 to 64 random bytes (generateWebhookSecret() makes one)`;
  if (typeof secret !== 'string') throw new TypeError(problem);
  let length: number;
  try {
    length = atob(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret).length;
  } catch {
    throw new TypeError(problem);
  }
  // Fewer than 24 bytes is guessable; the spec caps secrets at 64.
  if (length < 24 || length > 64) throw new TypeError(problem);
  return new Webhook(secret);
}
