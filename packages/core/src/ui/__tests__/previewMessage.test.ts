import { describe, expect, it } from 'vitest';
import { defineFlowUi } from '../flowUiDraft.ts';
import { createPreviewMessage, parsePreviewMessage } from '../previewMessage.ts';

describe('preview message', () => {
  const ui = defineFlowUi({ theme: 'bts' });

  it('round-trips through parsePreviewMessage', () => {
    const message = createPreviewMessage({
      ui,
      locale: 'ru',
      stepIndex: 1,
      pipeline: [{ service_name: 'otp', allow_failure: false, timeout: 300, max_retries: 5 }],
    });
    expect(message).toEqual({
      protocol: 'verigram-kit',
      version: 1,
      type: 'preview',
      ui,
      locale: 'ru',
      stepIndex: 1,
      pipeline: [{ service_name: 'otp', allow_failure: false, timeout: 300, max_retries: 5 }],
    });
    expect(parsePreviewMessage(structuredClone(message))).toEqual(message);
  });

  it.each([
    ['another protocol', { protocol: 'verigram-hf2' }],
    ['another version', { version: 2 }],
    ['another type', { type: 'callback' }],
    ['a missing ui', { ui: null }],
    ['an unknown locale', { locale: 'de' }],
    ['a negative step', { stepIndex: -1 }],
    ['a fractional step', { stepIndex: 0.5 }],
    ['a pipeline that is not a list', { pipeline: 'verilive' }],
  ])('refuses %s', (_, change) => {
    expect(
      parsePreviewMessage({ ...createPreviewMessage({ ui, locale: 'en', stepIndex: 0 }), ...change }),
    ).toBeNull();
  });
});
