import { DEFAULT_FLOW_UI_POLICY, type FlowUiPolicyOptions } from '@verigram-kit/core/ui';

/**
 * The FlowConfigUi policy of the demo's proxy, read by its builder too: one object, so the builder
 * flags exactly what the proxy would refuse with 422. The demo keeps a production proxy's
 * defaults (images only from Verigram's own host) rather than opening every https host: a
 * prospect sees the rule their own proxy will apply, and the builder offers the way round it
 * that production accepts too, an uploaded image file kept inline as a data: URL.
 */
export const DEMO_FLOW_UI_POLICY: Readonly<FlowUiPolicyOptions> = Object.freeze({
  allowedAssetHosts: DEFAULT_FLOW_UI_POLICY.allowedAssetHosts,
  maxCssBytes: DEFAULT_FLOW_UI_POLICY.maxCssBytes,
  maxUiBytes: DEFAULT_FLOW_UI_POLICY.maxUiBytes,
});
