import type { FlowEndCause, FlowServiceStatus } from '@verigram-kit/core';
import type { FlowStatusState } from '../useFlowStatus.ts';
import type { CheckKind, CheckResult, FlowOutcome } from './flowStatusMessages.ts';

// How <FlowStatus> reads a flow to its customer: the outcome behind the headline, and one row per
// check with a human name, a result in plain words and, when a check ran twice, its attempt.

/**
 * The outcome of a flow: its state, and once it ended, why (spec FlowEndCause: `completed` is
 * "execution finished without errors", whatever the verdict; the verdict is `flow_status`).
 */
export function getFlowOutcome(state: FlowStatusState, endCause: FlowEndCause | undefined): FlowOutcome {
  if (state !== 'failed' && state !== 'unknown') return state;
  if (endCause === 'timeout') return 'expired';
  if (endCause === 'disconnected') return 'interrupted';
  if (endCause === 'failed') return 'server_error';
  return state === 'failed' ? 'rejected' : 'review';
}

// First match wins: liveness variants, then documents (veridoc, redoc, egov-doc, doc-preview…).
const KINDS: [RegExp, CheckKind][] = [
  [/^verilive/, 'selfie'],
  [/^veriface$/, 'face'],
  [/doc/, 'document'],
  [/^consent$/, 'consent'],
  [/^(otp|veriphone)$/, 'phone'],
  [/^(flow-form|client-card)$/, 'form'],
  [/aml|^kyc-list$/, 'screening'],
  [/^esign$/, 'signature'],
];

/** What the customer did in a service, whatever its internal name. */
export const getCheckKind = (serviceName = ''): CheckKind =>
  KINDS.find(([name]) => name.test(serviceName))?.[1] ?? 'other';

// What a session's statuses mean to its customer, read in order: frontend_session_status, the
// "simplified status intended for display" (spec), then session_status (ExecutionStatus), then
// session_state (a processed or reviewed session awaits a decision); none of these: still active.
// A blacklisted person is told "not passed", never why; staff read the raw status in the details.
const RESULTS: Record<string, CheckResult> = {
  approved: 'passed',
  whitelisted: 'passed',
  pass: 'passed',
  denied: 'failed',
  failure: 'failed',
  blacklisted: 'failed',
  fail: 'failed',
  suspicious: 'review',
  reviewing: 'review',
  processed: 'review',
  reviewed: 'review',
  expired: 'expired',
  active: 'active',
};

/** A session's result in the customer's terms (see RESULTS for which status says it). */
export function getCheckResult(service: FlowServiceStatus): CheckResult {
  const said = [service.frontend_session_status, service.session_status, service.session_state].find(
    (status) => status !== undefined && Object.hasOwn(RESULTS, status),
  );
  return said === undefined ? 'active' : (RESULTS[said] as CheckResult);
}

export interface CheckRow {
  service: FlowServiceStatus;
  kind: CheckKind;
  result: CheckResult;
  /** 1-based, when the same step (or service) ran more than once; else undefined. */
  attempt: number | undefined;
}

/** One row per session, numbered when a step ran more than once (one session per attempt). */
export function getCheckRows(services: readonly FlowServiceStatus[]): CheckRow[] {
  const stepOf = (s: FlowServiceStatus) => s.step_id ?? s.service_name ?? '';
  return services.map((service, index) => {
    const sameStep = (s: FlowServiceStatus) => stepOf(s) === stepOf(service);
    return {
      service,
      kind: getCheckKind(service.service_name),
      result: getCheckResult(service),
      attempt:
        services.filter(sameStep).length > 1
          ? services.slice(0, index + 1).filter(sameStep).length
          : undefined,
    };
  });
}
