// The response shapes: how the state machine's records read as the spec's `Flow`,
// `FlowProjection`, `SessionProjection` and `LivenessSession`, and as the hosted page's own state.
// Pure functions of the records; nothing here changes state.

import type {
  ExecutionStatus,
  Flow,
  FlowConfigUi,
  FlowEndCause,
  FlowInputData,
  FlowProjection,
  FlowServiceStatus,
  LivenessError,
  LivenessSession,
  Locale,
  ServiceName,
  SessionProjection,
  SessionState,
  StateName,
  VeriliveResult,
} from '@verigram-kit/core';
import { API_VERSION } from '@verigram-kit/core';
import { attemptsAllowed, type FlowRecord, type SessionRecord, type StepRecord } from './FlowMachine.ts';
import { parseUi } from './parseRequests.ts';
import { LIVENESS_SERVICES, NAME_EXTRACTING_SERVICES } from './serviceKinds.ts';

/** What the hosted page needs to render a flow (the sandbox's own shape, not the spec's). */
export interface HostedPageState {
  flowId: string;
  locale: Locale;
  ui: FlowConfigUi;
  statusPage: boolean;
  callbackUrl: string | null;
  phase: 'not_started' | 'in_progress' | 'ended';
  currentIndex: number;
  steps: {
    stepId: string;
    serviceName: ServiceName;
    status: ExecutionStatus | 'pending' | 'active';
    attemptsLeft: number;
  }[];
  flowStatus: ExecutionStatus;
  endCause: FlowEndCause | null;
  /** The user (or the control route) abandoned the flow: the page posts `cancelled`, not `failed`. */
  abandoned: boolean;
  /** The current step's last attempt failed with these codes and may be tried again. */
  retryErrorCodes: LivenessError[] | null;
  inputData: FlowInputData;
}

const iso = (ms: number) => new Date(ms).toISOString();

function statesOf(s: SessionRecord): SessionState[] {
  return s.states.map((x) => ({ state: x.state, created_at: iso(x.at) }));
}

function veriliveResult(s: SessionRecord): VeriliveResult | undefined {
  if (!LIVENESS_SERVICES.includes(s.serviceName) || s.status === undefined) return undefined;
  return {
    service_name: 'verilive',
    service_status:
      s.status === 'pass' ? 'real' : s.status === 'fail' && s.errorCodes.length ? 'attack' : 'unknown',
    error_codes: s.errorCodes,
    warnings: [],
    start_time: iso(s.createdAt),
    end_time: iso(s.endedAt ?? s.updatedAt),
  };
}

/** `GET /flow/{flow_id}`'s `Flow`. */
export function toFlow(f: FlowRecord): Flow {
  const flow: Flow = {
    flow_id: f.flowId,
    consumer_id: f.consumerId,
    vlink: f.vlink,
    api_version: API_VERSION,
    locale: f.locale,
    person_id: f.personId,
    template: f.template,
    test_flow: f.testFlow,
    flow_status: f.flowStatus,
    created_at: iso(f.createdAt),
    updated_at: iso(f.updatedAt),
    ttl: f.ttl,
  };
  if (f.endCause === undefined) flow.current_step_id = (f.steps[f.currentIndex] as StepRecord).stepId;
  if (f.callbackUrl) flow.callback_url = f.callbackUrl;
  if (f.inputData) flow.input_data = f.inputData;
  if (f.templateId) flow.template_id = f.templateId;
  if (f.initialDeviceType) flow.input_meta = { initial_device_type: f.initialDeviceType };
  if (f.polledAt !== undefined) flow.polled_at = iso(f.polledAt);
  if (f.startedAt !== undefined) flow.started_at = iso(f.startedAt);
  if (f.currentStepStartedAt !== undefined && f.endCause === undefined)
    flow.current_step_started_at = iso(f.currentStepStartedAt);
  if (f.endedAt !== undefined) flow.ended_at = iso(f.endedAt);
  if (f.endCause !== undefined) flow.end_cause = f.endCause;
  return flow;
}

