import { onlineManager } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { advance, expectNoAxeViolations, Providers, setUpKitTests } from '../../__tests__/kitTestSetup.tsx';
import {
  apiError,
  endedFlow,
  inProgressFlow,
  notStartedFlow,
  resultOf,
  ScriptedFlowClient,
  uniqueFlowId,
} from '../../__tests__/scriptedFlowClient.ts';
import { FlowStatus } from '../FlowStatus.tsx';
import { loadFlowStatusMessages } from '../loadFlowStatusMessages.ts';

function root(container: HTMLElement): HTMLElement {
  const element = container.querySelector<HTMLElement>('.vgk-flow-status');
  if (!element) throw new Error('no .vgk-flow-status rendered');
  return element;
}

setUpKitTests();

describe('<FlowStatus> states', () => {
  it('given the first read is pending, then it is loading, busy, and accessible', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(flowId));
    client.getFlow = () => new Promise(() => {});
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(root(container)).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading the status…')).toBeInTheDocument();
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a flow not started, then it says so and lists the pipeline', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow(flowId));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(root(container)).toHaveAttribute('data-state', 'not_started');
    expect(screen.getByText('Waiting for you to start')).toBeInTheDocument();
    expect(screen.getByText('Follow the steps on the verification page.')).toBeInTheDocument();
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual(['Selfie check', 'Identity document']);
    expect(client.calls.getFlowResult).toHaveLength(0);
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a flow in progress, then it names the current step and marks it in the pipeline', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId, '1'));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(root(container)).toHaveAttribute('data-state', 'in_progress');
    expect(screen.getByText('Step 2 of 2: Identity document')).toBeInTheDocument();
    const [done, current] = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(current).toHaveAttribute('aria-current', 'step');
    expect(done).toHaveAttribute('data-step', 'done');
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a passed flow, then it says so in words, with a timeline of checks by human name and the raw values one click away', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(root(container)).toHaveAttribute('data-state', 'passed');
    expect(screen.getByText('Identity confirmed')).toBeInTheDocument();
    expect(screen.getByText('Thank you. You can continue.')).toBeInTheDocument();
    const service = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem')[0];
    if (!service) throw new Error('no service item');
    expect(service).toHaveAttribute('data-result', 'passed');
    expect(within(service).getByText('Selfie check')).toBeInTheDocument();
    expect(within(service).getByText('Passed')).toBeInTheDocument();
    // One time per check: its last change.
    const times = service.querySelectorAll('time');
    expect([...times].map((time) => time.getAttribute('datetime'))).toEqual(['2026-01-01T10:01:30Z']);
    expect(within(service).queryByText('verilive')).not.toBeInTheDocument();
    const details = screen.getByText('Details for support').closest('details') as HTMLElement;
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByText('verilive').nextElementSibling).toHaveTextContent('pass · approved');
    expect(within(details).getByText('flow_status').nextElementSibling).toHaveTextContent('pass · completed');
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a flow interrupted by the user or the network, then it says so and what to do, in amber, not as a rejection', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'fail', 'disconnected');
    const client = new ScriptedFlowClient(flow, resultOf(flow));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(root(container)).toHaveAttribute('data-state', 'failed');
    expect(root(container)).toHaveAttribute('data-outcome', 'interrupted');
    expect(screen.getByText('The verification was interrupted')).toBeInTheDocument();
    expect(
      screen.getByText('The page was closed or the connection was lost. Start again to finish.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Not passed')).toBeInTheDocument();
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a flow that expired before it started, then the result 404 is "never started", not an error', async () => {
    const flowId = uniqueFlowId();
    const {
      started_at: _started,
      current_step_id: _step,
      ...neverStarted
    } = endedFlow(flowId, 'fail', 'timeout');
    const client = new ScriptedFlowClient(neverStarted);
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(client.calls.getFlowResult).toHaveLength(1);
    expect(root(container)).toHaveAttribute('data-state', 'failed');
    expect(root(container)).toHaveAttribute('data-connection', 'ok');
    expect(root(container)).toHaveAttribute('data-outcome', 'expired');
    expect(screen.getByText('The verification timed out')).toBeInTheDocument();
    expect(screen.getByText('No check has run yet.')).toBeInTheDocument();
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given an unknown flow (404 on the flow itself), then it shows the error state without a retry promise', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(notStartedFlow('another-flow'));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(30_000);
    expect(client.calls.getFlow).toHaveLength(1);
    expect(root(container)).toHaveAttribute('data-state', 'error');
    expect(screen.getByText('The status could not be loaded')).toBeInTheDocument();
    expect(screen.queryByText(/Retrying automatically/)).not.toBeInTheDocument();
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a 429 with a long Retry-After, then it says when it will check again, and recovers by itself', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    client.failFlowReads(apiError(429, 30));
    await advance(3000);
    expect(root(container)).toHaveAttribute('data-connection', 'rate_limited');
    const expected = new Intl.DateTimeFormat('en', { timeStyle: 'medium' }).format(
      new Date('2026-01-01T10:00:33Z'),
    );
    expect(screen.getByText(`Too many requests. Next check at ${expected}.`)).toBeInTheDocument();

    await advance(30_000);
    expect(root(container)).toHaveAttribute('data-connection', 'ok');
    expect(screen.queryByText(/Too many requests/)).not.toBeInTheDocument();
  });

  it('given the rate-limited state, then it is accessible', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    client.failFlowReads(apiError(429, 30));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    expect(root(container)).toHaveAttribute('data-connection', 'rate_limited');
    await expectNoAxeViolations(container, { realTimers: true });
  });

  it('given a burst of 500s, then it says it is retrying, then recovers by itself', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    client.failFlowReads(...Array.from({ length: 4 }, () => apiError(500)));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    // Zero jitter: the three retries follow each other at once.
    await advance(10);
    expect(client.calls.getFlow).toHaveLength(4);
    expect(root(container)).toHaveAttribute('data-state', 'error');
    expect(
      screen.getByText('Connection problem. Retrying automatically.', {
        selector: '.vgk-flow-status__notice',
      }),
    ).toBeInTheDocument();
    // No answer yet, so the next poll comes at the not-started pace (6 s).
    await advance(6000);
    expect(client.calls.getFlow).toHaveLength(5);
    expect(root(container)).toHaveAttribute('data-state', 'in_progress');
    expect(root(container)).toHaveAttribute('data-connection', 'ok');
    vi.mocked(Math.random).mockRestore();
  });

  it('given the browser goes offline, then it says so, is accessible, and recovers when back online', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    act(() => onlineManager.setOnline(false));
    expect(root(container)).toHaveAttribute('data-connection', 'offline');
    expect(screen.getByText(/You are offline/, { selector: '.vgk-flow-status__notice' })).toBeInTheDocument();
    act(() => onlineManager.setOnline(true));
    await advance(0);
    expect(root(container)).toHaveAttribute('data-connection', 'ok');
    act(() => onlineManager.setOnline(false));
    await expectNoAxeViolations(container, { realTimers: true });
  });
});

