import type { FlowVerdict } from '../verdicts/FlowVerdicts.ts';
import { openWebhookSecret } from './generateWebhookSecret.ts';
import { toWebhookPayload } from './VerigramWebhookPayload.ts';

export interface WebhookSenderOptions {
  /** The receiver's endpoint, `https:` (or `http:` for a receiver on the same machine or network). */
  url: string | URL;
  /** The shared signing secret, `whsec_…` (see `generateWebhookSecret`). */
  secret: string;
  /** @default globalThis.fetch (looked up at call time) */
  fetch?: typeof fetch | undefined;
  /** How long one attempt may take before it counts as failed, in ms. @default 10000 */
  timeoutMs?: number | undefined;
  /** Extra headers on every attempt (e.g. a routing key); the three `webhook-*` headers always win. @default undefined */
  headers?: Record<string, string> | undefined;
}

/**
 * The receiver did not take a verdict: it answered other than 2xx, did not answer in time, or
 * could not be reached. `status` is 0 when no answer came.
 */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  readonly status: number;

  constructor(status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
  }
}

/**
 * An `onFlowSettled` handler that POSTs each verdict to `url`, signed per the Standard Webhooks
 * spec: `webhook-id` is the verdict's `deliveryId` (the same on every retry of one verdict, so the
 * receiver can drop a second copy), `webhook-timestamp` the attempt's time in seconds, and
 * `webhook-signature` `v1,` + HMAC-SHA256 of `{id}.{timestamp}.{body}`. It resolves once the
 * receiver answers 2xx and throws a {@link WebhookDeliveryError} otherwise, so the verdicts'
 * delivery retries it: give that delivery a backoff that keeps trying for a day, as the spec
 * recommends ("Retry schedule").
 *
 * @example
 * createFlowVerdicts({
 *   apiKey,
 *   onFlowSettled: createWebhookSender({ url: 'https://crm.example.com/hooks/verigram', secret: process.env.WEBHOOK_SECRET! }),
 * });
 */
export function createWebhookSender(options: WebhookSenderOptions): (verdict: FlowVerdict) => Promise<void> {
  const url = new URL(options.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`createWebhookSender: url must be http(s), got ${url.protocol}`);
  const signer = openWebhookSecret(options.secret, 'createWebhookSender');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const endpoint = url.href;

  return async function sendVerdict(verdict) {
    const body = JSON.stringify(toWebhookPayload(verdict));
    const now = new Date();
    const headers = new Headers(options.headers);
    headers.set('content-type', 'application/json');
    headers.set('webhook-id', verdict.deliveryId);
    headers.set('webhook-timestamp', String(Math.floor(now.getTime() / 1000)));
    headers.set('webhook-signature', signer.sign(verdict.deliveryId, now, body));
    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(endpoint, {
        method: 'POST',
        headers,
        body,
        // A receiver that follows a redirect elsewhere would get the signed body there too.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new WebhookDeliveryError(
        0,
        `Webhook ${verdict.deliveryId} to ${url.origin}${url.pathname} failed: ${String((cause as Error)?.message ?? cause)}`,
        { cause },
      );
    }
    // Read the answer either way: it frees the connection, and a refusal's text helps whoever reads the log.
    const text = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) return;
    throw new WebhookDeliveryError(
      response.status,
      `Webhook ${verdict.deliveryId} to ${url.origin}${url.pathname} was answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    );
  };
}
