'use client';
import type { FlowClient } from '@verigram-kit/core';
import { createContext, type ReactNode, useContext } from 'react';

const FlowClientContext = createContext<FlowClient | null>(null);

export interface VerigramProviderProps {
  /**
   * The backend the kit talks to: `createProxyClient()` for the kit's proxy, the sandbox's
   * in-memory client in Storybook and tests, or your own {@link FlowClient}.
   */
  client: FlowClient;
  children?: ReactNode;
}

export function VerigramProvider({ client, children }: VerigramProviderProps) {
  return <FlowClientContext.Provider value={client}>{children}</FlowClientContext.Provider>;
}

/** The provider's {@link FlowClient}; throws, saying how to fix it, outside a provider. */
export function useFlowClient(): FlowClient {
  const client = useContext(FlowClientContext);
  if (!client) {
    throw new Error('useFlowClient must be used inside <VerigramProvider client={createProxyClient()}>');
  }
  return client;
}
