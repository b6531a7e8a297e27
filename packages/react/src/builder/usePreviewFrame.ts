'use client';
import type { PreviewMessage } from '@verigram-kit/core/ui';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { createPreviewFrame, type PreviewFrame } from './createPreviewFrame.ts';

export interface PreviewFrameState {
  /** The page's step count once it is ready, else `null`. */
  stepCount: number | null;
  /** The page's last reported content height, else `null`. */
  height: number | null;
}

/**
 * Keeps the preview page in `iframeRef` showing `message`, posting at most once per `debounceMs`
 * while the draft changes.
 */
export function usePreviewFrame(
  iframeRef: RefObject<HTMLIFrameElement | null>,
  previewUrl: string,
  message: PreviewMessage,
  debounceMs: number,
): PreviewFrameState {
  const frameRef = useRef<PreviewFrame | null>(null);
  const [stepCount, setStepCount] = useState<number | null>(null);
  const [height, setHeight] = useState<number | null>(null);
  const latest = useRef(message);
  latest.current = message;

  useEffect(() => {
    const iframe = iframeRef.current;
    if (!iframe) return;
    const frame = createPreviewFrame({ iframe, previewUrl, onReady: setStepCount, onResize: setHeight });
    frame.post(latest.current);
    frameRef.current = frame;
    return () => {
      frame.destroy();
      frameRef.current = null;
      setStepCount(null);
      setHeight(null);
    };
  }, [iframeRef, previewUrl]);

  useEffect(() => {
    const timer = setTimeout(() => frameRef.current?.post(message), debounceMs);
    return () => clearTimeout(timer);
  }, [message, debounceMs]);

  return { stepCount, height };
}
