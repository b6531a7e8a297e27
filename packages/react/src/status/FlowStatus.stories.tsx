/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { onlineManager } from '@tanstack/react-query';
import type { Locale } from '@verigram-kit/core';
import type { InMemoryClient, ScriptOutcome } from '@verigram-kit/sandbox';
import { expect, userEvent, waitFor } from 'storybook/test';
import { loadedVerigram, type VerigramStoryParameters } from '../stories/verigramLoader.tsx';
import { storyApiError, withScriptedFailures } from '../stories/withScriptedFailures.ts';
import { FlowStatus } from './FlowStatus.tsx';
import { loadFlowStatusMessages } from './loadFlowStatusMessages.ts';
import '../styles.css';

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
    <FlowStatus {...args} locale={globals.locale} flowId={loadedVerigram(loaded).flowId ?? ''} />
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
    locale: { control: false, description: "The toolbar's language, in these stories" },
  },
} satisfies Meta<typeof FlowStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story's strings, in the toolbar's locale, the one switch. */
const stringsOf = (_args: unknown, globals: Record<string, unknown>) =>
  loadFlowStatusMessages((globals.locale as Locale | undefined) ?? 'en');

/** The root once it shows `outcome` (every locale: the attribute, not the words). */
async function settledOn(canvasElement: HTMLElement, outcome: string) {
  await waitFor(
    () => expect(canvasElement.querySelector('.vgk-flow-status')).toHaveAttribute('data-outcome', outcome),
    { timeout: 5000 },
  );
  return canvasElement.querySelector('.vgk-flow-status') as HTMLElement;
}

const headlineOf = (root: HTMLElement) => root.querySelector('.vgk-flow-status__headline')?.textContent;
const nextOf = (root: HTMLElement) => root.querySelector('.vgk-flow-status__next')?.textContent;

export const NotStarted: Story = {
  parameters: { verigram: notStarted() },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'not_started');
    await expect(headlineOf(root)).toBe(text.headline.not_started);
    await expect(root).toHaveAttribute('role', 'group');
    await expect(root).toHaveAccessibleName(text.title);
  },
};

export const InProgress: Story = {
  play: async ({ canvasElement, canvas, args, globals }) => {
    const text = await stringsOf(args, globals);
    await settledOn(canvasElement, 'in_progress');
    await expect(
      await canvas.findByText(
        text.currentStep
          .replace('{position}', '2')
          .replace('{total}', '2')
          .replace('{service}', text.check.selfie),
      ),
    ).toBeVisible();
    // The live timeline: consent done, the selfie check under way.
    await waitFor(() =>
      expect(
        [...canvasElement.querySelectorAll('.vgk-flow-status__check')].map((row) =>
          row.getAttribute('data-result'),
        ),
      ).toEqual(['passed', 'active']),
    );
  },
};

export const InProgressCompact: Story = {
  args: { variant: 'compact' },
  play: async ({ canvasElement }) => {
    await settledOn(canvasElement, 'in_progress');
    await waitFor(() => expect(canvasElement.querySelector('.vgk-flow-status__step-now')).not.toBeNull());
    await expect(canvasElement.querySelector('ol')).toBeNull();
  },
};

export const Passed: Story = {
  parameters: { verigram: ended('pass') },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'passed');
    await expect(headlineOf(root)).toBe(text.headline.passed);
    await expect(nextOf(root)).toBe(text.next.passed);
    await waitFor(() =>
      expect(
        [...root.querySelectorAll('.vgk-flow-status__check')].map((row) => row.getAttribute('data-result')),
      ).toEqual(['passed', 'passed']),
    );
  },
};

export const PassedCompact: Story = {
  parameters: { verigram: ended('pass') },
  args: { variant: 'compact' },
  play: async ({ canvasElement }) => {
    const root = await settledOn(canvasElement, 'passed');
    await expect(root.querySelector('.vgk-flow-status__check')).toBeNull();
    await expect(root.querySelector('details')).toBeNull();
  },
};

/**
 * A check said no: the pipeline ran to its end (`end_cause: completed`) and the verdict is fail.
 * The customer reads what to do next; the raw statuses are under "Details for support".
 */
export const Failed: Story = {
  parameters: { verigram: ended('fail') },
  play: async ({ canvasElement, canvas, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'rejected');
    await expect(headlineOf(root)).toBe(text.headline.rejected);
    await expect(nextOf(root)).toBe(text.next.rejected);
    await expect(root.querySelector('.vgk-flow-status__summary')?.textContent).not.toMatch(/completed/);
    const details = canvas.getByText(text.details);
    await userEvent.click(details);
    await expect(await canvas.findByText(/fail · completed/)).toBeVisible();
  },
};

