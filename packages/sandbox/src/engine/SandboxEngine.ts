// The Verigram emulator's state machine over consumers, flows, sessions and files. Pure: no I/O,
// no timers. Time comes from the injected `now()`; deadlines (step timeout, five-minute
// inactivity, ttl) are evaluated lazily whenever state is read, so a flow that should have timed
// out reads as timed out, with `ended_at` at the moment the deadline passed.

import type {
  CreateFlowResponse,
  ExecutionStatus,
  FileLabel,
  Flow,
  FlowConfigUi,
  FlowEndCause,
  FlowInputData,
  FlowProjection,
  FlowServiceStatus,
  FlowTemplate,
  FrontendSessionStatus,
  LivenessError,
  LivenessSession,
  Locale,
  PipelineStep,
  ServiceName,
  SessionProjection,
  SessionState,
  StateName,
  VeriliveResult,
} from '@verigram-kit/core';
import { API_VERSION, INACTIVITY_DISCONNECT_MS } from '@verigram-kit/core';
import { BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_ID } from './builtinTemplates.ts';
import { DEFAULT_CONSUMERS, type SandboxConsumer } from './consumers.ts';
import { createIdGenerator, type IdGenerator } from './createIdGenerator.ts';
import { deviceTypeOf } from './deviceTypeOf.ts';
import { parsePageAction } from './parsePageAction.ts';
import { SandboxError } from './SandboxError.ts';
import { FILES_BY_SERVICE, makeSampleFile, type SandboxFile } from './sampleFiles.ts';
import { parseScriptedOutcome, type ScriptOutcome } from './scriptedOutcome.ts';
import { validateCreateFlow, validateFileQuery, validateLivenessSession, validateUi } from './validation.ts';
import { attemptsAllowed, VERDICTS, type Verdict } from './verdicts.ts';

export interface SandboxEngineOptions {
  /** Clock in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** Id generator. @default createIdGenerator(now): ULID-like ids with -F/-S/-P suffixes, UUID tokens */
  generateId?: IdGenerator;
  /** Builds a flow's `vlink`. @default (id) => `http://127.0.0.1:4010/hf2/${id}/` */
  vlinkFor?: (flowId: string) => string;
  /** Accepted keys. @default DEFAULT_CONSUMERS (sandbox-test-key, sandbox-other-key) */
  consumers?: readonly SandboxConsumer[];
  /** Flow ttl in seconds (Flow.ttl, spec range 60..31536000). @default 86400 */
  ttlSeconds?: number;
  /** Inactivity before a started flow ends `disconnected`. @default INACTIVITY_DISCONNECT_MS (5 minutes) */
  inactivityMs?: number;
  /** Complete every flow as soon as its page is opened (outcome from the person id, else pass). @default false */
  autoComplete?: boolean;
}

/** What the control route accepts; `error` injects a system error: the flow ends `fail` / `failed`. */
export const STEP_OUTCOMES = [
  ...(Object.keys(VERDICTS) as Verdict[]),
  'abandon',
  'timeout',
  'error',
] as const;

/** An outcome a tester, a script or the control route gives the current step. */
export interface StepOutcome {
  outcome: (typeof STEP_OUTCOMES)[number];
  /** For `fail` of a liveness step. @default ['model_prediction'] */
  errorCodes?: LivenessError[];
}

interface StepRecord {
  stepId: string;
  serviceName: ServiceName;
  allowFailure: boolean;
  timeout: number;
  maxRetries: number;
  attempts: number;
  status?: ExecutionStatus;
}

