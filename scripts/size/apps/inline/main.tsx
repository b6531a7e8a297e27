// <VerigramFlow> inline, with the provider and the proxy client: the quick start of the README.
import { createProxyClient, VerigramFlow, VerigramProvider } from '@verigram-kit/react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <VerigramProvider client={createProxyClient()}>
    <VerigramFlow onComplete={(flow) => console.log(flow.flow_status)} />
  </VerigramProvider>,
);