describe('<FlowStatus> announcements, variants, locales, slots', () => {
  it('given the flow ends while shown, then the polite live region announces the new status', async () => {
    const flowId = uniqueFlowId();
    const client = new ScriptedFlowClient(inProgressFlow(flowId));
    render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} variant="compact" />
      </Providers>,
    );
    await advance(0);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('Verification in progress Step 1 of 2: Selfie check');
    client.flow = endedFlow(flowId, 'pass', 'completed');
    client.result = resultOf(client.flow);
    await advance(3000);
    expect(region).toHaveTextContent('Identity confirmed Thank you. You can continue.');
  });

  it('given the compact variant, then there is no timeline', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    const { container } = render(
      <Providers client={new ScriptedFlowClient(flow, resultOf(flow))}>
        <FlowStatus flowId={flowId} variant="compact" />
      </Providers>,
    );
    await advance(0);
    expect(root(container)).toHaveAttribute('data-variant', 'compact');
    expect(screen.getByText('Identity confirmed')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByText('Details for support')).not.toBeInTheDocument();
  });

  it.each([
    ['kk', 'Жеке басыңыз расталды', 'Селфи тексеру', 'Өтті', 'Тексерулер'],
    ['ru', 'Личность подтверждена', 'Проверка селфи', 'Пройдено', 'Проверки'],
    ['en', 'Identity confirmed', 'Selfie check', 'Passed', 'Checks'],
  ] as const)(
    'given locale %s, then every string is in that language',
    async (locale, headline, check, result, heading) => {
      const flowId = uniqueFlowId();
      const flow = endedFlow(flowId, 'pass', 'completed');
      const { container } = render(
        <Providers client={new ScriptedFlowClient(flow, resultOf(flow))}>
          <FlowStatus flowId={flowId} locale={locale} />
        </Providers>,
      );
      // kk and ru arrive in a chunk of their own (FlowStatus.locale.test.tsx covers the wait).
      await act(() => loadFlowStatusMessages(locale));
      await advance(0);
      expect(root(container)).toHaveAttribute('lang', locale);
      expect(screen.getByText(headline)).toBeInTheDocument();
      expect(screen.getByText(check)).toBeInTheDocument();
      expect(screen.getByText(result)).toBeInTheDocument();
      expect(screen.getByRole('list', { name: heading })).toBeInTheDocument();
      await expectNoAxeViolations(container, { realTimers: true });
    },
  );

  it('given message overrides and render props, then they replace the kit parts they name', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'pass', 'completed');
    render(
      <Providers client={new ScriptedFlowClient(flow, resultOf(flow))}>
        <FlowStatus
          flowId={flowId}
          messages={{ headline: { passed: 'Verified ✓' } }}
          renderService={(service) => <span>custom {service.service_name}</span>}
        >
          {(status) => <p>children see {status.state}</p>}
        </FlowStatus>
      </Providers>,
    );
    await advance(0);
    expect(screen.getByText('Verified ✓')).toBeInTheDocument();
    expect(screen.getByText('Thank you. You can continue.')).toBeInTheDocument();
    expect(screen.getByText('custom verilive')).toBeInTheDocument();
    expect(screen.getByText('children see passed')).toBeInTheDocument();
  });

  it('given replaceBody, then only the children render inside the root and live region', async () => {
    const flowId = uniqueFlowId();
    const { container } = render(
      <Providers client={new ScriptedFlowClient(inProgressFlow(flowId))}>
        <FlowStatus flowId={flowId} replaceBody data-testid="mine">
          {(status) => <p>only {status.state}</p>}
        </FlowStatus>
      </Providers>,
    );
    await advance(0);
    expect(screen.getByText('only in_progress')).toBeInTheDocument();
    expect(container.querySelector('.vgk-flow-status__badge')).toBeNull();
    expect(screen.getByTestId('mine')).toBe(root(container));
  });

  it('given a ref and div props, then the ref holds the root div and the props land on it', async () => {
    const flowId = uniqueFlowId();
    const ref = createRef<HTMLDivElement>();
    const { container } = render(
      <Providers client={new ScriptedFlowClient(inProgressFlow(flowId))}>
        <FlowStatus ref={ref} flowId={flowId} id="kyc-status" className="mine" />
      </Providers>,
    );
    await advance(0);
    expect(ref.current).toBeInstanceOf(HTMLDivElement);
    expect(ref.current).toBe(root(container));
    expect(ref.current).toHaveAttribute('id', 'kyc-status');
    expect(ref.current).toHaveClass('vgk-flow-status', 'mine');
  });
});