interface FlowRecord {
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

interface SessionRecord {
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

/** The error codes a verdict leaves: a failure always names at least one (the model's). */
function verdictCodes(outcome: Verdict, errorCodes: LivenessError[] = []): LivenessError[] {
  if (outcome !== 'fail') return [];
  return errorCodes.length ? errorCodes : ['model_prediction'];
}

/**
 * Lifetime of a standalone liveness session's access token when `duration` is not sent. The spec
 * bounds `duration` to 120..600 s but gives no default; the middle of that range is assumed.
 */
const DEFAULT_LIVENESS_DURATION_S = 300;

/** What the hosted page needs to render a flow. */
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

export type HostedPageAction =
  | { type: 'open' }
  | { type: 'start' }
  | { type: 'ping' }
  | { type: 'outcome'; outcome: Verdict; errorCodes?: LivenessError[] }
  | { type: 'abandon' };

const iso = (ms: number) => new Date(ms).toISOString();
const LIVENESS_SERVICES: readonly ServiceName[] = ['verilive', 'verilive-one-shot', 'verilive-infrared'];
const DOC_SERVICES: readonly ServiceName[] = ['veridoc', 'redoc', 'egov-doc'];
const notFound = (what: string) => new SandboxError(404, 'NOT_FOUND', `${what} not found`);
// The spec lists 403 Forbidden for GET /flow/{flow_id}, GET /flow/{flow_id}/result,
// POST /liveness2/session and GET /resources/file: what another consumer owns is forbidden there.
// GET /journal/session/{session_id} lists no 403, so another consumer's session answers 404 there.
const forbidden = (what: string) => new SandboxError(403, 'FORBIDDEN', `${what} belongs to another consumer`);

export class SandboxEngine {
  private readonly now: () => number;
  private readonly generateId: IdGenerator;
  private readonly vlinkFor: (flowId: string) => string;
  private readonly consumers: Map<string, SandboxConsumer>;
  private readonly ttlSeconds: number;
  private readonly inactivityMs: number;
  /** Settable at runtime (the server's control route and CLI flag). */
  autoComplete: boolean;
  private flows = new Map<string, FlowRecord>();
  private sessions = new Map<string, SessionRecord>();

  constructor(options: SandboxEngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.generateId = options.generateId ?? createIdGenerator(this.now);
    this.vlinkFor = options.vlinkFor ?? ((id) => `http://127.0.0.1:4010/hf2/${id}/`);
    this.consumers = new Map((options.consumers ?? DEFAULT_CONSUMERS).map((c) => [c.apiKey, c]));
    this.ttlSeconds = options.ttlSeconds ?? 86_400;
    this.inactivityMs = options.inactivityMs ?? INACTIVITY_DISCONNECT_MS;
    this.autoComplete = options.autoComplete ?? false;
  }

  // ---- consumers -------------------------------------------------------------------------------

  /** The consumer of an API key, or undefined when the key is unknown. */
  authenticate(apiKey: string | undefined | null): SandboxConsumer | undefined {
    return apiKey ? this.consumers.get(apiKey) : undefined;
  }

  private consumerOf(apiKey: string): SandboxConsumer {
    const c = this.authenticate(apiKey);
    if (!c) throw new SandboxError(401, 'UNAUTHORIZED', 'Missing or unknown X-Verigram-Api-Key');
    return c;
  }

  // ---- Verigram API 2.0 operations ---------------------------------------------------------------

  /** `POST /flow`. */
  createFlow(apiKey: string, body: unknown): CreateFlowResponse & { flow_id: string; vlink: string } {
    const consumer = this.consumerOf(apiKey);
    const req = validateCreateFlow(body);
    let template = req.template;
    if (!template) {
      const id = req.template_id ?? DEFAULT_TEMPLATE_ID;
      const builtin = BUILTIN_TEMPLATES[id];
      if (!builtin)
        throw new SandboxError(
          422,
          'UNKNOWN_TEMPLATE',
          `Unknown template_id "${id}"; the sandbox knows ${Object.keys(BUILTIN_TEMPLATES).join(', ')}`,
        );
      template = validateCreateFlow({ person_id: req.person_id, template: builtin }).template as FlowTemplate;
    }
    const now = this.now();
    const flowId = this.generateId('flow');
    const pipeline = template.pipeline as Required<PipelineStep>[];
    const flow: FlowRecord = {
      flowId,
      consumerId: consumer.consumerId,
      personId: req.person_id,
      locale: req.locale ?? 'en',
      template,
      testFlow: consumer.testKey,
      vlink: this.vlinkFor(flowId),
      createdAt: now,
      updatedAt: now,
      ttl: this.ttlSeconds,
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
    if (req.callback_url) flow.callbackUrl = req.callback_url;
    if (req.input_data) flow.inputData = req.input_data;
    if (req.template_id) flow.templateId = req.template_id;
    this.flows.set(flowId, flow);
    const script = parseScriptedOutcome(flow.personId);
    if (script?.atCreation) this.runScript(flow, script.outcome, now);
    return { flow_id: flowId, vlink: flow.vlink };
  }

  /** `GET /flow/{flow_id}`; records `polled_at`. */
  getFlow(apiKey: string, flowId: string): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    flow.polledAt = this.now();
    return this.toFlow(flow);
  }

