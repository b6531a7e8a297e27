// The state machine over flows and sessions: the records the sandbox keeps, and the transitions a
// flow goes through (start, an attempt's verdict, retry, end, deadlines). Pure: no I/O, no timers.
// Time comes from the caller's `now`; deadlines (step timeout, five-minute inactivity, ttl) are
// evaluated lazily whenever a flow is read (`settle`), so a flow that should have timed out reads as
// timed out, with `ended_at` at the moment the deadline passed.

import type {
  ExecutionStatus,
  FileLabel,
  FlowEndCause,
  FlowInputData,
  FlowTemplate,
  FrontendSessionStatus,
  LivenessError,
  Locale,
  PipelineStep,
  ServiceName,
  StateName,
} from '@verigram-kit/core';
import type { IdGenerator } from './createIdGenerator.ts';
import { FILES_BY_SERVICE } from './sampleFiles.ts';

/**
 * A service's verdict on one attempt, as its session reports it: the session's `ExecutionStatus`
 * and the spec's `frontend_session_status`. `suspicious` is flagged for a review (status unknown);
 * `blacklisted` fails for good (no retry: the person is on a deny list); `whitelisted` passes.
 */
export const VERDICTS = {
  pass: { status: 'pass', frontend: 'approved' },
  fail: { status: 'fail', frontend: 'denied' },
  unknown: { status: 'unknown', frontend: 'reviewing' },
  suspicious: { status: 'unknown', frontend: 'suspicious' },
  blacklisted: { status: 'fail', frontend: 'blacklisted' },
  whitelisted: { status: 'pass', frontend: 'whitelisted' },
} as const satisfies Record<string, { status: ExecutionStatus; frontend: FrontendSessionStatus }>;

export type Verdict = keyof typeof VERDICTS;

export const isVerdict = (value: unknown): value is Verdict =>
  typeof value === 'string' && Object.hasOwn(VERDICTS, value);

/**
 * `max_retries` counts retries, the attempts after the first, on a pipeline step ("Maximum number
 * of retries for the step", PipelineStep.max_retries, 1..10, default 5) and on a liveness session
 * ("Maximum number of retries for a session.", Liveness2CreateSession.max_retries, 0..100, default
 * 3) alike: a step or session gets `max_retries + 1` attempts. The liveness minimum of 0 (one
 * attempt, no retry) only makes sense under this reading.
 */
export const attemptsAllowed = (maxRetries: number) => maxRetries + 1;

/** The error codes a verdict leaves: a failure always names at least one (the model's). */
export function verdictCodes(outcome: Verdict, errorCodes: LivenessError[] = []): LivenessError[] {
  if (outcome !== 'fail') return [];
  return errorCodes.length ? errorCodes : ['model_prediction'];
}

/**
 * Lifetime of a standalone liveness session's access token when `duration` is not sent. The spec
 * bounds `duration` to 120..600 s but gives no default; the middle of that range is assumed.
 */
const DEFAULT_LIVENESS_DURATION_S = 300;

export interface StepRecord {
  stepId: string;
  serviceName: ServiceName;
  allowFailure: boolean;
  timeout: number;
  maxRetries: number;
  attempts: number;
  status?: ExecutionStatus;
}

export interface FlowRecord {
  flowId: string;
  /** A flow made by `POST /liveness2/session` without a flow_id: its one session decides it. */
  livenessSessionId?: string;
  initialDeviceType?: 'mobile' | 'desktop';
  /** `edited` once an operator reviewed the flow (the review control route). */
  checkType: 'auto' | 'edited';
  consumerId: string;
  personId: string;
  locale: Locale;
  callbackUrl?: string;
  inputData?: FlowInputData;
  template: FlowTemplate;
  templateId?: string;
  testFlow: boolean;
  vlink: string;
  createdAt: number;
  ttl: number;
  updatedAt: number;
  polledAt?: number;
  openedAt?: number;
  startedAt?: number;
  currentIndex: number;
  currentStepStartedAt?: number;
  lastActivityAt?: number;
  endedAt?: number;
  flowStatus: ExecutionStatus;
  endCause?: FlowEndCause;
  steps: StepRecord[];
  sessionIds: string[];
  abandoned?: boolean;
  /** Error codes of the current step's last failed attempt, while a retry is possible. */
  lastErrorCodes?: LivenessError[];
}

