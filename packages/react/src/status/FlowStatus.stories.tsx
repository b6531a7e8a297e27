/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { onlineManager } from '@tanstack/react-query';
import type { Locale } from '@verigram-kit/core';
import type { InMemoryClient, ScriptOutcome } from '@verigram-kit/sandbox';
import { expect } from 'storybook/test';
import { loadedVerigram, type VerigramStoryParameters } from '../stories/verigramLoader.tsx';
import { storyApiError, withScriptedFailures } from '../stories/withScriptedFailures.ts';
import { FlowStatus } from './FlowStatus.tsx';
import './flowStatus.css';

// Every state is a real flow of the in-memory sandbox (consent, then liveness), moved along by
// the engine before the story renders; only the connection problems are scripted, because the
// sandbox's rate limit and faults live in its HTTP server.
const KEY = 'sandbox-test-key';

async function created(sandbox: InMemoryClient, locale: Locale) {
  return (await sandbox.createFlow({ locale })).flowId;
}

const notStarted = (): VerigramStoryParameters => ({
  setup: async (sandbox, locale) => ({ flowId: await created(sandbox, locale) }),
});

// Consent passed: the person is on the liveness step.
const inProgress = (wrap?: VerigramStoryParameters['wrap']): VerigramStoryParameters => ({
  wrap,
  setup: async (sandbox, locale) => {
    const flowId = await created(sandbox, locale);
    sandbox.engine.setStepOutcome(KEY, flowId, { outcome: 'pass' });
    return { flowId };
  },
});

const ended = (outcome: ScriptOutcome): VerigramStoryParameters => ({
  setup: async (sandbox, locale) => {
    const flowId = await created(sandbox, locale);
    sandbox.engine.completeFlow(KEY, flowId, outcome);
    return { flowId };
  },
});

const meta = {
  title: 'react/FlowStatus',
  component: FlowStatus,
  render: (args, { loaded, globals }) => (
    <FlowStatus
      {...args}
      locale={args.locale ?? globals.locale}
      flowId={loadedVerigram(loaded).flowId ?? ''}
    />
  ),
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 560 }}>
        <Story />
      </div>
    ),
  ],
  parameters: { verigram: inProgress() },
  args: { flowId: 'created-by-the-story', variant: 'detailed', liveTimeline: true },
  argTypes: {
    flowId: { table: { disable: true } },
    variant: { control: 'inline-radio', options: ['compact', 'detailed'] },
    locale: { control: 'inline-radio', options: ['kk', 'ru', 'en'] },
  },
} satisfies Meta<typeof FlowStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const badge = { selector: '.vgk-flow-status__badge' };

export const NotStarted: Story = {
  parameters: { verigram: notStarted() },
  play: async ({ canvas }) => {
    await canvas.findByText('Not started', badge);
    await expect(canvas.getByRole('group', { name: 'Verification status' })).toHaveAttribute(
      'data-state',
      'not_started',
    );
  },
};

export const InProgress: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('In progress', badge);
    await expect(await canvas.findByText('Step 2 of 2: verilive')).toBeVisible();
  },
};

export const InProgressCompact: Story = {
  args: { variant: 'compact' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Step 2 of 2: verilive')).toBeVisible();
    await expect(canvas.queryByRole('heading')).toBeNull();
  },
};

export const Passed: Story = {
  parameters: { verigram: ended('pass') },
  play: async ({ canvas }) => {
    await canvas.findByText('Passed', badge);
    await expect(await canvas.findByText('Every step was completed.')).toBeVisible();
    await expect((await canvas.findAllByText('Approved')).length).toBeGreaterThan(0);
  },
};

export const PassedCompact: Story = {
  parameters: { verigram: ended('pass') },
  args: { variant: 'compact' },
  play: async ({ canvas }) => {
    await canvas.findByText('Passed', badge);
    await expect(canvas.queryByText('Approved')).toBeNull();
  },
};

/** A check said no: the pipeline still ran to its end (`end_cause: completed`), the verdict is fail. */
export const Failed: Story = {
  parameters: { verigram: ended('fail') },
  play: async ({ canvas }) => {
    await canvas.findByText('Failed', badge);
    await expect(await canvas.findByText('Every step was completed.')).toBeVisible();
    await expect((await canvas.findAllByText('Denied')).length).toBeGreaterThan(0);
  },
};

/** Verigram itself failed (`end_cause: failed`). */
export const ServerError: Story = {
  parameters: { verigram: ended('error') },
  play: async ({ canvas }) => {
    await canvas.findByText('Failed', badge);
    await expect(
      await canvas.findByText('The verification stopped because of a server error.'),
    ).toBeVisible();
  },
};

export const Timeout: Story = {
  parameters: { verigram: ended('timeout') },
  play: async ({ canvas }) => {
    await canvas.findByText('Failed', badge);
    await expect(await canvas.findByText('A step ran out of time.')).toBeVisible();
  },
};

export const Disconnected: Story = {
  parameters: { verigram: ended('abandon') },
  play: async ({ canvas }) => {
    await canvas.findByText('Failed', badge);
    await expect(await canvas.findByText('The user left or lost the connection.')).toBeVisible();
  },
};

export const UnderReview: Story = {
  parameters: { verigram: ended('unknown') },
  play: async ({ canvas }) => {
    await canvas.findByText('Finished, awaiting a decision', badge);
  },
};

/** The browser went offline after the first read: polling pauses and says so. */
export const Offline: Story = {
  beforeEach: () => () => onlineManager.setOnline(true),
  play: async ({ canvas }) => {
    await canvas.findByText('In progress', badge);
    onlineManager.setOnline(false);
    await expect(
      await canvas.findByText('You are offline. The status will update when the connection is back.'),
    ).toBeVisible();
  },
};

/** Reads fail with 503 after the first one; the kit keeps the last status and retries. */
export const ConnectionProblem: Story = {
  parameters: {
    verigram: inProgress((sandbox) =>
      withScriptedFailures(sandbox, {
        getFlow: { okFirst: 1, error: storyApiError(503, 'SERVICE_UNAVAILABLE') },
      }),
    ),
  },
  args: { polling: { intervalMs: 200 } },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('Connection problem. Retrying automatically.', {}, { timeout: 4000 }),
    ).toBeVisible();
    await canvas.findByText('In progress', badge);
  },
};

/** The backend answered 429 with Retry-After: one hour; the kit says when it will look again. */
export const RateLimited: Story = {
  parameters: {
    verigram: inProgress((sandbox) =>
      withScriptedFailures(sandbox, {
        getFlow: { okFirst: 1, error: storyApiError(429, 'TOO_MANY_REQUESTS', 3600) },
      }),
    ),
  },
  args: { polling: { intervalMs: 200 } },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText(/^Too many requests\. Next check at/, {}, { timeout: 4000 }),
    ).toBeVisible();
  },
};

/** The flow cannot be read at all (here: an id the backend does not know, 404). */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { verigram: { setup: () => ({ flowId: 'flow-that-does-not-exist' }) } },
  play: async ({ canvas }) => {
    await canvas.findByText('The status could not be loaded', badge);
  },
};

export const Kazakh: Story = {
  globals: { locale: 'kk' },
  parameters: { verigram: ended('pass') },
  play: async ({ canvas }) => {
    await expect((await canvas.findAllByText('Мақұлданды')).length).toBeGreaterThan(0);
  },
};

export const Russian: Story = {
  globals: { locale: 'ru' },
  parameters: { verigram: ended('timeout') },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Время на шаг истекло.')).toBeVisible();
  },
};