  /**
   * `GET /flow/{flow_id}/result`; 404 while the flow has not started (spec). A flow that ended
   * without starting (its ttl passed) answers its projection, with no sessions, so a poller that
   * saw `end_cause` on `GET /flow` can read the verdict instead of a 404 forever.
   */
  getFlowResult(apiKey: string, flowId: string): FlowProjection {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.startedAt === undefined && flow.endCause === undefined)
      throw new SandboxError(404, 'FLOW_NOT_STARTED', `Flow ${flowId} has not started yet`);
    return this.toProjection(flow);
  }

  /** `GET /journal/session/{session_id}`. */
  getSessionResult(apiKey: string, sessionId: string): SessionProjection {
    const consumer = this.consumerOf(apiKey);
    const session = this.sessions.get(sessionId);
    if (!session || session.consumerId !== consumer.consumerId) throw notFound(`Session ${sessionId}`);
    const flow = this.flows.get(session.flowId);
    if (flow) this.settle(flow);
    this.settleSession(session, this.now());
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
      session_states: this.statesOf(session),
    };
    const result = this.veriliveResult(session);
    if (result) p.result = result;
    return p;
  }

  /** `POST /liveness2/session`. */
  createLivenessSession(apiKey: string, body: unknown): LivenessSession {
    const consumer = this.consumerOf(apiKey);
    const req = validateLivenessSession(body);
    if (req.flow_id !== undefined) {
      const flow = this.flows.get(req.flow_id);
      // The spec lists no 404 here; an unknown flow id is an unprocessable request.
      if (!flow) throw new SandboxError(422, 'INVALID_FLOW_ID', `Flow ${req.flow_id} not found`);
      if (flow.consumerId !== consumer.consumerId) throw forbidden(`Flow ${req.flow_id}`);
      if (flow.personId !== req.person_id)
        throw new SandboxError(422, 'INVALID_PERSON_ID', `person_id does not match flow ${req.flow_id}`);
    }
    const now = this.now();
    const session: SessionRecord = {
      sessionId: this.generateId('session'),
      consumerId: consumer.consumerId,
      personId: req.person_id,
      // "Is generated automatically by the system if not passed when creating the session."
      flowId: req.flow_id ?? this.generateId('flow'),
      serviceName: 'verilive',
      createdAt: now,
      updatedAt: now,
      states: [{ state: 'created', at: now }],
      frontendStatus: 'active',
      errorCodes: [],
      files: [],
      accessToken: this.generateId('token'),
      attemptsLeft: attemptsAllowed(req.max_retries as number),
      expiresAt: now + (req.duration ?? DEFAULT_LIVENESS_DURATION_S) * 1000,
    };
    this.sessions.set(session.sessionId, session);
    if (req.flow_id === undefined) this.createLivenessFlow(consumer, session, req.duration);
    return {
      access_token: session.accessToken as string,
      session_id: session.sessionId,
      person_id: session.personId,
      flow_id: session.flowId,
      created_at: iso(now),
      attempts_left: session.attemptsLeft as number,
    };
  }

