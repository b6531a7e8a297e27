import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Flow, FlowClient, FlowHandle, FlowProjection } from '@verigram-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { FlowStatus } from '../status/FlowStatus.tsx';
import { useVerigramFlow } from '../useVerigramFlow.ts';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { Providers, setUpKitTests } from './kitTestSetup.tsx';
import { uniqueFlowId } from './scriptedFlowClient.ts';

setUpKitTests({ fakeClock: false });

/** One flow the test ends with `settle()`; every read is counted. */
function oneFlowClient() {
  const flowId = uniqueFlowId();
  const handle: FlowHandle = { flowId, vlink: `http://127.0.0.1:4011/hf2/${flowId}/`, flowToken: 't' };
  let ended = false;
  const flow = () =>
    ({
      flow_id: flowId,
      vlink: handle.vlink,
      template: { pipeline: [{ service_name: 'verilive' }] },
      flow_status: ended ? 'fail' : 'unknown',
      ...(ended
        ? { started_at: '2026-01-01T10:00:10Z', end_cause: 'completed', ended_at: '2026-01-01T10:01:00Z' }
        : {}),
    }) as unknown as Flow;
  const client = {
    createFlow: vi.fn(async () => handle),
    getFlow: vi.fn(async () => flow()),
    getFlowResult: vi.fn(
      async () => ({ flow_id: flowId, flow_status: 'fail', end_cause: 'completed' }) as FlowProjection,
    ),
    getSessionResult: vi.fn(),
    createLivenessSession: vi.fn(),
    getFile: vi.fn(),
  };
  return { flowId, client: client as typeof client & FlowClient, settle: () => (ended = true) };
}

/** An app's own shell over the hook, with its own stop button. */
function CancellableFlow() {
  const flow = useVerigramFlow({ pollInterval: 200 });
  return (
    <>
      <div ref={flow.frameRef} />
      <button type="button" onClick={flow.cancel}>
        Stop here
      </button>
    </>
  );
}

// FlowStatus polls once a minute here: whatever it shows sooner, it heard from <VerigramFlow>.
const slowPolling = { intervalMs: 60_000, notStartedIntervalMs: 60_000 };

describe('<VerigramFlow> and <FlowStatus> on one page share what they read', () => {
  it('given both mounted, when the embed sees the flow end, then FlowStatus shows it at once, without asking again', async () => {
    const { flowId, client, settle } = oneFlowClient();
    render(
      <Providers client={client}>
        <VerigramFlow pollInterval={200} />
        <FlowStatus flowId={flowId} polling={slowPolling} data-testid="status" />
      </Providers>,
    );
    await waitFor(() => expect(screen.getByTestId('status')).toHaveAttribute('data-state', 'not_started'));
    const readsBefore = client.getFlow.mock.calls.length;

    settle();
    await waitFor(() => expect(screen.getByTestId('status')).toHaveAttribute('data-state', 'failed'), {
      timeout: 2000,
    });
    // The final result came with the news: FlowStatus did not read it itself.
    expect(client.getFlowResult).toHaveBeenCalledTimes(1);
    // Only the embed's own polls read the flow since: FlowStatus waits for its next minute.
    expect(client.getFlow.mock.calls.length - readsBefore).toBeLessThanOrEqual(3);
  });

  it('given both mounted, when the user cancels the embed, then FlowStatus says cancelled at once', async () => {
    const { flowId, client } = oneFlowClient();
    render(
      <Providers client={client}>
        <CancellableFlow />
        <FlowStatus flowId={flowId} polling={slowPolling} data-testid="status" />
      </Providers>,
    );
    await waitFor(() => expect(screen.getByTestId('status')).toHaveAttribute('data-state', 'not_started'));
    // The engine is loaded once the flow is tracked (its first read).
    await waitFor(() => expect(client.getFlow.mock.calls.length).toBeGreaterThanOrEqual(2));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stop here' })));
    expect(screen.getByTestId('status')).toHaveAttribute('data-state', 'cancelled');
  });
});

describe('a cancel made in the hosted page', () => {
  it('given the page says cancelled and the server then ends the flow disconnected, then FlowStatus says the user stopped it', async () => {
    const { flowId, client } = oneFlowClient();
    let disconnected = false;
    client.getFlow.mockImplementation(
      async () =>
        ({
          flow_id: flowId,
          vlink: `http://127.0.0.1:4011/hf2/${flowId}/`,
          template: { pipeline: [{ service_name: 'verilive' }] },
          flow_status: disconnected ? 'fail' : 'unknown',
          ...(disconnected ? { end_cause: 'disconnected', ended_at: '2026-01-01T10:01:00Z' } : {}),
        }) as unknown as Flow,
    );
    render(
      <Providers client={client}>
        <VerigramFlow pollInterval={200} />
        <FlowStatus flowId={flowId} polling={slowPolling} data-testid="status" />
      </Providers>,
    );
    const frame = (await screen.findByTitle('Identity verification')) as HTMLIFrameElement;
    await waitFor(() => expect(screen.getByTestId('status')).toHaveAttribute('data-state', 'not_started'));
    disconnected = true;
    await act(async () =>
      window.dispatchEvent(
        new MessageEvent('message', {
          origin: 'http://127.0.0.1:4011',
          source: frame.contentWindow,
          data: { protocol: 'verigram-hf2', version: 1, flowId, type: 'cancelled' },
        }),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('status')).toHaveAttribute('data-state', 'cancelled'));
    expect(screen.getByText('You stopped the verification')).toBeInTheDocument();
  });
});
