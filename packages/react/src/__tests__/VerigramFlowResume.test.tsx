// `resume="server"`: a second tab (its own provider and client, the same server) continues the
// flow the first tab started. The in-memory sandbox client stands in for the server: two clients
// sharing one engine are two tabs of one user talking to one backend.
import { render, screen } from '@testing-library/react';
import type { FlowClient } from '@verigram-kit/core';
import { createInMemoryClient, type InMemoryClient } from '@verigram-kit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { type UseVerigramFlowOptions, useVerigramFlow } from '../useVerigramFlow.ts';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { VerigramProvider } from '../VerigramProvider.tsx';

const clients: InMemoryClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function newClient(engine?: InMemoryClient['engine']) {
  const client = createInMemoryClient({ engine, personId: 'alice-0001' });
  clients.push(client);
  return client;
}

function ShownFlow({ tab, ...options }: UseVerigramFlowOptions & { tab: string }) {
  const { flow } = useVerigramFlow({ pollInterval: 0, ...options });
  return <p>{flow ? `${tab} shows ${flow.flowId}` : `${tab} is loading`}</p>;
}

function openTab(client: FlowClient, tab: string, options: UseVerigramFlowOptions = {}) {
  return render(
    <VerigramProvider client={client}>
      <ShownFlow tab={tab} {...options} />
    </VerigramProvider>,
  );
}

const shownBy = async (tab: string) =>
  (await screen.findByText(new RegExp(`^${tab} shows `))).textContent?.replace(`${tab} shows `, '');

describe('resume="server"', () => {
  it('given a flow in progress started in one tab, when a second tab mounts with resume="server", then it continues that flow and creates none', async () => {
    const first = newClient();
    openTab(first, 'tab 1');
    const started = await shownBy('tab 1');

    openTab(newClient(first.engine), 'tab 2', { resume: 'server' });

    expect(await shownBy('tab 2')).toBe(started);
    expect(first.engine.flowCount).toBe(1);
  });

  it('given no resume prop, when a second tab mounts, then it creates its own flow as before', async () => {
    const first = newClient();
    openTab(first, 'tab 1');
    const started = await shownBy('tab 1');

    openTab(newClient(first.engine), 'tab 2');

    expect(await shownBy('tab 2')).not.toBe(started);
    expect(first.engine.flowCount).toBe(2);
  });

  it('given the first flow has ended, when a tab mounts with resume="server", then the server has none in progress and a new flow is created', async () => {
    const first = newClient();
    openTab(first, 'tab 1');
    const ended = await shownBy('tab 1');
    first.engine.completeFlow('sandbox-test-key', ended as string, 'pass');

    openTab(newClient(first.engine), 'tab 2', { resume: 'server' });

    expect(await shownBy('tab 2')).not.toBe(ended);
    expect(first.engine.flowCount).toBe(2);
  });

  it('given a client without getCurrentFlow, when mounted with resume="server", then it creates a flow as usual', async () => {
    const first = newClient();
    openTab(first, 'tab 1');
    await shownBy('tab 1');
    const { getCurrentFlow: _, ...withoutCurrent } = newClient(first.engine);

    openTab(withoutCurrent, 'tab 2', { resume: 'server' });

    await shownBy('tab 2');
    expect(first.engine.flowCount).toBe(2);
  });

  it('given <VerigramFlow resume="server"> in a second tab, then it embeds the flow in progress', async () => {
    const first = newClient();
    openTab(first, 'tab 1');
    await shownBy('tab 1');

    render(
      <VerigramProvider client={newClient(first.engine)}>
        <VerigramFlow resume="server" pollInterval={0} />
      </VerigramProvider>,
    );

    expect(await screen.findByTitle('Identity verification')).toBeInstanceOf(HTMLIFrameElement);
    expect(first.engine.flowCount).toBe(1);
  });
});
