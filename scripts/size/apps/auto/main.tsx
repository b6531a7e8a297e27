// <VerigramFlow mode={autoMode}>: the camera pre-flight picks inline here (Chromium's fake camera).
import { autoMode, createProxyClient, VerigramFlow, VerigramProvider } from '@verigram-kit/react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <VerigramProvider client={createProxyClient()}>
    <VerigramFlow mode={autoMode} onComplete={(flow) => console.log(flow.flow_status)} />
  </VerigramProvider>,
);
