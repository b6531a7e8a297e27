import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createProxyClient, FlowStatus, VerigramFlow, VerigramProvider } from '@verigram-kit/react';
import { useState } from 'react';

const client = createProxyClient();
const queryClient = new QueryClient();

export function App() {
  const [flowId, setFlowId] = useState<string>();
  const [outcome, setOutcome] = useState('verifying');
  return (
    <QueryClientProvider client={queryClient}>
      <VerigramProvider client={client}>
        <h1>Consumer app</h1>
        <p data-testid="outcome">{outcome}</p>
        <VerigramFlow
          locale="en"
          resumeKey="consumer"
          // Not onReady: only the sandbox's page says "ready"; Verigram's real page is silent, and
          // onEvent also carries the steps the kit reads from the server.
          onEvent={(event) => setFlowId(event.flowId)}
          onComplete={(flow) => setOutcome(`completed: ${flow.flow_status}`)}
        />
        {flowId && <FlowStatus flowId={flowId} />}
      </VerigramProvider>
    </QueryClientProvider>
  );
}
