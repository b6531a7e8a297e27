export { createFlowVerdicts } from './createFlowVerdicts.ts';
export type { FlowVerdict, FlowVerdicts, LedgerEntry, TrackedFlow } from './FlowVerdicts.ts';
export type { DeliveryOptions, FlowVerdictsOptions, WatchIntervals } from './FlowVerdictsOptions.ts';