/** Verigram itself failed (`end_cause: failed`): not the customer's doing, and it says so. */
export const ServerError: Story = {
  parameters: { verigram: ended('error') },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'server_error');
    await expect(nextOf(root)).toBe(text.next.server_error);
  },
};

export const Timeout: Story = {
  parameters: { verigram: ended('timeout') },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'expired');
    await expect(headlineOf(root)).toBe(text.headline.expired);
  },
};

export const Disconnected: Story = {
  parameters: { verigram: ended('abandon') },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'interrupted');
    await expect(headlineOf(root)).toBe(text.headline.interrupted);
  },
};

export const UnderReview: Story = {
  parameters: { verigram: ended('unknown') },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'review');
    await expect(headlineOf(root)).toBe(text.headline.review);
    await expect(nextOf(root)).toBe(text.next.review);
  },
};

/** In a narrow side column (and on a 320 px phone) the timeline wraps instead of overflowing. */
export const SideColumn: Story = {
  parameters: { verigram: ended('fail') },
  decorators: [
    (Story) => (
      <div style={{ width: 280 }} data-testid="column">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement, canvas }) => {
    const root = await settledOn(canvasElement, 'rejected');
    const column = canvas.getByTestId('column');
    await expect(root.scrollWidth).toBeLessThanOrEqual(column.clientWidth);
  },
};

/**
 * Consent passed, then the selfie attempt failed with attempts left: the flow goes on, the
 * timeline marks the failed attempt, and the summary says the customer may try again (the raw
 * liveness code is under "Details for support").
 */
export const AttemptFailed: Story = {
  parameters: {
    verigram: {
      setup: async (sandbox: InMemoryClient, locale: Locale) => {
        const flowId = await created(sandbox, locale);
        sandbox.engine.setStepOutcome(KEY, flowId, { outcome: 'pass' });
        sandbox.engine.setStepOutcome(KEY, flowId, { outcome: 'fail', errorCodes: ['no_face'] });
        return { flowId };
      },
    } satisfies VerigramStoryParameters,
  },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'in_progress');
    await waitFor(() => expect(root.querySelector('.vgk-flow-status__retry')?.textContent).toBe(text.retry));
    await expect(root.querySelector('.vgk-flow-status__check[data-result="failed"]')).not.toBeNull();
    await expect(root.querySelector('.vgk-flow-status__summary')?.textContent).not.toMatch(/no_face/);
  },
};

/** The browser went offline after the first read: polling pauses and says so. */
export const Offline: Story = {
  beforeEach: () => () => onlineManager.setOnline(true),
  play: async ({ canvasElement, canvas, args, globals }) => {
    const text = await stringsOf(args, globals);
    await settledOn(canvasElement, 'in_progress');
    onlineManager.setOnline(false);
    await expect(await canvas.findByText(text.connection.offline)).toBeVisible();
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
  play: async ({ canvasElement, canvas, args, globals }) => {
    const text = await stringsOf(args, globals);
    await expect(await canvas.findByText(text.connection.error, {}, { timeout: 4000 })).toBeVisible();
    await settledOn(canvasElement, 'in_progress');
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
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.vgk-flow-status')).toHaveAttribute(
          'data-connection',
          'rate_limited',
        ),
      { timeout: 4000 },
    );
    await expect(canvasElement.querySelector('.vgk-flow-status__notice')).not.toBeNull();
  },
};

/** The flow cannot be read at all (here: an id the backend does not know, 404). */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { verigram: { setup: () => ({ flowId: 'flow-that-does-not-exist' }) } },
  play: async ({ canvasElement, args, globals }) => {
    const text = await stringsOf(args, globals);
    const root = await settledOn(canvasElement, 'error');
    await expect(headlineOf(root)).toBe(text.headline.error);
  },
};

export const Kazakh: Story = {
  globals: { locale: 'kk' },
  tags: ['pinned-kk'],
  parameters: { verigram: ended('pass') },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Жеке басыңыз расталды')).toBeVisible();
  },
};

export const Russian: Story = {
  globals: { locale: 'ru' },
  tags: ['pinned-ru'],
  parameters: { verigram: ended('timeout') },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Время проверки истекло')).toBeVisible();
  },
};
