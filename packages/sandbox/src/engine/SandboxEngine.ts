// The Verigram emulator as its callers see it (the HTTP server, the in-memory client, tests): API
// keys and consumers, the six API 2.0 operations, the hosted page's actions and the sandbox's test
// controls. Each method checks its input, drives the state machine (FlowMachine.ts) and answers a
// response shape (projections.ts); the controls live in testControls.ts. Pure: no I/O, no timers.

import type {
  CreateFlowResponse,
  Flow,
  FlowProjection,
  FlowTemplate,
  LivenessError,
  LivenessSession,
  SessionProjection,
} from '@verigram-kit/core';
import { INACTIVITY_DISCONNECT_MS } from '@verigram-kit/core';
import { SANDBOX_BASE_URL } from '@verigram-kit/core/internal';
import { BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_ID } from './builtinTemplates.ts';
import { createIdGenerator, type IdGenerator } from './createIdGenerator.ts';
import { FlowMachine, type FlowRecord, type SessionRecord, type Verdict } from './FlowMachine.ts';
import {
  type HostedPageAction,
  parseCreateFlow,
  parseFileQuery,
  parseLivenessSession,
  parsePageAction,
} from './parseRequests.ts';
import {
  type HostedPageState,
  toFlow,
  toFlowProjection,
  toLivenessSession,
  toPageState,
  toSessionProjection,
} from './projections.ts';
import { SandboxError } from './SandboxError.ts';
import { makeSampleFile, type SandboxFile } from './sampleFiles.ts';
import {
  applyReview,
  applySessionOutcome,
  applyStepOutcome,
  parseScriptedOutcome,
  runScript,
  type ScriptOutcome,
  type StepOutcome,
  settleTimedScript,
} from './testControls.ts';

/** A Verigram consumer (an account) and the API key that acts for it. */
export interface SandboxConsumer {
  apiKey: string;
  consumerId: string;
  /** Test keys create `test_flow: true` flows and are rate-limited (quickstart: "The test keys has rate limits"). */
  testKey: boolean;
}

/**
 * The sandbox's documented keys. `sandbox-test-key` is the one to use; `sandbox-other-key` is a
 * second, production-like consumer so isolation between consumers can be tested.
 */
export const DEFAULT_CONSUMERS: readonly SandboxConsumer[] = [
  { apiKey: 'sandbox-test-key', consumerId: 'sandbox-test-consumer', testKey: true },
  { apiKey: 'sandbox-other-key', consumerId: 'sandbox-other-consumer', testKey: false },
];

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

/** `FlowInputMeta.initial_device_type` from the page's User-Agent (the usual "Mobi" rule, plus tablets). */
const deviceTypeOf = (userAgent: string): 'mobile' | 'desktop' =>
  /Mobi|Android|iPhone|iPad|iPod|Tablet/i.test(userAgent) ? 'mobile' : 'desktop';

const notFound = (what: string) =>
  new SandboxError({ status: 404, errorCode: 'NOT_FOUND', errorMsg: `${what} not found` });
// The spec lists 403 Forbidden for GET /flow/{flow_id}, GET /flow/{flow_id}/result,
// POST /liveness2/session and GET /resources/file: what another consumer owns is forbidden there.
// GET /journal/session/{session_id} lists no 403, so another consumer's session answers 404 there.
const forbidden = (what: string) =>
  new SandboxError({ status: 403, errorCode: 'FORBIDDEN', errorMsg: `${what} belongs to another consumer` });

export class SandboxEngine {
  private readonly now: () => number;
  private readonly generateId: IdGenerator;
  private readonly vlinkFor: (flowId: string) => string;
  private readonly consumers: Map<string, SandboxConsumer>;
  private readonly ttlSeconds: number;
  private readonly machine: FlowMachine;
  /** Settable at runtime (the server's control route and CLI flag). */
  autoComplete: boolean;

