import { INACTIVITY_DISCONNECT_MS } from '@verigram-kit/core';
import { describe, expect, it } from 'vitest';
import { SandboxEngine } from '../SandboxEngine.ts';
import { SandboxError } from '../SandboxError.ts';

const KEY = 'sandbox-test-key';
const OTHER = 'sandbox-other-key';
const T0 = Date.parse('2026-01-01T00:00:00Z');

function setup(options: ConstructorParameters<typeof SandboxEngine>[0] = {}) {
  const clock = { t: T0 };
  const engine = new SandboxEngine({ now: () => clock.t, ...options });
  return { clock, engine };
}

const pipeline = (...steps: object[]) => ({ pipeline: steps });

describe('SandboxEngine: creating and reading flows', () => {
  it('given a test key, when a flow is created, then it is a test flow waiting at its first step', () => {
    const { engine } = setup({ vlinkFor: (id) => `http://sandbox.test/hf2/${id}/` });
    const { flow_id, vlink } = engine.createFlow(KEY, { person_id: 'person-1', locale: 'kk' });
    expect(flow_id).toMatch(/^[0-9A-Z]{26}-F$/);
    expect(vlink).toBe(`http://sandbox.test/hf2/${flow_id}/`);
    const flow = engine.getFlow(KEY, flow_id);
    expect(flow).toMatchObject({
      test_flow: true,
      locale: 'kk',
      flow_status: 'unknown',
      consumer_id: 'sandbox-test-consumer',
    });
    expect(flow.started_at).toBeUndefined();
    expect(flow.current_step_id).toMatch(/-P$/);
    // The default template: consent then verilive, with the spec's defaults filled in.
    expect(flow.template.pipeline).toEqual([
      { service_name: 'consent', allow_failure: false, timeout: 300, max_retries: 5 },
      { service_name: 'verilive', allow_failure: false, timeout: 300, max_retries: 5 },
    ]);
  });

  it('records polled_at only when the flow is read', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    clock.t += 5_000;
    expect(engine.getFlow(KEY, flow_id).polled_at).toBe(new Date(T0 + 5_000).toISOString());
  });

  it("forbids another consumer's flow (403, as the spec lists) and answers 401 for an unknown key", () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    expect(() => engine.getFlow(OTHER, flow_id)).toThrow(
      expect.objectContaining({ status: 403, errorCode: 'FORBIDDEN' }),
    );
    expect(() => engine.getFlowResult(OTHER, flow_id)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => engine.setStepOutcome(OTHER, flow_id, { outcome: 'pass' })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => engine.getFlow(KEY, 'no-such-flow')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => engine.getFlow('nope', flow_id)).toThrow(expect.objectContaining({ status: 401 }));
    expect(engine.createFlow(OTHER, { person_id: 'person-2' })).toBeTruthy();
    expect(engine.listFlows('sandbox-other-consumer')[0]?.test_flow).toBe(false);
  });

  it('answers 404 for the result of a flow that has not started', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    expect(() => engine.getFlowResult(KEY, flow_id)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('refuses invalid input with 422 and stores nothing', () => {
    const { engine } = setup();
    expect(() => engine.createFlow(KEY, { person_id: 'abc' })).toThrow(SandboxError);
    expect(() => engine.createFlow(KEY, { person_id: 'person-1', template_id: 'nope' })).toThrow(
      expect.objectContaining({ status: 422, errorCode: 'UNKNOWN_TEMPLATE' }),
    );
    expect(engine.flowCount).toBe(0);
  });
});

