import type { FlowVerdict } from '../verdicts/FlowVerdicts.ts';

/**
 * The body of a verdict webhook, in the payload shape the Standard Webhooks spec recommends
 * (spec "Payload structure": `type`, `timestamp`, `data`). `data` is the verdict as
 * `onFlowSettled` received it.
 */
export interface VerigramWebhookPayload {
  /** `flow.settled` (the flow ended) or `flow.expired` (it was never seen to end before it expired). */
  type: 'flow.settled' | 'flow.expired';
  /** When the verdict was reached (the verdict's `settledAt`), ISO 8601. */
  timestamp: string;
  data: FlowVerdict;
}

/** The payload of a verdict, as the sender signs and the receiver gets it. */
export function toWebhookPayload(verdict: FlowVerdict): VerigramWebhookPayload {
  return {
    type: verdict.state === 'expired' ? 'flow.expired' : 'flow.settled',
    timestamp: verdict.settledAt,
    data: verdict,
  };
}