  constructor(options: SandboxEngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.generateId = options.generateId ?? createIdGenerator(this.now);
    this.vlinkFor = options.vlinkFor ?? ((id) => `${SANDBOX_BASE_URL}/hf2/${id}/`);
    this.consumers = new Map((options.consumers ?? DEFAULT_CONSUMERS).map((c) => [c.apiKey, c]));
    this.ttlSeconds = options.ttlSeconds ?? 86_400;
    this.autoComplete = options.autoComplete ?? false;
    this.machine = new FlowMachine({
      now: this.now,
      generateId: this.generateId,
      inactivityMs: options.inactivityMs ?? INACTIVITY_DISCONNECT_MS,
    });
  }

  // ---- keys ------------------------------------------------------------------------------------

  /** The consumer of an API key, or undefined when the key is unknown. */
  authenticate(apiKey: string | undefined | null): SandboxConsumer | undefined {
    return apiKey ? this.consumers.get(apiKey) : undefined;
  }

  private consumerOf(apiKey: string): SandboxConsumer {
    const c = this.authenticate(apiKey);
    if (!c)
      throw new SandboxError({
        status: 401,
        errorCode: 'UNAUTHORIZED',
        errorMsg: 'Missing or unknown X-Verigram-Api-Key',
      });
    return c;
  }

  /** A flow of this key's consumer, its deadlines applied: 404 unknown, 403 another consumer's. */
  private ownFlow(apiKey: string, flowId: string): FlowRecord {
    const consumer = this.consumerOf(apiKey);
    const flow = this.machine.flows.get(flowId);
    if (!flow) throw notFound(`Flow ${flowId}`);
    if (flow.consumerId !== consumer.consumerId) throw forbidden(`Flow ${flowId}`);
    this.settle(flow);
    return flow;
  }

  /** Applies what is due by `now`: a timed person id's script, then the flow's deadlines. */
  private settle(flow: FlowRecord, now = this.now()): void {
    settleTimedScript(this.machine, flow, now);
    this.machine.settle(flow, now);
  }

  /** A session of this key's consumer; another consumer's answers 404 (the journal lists no 403). */
  private ownSession(apiKey: string, sessionId: string): SessionRecord {
    const consumer = this.consumerOf(apiKey);
    const session = this.machine.sessions.get(sessionId);
    if (!session || session.consumerId !== consumer.consumerId) throw notFound(`Session ${sessionId}`);
    return session;
  }

  // ---- Verigram API 2.0 operations ---------------------------------------------------------------

  /** `POST /flow`. */
  createFlow(apiKey: string, body: unknown): CreateFlowResponse & { flow_id: string; vlink: string } {
    const consumer = this.consumerOf(apiKey);
    const req = parseCreateFlow(body);
    let template = req.template;
    if (!template) {
      const id = req.template_id ?? DEFAULT_TEMPLATE_ID;
      const builtin = BUILTIN_TEMPLATES[id];
      if (!builtin)
        throw new SandboxError({
          status: 422,
          errorCode: 'UNKNOWN_TEMPLATE',
          errorMsg: `Unknown template_id "${id}"; the sandbox knows ${Object.keys(BUILTIN_TEMPLATES).join(', ')}`,
        });
      template = parseCreateFlow({ person_id: req.person_id, template: builtin }).template as FlowTemplate;
    }
    const now = this.now();
    const flow = this.machine.addFlow({
      consumerId: consumer.consumerId,
      personId: req.person_id,
      locale: req.locale ?? 'en',
      template,
      testFlow: consumer.testKey,
      vlinkFor: this.vlinkFor,
      ttl: this.ttlSeconds,
      callbackUrl: req.callback_url,
      inputData: req.input_data,
      templateId: req.template_id,
    });
    const script = parseScriptedOutcome(flow.personId);
    if (script?.atCreation) runScript(this.machine, flow, script.outcome, now);
    return { flow_id: flow.flowId, vlink: flow.vlink };
  }