  /** `GET /resources/file`: the file of the latest matching session. */
  getFile(apiKey: string, query: Record<string, string | undefined>): SandboxFile {
    const consumer = this.consumerOf(apiKey);
    const q = validateFileQuery(query);
    if (q.flow_id !== undefined) this.ownFlow(apiKey, q.flow_id);
    if (q.session_id !== undefined) {
      const s = this.sessions.get(q.session_id);
      if (s && s.consumerId !== consumer.consumerId) throw forbidden(`Session ${q.session_id}`);
    }
    const candidates = [...this.sessions.values()].filter(
      (s) =>
        s.consumerId === consumer.consumerId &&
        (q.session_id === undefined || s.sessionId === q.session_id) &&
        (q.flow_id === undefined || s.flowId === q.flow_id) &&
        (q.person_id === undefined || s.personId === q.person_id),
    );
    if (candidates.length === 0) throw notFound(q.session_id ? `Session ${q.session_id}` : 'Session');
    // "It always returns a file from the latest session if the request is ambiguous."
    const latest = candidates
      .filter((s) => s.files.includes(q.label))
      .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt)[0];
    const file = latest && makeSampleFile(q.label);
    if (!file) throw new SandboxError(404, 'FILE_NOT_FOUND', `No "${q.label}" file for this query`);
    return file;
  }

  // ---- the hosted page ---------------------------------------------------------------------------

  /** The hosted page's view of a flow (no key: holding the vlink is the capability, as with Verigram). */
  pageState(flowId: string): HostedPageState {
    const flow = this.hostedFlow(flowId);
    this.settle(flow);
    return this.toPageState(flow);
  }

  /**
   * Applies an action of the hosted page (checked: it may come from a browser) and returns the new
   * page state. `device.userAgent` is the page's browser: its first `open` fills `input_meta`.
   */
  pageAction(
    flowId: string,
    input: HostedPageAction | unknown,
    device: { userAgent?: string | undefined } = {},
  ): HostedPageState {
    const action = parsePageAction(input);
    const flow = this.hostedFlow(flowId);
    const now = this.now();
    this.settle(flow, now);
    if (flow.endCause !== undefined) return this.toPageState(flow);
    flow.lastActivityAt = now;
    switch (action.type) {
      case 'open': {
        flow.openedAt ??= now;
        // FlowInputMeta.initial_device_type: "Detected device type at the start of the flow."
        if (device.userAgent !== undefined) flow.initialDeviceType ??= deviceTypeOf(device.userAgent);
        const script = parseScriptedOutcome(flow.personId);
        if (script) this.runScript(flow, script.outcome, now);
        else if (this.autoComplete) this.runScript(flow, 'pass', now);
        break;
      }
      case 'start':
        this.start(flow, now);
        break;
      case 'ping':
        break;
      case 'outcome':
        if (flow.startedAt === undefined)
          throw new SandboxError(409, 'FLOW_NOT_STARTED', 'Start the flow first');
        this.recordOutcome(flow, action.outcome, action.errorCodes, now);
        break;
      case 'abandon':
        this.start(flow, now);
        flow.abandoned = true;
        this.end(flow, 'fail', 'disconnected', now, 'failure');
        break;
      default:
        throw new SandboxError(422, 'INVALID_PAYLOAD', 'Unknown page action');
    }
    return this.toPageState(flow);
  }

  // ---- sandbox-only controls ---------------------------------------------------------------------

  /** Decides the current step of a flow as a tester would (the control route). Starts the flow if needed. */
  setStepOutcome(apiKey: string, flowId: string, outcome: StepOutcome): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.endCause !== undefined)
      throw new SandboxError(409, 'FLOW_ENDED', `Flow ${flowId} has already ended`);
    const now = this.now();
    flow.lastActivityAt = now;
    this.start(flow, now);
    if (outcome.outcome === 'abandon') {
      flow.abandoned = true;
      this.end(flow, 'fail', 'disconnected', now, 'failure');
    } else if (outcome.outcome === 'timeout') this.end(flow, 'fail', 'timeout', now, 'expired');
    else if (outcome.outcome === 'error') this.end(flow, 'fail', 'failed', now, 'failure');
    else this.recordOutcome(flow, outcome.outcome, outcome.errorCodes, now);
    return this.toFlow(flow);
  }

  /**
   * An operator's manual review of an ended flow (the review control route): the sessions awaiting
   * review (status unknown; else the last one) get the operator's verdict and the session state
   * `reviewed`, the flow takes that verdict, and its result's `check_type` becomes `edited` ("the
   * verification result was determined automatically or manually reviewed/edited by an operator").
   */
  reviewFlow(apiKey: string, flowId: string, verdict: 'pass' | 'fail'): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.endCause !== 'completed')
      throw new SandboxError(
        409,
        'FLOW_NOT_REVIEWABLE',
        `Flow ${flowId} has not completed (end_cause ${flow.endCause ?? 'none yet'}); only a completed flow is reviewed`,
      );
    const now = this.now();
    this.applyReview(flow, verdict, now);
    return this.toFlow(flow);
  }

  /**
   * Decides a standalone liveness session (`POST /liveness2/session`) as its frontend library
   * would: `pass`, `unknown` (manual review), or `fail`, which uses up one of `max_retries` and
   * closes the session only when none are left. Sessions of a flow's pipeline are decided through
   * the flow (setStepOutcome), so its steps stay consistent.
   */
  decideLivenessSession(
    apiKey: string,
    sessionId: string,
    outcome: Verdict,
    errorCodes: LivenessError[] = [],
  ): SessionProjection {
    const consumer = this.consumerOf(apiKey);
    const session = this.sessions.get(sessionId);
    if (!session || session.consumerId !== consumer.consumerId) throw notFound(`Session ${sessionId}`);
    if (session.stepId !== undefined)
      throw new SandboxError(
        409,
        'SESSION_IN_FLOW',
        `Session ${sessionId} belongs to flow ${session.flowId}; decide its current step instead`,
      );
    const now = this.now();
    this.settleSession(session, now);
    if (session.status !== undefined)
      throw new SandboxError(409, 'SESSION_ENDED', `Session ${sessionId} has already ended`);
    const codes = verdictCodes(outcome, errorCodes);
    // attempts_left counts the attempt under way: a failure with another one left keeps it open.
    if (outcome === 'fail' && (session.attemptsLeft ?? 0) > 1) {
      session.attemptsLeft = (session.attemptsLeft ?? 0) - 1;
      session.errorCodes = codes;
      session.updatedAt = now;
      session.states.push({ state: 'processing', at: now });
    } else {
      session.attemptsLeft = Math.max(0, (session.attemptsLeft ?? 0) - 1);
      this.closeSession(session, VERDICTS[outcome].status, VERDICTS[outcome].frontend, now, codes);
    }
    return this.getSessionResult(apiKey, sessionId);
  }

  /** Runs a whole scripted outcome on a flow (person-id conventions, auto-complete). */
  completeFlow(apiKey: string, flowId: string, outcome: ScriptOutcome = 'pass'): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.endCause === undefined) this.runScript(flow, outcome, this.now());
    return this.toFlow(flow);
  }

  /** Evaluates every deadline now (reads do this per flow anyway). */
  tick(now = this.now()): void {
    for (const flow of this.flows.values()) this.settle(flow, now);
  }

  /** Every flow, newest first, as `Flow` objects (for tests and the control route). */
  listFlows(consumerId?: string): Flow[] {
    return [...this.flows.values()]
      .filter((f) => consumerId === undefined || f.consumerId === consumerId)
      .map((f) => {
        this.settle(f);
        return this.toFlow(f);
      })
      .reverse();
  }

  get flowCount(): number {
    return this.flows.size;
  }

  reset(): void {
    this.flows.clear();
    this.sessions.clear();
  }

  // ---- state machine -----------------------------------------------------------------------------

  private ownFlow(apiKey: string, flowId: string): FlowRecord {
    const consumer = this.consumerOf(apiKey);
    const flow = this.flows.get(flowId);
    if (!flow) throw notFound(`Flow ${flowId}`);
    if (flow.consumerId !== consumer.consumerId) throw forbidden(`Flow ${flowId}`);
    this.settle(flow);
    return flow;
  }

  /** A flow the hosted page can show: a liveness session's flow has no page (its SDK uses the token). */
  private hostedFlow(flowId: string): FlowRecord {
    const flow = this.flows.get(flowId);
    if (!flow || flow.livenessSessionId !== undefined) throw notFound(`Flow ${flowId}`);
    return flow;
  }

  /**
   * The flow `POST /liveness2/session` generates when no flow_id is sent ("generated automatically
   * by the system"), readable with GET /flow/{id} and /result: one verilive step whose only session
   * is this one, started at once, ended when the session ends.
   */
  private createLivenessFlow(consumer: SandboxConsumer, session: SessionRecord, duration?: number): void {
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
      flowId: session.flowId,
      livenessSessionId: session.sessionId,
      consumerId: consumer.consumerId,
      personId: session.personId,
      locale: 'en',
      // Only the required field: its max_retries (0..100) may not fit PipelineStep's 1..10.
      template: { pipeline: [{ service_name: 'verilive' }] } as FlowTemplate,
      testFlow: consumer.testKey,
      vlink: this.vlinkFor(session.flowId),
      createdAt: now,
      updatedAt: now,
      ttl: this.ttlSeconds,
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

  private start(flow: FlowRecord, now: number): void {
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
  private settleSession(session: SessionRecord, now: number): void {
    if (session.status !== undefined || session.expiresAt === undefined || now < session.expiresAt) return;
    this.closeSession(session, 'fail', 'expired', session.expiresAt, ['timeout']);
  }

  private closeSession(
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

  private recordOutcome(
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

  private end(
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
  private settle(flow: FlowRecord, now = this.now()): void {
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

  private runScript(flow: FlowRecord, outcome: ScriptOutcome, now: number): void {
    this.start(flow, now);
    if (outcome === 'timeout') {
      this.end(flow, 'fail', 'timeout', now);
      return;
    }
    if (outcome === 'abandon') {
      flow.abandoned = true;
      this.end(flow, 'fail', 'disconnected', now, 'failure');
      return;
    }
    if (outcome === 'error') {
      this.end(flow, 'fail', 'failed', now, 'failure');
      return;
    }
    // An operator's review: the steps go to manual review, then the operator decides.
    const verdict: Verdict = outcome === 'reviewed' || outcome === 'rejected' ? 'unknown' : outcome;
    // Bounded: each call closes one attempt, and every step has at most 11.
    for (let guard = 0; flow.endCause === undefined && guard < 1000; guard++)
      this.recordOutcome(flow, verdict, undefined, now);
    if (outcome === 'reviewed' || outcome === 'rejected')
      this.applyReview(flow, outcome === 'reviewed' ? 'pass' : 'fail', now);
  }

  private applyReview(flow: FlowRecord, verdict: 'pass' | 'fail', now: number): void {
    const sessions = flow.sessionIds.map((id) => this.sessions.get(id) as SessionRecord);
    const awaiting = sessions.filter((s) => s.status === 'unknown');
    const last = sessions[sessions.length - 1];
    for (const s of awaiting.length ? awaiting : last ? [last] : []) {
      s.status = verdict;
      s.frontendStatus = VERDICTS[verdict].frontend;
      if (verdict === 'pass') s.errorCodes = [];
      s.updatedAt = now;
      s.states.push({ state: 'reviewed', at: now });
    }
    for (const step of flow.steps) if (step.status === 'unknown') step.status = verdict;
    flow.flowStatus = verdict;
    flow.checkType = 'edited';
    flow.updatedAt = now;
  }

  // ---- projections -------------------------------------------------------------------------------

  private statesOf(s: SessionRecord): SessionState[] {
    return s.states.map((x) => ({ state: x.state, created_at: iso(x.at) }));
  }

  private veriliveResult(s: SessionRecord): VeriliveResult | undefined {
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

  private toFlow(f: FlowRecord): Flow {
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

  private toProjection(f: FlowRecord): FlowProjection {
    const sessions = f.sessionIds.map((id) => this.sessions.get(id) as SessionRecord);
    const statuses: FlowServiceStatus[] = sessions.map((s) => {
      const entry: FlowServiceStatus = {
        service_name: s.serviceName,
        session_id: s.sessionId,
        session_status: s.status ?? 'unknown',
        session_state: (s.states[s.states.length - 1] as { state: StateName }).state,
        session_states: this.statesOf(s),
        frontend_session_status: s.frontendStatus,
        created_at: iso(s.createdAt),
        updated_at: iso(s.updatedAt),
      };
      if (s.stepId) entry.step_id = s.stepId;
      const result = this.veriliveResult(s);
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
    if (sessions.some((s) => DOC_SERVICES.includes(s.serviceName) && s.status === 'pass')) {
      p.person_name = f.inputData?.full_name ?? 'AIGERIM SANDBOXOVA';
      p.iin = f.inputData?.iin ?? '900101300123';
      p.country_code = 'KAZ';
    }
    if (f.endCause !== undefined) p.end_cause = f.endCause;
    if (f.endedAt !== undefined) p.ended_at = iso(f.endedAt);
    return p;
  }

  private toPageState(f: FlowRecord): HostedPageState {
    const phase =
      f.endCause !== undefined ? 'ended' : f.startedAt === undefined ? 'not_started' : 'in_progress';
    return {
      flowId: f.flowId,
      locale: f.locale,
      ui: f.template.ui ?? validateUi({}),
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
}
