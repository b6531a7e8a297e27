import { act, render, screen, waitFor } from '@testing-library/react';
import type { FlowEvent, FlowProjection } from '@verigram-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { VerigramProvider } from '../VerigramProvider.tsx';
import {
  endedFlow,
  inProgressFlow,
  notStartedFlow,
  ScriptedFlowClient,
  uniqueFlowId,
} from './scriptedFlowClient.ts';

// The pipeline of the scripted flows: verilive, then veridoc; step ids are pipeline indexes.
const statuses = (...passed: ('verilive' | 'veridoc')[]): FlowProjection => ({
  service_statuses: passed.map((service_name, index) => ({
    service_name,
    step_id: String(index),
    session_status: 'pass',
  })),
});

function renderFlow(client: ScriptedFlowClient) {
  const onStep = vi.fn();
  const onEvent = vi.fn();
  const onComplete = vi.fn();
  const flowId = client.flow.flow_id;
  render(
    <VerigramProvider client={client}>
      <VerigramFlow
        flow={{ flowId, vlink: client.flow.vlink }}
        pollInterval={10}
        onStep={onStep}
        onEvent={onEvent}
        onComplete={onComplete}
      />
    </VerigramProvider>,
  );
  const said = () => onEvent.mock.calls.map(([e]) => `${(e as FlowEvent).type} ${(e as FlowEvent).source}`);
  return { onStep, onEvent, onComplete, said };
}

const pageMessage = (flowId: string, fields: object) => ({
  protocol: 'verigram-hf2',
  version: 1,
  flowId,
  ...fields,
});
const sendFromPage = async (data: unknown, vlink: string) => {
  const iframe = (await screen.findByTitle('Identity verification')) as HTMLIFrameElement;
  act(() => {
    dispatchEvent(
      new MessageEvent('message', { data, origin: new URL(vlink).origin, source: iframe.contentWindow }),
    );
  });
};
const pollsPass = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('<VerigramFlow> events', () => {
  it('given a page that sends no messages, then the polled flow’s steps reach onStep and onEvent once each, from the server, before onComplete', async () => {
    const id = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(id));
    const { onStep, onComplete, said } = renderFlow(client);
    await pollsPass();
    expect(said()).toEqual([]);

    client.flow = inProgressFlow(id, '0');
    await waitFor(() => expect(said()).toEqual(['step_started server']));
    client.flow = inProgressFlow(id, '1');
    client.result = statuses('verilive');
    await waitFor(() => expect(said()).toHaveLength(3));
    await pollsPass();
    expect(said()).toEqual(['step_started server', 'step_completed server', 'step_started server']);

    client.flow = endedFlow(id, 'pass', 'completed');
    client.result = { ...statuses('verilive', 'veridoc'), flow_status: 'pass', end_cause: 'completed' };
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    await pollsPass();
    expect(said()).toEqual([
      'step_started server',
      'step_completed server',
      'step_started server',
      'step_completed server',
      'completed server',
    ]);
    expect(onStep.mock.calls.map(([e]) => [e.type, e.stepIndex, e.serviceName, e.status, e.source])).toEqual([
      ['step_started', 0, 'verilive', undefined, 'server'],
      ['step_completed', 0, 'verilive', 'pass', 'server'],
      ['step_started', 1, 'veridoc', undefined, 'server'],
      ['step_completed', 1, 'veridoc', 'pass', 'server'],
    ]);
    // The last events came before onComplete, not after it.
    expect(onStep.mock.invocationCallOrder.at(-1)).toBeLessThan(
      onComplete.mock.invocationCallOrder[0] as number,
    );
  });

  it('given a page that reports what polling then sees too, then each event fires once, from whichever said it first', async () => {
    const id = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(id));
    const { onStep, onComplete, said } = renderFlow(client);
    const vlink = client.flow.vlink;
    await sendFromPage(pageMessage(id, { type: 'ready', stepCount: 2 }), vlink);
    await sendFromPage(
      pageMessage(id, { type: 'step_started', stepId: '0', stepIndex: 0, serviceName: 'verilive' }),
      vlink,
    );
    client.flow = inProgressFlow(id, '0');
    await pollsPass();
    await sendFromPage(
      pageMessage(id, {
        type: 'step_completed',
        stepId: '0',
        stepIndex: 0,
        serviceName: 'verilive',
        status: 'pass',
      }),
      vlink,
    );
    client.flow = inProgressFlow(id, '1');
    client.result = statuses('verilive');
    await waitFor(() => expect(said()).toContain('step_started server'));
    // The page's late word on a step the server already reported adds nothing.
    await sendFromPage(
      pageMessage(id, { type: 'step_started', stepId: '1', stepIndex: 1, serviceName: 'veridoc' }),
      vlink,
    );
    await sendFromPage(pageMessage(id, { type: 'completed', flowStatus: 'pass' }), vlink);
    client.flow = endedFlow(id, 'pass', 'completed');
    client.result = { ...statuses('verilive', 'veridoc'), flow_status: 'pass', end_cause: 'completed' };
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    await pollsPass();

    expect(said()).toEqual([
      'ready page',
      'step_started page',
      'step_completed page',
      'step_started server',
      'completed page',
      'step_completed server',
    ]);
    expect(onStep).toHaveBeenCalledTimes(4);
  });

  it('given an app that listens for no steps, then a new step costs no read of the result', async () => {
    const id = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(id));
    const onComplete = vi.fn();
    render(
      <VerigramProvider client={client}>
        <VerigramFlow
          flow={{ flowId: id, vlink: client.flow.vlink }}
          pollInterval={10}
          onComplete={onComplete}
        />
      </VerigramProvider>,
    );
    client.flow = inProgressFlow(id, '0');
    await pollsPass();
    client.flow = inProgressFlow(id, '1');
    client.result = statuses('verilive');
    await pollsPass();
    expect(client.calls.getFlow.length).toBeGreaterThan(2);
    expect(client.calls.getFlowResult).toEqual([]);
    client.flow = endedFlow(id, 'pass', 'completed');
    client.result = { ...statuses('verilive', 'veridoc'), flow_status: 'pass', end_cause: 'completed' };
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(client.calls.getFlowResult).toHaveLength(1);
  });

  it('given onStep passed only on a later render, then the steps so far reach it from the server, once each', async () => {
    const id = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(id, '1'));
    client.result = statuses('verilive');
    const onStep = vi.fn();
    const flow = { flowId: id, vlink: client.flow.vlink };
    const { rerender } = render(
      <VerigramProvider client={client}>
        <VerigramFlow flow={flow} pollInterval={10} />
      </VerigramProvider>,
    );
    await pollsPass();
    rerender(
      <VerigramProvider client={client}>
        <VerigramFlow flow={flow} pollInterval={10} onStep={onStep} />
      </VerigramProvider>,
    );
    await waitFor(() => expect(onStep).toHaveBeenCalledTimes(3));
    await pollsPass();
    expect(onStep.mock.calls.map(([e]) => [e.type, e.stepIndex, e.source])).toEqual([
      ['step_started', 0, 'server'],
      ['step_completed', 0, 'server'],
      ['step_started', 1, 'server'],
    ]);
  });
});
