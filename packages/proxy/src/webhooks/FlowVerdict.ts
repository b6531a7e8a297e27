// Placeholder until the verdicts module lands: the shape its `onFlowSettled` hands over.
import type { Flow, FlowProjection } from '@verigram-kit/core';

export interface FlowVerdict {
  deliveryId: string;
  flowId: string;
  personId: string;
  template?: string;
  state: 'settled' | 'expired';
  flow: Flow | null;
  result: FlowProjection | null;
  settledAt: string;
}
