import { render, screen } from '@testing-library/react';
import type { FlowClient } from '@verigram-kit/core';
import { describe, expect, it } from 'vitest';
import { useFlowClient, VerigramProvider } from '../VerigramProvider.tsx';

function ShowsClient() {
  const client = useFlowClient();
  return <p>{typeof client.getFlow === 'function' ? 'has client' : 'no client'}</p>;
}

describe('VerigramProvider', () => {
  it('given a provider, when a hook asks for the client, then it gets it', () => {
    const client = { getFlow: async () => ({}) } as unknown as FlowClient;
    render(
      <VerigramProvider client={client}>
        <ShowsClient />
      </VerigramProvider>,
    );
    expect(screen.getByText('has client')).toBeInTheDocument();
  });

  it('given no provider, when a hook asks for the client, then the error says how to fix it', () => {
    expect(() => render(<ShowsClient />)).toThrow(/inside <VerigramProvider client=/);
  });
});
