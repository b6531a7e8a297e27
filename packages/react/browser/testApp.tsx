// The page the Chromium tests load: <VerigramFlow> against the real proxy on the same origin.
// Query: mode, allow. Everything the component reports lands in window.__events.
import { createRoot } from 'react-dom/client';
import { createProxyClient } from '../src/createProxyClient.ts';
import type { VerigramFlowMode } from '../src/useVerigramFlow.ts';
import { VerigramFlow } from '../src/VerigramFlow.tsx';
import { VerigramProvider } from '../src/VerigramProvider.tsx';

const params = new URLSearchParams(location.search);
const events: unknown[][] = [];
(window as unknown as { __events: unknown[][] }).__events = events;

createRoot(document.getElementById('root') as HTMLElement).render(
  <VerigramProvider client={createProxyClient()}>
    <VerigramFlow
      mode={(params.get('mode') ?? 'inline') as VerigramFlowMode}
      allow={params.get('allow') ?? undefined}
      template="liveness"
      pollInterval={1000}
      onEvent={(m) => events.push(['event', m.type, m.flowId])}
      onCallback={(url) => events.push(['callback', url])}
      onComplete={(flow, result) =>
        events.push(['complete', flow.flow_id, flow.flow_status, result?.flow_status])
      }
      onCancel={() => events.push(['cancel'])}
      onError={(e) => events.push(['error', 'code' in e ? e.code : e.errorCode])}
    />
  </VerigramProvider>,
);