export interface SessionRecord {
  sessionId: string;
  consumerId: string;
  personId: string;
  flowId: string;
  stepId?: string;
  serviceName: ServiceName;
  createdAt: number;
  updatedAt: number;
  states: { state: StateName; at: number }[];
  status?: ExecutionStatus;
  frontendStatus: FrontendSessionStatus;
  errorCodes: LivenessError[];
  endedAt?: number;
  files: FileLabel[];
  accessToken?: string;
  attemptsLeft?: number;
  /** A standalone liveness session ends as a timeout here (its `duration`), unless decided first. */
  expiresAt?: number;
}

export interface FlowMachineOptions {
  now: () => number;
  generateId: IdGenerator;
  /** Inactivity before a started flow ends `disconnected`. */
  inactivityMs: number;
}

export class FlowMachine {
  readonly flows = new Map<string, FlowRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly now: () => number;
  private readonly generateId: IdGenerator;
  private readonly inactivityMs: number;

  constructor(options: FlowMachineOptions) {
    this.now = options.now;
    this.generateId = options.generateId;
    this.inactivityMs = options.inactivityMs;
  }

  /** The sessions of a flow, oldest first. */
  sessionsOf(flow: FlowRecord): SessionRecord[] {
    return flow.sessionIds.map((id) => this.sessions.get(id) as SessionRecord);
  }

  /** A new flow, not started: one step per pipeline step of its (parsed, defaults filled) template. */
  addFlow(init: {
    consumerId: string;
    personId: string;
    locale: Locale;
    template: FlowTemplate;
    testFlow: boolean;
    vlinkFor: (flowId: string) => string;
    ttl: number;
    callbackUrl?: string | undefined;
    inputData?: FlowInputData | undefined;
    templateId?: string | undefined;
  }): FlowRecord {
    const now = this.now();
    const flowId = this.generateId('flow');
    const pipeline = init.template.pipeline as Required<PipelineStep>[];
    const flow: FlowRecord = {
      flowId,
      consumerId: init.consumerId,
      personId: init.personId,
      locale: init.locale,
      template: init.template,
      testFlow: init.testFlow,
      vlink: init.vlinkFor(flowId),
      createdAt: now,
      updatedAt: now,
      ttl: init.ttl,
      currentIndex: 0,
      flowStatus: 'unknown',
      checkType: 'auto',
      steps: pipeline.map((s) => ({
        stepId: this.generateId('step'),
        serviceName: s.service_name,
        allowFailure: s.allow_failure,
        timeout: s.timeout,
        maxRetries: s.max_retries,
        attempts: 0,
      })),
      sessionIds: [],
    };
    if (init.callbackUrl) flow.callbackUrl = init.callbackUrl;
    if (init.inputData) flow.inputData = init.inputData;
    if (init.templateId) flow.templateId = init.templateId;
    this.flows.set(flowId, flow);
    return flow;
  }

