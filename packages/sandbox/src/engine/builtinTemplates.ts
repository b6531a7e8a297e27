import type { FlowTemplate, PipelineStep } from '@verigram-kit/core';

/** Builtin templates are written without the spec defaults; parseCreateFlow fills them in. */
type TemplateInput = Omit<FlowTemplate, 'pipeline'> & { pipeline: Partial<PipelineStep>[] };

/**
 * Templates the sandbox knows by `template_id` (the real ones live in Verigram's console).
 * `default` is used when a flow names neither `template` nor `template_id`: consent, then a
 * selfie, which is what most integrations start with.
 */
export const BUILTIN_TEMPLATES: Record<string, TemplateInput> = {
  default: {
    pipeline: [{ service_name: 'consent' }, { service_name: 'verilive' }],
  },
  verilive: { pipeline: [{ service_name: 'verilive' }] },
  kyc: {
    pipeline: [
      { service_name: 'consent' },
      { service_name: 'veridoc' },
      { service_name: 'verilive' },
      { service_name: 'otp', allow_failure: true },
    ],
    status_page: true,
  },
  onboarding: {
    pipeline: [
      { service_name: 'language-selector' },
      { service_name: 'flow-form' },
      { service_name: 'verilive' },
      { service_name: 'aml-cft' },
    ],
  },
};

export const DEFAULT_TEMPLATE_ID = 'default';
