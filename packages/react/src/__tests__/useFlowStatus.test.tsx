import { focusManager, onlineManager } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFlowResult } from '../useFlowResult.ts';
import { useFlowStatus } from '../useFlowStatus.ts';
import { VerigramProvider } from '../VerigramProvider.tsx';
import { advance, Providers, setUpKitTests } from './kitTestSetup.tsx';
import {
  apiError,
  endedFlow,
  inProgressFlow,
  notStartedFlow,
  resultOf,
  ScriptedFlowClient,
  uniqueFlowId,
} from './scriptedFlowClient.ts';

// Defaults of the policy (core DEFAULT_POLLING_OPTIONS): 3 s in progress, 6 s before start.
const INTERVAL = 3000;

function StatusLine({ flowId, name = 'widget' }: { flowId: string; name?: string }) {
  const status = useFlowStatus(flowId);
  return (
    <p>
      {name}: {status.state} / {status.connection}
      {status.retryAt !== undefined ? ` until ${status.retryAt}` : ''}
    </p>
  );
}

function ShortPolling({ flowId }: { flowId: string }) {
  const status = useFlowStatus(flowId, { polling: { notStartedIntervalMs: 1000, maxDurationMs: 10_000 } });
  return <p>{status.state}</p>;
}

function RefetchButton({ flowId }: { flowId: string }) {
  const status = useFlowStatus(flowId, { polling: { notStartedIntervalMs: 1000, maxDurationMs: 10_000 } });
  return (
    <button type="button" onClick={status.refetch}>
      check again
    </button>
  );
}

function LiveStep({ flowId }: { flowId: string }) {
  const { currentStep, services } = useFlowStatus(flowId, { liveTimeline: true });
  return (
    <p>
      {`${currentStep?.serviceName ?? '?'} ${currentStep?.position ?? '?'}/${currentStep?.total ?? '?'} · ${services.length} services`}
    </p>
  );
}

function ResultLine({ flowId }: { flowId: string }) {
  const result = useFlowResult(flowId, { waitForTerminal: false });
  return <p>{`${result.status}: ${result.data === null ? 'not started' : 'has result'}`}</p>;
}

function WaitingResult({ flowId, name }: { flowId: string; name: string }) {
  const result = useFlowResult(flowId);
  return <p>{`${name}: ${result.data === null ? 'not started' : 'waiting'}`}</p>;
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
  window.dispatchEvent(new Event('visibilitychange'));
}

setUpKitTests();

afterEach(() => {
  setVisibility('visible');
  focusManager.setFocused(undefined);
  vi.restoreAllMocks();
});

describe('useFlowStatus polling', () => {
  it('given three widgets on one flow, when time passes, then they make one request per interval', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    const { rerender } = render(
      <Providers client={client}>
        <StatusLine flowId={flowId} name="a" />
        <StatusLine flowId={flowId} name="b" />
      </Providers>,
    );
    await advance(0);
    expect(client.calls.getFlow).toHaveLength(1);
    expect(screen.getByText('a: in_progress / ok')).toBeInTheDocument();

    // A third widget mounted between two polls reuses the fresh answer.
    await advance(1500);
    rerender(
      <Providers client={client}>
        <StatusLine flowId={flowId} name="a" />
        <StatusLine flowId={flowId} name="b" />
        <StatusLine flowId={flowId} name="c" />
      </Providers>,
    );
    await advance(0);
    expect(client.calls.getFlow).toHaveLength(1);
    expect(screen.getByText('c: in_progress / ok')).toBeInTheDocument();

    await advance(INTERVAL * 10 - 1500);
    expect(client.calls.getFlow).toHaveLength(11);
    const gaps = client.calls.getFlow.slice(1).map((at, i) => at - (client.calls.getFlow[i] ?? 0));
    expect(new Set(gaps)).toEqual(new Set([INTERVAL]));
  });

  it('given the flow becomes terminal, then polling stops and the result is read exactly once', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} name="a" />
        <StatusLine flowId={flowId} name="b" />
        <StatusLine flowId={flowId} name="c" />
      </Providers>,
    );
    await advance(INTERVAL);
    expect(client.calls.getFlow).toHaveLength(2);
    expect(client.calls.getFlowResult).toHaveLength(0);

    client.flow = endedFlow(flowId, 'pass', 'completed');
    client.result = resultOf(client.flow);
    await advance(INTERVAL);
    expect(screen.getByText('a: passed / ok')).toBeInTheDocument();
    const afterTerminal = client.calls.getFlow.length;

    await advance(10 * 60_000);
    setVisibility('hidden');
    setVisibility('visible');
    await advance(60_000);
    expect(client.calls.getFlow).toHaveLength(afterTerminal);
    expect(client.calls.getFlowResult).toHaveLength(1);
  });

  it('given the tab is hidden, then nothing is requested until it is visible again', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
        <StatusLine flowId={flowId} name="other" />
      </Providers>,
    );
    await advance(0);
    expect(client.calls.getFlow).toHaveLength(1);

    setVisibility('hidden');
    await advance(60_000);
    expect(client.calls.getFlow).toHaveLength(1);

    // Back in view: one catch-up read (the data is stale), then the interval again.
    setVisibility('visible');
    await advance(0);
    expect(client.calls.getFlow).toHaveLength(2);
    await advance(INTERVAL);
    expect(client.calls.getFlow).toHaveLength(3);
  });

  it('given the browser is offline, then nothing is requested and the widget says offline, then it recovers', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    act(() => onlineManager.setOnline(false));
    await advance(60_000);
    expect(client.calls.getFlow).toHaveLength(1);
    expect(screen.getByText('widget: in_progress / offline')).toBeInTheDocument();

    act(() => onlineManager.setOnline(true));
    await advance(0);
    expect(client.calls.getFlow).toHaveLength(2);
    expect(screen.getByText('widget: in_progress / ok')).toBeInTheDocument();
  });
});