  /**
   * A standalone liveness session (`POST /liveness2/session`): `max_retries + 1` attempts, a token
   * that lives `duration` seconds, and the given flow or a generated one ("Is generated
   * automatically by the system if not passed when creating the session.").
   */
  addLivenessSession(init: {
    consumerId: string;
    personId: string;
    flowId?: string | undefined;
    maxRetries: number;
    durationS?: number | undefined;
  }): SessionRecord {
    const now = this.now();
    const session: SessionRecord = {
      sessionId: this.generateId('session'),
      consumerId: init.consumerId,
      personId: init.personId,
      flowId: init.flowId ?? this.generateId('flow'),
      serviceName: 'verilive',
      createdAt: now,
      updatedAt: now,
      states: [{ state: 'created', at: now }],
      frontendStatus: 'active',
      errorCodes: [],
      files: [],
      accessToken: this.generateId('token'),
      attemptsLeft: attemptsAllowed(init.maxRetries),
      expiresAt: now + (init.durationS ?? DEFAULT_LIVENESS_DURATION_S) * 1000,
    };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  start(flow: FlowRecord, now: number): void {
    if (flow.startedAt !== undefined) return;
    flow.startedAt = now;
    flow.openedAt ??= now;
    flow.lastActivityAt = now;
    this.beginStep(flow, 0, now);
  }

  private beginStep(flow: FlowRecord, index: number, now: number): void {
    const step = flow.steps[index] as StepRecord;
    flow.currentIndex = index;
    flow.currentStepStartedAt = now;
    flow.updatedAt = now;
    delete flow.lastErrorCodes;
    this.openAttempt(flow, step, now);
  }

  private openAttempt(flow: FlowRecord, step: StepRecord, now: number): void {
    step.attempts += 1;
    const session: SessionRecord = {
      sessionId: this.generateId('session'),
      consumerId: flow.consumerId,
      personId: flow.personId,
      flowId: flow.flowId,
      stepId: step.stepId,
      serviceName: step.serviceName,
      createdAt: now,
      updatedAt: now,
      states: [
        { state: 'created', at: now },
        { state: 'processing', at: now },
      ],
      frontendStatus: 'active',
      errorCodes: [],
      files: [],
    };
    this.sessions.set(session.sessionId, session);
    flow.sessionIds.push(session.sessionId);
  }

  private currentSession(flow: FlowRecord): SessionRecord | undefined {
    const id = flow.sessionIds[flow.sessionIds.length - 1];
    const s = id ? this.sessions.get(id) : undefined;
    return s && s.endedAt === undefined ? s : undefined;
  }

  /** A standalone liveness session past its `duration` ends as a timeout. */
  settleSession(session: SessionRecord, now: number): void {
    if (session.status !== undefined || session.expiresAt === undefined || now < session.expiresAt) return;
    this.closeSession(session, 'fail', 'expired', session.expiresAt, ['timeout']);
  }

  closeSession(
    session: SessionRecord,
    status: ExecutionStatus,
    frontend: FrontendSessionStatus,
    now: number,
    errorCodes: LivenessError[] = [],
  ): void {
    session.status = status;
    session.frontendStatus = frontend;
    session.errorCodes = errorCodes;
    session.endedAt = now;
    session.updatedAt = now;
    session.states.push({ state: 'processed', at: now });
    // Services leave their files even when the verdict is negative (a rejected selfie still has a bestframe).
    if (frontend !== 'expired' && frontend !== 'failure')
      session.files = [...(FILES_BY_SERVICE[session.serviceName] ?? [])];
  }

  /** The verdict of the current step's attempt: retry, next step, or the end of the flow. */
  recordOutcome(
    flow: FlowRecord,
    outcome: Verdict,
    errorCodes: LivenessError[] | undefined,
    now: number,
  ): void {
    const step = flow.steps[flow.currentIndex] as StepRecord;
    const session = this.currentSession(flow);
    const codes = verdictCodes(outcome, errorCodes);
    const { status: verdictStatus, frontend } = VERDICTS[outcome];
    if (session) this.closeSession(session, verdictStatus, frontend, now, codes);
    flow.updatedAt = now;
    if (verdictStatus === 'fail') {
      // A plain failure may be retried (see attemptsAllowed); a blacklisted person may not.
      if (outcome === 'fail' && step.attempts < attemptsAllowed(step.maxRetries)) {
        flow.lastErrorCodes = codes;
        this.openAttempt(flow, step, now);
        return;
      }
      step.status = 'fail';
      if (!step.allowFailure) {
        // The pipeline cannot go on, but execution finished without errors: FlowEndCause keeps
        // "failed" for "a server error or unhandled exception", so a negative verdict is "completed".
        this.end(flow, 'fail', 'completed', now);
        return;
      }
    } else step.status = verdictStatus;
    const next = flow.currentIndex + 1;
    if (next < flow.steps.length) {
      this.beginStep(flow, next, now);
      return;
    }
    // Allowed failures do not decide the flow; an "unknown" step (manual review) makes it unknown.
    const status: ExecutionStatus = flow.steps.some((s) => s.status === 'unknown') ? 'unknown' : 'pass';
    this.end(flow, status, 'completed', now);
  }

  /** The user leaves ("user intervention"): the flow ends `fail` / `disconnected`. */
  abandon(flow: FlowRecord, now: number): void {
    this.start(flow, now);
    flow.abandoned = true;
    this.end(flow, 'fail', 'disconnected', now, 'failure');
  }

  end(
    flow: FlowRecord,
    status: ExecutionStatus,
    cause: FlowEndCause,
    at: number,
    sessionFrontend: FrontendSessionStatus = 'expired',
  ): void {
    const session = this.currentSession(flow);
    if (session) this.closeSession(session, 'fail', sessionFrontend, at);
    if (cause !== 'completed') {
      const step = flow.steps[flow.currentIndex];
      if (step && flow.startedAt !== undefined) step.status ??= 'fail';
    }
    delete flow.lastErrorCodes;
    flow.flowStatus = status;
    flow.endCause = cause;
    flow.endedAt = at;
    flow.updatedAt = at;
  }

  /** Applies any deadline that has passed: step timeout, inactivity disconnect, ttl. */
  settle(flow: FlowRecord, now = this.now()): void {
    if (flow.livenessSessionId !== undefined) {
      this.settleLivenessFlow(flow, now);
      return;
    }
    if (flow.endCause !== undefined) return;
    const deadlines: { at: number; cause: FlowEndCause }[] = [
      { at: flow.createdAt + flow.ttl * 1000, cause: 'timeout' },
    ];
    if (flow.startedAt !== undefined) {
      const step = flow.steps[flow.currentIndex] as StepRecord;
      deadlines.push({
        at: (flow.currentStepStartedAt ?? flow.startedAt) + step.timeout * 1000,
        cause: 'timeout',
      });
      // FlowEndCause: disconnected "once the default five-minute inactivity threshold is reached,
      // provided at least one service session was successfully initialized" (true once started).
      if (flow.sessionIds.length > 0)
        deadlines.push({
          at: (flow.lastActivityAt ?? flow.startedAt) + this.inactivityMs,
          cause: 'disconnected',
        });
    }
    const first = deadlines.filter((d) => d.at <= now).sort((a, b) => a.at - b.at)[0];
    if (first) this.end(flow, 'fail', first.cause, first.at);
  }

  /**
   * The flow `POST /liveness2/session` generates when no flow_id is sent ("generated automatically
   * by the system"), readable with GET /flow/{id} and /result: one verilive step whose only session
   * is this one, started at once, ended when the session ends.
   */
  addLivenessFlow(
    session: SessionRecord,
    flow: Pick<FlowRecord, 'testFlow' | 'vlink' | 'ttl'>,
    duration?: number,
  ): void {
    const now = session.createdAt;
    const step: StepRecord = {
      stepId: this.generateId('step'),
      serviceName: 'verilive',
      allowFailure: false,
      timeout: duration ?? DEFAULT_LIVENESS_DURATION_S,
      maxRetries: Math.max(0, (session.attemptsLeft ?? 1) - 1),
      attempts: 1,
    };
    this.flows.set(session.flowId, {
      ...flow,
      flowId: session.flowId,
      livenessSessionId: session.sessionId,
      consumerId: session.consumerId,
      personId: session.personId,
      locale: 'en',
      // Only the required field: its max_retries (0..100) may not fit PipelineStep's 1..10.
      template: { pipeline: [{ service_name: 'verilive' }] } as FlowTemplate,
      createdAt: now,
      updatedAt: now,
      startedAt: now,
      openedAt: now,
      lastActivityAt: now,
      currentIndex: 0,
      currentStepStartedAt: now,
      flowStatus: 'unknown',
      checkType: 'auto',
      steps: [step],
      sessionIds: [session.sessionId],
    });
  }

  /** A liveness session's flow follows its session: it ends when the session does, with its verdict. */
  private settleLivenessFlow(flow: FlowRecord, now: number): void {
    const session = this.sessions.get(flow.livenessSessionId as string) as SessionRecord;
    this.settleSession(session, now);
    flow.updatedAt = Math.max(flow.updatedAt, session.updatedAt);
    if (session.status === undefined || flow.endCause !== undefined) return;
    (flow.steps[0] as StepRecord).status = session.status;
    flow.flowStatus = session.status;
    flow.endCause = session.frontendStatus === 'expired' ? 'timeout' : 'completed';
    flow.endedAt = session.endedAt ?? now;
  }

  reset(): void {
    this.flows.clear();
    this.sessions.clear();
  }
}
