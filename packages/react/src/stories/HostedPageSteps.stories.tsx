/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { compileBrandCss } from '@verigram-kit/core/ui';
import { expect, waitFor } from 'storybook/test';
import { VerigramFlow } from '../VerigramFlow.tsx';
import { acceptConsent, hostedPage } from './hostedPage.ts';
import type { VerigramStoryParameters } from './verigramLoader.tsx';
import '../styles.css';
import './exampleAppStyles.css';

// The sandbox's hosted page (not Verigram's) step by step, as a person meets it inside
// <VerigramFlow>: consent, the ID document, and the retry screen after a failed attempt, in the
// spec's two themes. The sandbox's outcome strip under the page stands in for the real checks.
// bts is shown with its primary colour set in the brand tokens: bts's own white-on-teal buttons
// miss WCAG AA (the builder warns about it), and every story here is held to AA.
const pipeline = [{ service_name: 'consent' as const }, { service_name: 'veridoc' as const, max_retries: 1 }];
const parameters: VerigramStoryParameters = {
  client: {
    templates: {
      default: { pipeline, status_page: true },
      bts: {
        pipeline,
        status_page: true,
        ui: { theme: 'bts', css: compileBrandCss({ primaryColor: '#00a19a' }) },
      },
    },
  },
};

function HostedPage({
  theme,
  locale,
}: {
  theme: 'default' | 'bts';
  locale?: 'kk' | 'ru' | 'en' | undefined;
}) {
  return (
    <div className="story-app" style={{ maxWidth: 520, margin: '0 auto' }}>
      <VerigramFlow template={theme} locale={locale} />
    </div>
  );
}

const meta = {
  title: 'sandbox/Hosted page steps',
  component: HostedPage,
  render: (args, { globals }) => <HostedPage theme={args.theme} locale={globals.locale} />,
  parameters: { verigram: parameters },
  args: { theme: 'default' },
  argTypes: { theme: { control: 'inline-radio', options: ['default', 'bts'] }, locale: { control: false } },
} satisfies Meta<typeof HostedPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The card the page shows, once it is the given step's. */
async function stepCard(page: Document, service: string) {
  return waitFor(
    () => {
      const card = page.querySelector('main.vg-card');
      expect(card).toHaveAttribute('data-service', service);
      return card as HTMLElement;
    },
    { timeout: 5000 },
  );
}

const toConsent = async (canvasElement: HTMLElement) => {
  const { page, screen } = await hostedPage(canvasElement);
  (await screen.findByTestId('start')).click();
  return { page, card: await stepCard(page, 'consent') };
};

const toDocument = async (canvasElement: HTMLElement) => {
  const { page, screen } = await hostedPage(canvasElement);
  await acceptConsent(screen);
  return { page, screen, card: await stepCard(page, 'veridoc') };
};

/** Consent: the box must be ticked before the page lets the person on. */
export const Consent: Story = {
  play: async ({ canvasElement }) => {
    const { card } = await toConsent(canvasElement);
    await expect(card.querySelector('input[type="checkbox"]')).not.toBeChecked();
    await expect(card.querySelector('.vg-btn')).toBeDisabled();
  },
};

/** The ID document: the frame to place the card in, and the step counter at 2 of 2. */
export const Document: Story = {
  play: async ({ canvasElement }) => {
    const { page, card } = await toDocument(canvasElement);
    await expect(card.querySelector('.vg-doc')).toBeVisible();
    await expect(page.querySelector('[role="progressbar"]')).toHaveAttribute('aria-valuenow', '2');
  },
};

/** A failed attempt with one try left: what failed, how many tries remain, and the retry button. */
export const Retry: Story = {
  play: async ({ canvasElement }) => {
    const { screen } = await toDocument(canvasElement);
    (await screen.findByTestId('tester-fail')).click();
    await expect(await screen.findByTestId('retry')).toBeEnabled();
    await expect(await screen.findByRole('alert')).toBeVisible();
  },
};

export const ConsentBts: Story = { ...Consent, name: 'Consent (bts)', args: { theme: 'bts' } };
export const DocumentBts: Story = { ...Document, name: 'Document (bts)', args: { theme: 'bts' } };
export const RetryBts: Story = { ...Retry, name: 'Retry (bts)', args: { theme: 'bts' } };