describe('<FlowStatus> tells the customer what happened and what to do next', () => {
  it.each([
    ['fail', 'completed', 'rejected', 'We could not confirm your identity', /visit a branch/],
    ['unknown', 'completed', 'review', 'Sent for manual review', /let you know the decision/],
    ['fail', 'timeout', 'expired', 'The verification timed out', /Start again when you are ready/],
    ['fail', 'failed', 'server_error', 'Something went wrong on our side', /not your fault/],
  ] as const)(
    'given a flow ended %s / %s, then it reads as %s, with a next step',
    async (flowStatus, endCause, outcome, headline, next) => {
      const flowId = uniqueFlowId();
      const flow = endedFlow(flowId, flowStatus, endCause);
      const { container } = render(
        <Providers client={new ScriptedFlowClient(flow, resultOf(flow))}>
          <FlowStatus flowId={flowId} />
        </Providers>,
      );
      await advance(0);
      expect(root(container)).toHaveAttribute('data-outcome', outcome);
      expect(screen.getByText(headline, { selector: '.vgk-flow-status__headline' })).toBeInTheDocument();
      expect(screen.getByText(next, { selector: '.vgk-flow-status__next' })).toBeInTheDocument();
      // No raw enum reaches the customer's part; it is in the details.
      const summary = container.querySelector('.vgk-flow-status__summary') as HTMLElement;
      expect(summary.textContent).not.toMatch(/completed|timeout|unknown|fail\b/);
      await expectNoAxeViolations(container, { realTimers: true });
    },
  );

  it('given a failed attempt at the current step and the next one open, then each is numbered and another try is offered', async () => {
    const flowId = uniqueFlowId();
    const flow = inProgressFlow(flowId, '1');
    const attempt = (n: number, status: 'fail' | undefined) => ({
      service_name: 'veridoc' as const,
      session_id: `doc-${n}`,
      step_id: '1',
      session_status: status,
      frontend_session_status: status === 'fail' ? ('denied' as const) : undefined,
      session_result: status === 'fail' ? { error_codes: ['model_prediction' as const] } : undefined,
      updated_at: `2026-01-01T10:0${n}:00Z`,
    });
    const partial = {
      flow_id: flowId,
      flow_status: 'unknown' as const,
      service_statuses: [
        { service_name: 'verilive' as const, step_id: '0', session_status: 'pass' as const },
        attempt(1, 'fail'),
        attempt(2, undefined),
      ],
    };
    const client = new ScriptedFlowClient(flow, partial);
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} liveTimeline />
      </Providers>,
    );
    await advance(0);
    expect(screen.getByText('That attempt was not accepted. You can try again.')).toBeInTheDocument();
    const rows = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.vgk-flow-status__check-name')?.textContent)).toEqual([
      'Selfie check',
      'Identity document · attempt 1',
      'Identity document · attempt 2',
    ]);
    expect(rows.map((row) => row.getAttribute('data-result'))).toEqual(['passed', 'failed', 'active']);
    // The raw code is there for staff, folded away.
    expect(
      within(container.querySelector('details') as HTMLElement).getByText(/model_prediction/),
    ).not.toBeVisible();
    expect(
      screen.getByText('Not passed', { selector: '.vgk-flow-status__check-result' }),
    ).toBeInTheDocument();
    expect(container.querySelector('.vgk-flow-status__summary')?.textContent).not.toMatch(/model_prediction/);
  });

  it('given two sessions of one step in the final result, then they read "attempt 1" and "attempt 2"', async () => {
    const flowId = uniqueFlowId();
    const flow = endedFlow(flowId, 'fail', 'completed');
    const result = resultOf(flow);
    const first = result.service_statuses?.[0];
    if (!first) throw new Error('fixture without a service');
    result.service_statuses = [first, { ...first, session_id: 'session-2' }];
    render(
      <Providers client={new ScriptedFlowClient(flow, result)}>
        <FlowStatus flowId={flowId} />
      </Providers>,
    );
    await advance(0);
    const rows = within(screen.getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.vgk-flow-status__check-name')?.textContent)).toEqual([
      'Selfie check · attempt 1',
      'Selfie check · attempt 2',
    ]);
  });
});
