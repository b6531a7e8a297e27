// Friendly names for the schemas of the vendored Verigram API 2.0 (openapi/verigram-2.0.json).
// The generated file is the single source of truth; nothing here restates a shape by hand,
// except where the spec is defective, and each such place says so.
import type { components } from '../generated/verigram-api.ts';

type Schemas = components['schemas'];

export type CreateFlowRequest = Schemas['CreateFlow'];
export type CreateFlowResponse = Schemas['CreateFlowResponse'];
export type Flow = Schemas['Flow'];
export type FlowProjection = Schemas['FlowProjection'];
export type FlowServiceStatus = Schemas['FlowServiceStatus'];
export type SessionProjection = Schemas['SessionProjection'];
export type SessionState = Schemas['SessionState'];
export type StateName = Schemas['StateName'];
export type FlowTemplate = Schemas['FlowTemplate'];
export type FlowConfigUi = Schemas['FlowConfigUi'];
export type FlowTheme = Schemas['FlowTheme'];
export type FlowInputData = Schemas['FlowInputData'];
export type PipelineStep = Schemas['PipelineStep'];
export type ServiceName = Schemas['ServiceName'];
export type ExecutionStatus = Schemas['ExecutionStatus'];
export type FlowEndCause = Schemas['FlowEndCause'];
export type VeriliveResult = Schemas['VeriliveResult'];
export type LivenessError = Schemas['LivenessError'];
export type LivenessPipeline = Schemas['LivenessPipeline'];
export type LivenessCreateSessionRequest = Schemas['Liveness2CreateSession'];
export type LivenessSession =
  components['responses']['Liveness2SessionCreatedResponse']['content']['application/json'];
export type SaasErrorResponse = Schemas['SaasErrorResponse'];
export type PersonId = Schemas['PersonId'];
export type FrontendSessionStatus = NonNullable<FlowServiceStatus['frontend_session_status']>;
/** The `locale` enum shared by CreateFlow and Flow. */
export type Locale = NonNullable<CreateFlowRequest['locale']>;
export type FileLabel = components['parameters']['FilterFileLabelExact'];

/**
 * Query of `GET /resources/file`.
 *
 * Spec defect: `flow_id` is declared `required: true`, yet the operation's description says to
 * combine the label with exactly ONE of session_id, flow_id or person_id. We follow the
 * description: exactly one id, any of the three.
 */
export type FileQuery = { label: FileLabel } & (
  | { flow_id: string; session_id?: never; person_id?: never }
  | { session_id: string; flow_id?: never; person_id?: never }
  | { person_id: string; flow_id?: never; session_id?: never }
);
