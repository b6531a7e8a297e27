// The whole kit an app may mount at once: provider, flow, <FlowStatus>, <FlowFile> and the hooks,
// over react-query (measured above the React + react-query baseline).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createProxyClient,
  FlowFile,
  FlowStatus,
  useFlow,
  useFlowFile,
  useFlowResult,
  useFlowStatus,
  VerigramFlow,
  VerigramProvider,
} from '@verigram-kit/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function Summary({ flowId }: { flowId: string }) {
  const flow = useFlow(flowId);
  const result = useFlowResult(flowId);
  const file = useFlowFile(flowId, 'bestframe');
  const status = useFlowStatus(flowId);
  return (
    <p data-summary="">
      {flow.data?.flow_status} {result.data ? 'result' : ''} {file.status} {status.state}
    </p>
  );
}

function App() {
  const [flowId, setFlowId] = useState<string>();
  return (
    <>
      <VerigramFlow
        onReady={(message) => setFlowId(message.flowId)}
        onComplete={(flow) => console.log(flow)}
      />
      {flowId && (
        <>
          <FlowStatus flowId={flowId} variant="detailed" data-mounted="" />
          <FlowFile flowId={flowId} label="bestframe" />
          <Summary flowId={flowId} />
        </>
      )}
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <VerigramProvider client={createProxyClient()}>
      <App />
    </VerigramProvider>
  </QueryClientProvider>,
);