describe('SandboxEngine: walking the pipeline', () => {
  it('given two steps, when both pass, then the flow completes with pass and every timestamp', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    engine.pageAction(flow_id, { type: 'open' });
    clock.t += 1_000;
    engine.pageAction(flow_id, { type: 'start' });
    const started = engine.getFlow(KEY, flow_id);
    expect(started.started_at).toBe(new Date(T0 + 1_000).toISOString());
    expect(started.current_step_started_at).toBe(started.started_at);
    clock.t += 2_000;
    engine.pageAction(flow_id, { type: 'outcome', outcome: 'pass' });
    const second = engine.getFlow(KEY, flow_id);
    expect(second.current_step_id).toBe(engine.pageState(flow_id).steps[1]?.stepId);
    expect(second.current_step_started_at).toBe(new Date(T0 + 3_000).toISOString());
    clock.t += 2_000;
    const state = engine.pageAction(flow_id, { type: 'outcome', outcome: 'pass' });
    expect(state).toMatchObject({ phase: 'ended', flowStatus: 'pass', endCause: 'completed' });
    const flow = engine.getFlow(KEY, flow_id);
    expect(flow).toMatchObject({
      flow_status: 'pass',
      end_cause: 'completed',
      ended_at: new Date(T0 + 5_000).toISOString(),
    });
    expect(flow.current_step_id).toBeUndefined();
    const result = engine.getFlowResult(KEY, flow_id);
    expect(result).toMatchObject({
      flow_status: 'pass',
      end_cause: 'completed',
      sessions_count: 2,
      services_count: 2,
    });
    const live = result.service_statuses?.[1];
    expect(live).toMatchObject({
      service_name: 'verilive',
      session_status: 'pass',
      session_state: 'processed',
      frontend_session_status: 'approved',
      session_result: { service_name: 'verilive', service_status: 'real', error_codes: [] },
    });
    expect(live?.session_states?.map((s) => s.state)).toEqual(['created', 'processing', 'processed']);
    const journal = engine.getSessionResult(KEY, live?.session_id as string);
    expect(journal).toMatchObject({
      flow_id,
      service_name: 'verilive',
      api_version: '2.0',
      result: { service_status: 'real' },
    });
    const file = engine.getFile(KEY, { label: 'bestframe', flow_id });
    expect(file.contentType).toBe('image/png');
    expect([...file.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('given max_retries 1, then a step gets one retry after its first attempt (two in all), then fails the flow', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, {
      person_id: 'person-1',
      template: pipeline({ service_name: 'verilive', max_retries: 1 }),
    });
    expect(engine.pageAction(flow_id, { type: 'start' }).steps[0]?.attemptsLeft).toBe(2);
    let state = engine.pageAction(flow_id, { type: 'outcome', outcome: 'fail', errorCodes: ['no_face'] });
    expect(state).toMatchObject({ phase: 'in_progress', retryErrorCodes: ['no_face'] });
    expect(state.steps[0]?.attemptsLeft).toBe(1);
    state = engine.pageAction(flow_id, { type: 'outcome', outcome: 'fail', errorCodes: ['closed_eyes'] });
    // FlowEndCause: execution finished without errors, so a negative verdict still ends "completed".
    expect(state).toMatchObject({ phase: 'ended', flowStatus: 'fail', endCause: 'completed' });
    const result = engine.getFlowResult(KEY, flow_id);
    expect(result.sessions_count).toBe(2);
    expect(result.services_count).toBe(1);
    expect(result.service_statuses?.[1]?.session_result).toMatchObject({
      service_status: 'attack',
      error_codes: ['closed_eyes'],
    });
  });

  it('continues past a failing step with allow_failure and still passes', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, {
      person_id: 'person-1',
      template: pipeline(
        { service_name: 'otp', allow_failure: true, max_retries: 1 },
        { service_name: 'verilive' },
      ),
    });
    engine.pageAction(flow_id, { type: 'start' });
    engine.pageAction(flow_id, { type: 'outcome', outcome: 'fail' });
    engine.pageAction(flow_id, { type: 'outcome', outcome: 'fail' });
    expect(engine.pageState(flow_id)).toMatchObject({ phase: 'in_progress', currentIndex: 1 });
    engine.pageAction(flow_id, { type: 'outcome', outcome: 'pass' });
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({ flow_status: 'pass', end_cause: 'completed' });
    expect(engine.getFlowResult(KEY, flow_id).service_statuses?.[0]?.session_status).toBe('fail');
  });

  it('an abandoned flow ends disconnected', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    engine.pageAction(flow_id, { type: 'start' });
    engine.pageAction(flow_id, { type: 'abandon' });
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({ flow_status: 'fail', end_cause: 'disconnected' });
  });
});

