import { render, screen, within } from '@testing-library/react';
import { createInMemoryClient, type InMemoryClient } from '@verigram-kit/sandbox';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, expectNoAxeViolations, Providers, setUpKitTests } from '../../__tests__/kitTestSetup.tsx';
import { FlowFile } from '../FlowFile.tsx';
import { FlowStatus } from '../FlowStatus.tsx';

// The whole journey against the sandbox's in-memory Verigram (real engine, real ids, real result
// shapes) rather than a scripted client.
let client: InMemoryClient;
setUpKitTests();

beforeEach(() => {
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:sandbox/bestframe'), revokeObjectURL: vi.fn() });
  client = createInMemoryClient();
});

afterEach(() => {
  client.dispose();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('<FlowStatus> against the sandbox', () => {
  it('given a flow the user opens and passes, then the widgets follow it live and stop polling at the end', async () => {
    const { flowId } = await client.createFlow({ locale: 'en' });
    const getFlow = vi.spyOn(client, 'getFlow');
    const getFlowResult = vi.spyOn(client, 'getFlowResult');
    const { container } = render(
      <Providers client={client}>
        <FlowStatus flowId={flowId} liveTimeline data-testid="detailed" />
        <FlowStatus flowId={flowId} variant="compact" data-testid="compact" />
        <FlowFile flowId={flowId} label="bestframe" />
      </Providers>,
    );
    await advance(0);
    expect(screen.getByTestId('detailed')).toHaveAttribute('data-state', 'not_started');
    expect(getFlow).toHaveBeenCalledTimes(1);

    client.engine.pageAction(flowId, { type: 'open' });
    client.engine.pageAction(flowId, { type: 'start' });
    await advance(6000);
    const detailed = screen.getByTestId('detailed');
    expect(detailed).toHaveAttribute('data-state', 'in_progress');
    expect(within(detailed).getByText('Step 1 of 2: Consent')).toBeInTheDocument();
    expect(within(detailed).getByText('In progress')).toBeInTheDocument();

    client.engine.completeFlow('sandbox-test-key', flowId, 'pass');
    await advance(3000);
    expect(detailed).toHaveAttribute('data-state', 'passed');
    expect(screen.getByTestId('compact')).toHaveAttribute('data-state', 'passed');
    expect(within(detailed).getByText('Identity confirmed')).toBeInTheDocument();
    const checks = within(within(detailed).getByRole('list', { name: 'Checks' })).getAllByRole('listitem');
    expect(checks.map((check) => check.querySelector('.vgk-flow-status__check-name')?.textContent)).toEqual([
      'Consent',
      'Selfie check',
    ]);
    expect(checks.map((check) => check.getAttribute('data-result'))).toEqual(['passed', 'passed']);
    expect(screen.getByRole('img', { name: 'Verification file: bestframe' })).toHaveAttribute(
      'src',
      'blob:sandbox/bestframe',
    );

    const reads = getFlow.mock.calls.length;
    expect(reads).toBe(3);
    // One read for the in-progress step, one for the final result.
    expect(getFlowResult).toHaveBeenCalledTimes(2);
    await advance(120_000);
    expect(getFlow).toHaveBeenCalledTimes(reads);
    expect(getFlowResult).toHaveBeenCalledTimes(2);

    await expectNoAxeViolations(container, { realTimers: true });
  });
});
