/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { FlowProjection, Locale } from '@verigram-kit/core';
import { type ReactNode, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { expect, fn, waitFor } from 'storybook/test';
import {
  loadedVerigram,
  type VerigramStoryParameters,
} from '../../../packages/react/src/stories/verigramLoader.tsx';
import kitCss from '../../../packages/react/src/styles.css?inline';
import demoCss from './demo.css?inline';
import { DEMO_STRINGS } from './demoStrings.ts';
import { type FinishedFlow, ResultCard } from './ResultCard.tsx';

// The demo's result card, as Aurora Bank shows a finished verification. The demo's stylesheet
// styles its whole page (body, :root), so the card renders in a shadow root with that sheet alone
// (its :root rules as :host) after the kit's: it looks as in the demo and leaves the other
// stories' look alone.
const KEY = 'sandbox-test-key';
const startAgain = fn();

function DemoLook({ children }: { children: ReactNode }) {
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  return (
    <div
      data-testid="demo-look"
      ref={(host) => {
        if (host && !root) setRoot(host.shadowRoot ?? host.attachShadow({ mode: 'open' }));
      }}
    >
      {root &&
        createPortal(
          <>
            <style>{kitCss.replaceAll(':root', ':host')}</style>
            <style>{demoCss.replaceAll(':root', ':host')}</style>
            {/* In the demo the card sits in its verification panel (.card). */}
            <div className="card" style={{ maxWidth: 560, margin: 16 }}>
              {children}
            </div>
          </>,
          root,
        )}
    </div>
  );
}

const finishedFlow = (outcome: 'pass' | 'fail'): VerigramStoryParameters => ({
  client: { templates: { selfie: { pipeline: [{ service_name: 'verilive' }] } } },
  setup: async (sandbox, locale) => {
    const { flowId } = await sandbox.createFlow({ locale, template: 'selfie' });
    sandbox.engine.completeFlow(KEY, flowId, outcome);
    return { flowId };
  },
});

function ResultCardStory({
  locale,
  flowId,
  read,
}: {
  locale: Locale;
  flowId: string;
  read(id: string): Promise<FlowProjection>;
}) {
  const [finished, setFinished] = useState<FinishedFlow | null>(null);
  useEffect(() => {
    void read(flowId).then((result) =>
      setFinished({
        flowId,
        flowStatus: result.flow_status ?? 'unknown',
        endCause: result.end_cause,
        result,
      }),
    );
  }, [flowId, read]);
  if (!finished) return null;
  return (
    <DemoLook>
      <ResultCard
        t={DEMO_STRINGS[locale] ?? DEMO_STRINGS.en}
        lang={locale}
        finished={finished}
        onStartAgain={startAgain}
      />
    </DemoLook>
  );
}

const meta: Meta = {
  title: 'demo/ResultCard',
  component: ResultCard,
  render: (_args, { loaded, globals }) => {
    const { flowId = '', sandbox } = loadedVerigram(loaded);
    return (
      <ResultCardStory
        locale={(globals.locale as Locale | undefined) ?? 'en'}
        flowId={flowId}
        read={(id) => sandbox.getFlowResult(id)}
      />
    );
  },
  parameters: { verigram: finishedFlow('pass') },
};

export default meta;
type Story = StoryObj;

/** The card inside the demo's look, once it shows `status` and its best frame has decoded. */
async function card(canvasElement: HTMLElement, status: string) {
  return waitFor(
    () => {
      const root = canvasElement.querySelector('[data-testid="demo-look"]')?.shadowRoot;
      const found = root?.querySelector<HTMLElement>('[data-testid="result-card"]');
      expect(found).toHaveAttribute('data-status', status);
      return found as HTMLElement;
    },
    { timeout: 5000 },
  );
}

/** A passed selfie check: the decision, the facts and the liveness best frame. */
export const Passed: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = DEMO_STRINGS[(globals.locale as Locale | undefined) ?? 'en'];
    const found = await card(canvasElement, 'pass');
    const image = await waitFor(
      () => {
        const img = found.querySelector('img');
        expect(img).toHaveAttribute('alt', t.resultBestframe);
        return img as HTMLImageElement;
      },
      { timeout: 5000 },
    );
    await waitFor(() => expect(image.naturalWidth).toBeGreaterThan(0), { timeout: 5000 });
  },
};

/** A failed one: the kit's status says what happened and what the customer can do next. */
export const Failed: Story = {
  parameters: { verigram: finishedFlow('fail') },
  play: async ({ canvasElement }) => {
    const found = await card(canvasElement, 'fail');
    // The kit's status inside it says what happened, in words: the card is not left empty.
    await waitFor(() => expect(found.textContent?.trim()).toBeTruthy(), { timeout: 5000 });
  },
};
