// The page the Chromium tests load: <VerigramFlow> against the real proxy on the same origin.
// Query: mode, allow, api (the proxy's path). Everything the component reports lands in window.__events.
import type { FlowClient } from '@verigram-kit/core';
import { createRoot } from 'react-dom/client';
import { createProxyClient } from '../createProxyClient.ts';
import { popupMode, redirectMode } from '../flowWindow.tsx';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { VerigramProvider } from '../VerigramProvider.tsx';
import { autoMode, modalMode } from '../verigramFlowModes.ts';

const modes = { modal: modalMode, popup: popupMode, redirect: redirectMode, auto: autoMode };

const params = new URLSearchParams(location.search);
const events: unknown[][] = [];
(window as unknown as { __events: unknown[][] }).__events = events;
// Flow reads asked and answered: when the two are equal, whatever awaited an answer (onComplete)
// has run, so a test can tell "nothing more will come" from "not yet".
const reads = { asked: 0, answered: 0 };
(window as unknown as { __reads: typeof reads }).__reads = reads;
const proxyClient = createProxyClient({ baseUrl: params.get('api') ?? undefined });
const counted =
  <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
  (...args: A) => {
    reads.asked++;
    return read(...args).finally(() => reads.answered++);
  };
const client: FlowClient = {
  ...proxyClient,
  getFlow: counted(proxyClient.getFlow),
  getFlowResult: counted(proxyClient.getFlowResult),
};

createRoot(document.getElementById('root') as HTMLElement).render(
  <VerigramProvider client={client}>
    <VerigramFlow
      mode={modes[params.get('mode') as keyof typeof modes]}
      allow={params.get('allow') ?? undefined}
      template="liveness"
      pollInterval={1000}
      onEvent={(e) => events.push(['event', e.type, e.flowId, e.source])}
      onStep={(e) => events.push(['step', e.type, e.stepIndex, e.serviceName, e.source])}
      onCallback={(url) => events.push(['callback', url])}
      onComplete={(flow, result) =>
        events.push(['complete', flow.flow_id, flow.flow_status, result?.flow_status])
      }
      onCancel={() => events.push(['cancel'])}
      onError={(e) => events.push(['error', 'code' in e ? e.code : e.errorCode])}
    />
  </VerigramProvider>,
);