  /** `GET /flow/{flow_id}`; records `polled_at`. */
  getFlow(apiKey: string, flowId: string): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    flow.polledAt = this.now();
    return toFlow(flow);
  }

  /**
   * `GET /flow/{flow_id}/result`; 404 while the flow has not started (spec). A flow that ended
   * without starting (its ttl passed) answers its projection, with no sessions, so a poller that
   * saw `end_cause` on `GET /flow` can read the verdict instead of a 404 forever.
   */
  getFlowResult(apiKey: string, flowId: string): FlowProjection {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.startedAt === undefined && flow.endCause === undefined)
      throw new SandboxError({
        status: 404,
        errorCode: 'FLOW_NOT_STARTED',
        errorMsg: `Flow ${flowId} has not started yet`,
      });
    return toFlowProjection(flow, this.machine.sessionsOf(flow));
  }

  /** `GET /journal/session/{session_id}`. */
  getSessionResult(apiKey: string, sessionId: string): SessionProjection {
    const session = this.ownSession(apiKey, sessionId);
    const flow = this.machine.flows.get(session.flowId);
    if (flow) this.settle(flow);
    this.machine.settleSession(session, this.now());
    return toSessionProjection(session);
  }

  /** `POST /liveness2/session`. */
  createLivenessSession(apiKey: string, body: unknown): LivenessSession {
    const consumer = this.consumerOf(apiKey);
    const req = parseLivenessSession(body);
    if (req.flow_id !== undefined) {
      const flow = this.machine.flows.get(req.flow_id);
      // The spec lists no 404 here; an unknown flow id is an unprocessable request.
      if (!flow)
        throw new SandboxError({
          status: 422,
          errorCode: 'INVALID_FLOW_ID',
          errorMsg: `Flow ${req.flow_id} not found`,
        });
      if (flow.consumerId !== consumer.consumerId) throw forbidden(`Flow ${req.flow_id}`);
      if (flow.personId !== req.person_id)
        throw new SandboxError({
          status: 422,
          errorCode: 'INVALID_PERSON_ID',
          errorMsg: `person_id does not match flow ${req.flow_id}`,
        });
    }
    const session = this.machine.addLivenessSession({
      consumerId: consumer.consumerId,
      personId: req.person_id,
      flowId: req.flow_id,
      maxRetries: req.max_retries as number,
      durationS: req.duration,
    });
    if (req.flow_id === undefined)
      this.machine.addLivenessFlow(
        session,
        { testFlow: consumer.testKey, vlink: this.vlinkFor(session.flowId), ttl: this.ttlSeconds },
        req.duration,
      );
    return toLivenessSession(session);
  }

  /** `GET /resources/file`: the file of the latest matching session. */
  getFile(apiKey: string, query: Record<string, string | undefined>): SandboxFile {
    const consumer = this.consumerOf(apiKey);
    const q = parseFileQuery(query);
    if (q.flow_id !== undefined) this.ownFlow(apiKey, q.flow_id);
    if (q.session_id !== undefined) {
      const s = this.machine.sessions.get(q.session_id);
      if (s && s.consumerId !== consumer.consumerId) throw forbidden(`Session ${q.session_id}`);
    }
    const candidates = [...this.machine.sessions.values()].filter(
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
    if (!file)
      throw new SandboxError({
        status: 404,
        errorCode: 'FILE_NOT_FOUND',
        errorMsg: `No "${q.label}" file for this query`,
      });
    return file;
  }

  // ---- the hosted page ---------------------------------------------------------------------------

  /** A flow the hosted page can show: a liveness session's flow has no page (its SDK uses the token). */
  private hostedFlow(flowId: string): FlowRecord {
    const flow = this.machine.flows.get(flowId);
    if (!flow || flow.livenessSessionId !== undefined) throw notFound(`Flow ${flowId}`);
    return flow;
  }

  /** The hosted page's view of a flow (no key: holding the vlink is the capability, as with Verigram). */
  pageState(flowId: string): HostedPageState {
    const flow = this.hostedFlow(flowId);
    this.settle(flow);
    return toPageState(flow);
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
    if (flow.endCause !== undefined) return toPageState(flow);
    flow.lastActivityAt = now;
    switch (action.type) {
      case 'open': {
        flow.openedAt ??= now;
        // FlowInputMeta.initial_device_type: "Detected device type at the start of the flow."
        if (device.userAgent !== undefined) flow.initialDeviceType ??= deviceTypeOf(device.userAgent);
        const script = parseScriptedOutcome(flow.personId);
        // A timed script (`+after<N>`) runs at its due time, not when the page opens.
        if (script?.afterSeconds !== undefined) break;
        if (script) runScript(this.machine, flow, script.outcome, now);
        else if (this.autoComplete) runScript(this.machine, flow, 'pass', now);
        break;
      }
      case 'start':
        this.machine.start(flow, now);
        break;
      case 'ping':
        break;
      case 'outcome':
        if (flow.startedAt === undefined)
          throw new SandboxError({
            status: 409,
            errorCode: 'FLOW_NOT_STARTED',
            errorMsg: 'Start the flow first',
          });
        this.machine.recordOutcome(flow, action.outcome, action.errorCodes, now);
        break;
      case 'abandon':
        this.machine.abandon(flow, now);
        break;
      default:
        throw new SandboxError({
          status: 422,
          errorCode: 'INVALID_PAYLOAD',
          errorMsg: 'Unknown page action',
        });
    }
    return toPageState(flow);
  }

  // ---- sandbox-only test controls (testControls.ts) ----------------------------------------------

  /** Decides the current step of a flow as a tester would (the control route). Starts the flow if needed. */
  setStepOutcome(apiKey: string, flowId: string, outcome: StepOutcome): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.endCause !== undefined)
      throw new SandboxError({
        status: 409,
        errorCode: 'FLOW_ENDED',
        errorMsg: `Flow ${flowId} has already ended`,
      });
    applyStepOutcome(this.machine, flow, outcome, this.now());
    return toFlow(flow);
  }

  /**
   * An operator's manual review of a completed flow (the review control route): see
   * `applyReview`. 409 before the flow completed.
   */
  reviewFlow(apiKey: string, flowId: string, verdict: 'pass' | 'fail'): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.endCause !== 'completed')
      throw new SandboxError({
        status: 409,
        errorCode: 'FLOW_NOT_REVIEWABLE',
        errorMsg: `Flow ${flowId} has not completed (end_cause ${flow.endCause ?? 'none yet'}); only a completed flow is reviewed`,
      });
    applyReview(this.machine, flow, verdict, this.now());
    return toFlow(flow);
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
    const session = this.ownSession(apiKey, sessionId);
    if (session.stepId !== undefined)
      throw new SandboxError({
        status: 409,
        errorCode: 'SESSION_IN_FLOW',
        errorMsg: `Session ${sessionId} belongs to flow ${session.flowId}; decide its current step instead`,
      });
    const now = this.now();
    this.machine.settleSession(session, now);
    if (session.status !== undefined)
      throw new SandboxError({
        status: 409,
        errorCode: 'SESSION_ENDED',
        errorMsg: `Session ${sessionId} has already ended`,
      });
    applySessionOutcome(this.machine, session, outcome, errorCodes, now);
    return this.getSessionResult(apiKey, sessionId);
  }

  /** Runs a whole scripted outcome on a flow (person-id conventions, auto-complete). */
  completeFlow(apiKey: string, flowId: string, outcome: ScriptOutcome = 'pass'): Flow {
    const flow = this.ownFlow(apiKey, flowId);
    if (flow.endCause === undefined) runScript(this.machine, flow, outcome, this.now());
    return toFlow(flow);
  }

  /** Evaluates every deadline now (reads do this per flow anyway; the clock control calls it). */
  tick(now = this.now()): void {
    for (const flow of this.machine.flows.values()) this.settle(flow, now);
  }

  /** Every flow, newest first, as `Flow` objects (for tests and the control route). */
  listFlows(consumerId?: string): Flow[] {
    return [...this.machine.flows.values()]
      .filter((f) => consumerId === undefined || f.consumerId === consumerId)
      .map((f) => {
        this.settle(f);
        return toFlow(f);
      })
      .reverse();
  }

  get flowCount(): number {
    return this.machine.flows.size;
  }

  /** Forgets every flow and session. */
  reset(): void {
    this.machine.reset();
  }
}
