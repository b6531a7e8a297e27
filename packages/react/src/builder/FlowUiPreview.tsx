'use client';
import { type FlowConfigUi, LOCALES, type Locale, type PipelineStep } from '@verigram-kit/core';
import { createPreviewMessage } from '@verigram-kit/core/ui';
import { useId, useMemo, useRef, useState } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { usePreviewFrame } from './usePreviewFrame.ts';

export interface FlowUiPreviewProps {
  previewUrl: string;
  ui: FlowConfigUi;
  pipeline: PipelineStep[] | undefined;
  initialLocale: Locale;
  debounceMs: number;
  messages: BuilderMessages;
}

type Width = 'phone' | 'desktop';
const WIDTHS: Record<Width, string> = { phone: '390px', desktop: '100%' };

/** The sandbox's hosted page (not Verigram's) in a frame, driven by preview messages. */
export function FlowUiPreview({
  previewUrl,
  ui,
  pipeline,
  initialLocale,
  debounceMs,
  messages,
}: FlowUiPreviewProps) {
  const id = useId();
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [stepIndex, setStepIndex] = useState(0);
  const [width, setWidth] = useState<Width>('phone');
  const message = useMemo(
    () => createPreviewMessage({ ui, locale, stepIndex, pipeline }),
    [ui, locale, stepIndex, pipeline],
  );
  const { stepCount: readyCount, height } = usePreviewFrame(iframeRef, previewUrl, message, debounceMs);
  const stepCount = pipeline?.length ?? readyCount;
  // Steps 0..count-1, then the final status page (stepIndex === count).
  const lastIndex = stepCount ?? 0;

  return (
    <section
      className="vgb-preview"
      aria-labelledby={`${id}-title`}
      data-state={readyCount === null ? 'loading' : 'ready'}
    >
      <h2 id={`${id}-title`}>{messages.preview}</h2>
      <p className="vgb-hint">{messages.previewHint}</p>
      <div className="vgb-row vgb-toolbar">
        <fieldset className="vgb-inline">
          <legend>{messages.previewLocale}</legend>
          {LOCALES.map((l) => (
            <label key={l} className="vgb-check">
              <input
                type="radio"
                name={`${id}-locale`}
                value={l}
                checked={locale === l}
                onChange={() => setLocale(l)}
              />
              {l}
            </label>
          ))}
        </fieldset>
        <fieldset className="vgb-inline">
          <legend>{messages.step}</legend>
          <button
            type="button"
            aria-label={messages.previousStep}
            disabled={stepIndex === 0}
            onClick={() => setStepIndex((i) => Math.max(0, i - 1))}
          >
            ‹
          </button>
          <output aria-live="polite">
            {stepCount === null
              ? `${messages.step} ${stepIndex + 1}`
              : stepIndex >= stepCount
                ? messages.resultPage
                : messages.stepOf(stepIndex + 1, stepCount)}
          </output>
          <button
            type="button"
            aria-label={messages.nextStep}
            disabled={stepCount === null || stepIndex >= lastIndex}
            onClick={() => setStepIndex((i) => Math.min(lastIndex, i + 1))}
          >
            ›
          </button>
        </fieldset>
        <fieldset className="vgb-inline">
          <legend>{messages.width}</legend>
          {(['phone', 'desktop'] as const).map((w) => (
            <label key={w} className="vgb-check">
              <input
                type="radio"
                name={`${id}-width`}
                value={w}
                checked={width === w}
                onChange={() => setWidth(w)}
              />
              {messages[w]}
            </label>
          ))}
        </fieldset>
      </div>
      {readyCount === null && <p className="vgb-hint">{messages.previewLoading}</p>}
      <div className="vgb-frame-wrap">
        <iframe
          ref={iframeRef}
          className="vgb-frame"
          title={messages.previewFrame}
          src={previewUrl}
          // Follows the page's reported height (resize messages), within sane bounds.
          style={{ width: WIDTHS[width], height: `${Math.min(1400, Math.max(480, height ?? 720))}px` }}
          data-width={width}
          // The preview needs its own scripts and origin; it may not navigate the builder or open windows.
          sandbox="allow-scripts allow-same-origin"
        />
      </div>
    </section>
  );
}
