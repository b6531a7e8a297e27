import type { FlowTemplateInput } from '@verigram-kit/core';

/**
 * The pipelines a visitor can pick by name (the proxy's `templates`): the browser names one, the
 * pipeline itself never leaves the server. Keep the names in step with `src/demoStrings.ts`.
 */
export const DEMO_TEMPLATES = {
  'selfie-only': { pipeline: [{ service_name: 'verilive' }] },
  'id-selfie': {
    pipeline: [{ service_name: 'consent' }, { service_name: 'veridoc' }, { service_name: 'verilive' }],
  },
  'full-kyc': {
    pipeline: [
      { service_name: 'consent' },
      { service_name: 'veridoc' },
      { service_name: 'verilive' },
      { service_name: 'aml-cft' },
    ],
  },
} satisfies Record<string, FlowTemplateInput>;

export type DemoTemplateName = keyof typeof DEMO_TEMPLATES;
