'use client';
import { type FlowConfigUi, LOCALES, type Locale, type PipelineStep } from '@verigram-kit/core';
import { createPreviewMessage } from '@verigram-kit/core/ui';
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
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
// The page is laid out at a real device width and scaled down to the column it sits in: a
// "desktop" as wide as the builder's column would be a tablet at best.
const WIDTHS: Record<Width, number> = { phone: 390, desktop: 1280 };

/** The content width of `ref`'s element, followed as it resizes; `null` until measured. */
function useContentWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

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
  const wrapRef = useRef<HTMLDivElement>(null);
  const available = useContentWidth(wrapRef);
  const message = useMemo(
    () => createPreviewMessage({ ui, locale, stepIndex, pipeline }),
    [ui, locale, stepIndex, pipeline],
  );
  const { stepCount: readyCount, height } = usePreviewFrame(iframeRef, previewUrl, message, debounceMs);
  const stepCount = pipeline?.length ?? readyCount;
  // Steps 0..count-1, then the final status page (stepIndex === count).
  const lastIndex = stepCount ?? 0;
  const frameWidth = WIDTHS[width];
  // Follows the page's reported height (resize messages), within sane bounds.
  const frameHeight = Math.min(1400, Math.max(480, height ?? 720));
  const scale = available && available < frameWidth ? available / frameWidth : 1;

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
      <div ref={wrapRef} className="vgb-frame-wrap">
        <div
          className="vgb-frame-box"
          style={{ width: `${frameWidth * scale}px`, height: `${frameHeight * scale}px` }}
        >
          <iframe
            ref={iframeRef}
            className="vgb-frame"
            title={messages.previewFrame}
            src={previewUrl}
            style={{
              width: `${frameWidth}px`,
              height: `${frameHeight}px`,
              transform: scale < 1 ? `scale(${scale})` : undefined,
            }}
            data-width={width}
            // The preview needs its own scripts and origin; it may not navigate the builder or open windows.
            sandbox="allow-scripts allow-same-origin"
          />
        </div>
      </div>
      <p className="vgb-hint" data-testid="preview-size">
        {messages.frameSize(frameWidth, Math.round(scale * 100))}
      </p>
    </section>
  );
}
