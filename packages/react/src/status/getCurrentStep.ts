import type { Flow, FlowProjection, ServiceName } from '@verigram-kit/core';

/** The step a flow in progress is on. */
export interface CurrentStep {
  /** `Flow.current_step_id` as the server sent it. */
  id: string;
  /** The step's service, when it could be placed. */
  serviceName: ServiceName | undefined;
  /** 1-based place in the pipeline, when it could be placed. */
  position: number | undefined;
  /** Steps in the pipeline. */
  total: number;
}

/**
 * Places `current_step_id` in the flow's pipeline. The spec does not say what a step id looks
 * like, and pipeline steps carry no id; so, in order: a service status naming that `step_id`
 * (which gives the service), then an id that is a pipeline index, then an id that names exactly
 * one pipeline service. Otherwise the step is reported unplaced rather than guessed.
 */
export function getCurrentStep(flow: Flow, result?: FlowProjection | null): CurrentStep | undefined {
  const id = flow.current_step_id;
  if (id === undefined) return undefined;
  const pipeline = flow.template?.pipeline ?? [];
  const total = pipeline.length;
  const fromResult = result?.service_statuses?.find((status) => status.step_id === id)?.service_name;
  if (/^\d+$/.test(id)) {
    const index = Number(id);
    const step = pipeline[index];
    if (step) return { id, serviceName: fromResult ?? step.service_name, position: index + 1, total };
  }
  const matches = pipeline
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => (fromResult ? step.service_name === fromResult : id.includes(step.service_name)));
  // Longest name first, so "verilive-one-shot" is not taken for "verilive".
  matches.sort((a, b) => b.step.service_name.length - a.step.service_name.length);
  const best = matches[0];
  const ambiguous = matches.length > 1 && matches[1]?.step.service_name === best?.step.service_name;
  if (best && !ambiguous) return { id, serviceName: best.step.service_name, position: best.index + 1, total };
  return { id, serviceName: fromResult, position: undefined, total };
}
