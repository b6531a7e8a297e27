import { WebhookVerificationError } from 'standardwebhooks';
import type { FlowVerdict } from '../verdicts/FlowVerdicts.ts';
import { openWebhookSecret } from './generateWebhookSecret.ts';
import type { VerigramWebhookPayload } from './VerigramWebhookPayload.ts';

/** Why a webhook was refused; `code` is stable, the message says how to fix it. */
export class VerigramWebhookError extends Error {
  override readonly name = 'VerigramWebhookError';
  readonly code: 'MISSING_HEADERS' | 'BAD_SIGNATURE' | 'BAD_TIMESTAMP' | 'MALFORMED_PAYLOAD';

  constructor(code: VerigramWebhookError['code'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Web `Headers`, or Node's `IncomingHttpHeaders` (`req.headers`), or a plain record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * Checks a verdict webhook on the receiving side and returns its verdict: the signature (HMAC of
 * `{webhook-id}.{webhook-timestamp}.{body}` with the shared secret) and the timestamp (refused
 * more than five minutes away from now, which stops replays; spec "Verifying webhooks").
 * `body` must be the raw bytes or text as received: a body parsed and re-serialised no longer
 * matches its signature. Throws a {@link VerigramWebhookError}; answer it with a 400 and the
 * sender retries. The same `webhook-id` can arrive twice (a retry after a lost answer): keep the
 * ids you have handled and skip repeats.
 *
 * @example
 * app.post('/hooks/verigram', express.raw({ type: 'application/json' }), (req, res) => {
 *   const verdict = verifyVerigramWebhook(req.body, req.headers, process.env.WEBHOOK_SECRET!);
 *   res.sendStatus(204);
 * });
 */
export function verifyVerigramWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
): FlowVerdict {
  const verifier = openWebhookSecret(secret, 'verifyVerigramWebhook');
  const read = (name: string) => {
    const value =
      headers instanceof Headers ? headers.get(name) : (headers[name] ?? headers[name.toLowerCase()]);
    return Array.isArray(value) ? value.join(' ') : (value ?? '');
  };
  const signed = {
    'webhook-id': read('webhook-id'),
    'webhook-timestamp': read('webhook-timestamp'),
    'webhook-signature': read('webhook-signature'),
  };
  const missing = Object.entries(signed)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0)
    throw new VerigramWebhookError(
      'MISSING_HEADERS',
      `Not a signed webhook: ${missing.join(', ')} missing (a proxy in front of this receiver may strip them)`,
    );
  let payload: unknown;
  try {
    payload = verifier.verify(body, signed);
  } catch (cause) {
    if (!(cause instanceof WebhookVerificationError)) {
      throw new VerigramWebhookError('MALFORMED_PAYLOAD', 'The webhook body is not JSON', { cause });
    }
    const timing = /timestamp/i.test(cause.message);
    throw new VerigramWebhookError(
      timing ? 'BAD_TIMESTAMP' : 'BAD_SIGNATURE',
      timing
        ? `Webhook refused: its timestamp is more than 5 minutes from now (a replay, or this server's clock is off): ${cause.message}`
        : 'Webhook refused: the signature does not match (another secret, or the body was changed or re-serialised before verifying)',
      { cause },
    );
  }
  const shaped = payload as Partial<VerigramWebhookPayload> | undefined;
  if (
    (shaped?.type !== 'flow.settled' && shaped?.type !== 'flow.expired') ||
    typeof shaped.data?.flowId !== 'string' ||
    shaped.data.deliveryId !== signed['webhook-id']
  ) {
    throw new VerigramWebhookError(
      'MALFORMED_PAYLOAD',
      'The webhook is signed but is not a Verigram verdict (type, data.flowId and data.deliveryId = webhook-id)',
    );
  }
  return shaped.data as FlowVerdict;
}
