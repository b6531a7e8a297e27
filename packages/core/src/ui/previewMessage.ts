// The builder → preview page message. The sandbox's preview page
// (`/hf2/preview/`) re-renders with this FlowConfigUi and answers with the hosted page's usual
// `ready` message (flowMessage.ts) carrying `flowId: 'preview'`.
import { LOCALES } from '../api/constants.ts';
import type { FlowConfigUi, Locale, PipelineStep } from '../api/schemas.ts';
import { FLOW_MESSAGE_VERSION, KIT_MESSAGE_PROTOCOL } from '../protocol/flowMessage.ts';

/** The flow id the preview page uses in its `ready` message. */
export const PREVIEW_FLOW_ID = 'preview';

export interface PreviewMessage {
  protocol: typeof KIT_MESSAGE_PROTOCOL;
  version: typeof FLOW_MESSAGE_VERSION;
  type: 'preview';
  ui: FlowConfigUi;
  locale: Locale;
  /** Which pipeline step to show, 0-based. */
  stepIndex: number;
  /** Steps to render; the page's own sample pipeline when absent. */
  pipeline?: PipelineStep[];
}

export function createPreviewMessage(init: {
  ui: FlowConfigUi;
  locale: Locale;
  stepIndex: number;
  pipeline?: PipelineStep[] | undefined;
}): PreviewMessage {
  const message: PreviewMessage = {
    protocol: KIT_MESSAGE_PROTOCOL,
    version: FLOW_MESSAGE_VERSION,
    type: 'preview',
    ui: init.ui,
    locale: init.locale,
    stepIndex: init.stepIndex,
  };
  if (init.pipeline) message.pipeline = init.pipeline;
  return message;
}

/** The message when `data` is a well-formed v1 preview message, else `null`. */
export function parsePreviewMessage(data: unknown): PreviewMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.protocol !== KIT_MESSAGE_PROTOCOL || m.version !== FLOW_MESSAGE_VERSION || m.type !== 'preview')
    return null;
  if (typeof m.ui !== 'object' || m.ui === null || Array.isArray(m.ui)) return null;
  if (!(LOCALES as readonly unknown[]).includes(m.locale)) return null;
  if (typeof m.stepIndex !== 'number' || !Number.isInteger(m.stepIndex) || m.stepIndex < 0) return null;
  if (m.pipeline !== undefined && !Array.isArray(m.pipeline)) return null;
  return m as unknown as PreviewMessage;
}
