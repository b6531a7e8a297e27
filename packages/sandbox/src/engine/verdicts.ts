// How a service's verdict on one attempt reads in its session, and how many attempts a step or a
// liveness session gets. Shared by the engine, the page's action parser and the control routes.
import type { ExecutionStatus, FrontendSessionStatus } from '@verigram-kit/core';

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

/**
 * `max_retries` counts retries, the attempts after the first, on a pipeline step ("Maximum number
 * of retries for the step", PipelineStep.max_retries, 1..10, default 5) and on a liveness session
 * ("Maximum number of retries for a session.", Liveness2CreateSession.max_retries, 0..100, default
 * 3) alike: a step or session gets `max_retries + 1` attempts. The liveness minimum of 0 (one
 * attempt, no retry) only makes sense under this reading.
 */
export const attemptsAllowed = (maxRetries: number) => maxRetries + 1;