describe('SandboxEngine: deadlines with an injected clock', () => {
  it('times out a step after its timeout, with ended_at at the deadline', () => {
    const { engine, clock } = setup({ inactivityMs: 10 * 60_000 });
    const { flow_id } = engine.createFlow(KEY, {
      person_id: 'person-1',
      template: pipeline({ service_name: 'verilive', timeout: 30 }),
    });
    engine.pageAction(flow_id, { type: 'start' });
    clock.t += 29_999;
    expect(engine.getFlow(KEY, flow_id).end_cause).toBeUndefined();
    clock.t += 60_000;
    const flow = engine.getFlow(KEY, flow_id);
    expect(flow).toMatchObject({
      flow_status: 'fail',
      end_cause: 'timeout',
      ended_at: new Date(T0 + 30_000).toISOString(),
    });
    expect(engine.getFlowResult(KEY, flow_id).service_statuses?.[0]?.frontend_session_status).toBe('expired');
  });

  it('disconnects after five minutes without activity, but only once a session was initialised', () => {
    const { engine, clock } = setup();
    const long = pipeline({ service_name: 'verilive', timeout: 3600 });
    const idle = engine.createFlow(KEY, { person_id: 'person-1', template: long }).flow_id;
    const active = engine.createFlow(KEY, { person_id: 'person-2', template: long }).flow_id;
    engine.pageAction(active, { type: 'start' });
    clock.t += INACTIVITY_DISCONNECT_MS - 1_000;
    engine.pageAction(active, { type: 'ping' });
    clock.t += INACTIVITY_DISCONNECT_MS - 1_000;
    expect(engine.getFlow(KEY, active).end_cause).toBeUndefined();
    clock.t += 2_000;
    engine.tick();
    expect(engine.getFlow(KEY, active).end_cause).toBe('disconnected');
    // Never started: no session, so no disconnect.
    expect(engine.getFlow(KEY, idle).end_cause).toBeUndefined();
  });

  it('expires a flow after its ttl even if never opened', () => {
    const { engine, clock } = setup({ ttlSeconds: 120 });
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    expect(engine.getFlow(KEY, flow_id).ttl).toBe(120);
    clock.t += 121_000;
    expect(engine.pageState(flow_id)).toMatchObject({ phase: 'ended', endCause: 'timeout' });
    expect(engine.getFlow(KEY, flow_id).ended_at).toBe(new Date(T0 + 120_000).toISOString());
  });

  it('given a never-started flow, then /result is 404 FLOW_NOT_STARTED until its ttl ends it, then its projection', () => {
    const { engine, clock } = setup({ ttlSeconds: 120 });
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    clock.t += 119_000;
    expect(() => engine.getFlowResult(KEY, flow_id)).toThrow(
      expect.objectContaining({ status: 404, errorCode: 'FLOW_NOT_STARTED' }),
    );
    clock.t += 2_000;
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({ flow_status: 'fail', end_cause: 'timeout' });
    expect(engine.getFlowResult(KEY, flow_id)).toMatchObject({
      flow_id,
      flow_status: 'fail',
      end_cause: 'timeout',
      ended_at: new Date(T0 + 120_000).toISOString(),
      sessions_count: 0,
      services_count: 0,
      service_statuses: [],
    });
  });
});

