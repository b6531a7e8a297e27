// The sandbox's test controls, none of them Verigram's: scripted outcomes (person-id tags and
// auto-complete), a tester deciding the current step, an operator's review, and deciding a
// standalone liveness session. They drive the state machine through its own transitions, so a
// scripted flow reads exactly as a clicked one.
//
// Person-id tags: after a `+` they script what happens when the hosted page opens the flow (or at
// creation with `+auto`). The spec's PersonId pattern `^[a-zA-Z0-9_@.+-]*$` allows `+`, so these
// ids pass validation like any other.
//   alice+pass      every step passes            → flow_status pass, end_cause completed
//   alice+fail      every attempt fails          → flow_status fail, end_cause completed
//   alice+review    every step ends "unknown"    → flow_status unknown, end_cause completed
//   alice+timeout   the first step times out     → flow_status fail, end_cause timeout
//   alice+abandon   the user leaves              → flow_status fail, end_cause disconnected
//   alice+error     a system error on the first step → flow_status fail, end_cause failed
//   alice+suspicious   every step flagged (frontend `suspicious`) → flow_status unknown, completed
//   alice+blacklisted  the first step refuses a deny-listed person (`blacklisted`, no retry) → fail
//   alice+whitelisted  every step passes an allow-listed person (`whitelisted`) → pass
//   alice+reviewed  steps go to manual review, an operator approves → pass, check_type edited,
//                   session state `reviewed`
//   alice+rejected  the same, the operator rejects → fail, check_type edited
//   alice+auto      run the script at creation (default outcome pass), no page needed
//   alice+after30   run the script 30 s (sandbox clock) after creation, no page needed (default
//                   outcome pass; `alice+after5+fail`); until then the flow waits, not started.
//                   Applied lazily when the flow is read, like the deadlines (FlowMachine.settle),
//                   with the due time as its timestamps. It wins over `+auto`, and the page's
//                   open does not run it early.

import type { LivenessError } from '@verigram-kit/core';
import {
  type FlowMachine,
  type FlowRecord,
  type SessionRecord,
  VERDICTS,
  type Verdict,
  verdictCodes,
} from './FlowMachine.ts';

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

/** A whole flow's scripted outcome (a person-id tag, auto-complete, `completeFlow`). */
export type ScriptOutcome =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'suspicious'
  | 'blacklisted'
  | 'whitelisted'
  | 'reviewed'
  | 'rejected'
  | 'timeout'
  | 'abandon'
  | 'error';

export interface PersonIdScript {
  outcome: ScriptOutcome;
  /** Run at creation instead of when the page opens. */
  atCreation: boolean;
  /** Run this many seconds after creation instead of when the page opens (`+after<N>`). */
  afterSeconds?: number;
}

const TAGS: Record<string, ScriptOutcome> = {
  pass: 'pass',
  fail: 'fail',
  review: 'unknown',
  timeout: 'timeout',
  abandon: 'abandon',
  error: 'error',
  suspicious: 'suspicious',
  blacklisted: 'blacklisted',
  whitelisted: 'whitelisted',
  reviewed: 'reviewed',
  rejected: 'rejected',
};

/** The script a person id asks for, or null when it carries no known tag. */
export function parseScriptedOutcome(personId: string): PersonIdScript | null {
  const tags = personId.toLowerCase().split('+').slice(1);
  let outcome: ScriptOutcome | undefined;
  let atCreation = false;
  let afterSeconds: number | undefined;
  for (const tag of tags) {
    const after = /^after(\d{1,9})$/.exec(tag);
    if (after) afterSeconds = Number(after[1]);
    else if (tag === 'auto') atCreation = true;
    else if (TAGS[tag]) outcome = TAGS[tag];
  }
  if (!outcome && !atCreation && afterSeconds === undefined) return null;
  if (afterSeconds !== undefined) return { outcome: outcome ?? 'pass', atCreation: false, afterSeconds };
  return { outcome: outcome ?? 'pass', atCreation };
}

