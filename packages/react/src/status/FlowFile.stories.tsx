/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Locale } from '@verigram-kit/core';
import type { InMemoryClient } from '@verigram-kit/sandbox';
import { expect, waitFor } from 'storybook/test';
import { loadedVerigram, type VerigramStoryParameters } from '../stories/verigramLoader.tsx';
import { storyApiError, withScriptedFailures } from '../stories/withScriptedFailures.ts';
import { FlowFile } from './FlowFile.tsx';
import { formatMessage } from './flowStatusMessages.ts';
import { loadFlowStatusMessages } from './loadFlowStatusMessages.ts';
import '../styles.css';

// Files are the sandbox's own generated samples (a face PNG, a one-page PDF), read through the
// in-memory client exactly as an app reads them through the proxy.
const KEY = 'sandbox-test-key';

const flow = (
  how: 'in_progress' | 'passed',
  wrap?: VerigramStoryParameters['wrap'],
  template?: string,
): VerigramStoryParameters => ({
  client: { templates: { egov: { pipeline: [{ service_name: 'egov-doc' }] } } },
  wrap,
  setup: async (sandbox, locale) => {
    const { flowId } = await sandbox.createFlow({ locale, template });
    if (how === 'passed') sandbox.engine.completeFlow(KEY, flowId, 'pass');
    else sandbox.engine.setStepOutcome(KEY, flowId, { outcome: 'pass' });
    return { flowId };
  },
});

const meta = {
  title: 'react/FlowFile',
  component: FlowFile,
  render: (args, { loaded, globals }) => (
    <FlowFile {...args} locale={globals.locale} flowId={loadedVerigram(loaded).flowId ?? ''} />
  ),
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 360 }}>
        <Story />
      </div>
    ),
  ],
  parameters: { verigram: flow('passed') },
  args: { flowId: 'created-by-the-story', label: 'bestframe' },
  argTypes: {
    flowId: { table: { disable: true } },
    locale: { control: false, description: "The toolbar's language, in these stories" },
  },
} satisfies Meta<typeof FlowFile>;

export default meta;
type Story = StoryObj<typeof meta>;

// The file is read once the polled flow has ended: longer than findBy's one-second default.
const LATER = { timeout: 4000 };

/** The component's strings in the toolbar's language, the one switch. */
const stringsOf = (globals: Record<string, unknown>) =>
  loadFlowStatusMessages((globals.locale as Locale | undefined) ?? 'en');

/** The liveness best frame of a passed flow. */
export const Image: Story = {
  play: async ({ canvas, globals }) => {
    const text = await stringsOf(globals);
    const image = await canvas.findByRole('img', {
      name: formatMessage(text.fileAlt, { label: 'bestframe' }),
    });
    await expect(image).toBeVisible();
    // Decoded: the sample PNG really arrived as an image, not just an <img> element.
    await waitFor(() => expect((image as HTMLImageElement).naturalWidth).toBeGreaterThan(0));
  },
};

/** A file that is not an image becomes a download link. */
export const Download: Story = {
  parameters: { verigram: flow('passed', undefined, 'egov') },
  args: { label: 'egov_doc_pdf' },
  play: async ({ canvas, globals }) => {
    const text = await stringsOf(globals);
    const link = await canvas.findByRole('link', {
      name: formatMessage(text.fileDownload, { label: 'egov_doc_pdf' }),
    });
    await expect(link).toHaveAttribute('download', 'egov_doc_pdf');
  },
};

/** The flow has not ended yet: no file is asked for until it has. */
export const WaitingForTheFlow: Story = {
  parameters: { verigram: flow('in_progress') },
  play: async ({ canvas, canvasElement, globals }) => {
    const text = await stringsOf(globals);
    await expect(await canvas.findByRole('status')).toHaveTextContent(text.fileLoading);
    await expect(canvasElement.querySelector('figure')).toHaveAttribute('data-state', 'waiting');
  },
};

/** The download is under way (here: it never ends). */
export const Loading: Story = {
  parameters: {
    verigram: flow('passed', (sandbox: InMemoryClient) =>
      withScriptedFailures(sandbox, { filesNeverArrive: true }),
    ),
  },
  play: async ({ canvasElement, globals }) => {
    const text = await stringsOf(globals);
    const figure = canvasElement.querySelector('figure');
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'loading'));
    await expect(figure).toHaveTextContent(text.fileLoading);
  },
};

/** No such file for this flow (the sandbox answers 404 for videos): a neutral note, not an error. */
export const NoSuchFile: Story = {
  args: { label: 'liveness_video' },
  play: async ({ canvas, canvasElement, globals }) => {
    const text = await stringsOf(globals);
    const note = await canvas.findByText(
      formatMessage(text.fileMissing, { label: 'liveness_video' }),
      {},
      LATER,
    );
    await expect(note).toHaveAttribute('role', 'status');
    await expect(canvasElement.querySelector('figure')).toHaveAttribute('data-state', 'missing');
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** The read failed (here: the API answers 503 every time, once the retries are spent): in red. */
export const ErrorState: Story = {
  name: 'Error',
  args: { polling: { retries: 0 } },
  parameters: {
    verigram: flow('passed', (sandbox: InMemoryClient) =>
      withScriptedFailures(sandbox, { getFile: { error: storyApiError(503, 'SERVICE_UNAVAILABLE') } }),
    ),
  },
  play: async ({ canvas, canvasElement, globals }) => {
    const text = await stringsOf(globals);
    await expect(await canvas.findByRole('alert', {}, LATER)).toHaveTextContent(text.fileError);
    await expect(canvasElement.querySelector('figure')).toHaveAttribute('data-state', 'error');
  },
};

/** Russian: the same neutral note, in the flow's language. */
export const Russian: Story = {
  globals: { locale: 'ru' },
  tags: ['pinned-ru'],
  args: { label: 'liveness_video' },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('В этой проверке нет файла liveness_video.', {}, LATER),
    ).toBeVisible();
    await expect(canvas.getByRole('figure')).toHaveAttribute('lang', 'ru');
  },
};
