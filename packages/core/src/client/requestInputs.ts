import type {
  CreateFlowRequest,
  FlowConfigUi,
  FlowTemplate,
  LivenessCreateSessionRequest,
  PipelineStep,
} from '../api/schemas.ts';

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

// openapi-typescript turns every property with a `default` into a required one, which is right
// for responses but wrong for requests: the spec's defaults are what Verigram fills in when the
// caller leaves the field out. These request shapes make exactly those fields optional again.

/** A PipelineStep as sent: `allow_failure`, `timeout` (300 s) and `max_retries` (5) default. */
export type PipelineStepInput = Optional<PipelineStep, 'allow_failure' | 'timeout' | 'max_retries'>;

/** A FlowConfigUi as sent: `logo_url` and `favicon_url` default to Verigram's own. */
export type FlowConfigUiInput = Optional<FlowConfigUi, 'logo_url' | 'favicon_url'>;

/** A FlowTemplate as sent. */
export type FlowTemplateInput = Omit<FlowTemplate, 'pipeline' | 'ui'> & {
  pipeline: PipelineStepInput[];
  ui?: FlowConfigUiInput | undefined;
};

/** Body of `POST /flow` as sent: `locale` defaults to `en`. */
export type CreateFlowInput = Optional<Omit<CreateFlowRequest, 'template'>, 'locale'> & {
  template?: FlowTemplateInput | undefined;
};

/** Body of `POST /liveness2/session` as sent: `max_retries` defaults to 3. */
export type LivenessSessionInput = Optional<LivenessCreateSessionRequest, 'max_retries'>;