describe('useFlowStatus once the flow has ended', () => {
  it('given a finished flow with its result, when the browser goes offline, then nothing says offline', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    await advance(100);
    expect(screen.getByText('widget: passed / ok')).toBeInTheDocument();
    act(() => onlineManager.setOnline(false));
    await advance(60_000);
    expect(screen.getByText('widget: passed / ok')).toBeInTheDocument();
    act(() => onlineManager.setOnline(true));
  });
});

describe('useFlowStatus rate limits and failures', () => {
  it('given a 429 with Retry-After: 7, then no request goes for 7 s, then exactly one', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} name="a" />
        <StatusLine flowId={flowId} name="b" />
        <StatusLine flowId={flowId} name="c" />
      </Providers>,
    );
    await advance(0);
    client.failFlowReads(apiError(429, 7));
    await advance(INTERVAL);
    expect(client.calls.getFlow).toHaveLength(2);
    const limitedAt = client.calls.getFlow[1] ?? 0;
    expect(screen.getByText(`a: in_progress / rate_limited until ${limitedAt + 7000}`)).toBeInTheDocument();

    // Focus and reconnect events must not sneak a request in either.
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    act(() => onlineManager.setOnline(false));
    act(() => onlineManager.setOnline(true));
    await advance(6999);
    expect(client.calls.getFlow).toHaveLength(2);

    await advance(1);
    expect(client.calls.getFlow).toHaveLength(3);
    expect(client.calls.getFlow[2]).toBe(limitedAt + 7000);
    expect(screen.getByText('a: in_progress / ok')).toBeInTheDocument();
  });

  it('given a 429 whose Retry-After is too long to wait inline, then the widget shows it and the interval waits it out', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    client.failFlowReads(apiError(429, 60));
    await advance(INTERVAL);
    expect(client.calls.getFlow).toHaveLength(2);
    const limitedAt = client.calls.getFlow[1] ?? 0;
    expect(
      screen.getByText(`widget: in_progress / rate_limited until ${limitedAt + 60_000}`),
    ).toBeInTheDocument();

    await advance(59_999);
    expect(client.calls.getFlow).toHaveLength(2);
    await advance(1);
    expect(client.calls.getFlow).toHaveLength(3);
    expect(screen.getByText('widget: in_progress / ok')).toBeInTheDocument();
  });

  it('given a burst of 500s, then it retries with backoff, shows the error, and recovers by itself', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    client.failFlowReads(...Array.from({ length: 6 }, () => apiError(500)));
    // Poll at +3 s fails; retries after 500, 1000, 2000 ms (half of 1, 2, 4 s) fail too.
    await advance(INTERVAL + 500 + 1000 + 2000);
    expect(client.calls.getFlow).toHaveLength(5);
    expect(screen.getByText('widget: in_progress / error')).toBeInTheDocument();

    // Next poll: two more failures, then success.
    await advance(INTERVAL + 500 + 1000);
    expect(client.calls.getFlow).toHaveLength(8);
    expect(screen.getByText('widget: in_progress / ok')).toBeInTheDocument();
    const gaps = client.calls.getFlow.slice(1).map((at, i) => at - (client.calls.getFlow[i] ?? 0));
    expect(gaps).toEqual([INTERVAL, 500, 1000, 2000, INTERVAL, 500, 1000]);
  });

  it('given the result read fails past its retries, then it tries again each interval until it succeeds', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    client.failResultReads(...Array.from({ length: 5 }, () => apiError(502)));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    // Zero jitter: the retries follow at once. (React 18 renders the enabled result read only when
    // an act() ends, hence two steps.)
    await advance(0);
    await advance(100);
    expect(client.calls.getFlowResult).toHaveLength(4);
    expect(screen.getByText('widget: passed / error')).toBeInTheDocument();
    await advance(INTERVAL);
    expect(client.calls.getFlowResult).toHaveLength(6);
    expect(screen.getByText('widget: passed / ok')).toBeInTheDocument();
    await advance(60_000);
    expect(client.calls.getFlowResult).toHaveLength(6);
    expect(client.calls.getFlow).toHaveLength(1);
  });

  it('given polling stopped after the maximum duration, when refetch is called, then polling starts again', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(flowId));
    render(
      <Providers client={client}>
        <RefetchButton flowId={flowId} />
      </Providers>,
    );
    await advance(60_000);
    expect(client.calls.getFlow).toHaveLength(11);
    act(() => screen.getByRole('button', { name: 'check again' }).click());
    await advance(5_000);
    expect(client.calls.getFlow).toHaveLength(17);
  });

  it('given a Retry-After running, when refetch is called, then nothing is requested before it elapses', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    client.failFlowReads(apiError(429, 60));
    render(
      <Providers client={client}>
        <RefetchButton flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(client.calls.getFlow).toHaveLength(1);
    act(() => screen.getByRole('button', { name: 'check again' }).click());
    await advance(59_999);
    expect(client.calls.getFlow).toHaveLength(1);
    await advance(1);
    expect(client.calls.getFlow).toHaveLength(2);
  });

  it('given a 403, then it is neither retried nor polled again', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    client.failFlowReads(apiError(403));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    await advance(60_000);
    expect(client.calls.getFlow).toHaveLength(1);
    expect(screen.getByText('widget: error / error')).toBeInTheDocument();
  });

  it('given a flow polled past the maximum duration, then polling stops', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(flowId));
    render(
      <Providers client={client}>
        <ShortPolling flowId={flowId} />
      </Providers>,
    );
    await advance(60_000);
    expect(client.calls.getFlow).toHaveLength(11);
  });
});