/**
 * Runs a timed person id's script (`+after<N>`) once its due time has passed, as if it had run
 * then: the deadlines due earlier (ttl, a tester's started step timing out) are applied first and
 * win; otherwise the flow starts and ends at the due time, whatever the read time.
 */
export function settleTimedScript(machine: FlowMachine, flow: FlowRecord, now: number): void {
  if (flow.endCause !== undefined || flow.livenessSessionId !== undefined) return;
  const script = parseScriptedOutcome(flow.personId);
  if (script?.afterSeconds === undefined) return;
  const dueAt = flow.createdAt + script.afterSeconds * 1000;
  if (now < dueAt) return;
  machine.settle(flow, dueAt);
  if (flow.endCause === undefined) runScript(machine, flow, script.outcome, dueAt);
}

/** Runs a whole scripted outcome on a flow that has not ended. */
export function runScript(machine: FlowMachine, flow: FlowRecord, outcome: ScriptOutcome, now: number): void {
  machine.start(flow, now);
  if (outcome === 'timeout') {
    machine.end(flow, 'fail', 'timeout', now);
    return;
  }
  if (outcome === 'abandon') {
    machine.abandon(flow, now);
    return;
  }
  if (outcome === 'error') {
    machine.end(flow, 'fail', 'failed', now, 'failure');
    return;
  }
  // An operator's review: the steps go to manual review, then the operator decides.
  const verdict: Verdict = outcome === 'reviewed' || outcome === 'rejected' ? 'unknown' : outcome;
  // Bounded: each call closes one attempt, and every step has at most 11.
  for (let guard = 0; flow.endCause === undefined && guard < 1000; guard++)
    machine.recordOutcome(flow, verdict, undefined, now);
  if (outcome === 'reviewed' || outcome === 'rejected')
    applyReview(machine, flow, outcome === 'reviewed' ? 'pass' : 'fail', now);
}

/** A tester decides the current step of a flow that has not ended (starting it if needed). */
export function applyStepOutcome(
  machine: FlowMachine,
  flow: FlowRecord,
  step: StepOutcome,
  now: number,
): void {
  flow.lastActivityAt = now;
  machine.start(flow, now);
  if (step.outcome === 'abandon') machine.abandon(flow, now);
  else if (step.outcome === 'timeout') machine.end(flow, 'fail', 'timeout', now, 'expired');
  else if (step.outcome === 'error') machine.end(flow, 'fail', 'failed', now, 'failure');
  else machine.recordOutcome(flow, step.outcome, step.errorCodes, now);
}

/**
 * An operator's manual review of a completed flow: the sessions awaiting review (status unknown;
 * else the last one) get the operator's verdict and the session state `reviewed`, the flow takes
 * that verdict, and its result's `check_type` becomes `edited` ("the verification result was
 * determined automatically or manually reviewed/edited by an operator").
 */
export function applyReview(
  machine: FlowMachine,
  flow: FlowRecord,
  verdict: 'pass' | 'fail',
  now: number,
): void {
  const sessions = machine.sessionsOf(flow);
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

/**
 * Decides an open standalone liveness session as its frontend library would: `pass`, `unknown`
 * (manual review), or `fail`, which uses up one of `max_retries` and closes the session only when
 * none are left.
 */
export function applySessionOutcome(
  machine: FlowMachine,
  session: SessionRecord,
  outcome: Verdict,
  errorCodes: LivenessError[],
  now: number,
): void {
  const codes = verdictCodes(outcome, errorCodes);
  // attempts_left counts the attempt under way: a failure with another one left keeps it open.
  if (outcome === 'fail' && (session.attemptsLeft ?? 0) > 1) {
    session.attemptsLeft = (session.attemptsLeft ?? 0) - 1;
    session.errorCodes = codes;
    session.updatedAt = now;
    session.states.push({ state: 'processing', at: now });
  } else {
    session.attemptsLeft = Math.max(0, (session.attemptsLeft ?? 0) - 1);
    machine.closeSession(session, VERDICTS[outcome].status, VERDICTS[outcome].frontend, now, codes);
  }
}
