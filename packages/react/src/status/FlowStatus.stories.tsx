/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Flow, FlowProjection } from '@verigram-kit/core';
import { useState } from 'react';
import {
  apiError,
  endedFlow,
  inProgressFlow,
  notStartedFlow,
  resultOf,
  ScriptedFlowClient,
} from '../../test/scriptedFlowClient.ts';
import { VerigramProvider } from '../VerigramProvider.tsx';
import { FlowStatus, type FlowStatusProps } from './FlowStatus.tsx';
import './flowStatus.css';

// Each story answers from a fixed flow (no sandbox needed) with its own QueryClient, so states
// never leak between stories. The browser run checks colour contrast, which jsdom cannot.
interface StoryArgs extends Omit<FlowStatusProps, 'flowId'> {
  flow: Flow;
  result?: FlowProjection | undefined;
  failWith?: 'rate_limited' | 'forbidden' | undefined;
}

function Harness({ flow, result, failWith, ...props }: StoryArgs) {
  const [queryClient] = useState(() => new QueryClient());
  const [client] = useState(() => {
    const scripted = new ScriptedFlowClient(flow, result);
    if (failWith === 'rate_limited') scripted.failFlowReads(apiError(429, 3600));
    if (failWith === 'forbidden') scripted.failFlowReads(apiError(403));
    return scripted;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <VerigramProvider client={client}>
        <FlowStatus flowId={flow.flow_id} {...props} />
      </VerigramProvider>
    </QueryClientProvider>
  );
}

const passed = endedFlow('story-passed', 'pass', 'completed');
const failed = endedFlow('story-failed', 'fail', 'timeout');

const meta = {
  title: 'react/FlowStatus',
  component: Harness,
  args: { flow: inProgressFlow('story-progress', '0'), variant: 'detailed', locale: 'en' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['compact', 'detailed'] },
    locale: { control: 'inline-radio', options: ['kk', 'ru', 'en'] },
  },
} satisfies Meta<typeof Harness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NotStarted: Story = {
  args: { flow: notStartedFlow('story-not-started') },
  play: async ({ canvas }) => {
    await canvas.findByText('Not started', { selector: '.vgk-flow-status__badge' });
  },
};

export const InProgress: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('Step 1 of 2: verilive');
  },
};

export const Passed: Story = {
  args: { flow: passed, result: resultOf(passed) },
  play: async ({ canvas }) => {
    await canvas.findByText('Approved');
  },
};

export const FailedCompact: Story = {
  args: { flow: failed, result: resultOf(failed), variant: 'compact' },
  play: async ({ canvas }) => {
    await canvas.findByText('A step ran out of time.');
  },
};

export const RateLimited: Story = {
  args: { failWith: 'rate_limited' },
  play: async ({ canvas }) => {
    await canvas.findByText(/Next check at/, { selector: '.vgk-flow-status__notice' });
  },
};

export const ErrorState: Story = {
  args: { failWith: 'forbidden' },
  play: async ({ canvas }) => {
    await canvas.findByText('The status could not be loaded', { selector: '.vgk-flow-status__badge' });
  },
};

export const Kazakh: Story = {
  args: { flow: passed, result: resultOf(passed), locale: 'kk' },
  play: async ({ canvas }) => {
    await canvas.findByText('Мақұлданды');
  },
};

export const Russian: Story = {
  args: { flow: failed, result: resultOf(failed), locale: 'ru' },
  play: async ({ canvas }) => {
    await canvas.findByText('Время на шаг истекло.');
  },
};
