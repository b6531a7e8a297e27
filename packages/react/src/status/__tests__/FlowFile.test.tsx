import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { createRef, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiError,
  endedFlow,
  inProgressFlow,
  resultOf,
  ScriptedFlowClient,
  uniqueFlowId,
} from '../../__tests__/scriptedFlowClient.ts';
import { VerigramProvider } from '../../VerigramProvider.tsx';
import { FlowFile } from '../FlowFile.tsx';
import { loadFlowStatusMessages } from '../loadFlowStatusMessages.ts';

let queryClient: QueryClient;
let urlCounter = 0;
const createObjectURL = vi.fn(() => {
  urlCounter += 1;
  return `blob:test/${urlCounter}`;
});
const revokeObjectURL = vi.fn();

function Providers({ client, children }: { client: ScriptedFlowClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <VerigramProvider client={client}>{children}</VerigramProvider>
    </QueryClientProvider>
  );
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

// jsdom has no layout, so color-contrast is off here (Storybook's browser run checks it).
async function expectNoAxeViolations(container: HTMLElement) {
  vi.useRealTimers();
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

function figure(container: HTMLElement): HTMLElement {
  const element = container.querySelector('figure');
  if (!element) throw new Error('no <figure> rendered');
  return element;
}

beforeEach(() => {
  notifyManager.setScheduler(queueMicrotask);
  vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
  // jsdom implements neither; the component must create and revoke through them.
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  createObjectURL.mockClear();
  revokeObjectURL.mockClear();
  queryClient = new QueryClient();
});

afterEach(() => {
  queryClient.clear();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
  vi.useRealTimers();
  notifyManager.setScheduler((callback) => setTimeout(callback, 0));
});

describe('<FlowFile>', () => {
  it('given a flow still in progress, then it waits without fetching the file', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    const { container } = render(
      <Providers client={client}>
        <FlowFile flowId={flowId} label="bestframe" />
      </Providers>,
    );
    await advance(0);
    expect(figure(container)).toHaveAttribute('data-state', 'waiting');
    expect(screen.getByText('Loading the file…')).toBeInTheDocument();
    expect(client.calls.getFile).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('given an ended flow, then it shows the image through an object URL and revokes it on unmount', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    const { container, unmount } = render(
      <Providers client={client}>
        <FlowFile flowId={flowId} label="bestframe" />
      </Providers>,
    );
    await advance(0);
    expect(figure(container)).toHaveAttribute('data-state', 'success');
    const image = screen.getByRole('img', { name: 'Verification file: bestframe' });
    expect(image).toHaveAttribute('src', 'blob:test/1');
    expect(client.calls.getFile).toHaveLength(1);
    await expectNoAxeViolations(container);

    unmount();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('given a file that is not an image, then it offers a download link', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    client.file = new Blob(['video'], { type: 'video/webm' });
    render(
      <Providers client={client}>
        <FlowFile flowId={flowId} label="liveness_video" locale="ru" />
      </Providers>,
    );
    await act(() => loadFlowStatusMessages('ru'));
    await advance(0);
    expect(screen.getByRole('link', { name: 'Скачать liveness_video' })).toHaveAttribute(
      'download',
      'liveness_video',
    );
  });

  it('given the file is missing (404), then it shows the error state, accessible, without retrying', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'fail', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    client.file = apiError(404);
    const { container } = render(
      <Providers client={client}>
        <FlowFile flowId={flowId} label="bestframe" locale="kk" />
      </Providers>,
    );
    await act(() => loadFlowStatusMessages('kk'));
    await advance(30_000);
    expect(figure(container)).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Файлды жүктеу мүмкін болмады.');
    expect(client.calls.getFile).toHaveLength(1);
    expect(createObjectURL).not.toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('given a ref and figure props, then the ref holds the root figure and the props land on it', async () => {
    const flowId = uniqueFlowId();
    const ref = createRef<HTMLElement>();
    const { container } = render(
      <Providers client={new ScriptedFlowClient(inProgressFlow(flowId))}>
        <FlowFile ref={ref} flowId={flowId} label="bestframe" id="selfie" />
      </Providers>,
    );
    await advance(0);
    expect(ref.current?.tagName).toBe('FIGURE');
    expect(ref.current).toBe(figure(container));
    expect(ref.current).toHaveAttribute('id', 'selfie');
  });
});
