import type { FlowTemplateInput } from '@verigram-kit/core';

/**
 * The pipelines a visitor can pick by name (the proxy's `templates`): the browser names one, the
 * pipeline itself never leaves the server. Keep the names in step with `src/demoStrings.ts`.
 * Retries are fewer than Verigram's default of 5 so a failing demo ends after a couple of tries,
 * as a bank would configure it. `max_retries` counts the attempts after the first (spec: "Maximum
 * number of retries for the step"): 1 means two attempts.
 */
export const DEMO_TEMPLATES = {
  'selfie-only': { pipeline: [{ service_name: 'verilive', max_retries: 2 }] },
  'id-selfie': {
    pipeline: [
      { service_name: 'consent' },
      { service_name: 'veridoc', max_retries: 1 },
      { service_name: 'verilive', max_retries: 2 },
    ],
  },
  'full-kyc': {
    pipeline: [
      { service_name: 'consent' },
      { service_name: 'veridoc', max_retries: 1 },
      { service_name: 'verilive', max_retries: 2 },
      { service_name: 'aml-cft', max_retries: 1 },
    ],
  },
} satisfies Record<string, FlowTemplateInput>;

export type DemoTemplateName = keyof typeof DEMO_TEMPLATES;