describe('SandboxEngine: automation', () => {
  it.each([
    ['alice+pass', 'pass', 'completed'],
    ['alice+fail', 'fail', 'completed'],
    ['alice+error', 'fail', 'failed'],
    ['alice+review', 'unknown', 'completed'],
    ['alice+timeout', 'fail', 'timeout'],
    ['alice+abandon', 'fail', 'disconnected'],
  ])('person id %s scripts flow_status %s / end_cause %s when the page opens', (personId, status, cause) => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: personId });
    expect(engine.getFlow(KEY, flow_id).end_cause).toBeUndefined();
    engine.pageAction(flow_id, { type: 'open' });
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({ flow_status: status, end_cause: cause });
  });

  it('+auto completes at creation, without a page', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'bob+auto' });
    expect(engine.getFlowResult(KEY, flow_id)).toMatchObject({ flow_status: 'pass', end_cause: 'completed' });
  });

  it('auto-complete mode passes every flow as soon as it is opened', () => {
    const { engine } = setup({ autoComplete: true });
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    engine.pageAction(flow_id, { type: 'open' });
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({ flow_status: 'pass', end_cause: 'completed' });
  });

  it('the control outcome decides the current step, starting the flow if needed', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, {
      person_id: 'person-1',
      template: pipeline({ service_name: 'verilive', max_retries: 1 }),
    });
    const retried = engine.setStepOutcome(KEY, flow_id, { outcome: 'fail', errorCodes: ['no_face'] });
    expect(retried.end_cause).toBeUndefined();
    const flow = engine.setStepOutcome(KEY, flow_id, { outcome: 'fail', errorCodes: ['face_in_blacklist'] });
    expect(flow).toMatchObject({ end_cause: 'completed', flow_status: 'fail' });
    expect(engine.getFlowResult(KEY, flow_id).service_statuses?.[1]?.session_result?.error_codes).toEqual([
      'face_in_blacklist',
    ]);
    expect(() => engine.setStepOutcome(KEY, flow_id, { outcome: 'pass' })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });

  it('given an injected error outcome, when the control route applies it, then the flow ends fail / failed', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    const flow = engine.setStepOutcome(KEY, flow_id, { outcome: 'error' });
    expect(flow).toMatchObject({ end_cause: 'failed', flow_status: 'fail' });
    expect(engine.getFlowResult(KEY, flow_id).service_statuses?.[0]).toMatchObject({
      session_status: 'fail',
      frontend_session_status: 'failure',
    });
  });

  it('given a standalone liveness session, when a failure uses its one retry, then it stays open, and the second failure ends it', () => {
    const { engine } = setup();
    const s = engine.createLivenessSession(KEY, { person_id: 'person-1', max_retries: 1 });
    expect(s.attempts_left).toBe(2);
    const id = s.session_id as string;
    const retried = engine.decideLivenessSession(KEY, id, 'fail', ['no_face']);
    expect(retried.session_states?.map((x) => x.state)).toEqual(['created', 'processing']);
    expect(retried.result).toBeUndefined();
    const ended = engine.decideLivenessSession(KEY, id, 'fail', ['closed_eyes']);
    expect(ended.result).toMatchObject({ service_status: 'attack', error_codes: ['closed_eyes'] });
    expect(() => engine.decideLivenessSession(KEY, id, 'pass')).toThrow(
      expect.objectContaining({ status: 409, errorCode: 'SESSION_ENDED' }),
    );
    expect(() => engine.decideLivenessSession(OTHER, id, 'pass')).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it('given max_retries 0 on a liveness session, then its one attempt has no retry: a failure ends it', () => {
    const { engine } = setup();
    const s = engine.createLivenessSession(KEY, { person_id: 'person-1', max_retries: 0 });
    expect(s.attempts_left).toBe(1);
    const ended = engine.decideLivenessSession(KEY, s.session_id as string, 'fail', ['no_face']);
    expect(ended.session_states?.at(-1)?.state).toBe('processed');
    expect(ended.result).toMatchObject({ service_status: 'attack', error_codes: ['no_face'] });
  });

  it('given a standalone liveness session, when it passes, then the journal shows a real face', () => {
    const { engine } = setup();
    const s = engine.createLivenessSession(KEY, { person_id: 'person-1', max_retries: 0 });
    const passed = engine.decideLivenessSession(KEY, s.session_id as string, 'pass');
    expect(passed.result).toMatchObject({ service_status: 'real', error_codes: [] });
    expect(passed.session_states?.at(-1)?.state).toBe('processed');
  });

  it('given a liveness session left undecided past its duration, then it ends as a timeout at that moment', () => {
    const { engine, clock } = setup();
    const s = engine.createLivenessSession(KEY, { person_id: 'person-1', duration: 120 });
    clock.t += 119_999;
    expect(engine.getSessionResult(KEY, s.session_id as string).result).toBeUndefined();
    clock.t += 1;
    const expired = engine.getSessionResult(KEY, s.session_id as string);
    expect(expired.result).toMatchObject({
      error_codes: ['timeout'],
      end_time: new Date(T0 + 120_000).toISOString(),
    });
  });

  it('refuses to decide a session of a flow pipeline outside its flow', () => {
    const { engine } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'person-1' });
    engine.pageAction(flow_id, { type: 'start' });
    const id = engine.getFlowResult(KEY, flow_id).service_statuses?.[0]?.session_id as string;
    expect(() => engine.decideLivenessSession(KEY, id, 'pass')).toThrow(
      expect.objectContaining({ status: 409, errorCode: 'SESSION_IN_FLOW' }),
    );
  });

  it('creates a liveness session with a uuid token and attempts_left', () => {
    const { engine } = setup();
    const s = engine.createLivenessSession(KEY, { person_id: 'person-1', max_retries: 7 });
    expect(s.access_token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // max_retries 7: the first attempt and seven retries.
    expect(s.attempts_left).toBe(8);
    expect(engine.getSessionResult(KEY, s.session_id as string).session_states?.[0]?.state).toBe('created');
    expect(() => engine.getSessionResult(OTHER, s.session_id as string)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});

describe('SandboxEngine: timed person ids (+after<N>)', () => {
  const at = (ms: number) => new Date(T0 + ms).toISOString();

  it('given alice+after30, then the flow waits not started until 30 s, even with its page open', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'alice+after30' });
    clock.t += 10_000;
    expect(engine.pageAction(flow_id, { type: 'open' })).toMatchObject({ phase: 'not_started' });
    clock.t += 19_999;
    const flow = engine.getFlow(KEY, flow_id);
    expect(flow).toMatchObject({ flow_status: 'unknown' });
    expect(flow.started_at).toBeUndefined();
    expect(flow.end_cause).toBeUndefined();
    expect(() => engine.getFlowResult(KEY, flow_id)).toThrow(
      expect.objectContaining({ status: 404, errorCode: 'FLOW_NOT_STARTED' }),
    );
  });

  it('given alice+after30 read first at 45 s, then it passed at 30 s: its timestamps are the due time, not the read time', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'alice+after30' });
    clock.t += 45_000;
    const flow = engine.getFlow(KEY, flow_id);
    expect(flow).toMatchObject({
      flow_status: 'pass',
      end_cause: 'completed',
      started_at: at(30_000),
      ended_at: at(30_000),
      polled_at: at(45_000),
    });
    const result = engine.getFlowResult(KEY, flow_id);
    expect(result.service_statuses?.map((s) => s.session_status)).toEqual(['pass', 'pass']);
  });

  it('given alice+after5+fail, then at 5 s every attempt has failed and the flow ends fail / completed', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, {
      person_id: 'alice+after5+fail',
      template: pipeline({ service_name: 'verilive', max_retries: 1 }),
    });
    clock.t += 4_999;
    expect(engine.getFlow(KEY, flow_id).end_cause).toBeUndefined();
    clock.t += 1;
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({
      flow_status: 'fail',
      end_cause: 'completed',
      ended_at: at(5_000),
    });
    expect(engine.getFlowResult(KEY, flow_id)).toMatchObject({ sessions_count: 2 });
  });

  it('given alice+after5+review, then tick() alone ends it unknown at 5 s, for a caller that lists flows', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'alice+after5+review' });
    clock.t += 60_000;
    engine.tick();
    expect(engine.listFlows()[0]).toMatchObject({
      flow_id,
      flow_status: 'unknown',
      end_cause: 'completed',
      ended_at: at(5_000),
    });
  });

  it('given a ttl shorter than the wait, then the ttl ends the flow first (timeout) and the script never runs', () => {
    const { engine, clock } = setup({ ttlSeconds: 60 });
    const { flow_id } = engine.createFlow(KEY, { person_id: 'alice+after90' });
    clock.t += 120_000;
    const flow = engine.getFlow(KEY, flow_id);
    expect(flow).toMatchObject({ flow_status: 'fail', end_cause: 'timeout', ended_at: at(60_000) });
    expect(flow.started_at).toBeUndefined();
  });

  it('given alice+auto+after10, then +after decides when: nothing at creation, passed at 10 s', () => {
    const { engine, clock } = setup();
    const { flow_id } = engine.createFlow(KEY, { person_id: 'alice+auto+after10' });
    expect(engine.getFlow(KEY, flow_id).end_cause).toBeUndefined();
    clock.t += 10_000;
    expect(engine.getFlow(KEY, flow_id)).toMatchObject({ flow_status: 'pass', ended_at: at(10_000) });
  });
});