/** `GET /flow/{flow_id}/result`'s `FlowProjection`, from the flow and its sessions (oldest first). */
export function toFlowProjection(f: FlowRecord, sessions: SessionRecord[]): FlowProjection {
  const statuses: FlowServiceStatus[] = sessions.map((s) => {
    const entry: FlowServiceStatus = {
      service_name: s.serviceName,
      session_id: s.sessionId,
      session_status: s.status ?? 'unknown',
      session_state: (s.states[s.states.length - 1] as { state: StateName }).state,
      session_states: statesOf(s),
      frontend_session_status: s.frontendStatus,
      created_at: iso(s.createdAt),
      updated_at: iso(s.updatedAt),
    };
    if (s.stepId) entry.step_id = s.stepId;
    const result = veriliveResult(s);
    if (result) entry.session_result = result;
    return entry;
  });
  const p: FlowProjection = {
    person_id: f.personId,
    flow_id: f.flowId,
    check_type: f.checkType,
    flow_status: f.flowStatus,
    sessions_count: sessions.length,
    services_count: new Set(sessions.map((s) => s.serviceName)).size,
    created_at: iso(f.createdAt),
    updated_at: iso(Math.max(f.updatedAt, ...sessions.map((s) => s.updatedAt))),
    service_statuses: statuses,
  };
  // "populated if a document recognition service was part of the flow and successfully extracted the name"
  if (sessions.some((s) => NAME_EXTRACTING_SERVICES.includes(s.serviceName) && s.status === 'pass')) {
    p.person_name = f.inputData?.full_name ?? 'AIGERIM SANDBOXOVA';
    p.iin = f.inputData?.iin ?? '900101300123';
    p.country_code = 'KAZ';
  }
  if (f.endCause !== undefined) p.end_cause = f.endCause;
  if (f.endedAt !== undefined) p.ended_at = iso(f.endedAt);
  return p;
}

/** `GET /journal/session/{session_id}`'s `SessionProjection`. */
export function toSessionProjection(session: SessionRecord): SessionProjection {
  const p: SessionProjection = {
    session_id: session.sessionId,
    person_id: session.personId,
    consumer_id: session.consumerId,
    flow_id: session.flowId,
    vlink_id: session.flowId,
    api_version: API_VERSION,
    service_name: session.serviceName,
    created_at: iso(session.createdAt),
    updated_at: iso(session.updatedAt),
    session_states: statesOf(session),
  };
  const result = veriliveResult(session);
  if (result) p.result = result;
  return p;
}

/** `POST /liveness2/session`'s `LivenessSession`. */
export function toLivenessSession(session: SessionRecord): LivenessSession {
  return {
    access_token: session.accessToken as string,
    session_id: session.sessionId,
    person_id: session.personId,
    flow_id: session.flowId,
    created_at: iso(session.createdAt),
    attempts_left: session.attemptsLeft as number,
  };
}

/** The hosted page's view of a flow. */
export function toPageState(f: FlowRecord): HostedPageState {
  const phase =
    f.endCause !== undefined ? 'ended' : f.startedAt === undefined ? 'not_started' : 'in_progress';
  return {
    flowId: f.flowId,
    locale: f.locale,
    ui: f.template.ui ?? parseUi({}),
    statusPage: f.template.status_page ?? false,
    callbackUrl: f.callbackUrl ?? null,
    phase,
    currentIndex: f.currentIndex,
    steps: f.steps.map((s, i) => ({
      stepId: s.stepId,
      serviceName: s.serviceName,
      status: s.status ?? (phase === 'in_progress' && i === f.currentIndex ? 'active' : 'pending'),
      attemptsLeft: Math.max(
        0,
        attemptsAllowed(s.maxRetries) - s.attempts + (s.status === undefined && s.attempts > 0 ? 1 : 0),
      ),
    })),
    flowStatus: f.flowStatus,
    endCause: f.endCause ?? null,
    abandoned: f.abandoned ?? false,
    retryErrorCodes: f.lastErrorCodes ?? null,
    inputData: f.inputData ?? {},
  };
}
