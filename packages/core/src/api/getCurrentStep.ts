import type { Flow, FlowProjection, ServiceName } from './schemas.ts';

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
  const names = (flow.template?.pipeline ?? []).map((step) => step.service_name);
  const fromResult = result?.service_statuses?.find((status) => status.step_id === id)?.service_name;
  let index = /^\d+$/.test(id) && Number(id) < names.length ? Number(id) : -1;
  if (index < 0) {
    // Longest name first, so "verilive-one-shot" is not taken for "verilive"; the same name twice
    // on top is no answer.
    const [best, next] = names
      .filter((name) => (fromResult ? name === fromResult : id.includes(name)))
      .sort((a, b) => b.length - a.length);
    if (best && best !== next) index = names.indexOf(best);
  }
  // names[-1] is undefined: an unplaced step has only the result's service, if any.
  return {
    id,
    serviceName: fromResult ?? names[index],
    position: index < 0 ? undefined : index + 1,
    total: names.length,
  };
}
