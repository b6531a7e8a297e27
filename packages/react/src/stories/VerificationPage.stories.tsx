/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Locale } from '@verigram-kit/core';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { getCheckKind } from '../status/describeFlow.ts';
import { FlowFile } from '../status/FlowFile.tsx';
import { FlowStatus } from '../status/FlowStatus.tsx';
import { formatMessage } from '../status/flowStatusMessages.ts';
import { loadFlowStatusMessages } from '../status/loadFlowStatusMessages.ts';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { acceptConsent, hostedPage } from './hostedPage.ts';
import type { VerigramStoryParameters } from './verigramLoader.tsx';
import '../styles.css';
import './exampleAppStyles.css';

// The three components as an app composes them: the flow, its live status beside it, and the
// best frame once it ended. Fast polling so the story (and its test) need not wait 3-6 s a read.
const POLLING = { intervalMs: 300, notStartedIntervalMs: 300 };

const parameters: VerigramStoryParameters = {
  client: {
    templates: {
      showcase: { pipeline: [{ service_name: 'consent' }, { service_name: 'verilive' }], status_page: true },
    },
  },
};

function VerificationPage({ locale }: { locale?: Locale | undefined }) {
  const [flowId, setFlowId] = useState<string>();
  const [ended, setEnded] = useState(false);
  return (
    <div
      className="story-app"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start', maxWidth: 1000 }}
    >
      <div style={{ flex: '1 1 420px', maxWidth: 520 }}>
        <VerigramFlow
          locale={locale}
          template="showcase"
          onReady={(message) => setFlowId(message.flowId)}
          onComplete={() => setEnded(true)}
        />
      </div>
      <div style={{ flex: '1 1 300px', display: 'grid', gap: 16 }}>
        {flowId && <FlowStatus flowId={flowId} locale={locale} polling={POLLING} liveTimeline />}
        {flowId && ended && <FlowFile flowId={flowId} label="bestframe" locale={locale} polling={POLLING} />}
      </div>
    </div>
  );
}

const meta = {
  title: 'react/Recipes/Verification page',
  component: VerificationPage,
  render: (_args, { globals }) => <VerificationPage locale={globals.locale} />,
  parameters: { verigram: parameters },
} satisfies Meta<typeof VerificationPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A person walks the whole flow; the status beside it follows, and the best frame appears at the end. */
export const Journey: Story = {
  play: async ({ canvasElement, globals }) => {
    // The toolbar's language, the one switch: the status and the file speak it.
    const text = await loadFlowStatusMessages((globals.locale as Locale | undefined) ?? 'en');
    const canvas = within(canvasElement);
    const status = await canvas.findByRole('group', { name: text.title }, { timeout: 5000 });
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'not_started'));
    const { screen } = await hostedPage(canvasElement);
    await acceptConsent(screen);
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'in_progress'), { timeout: 3000 });
    const service = text.check[getCheckKind('verilive')];
    await expect(
      await within(status).findByText(formatMessage(text.currentStep, { position: 2, total: 2, service })),
    ).toBeVisible();
    (await screen.findByTestId('tester-pass')).click();
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'passed'), { timeout: 3000 });
    const image = await canvas.findByRole(
      'img',
      { name: formatMessage(text.fileAlt, { label: 'bestframe' }) },
      { timeout: 3000 },
    );
    await waitFor(() => expect((image as HTMLImageElement).naturalWidth).toBeGreaterThan(0));
  },
};
