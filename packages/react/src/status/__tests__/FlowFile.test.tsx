import { act, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, expectNoAxeViolations, Providers, setUpKitTests } from '../../__tests__/kitTestSetup.tsx';
import {
  apiError,
  endedFlow,
  inProgressFlow,
  resultOf,
  ScriptedFlowClient,
  uniqueFlowId,
} from '../../__tests__/scriptedFlowClient.ts';
import { FlowFile } from '../FlowFile.tsx';
import { loadFlowStatusMessages } from '../loadFlowStatusMessages.ts';

let urlCounter = 0;
const createObjectURL = vi.fn(() => {
  urlCounter += 1;
  return `blob:test/${urlCounter}`;
});
const revokeObjectURL = vi.fn();

function figure(container: HTMLElement): HTMLElement {
  const element = container.querySelector('figure');
  if (!element) throw new Error('no <figure> rendered');
  return element;
}

setUpKitTests();

beforeEach(() => {
  // jsdom implements neither; the component must create and revoke through them.
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  createObjectURL.mockClear();
  revokeObjectURL.mockClear();
});

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
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
    await expectNoAxeViolations(container, { realTimers: true });
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
    await expectNoAxeViolations(container, { realTimers: true });

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

  it('given the flow has no such file (404), then it says so in a neutral note, accessible, without retrying', async () => {
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
    expect(figure(container)).toHaveAttribute('data-state', 'missing');
    expect(screen.getByRole('status')).toHaveTextContent('Бұл тексеруде bestframe файлы жоқ.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(client.calls.getFile).toHaveLength(1);
    expect(createObjectURL).not.toHaveBeenCalled();
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given the read fails (403), then it shows the error state, accessible', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    client.file = apiError(403);
    const { container } = render(
      <Providers client={client}>
        <FlowFile flowId={flowId} label="bestframe" />
      </Providers>,
    );
    await advance(30_000);
    expect(figure(container)).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('The file could not be loaded.');
    expect(createObjectURL).not.toHaveBeenCalled();
    await expectNoAxeViolations(container, { realTimers: true });
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
