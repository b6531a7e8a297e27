import type { Flow, FlowProjection } from '@verigram-kit/core';

/**
 * What a `<VerigramFlow>` learned about its flow: a read of the flow, its final result (`null`:
 * the server has none), or that the user stopped it on this page.
 */
export type FlowReadNews =
  | { flowId: string; flow: Flow; result?: FlowProjection | null | undefined }
  | { flowId: string; cancelled: true };

// Module-wide, not per client: like the query keys, a flow id names one flow whatever the backend.
// <VerigramFlow> must not import react-query (an optional peer), so its engine tells this channel
// and the query side (useFlow) writes what it hears into the app's cache.
const listeners = new Set<(news: FlowReadNews) => void>();
const cancelledHere = new Set<string>();

/** Called by the embed engine; every mounted query-side widget hears it at once. */
export function broadcastFlowRead(news: FlowReadNews): void {
  if ('cancelled' in news) cancelledHere.add(news.flowId);
  for (const listener of listeners) listener(news);
}

export function subscribeFlowReads(listener: (news: FlowReadNews) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a `<VerigramFlow>` of this page was cancelled for `flowId` (until the page reloads). */
export const wasCancelledHere = (flowId: string): boolean => cancelledHere.has(flowId);