describe('useFlowStatus liveTimeline', () => {
  it('given an opaque step id, then one result read per step names the step, shared by every widget', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId, 'step-a1'));
    const partial = resultOf(client.flow);
    client.result = { ...partial, service_statuses: [{ service_name: 'verilive', step_id: 'step-a1' }] };
    render(
      <Providers client={client}>
        <LiveStep flowId={flowId} />
        <LiveStep flowId={flowId} />
        <LiveStep flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(client.calls.getFlowResult).toHaveLength(1);
    expect(screen.getAllByText('verilive 1/2 · 1 services')).toHaveLength(3);

    await advance(INTERVAL * 5);
    expect(client.calls.getFlowResult).toHaveLength(1);

    client.flow = { ...client.flow, current_step_id: 'step-b2' };
    client.result = {
      ...partial,
      service_statuses: [
        { service_name: 'verilive', step_id: 'step-a1' },
        { service_name: 'veridoc', step_id: 'step-b2' },
      ],
    };
    await advance(INTERVAL);
    expect(client.calls.getFlowResult).toHaveLength(2);
    expect(screen.getAllByText('veridoc 2/2 · 2 services')).toHaveLength(3);
    await advance(INTERVAL * 5);
    expect(client.calls.getFlowResult).toHaveLength(2);
  });

  it('given liveTimeline off, then nothing but the flow is read while in progress', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId, 'step-a1'));
    render(
      <Providers client={client}>
        <StatusLine flowId={flowId} />
      </Providers>,
    );
    await advance(INTERVAL * 5);
    expect(client.calls.getFlowResult).toHaveLength(0);
  });
});

describe('useFlowResult', () => {
  it('given a flow not started, when its result is read anyway, then the 404 means "not started": null, no error', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(flowId));
    render(
      <Providers client={client}>
        <ResultLine flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(screen.getByText('success: not started')).toBeInTheDocument();
    expect(client.calls.getFlowResult).toHaveLength(1);
    expect(client.calls.getFlow).toHaveLength(0);
  });

  it('given a flow that ended without starting (its result a 404), then the null result is read once: focus and a second widget do not read it again', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient({
      ...notStartedFlow(flowId),
      flow_status: 'unknown',
      end_cause: 'timeout',
      ended_at: '2026-01-01T10:30:00Z',
    });
    const view = render(
      <Providers client={client}>
        <WaitingResult flowId={flowId} name="first" />
      </Providers>,
    );
    await advance(0);
    expect(screen.getByText('first: not started')).toBeInTheDocument();
    for (let i = 0; i < 3; i++) {
      await act(async () => {
        focusManager.setFocused(false);
        focusManager.setFocused(true);
      });
      await advance(10);
    }
    view.rerender(
      <Providers client={client}>
        <WaitingResult flowId={flowId} name="first" />
        <WaitingResult flowId={flowId} name="second" />
      </Providers>,
    );
    await advance(10);
    expect(screen.getByText('second: not started')).toBeInTheDocument();
    expect(client.calls.getFlowResult).toHaveLength(1);
  });

  it('given no QueryClientProvider, then the error says how to fix it', () => {
    const client = new ScriptedFlowClient(notStartedFlow(uniqueFlowId()));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <VerigramProvider client={client}>
          <StatusLine flowId="x" />
        </VerigramProvider>,
      ),
    ).toThrow(/useFlow needs a <QueryClientProvider client=\{queryClient\}>/);
  });
});
