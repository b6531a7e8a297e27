import type { FlowEndCause, FrontendSessionStatus, StateName } from '@verigram-kit/core';
import type { FlowConnection, FlowStatusState } from '../useFlowStatus.ts';

/**
 * Every string `<FlowStatus>` and `<FlowFile>` show; override any of them with the `messages` prop.
 * English is {@link FLOW_STATUS_MESSAGES_EN}; `loadFlowStatusMessages(locale)` gives any locale's.
 */
export interface FlowStatusMessages {
  title: string;
  state: Record<FlowStatusState, string>;
  endCause: Record<FlowEndCause, string>;
  /** `{position}`, `{total}`, `{service}` are replaced. */
  currentStep: string;
  /** When the step cannot be placed in the pipeline; `{service}` is replaced. */
  currentStepUnplaced: string;
  /** `{time}` is replaced by the local time of the next attempt. */
  connection: Record<Exclude<FlowConnection, 'ok'>, string>;
  servicesHeading: string;
  stepsHeading: string;
  noServices: string;
  sessionState: Record<StateName, string>;
  frontendStatus: Record<FrontendSessionStatus, string>;
  fileLoading: string;
  fileError: string;
  /** `{label}` is replaced by the file label. */
  fileAlt: string;
  /** `{label}` is replaced by the file label. */
  fileDownload: string;
}

// English ships in the main entry; Kazakh and Russian load on demand (flowStatusMessagesKkRu.ts,
// through loadFlowStatusMessages.ts) so the main entry stays within its 8 kB.
/** The kit's English strings for `<FlowStatus>` and `<FlowFile>`. */
export const FLOW_STATUS_MESSAGES_EN: FlowStatusMessages = {
  title: 'Verification status',
  state: {
    loading: 'Loading the status…',
    not_started: 'Not started',
    in_progress: 'In progress',
    passed: 'Passed',
    failed: 'Failed',
    unknown: 'Finished, awaiting a decision',
    error: 'The status could not be loaded',
  },
  endCause: {
    completed: 'Every step was completed.',
    failed: 'The verification stopped because of a server error.',
    timeout: 'A step ran out of time.',
    disconnected: 'The user left or lost the connection.',
  },
  currentStep: 'Step {position} of {total}: {service}',
  currentStepUnplaced: 'Current step: {service}',
  connection: {
    offline: 'You are offline. The status will update when the connection is back.',
    rate_limited: 'Too many requests. Next check at {time}.',
    error: 'Connection problem. Retrying automatically.',
  },
  servicesHeading: 'Services',
  stepsHeading: 'Steps',
  noServices: 'No service has run yet.',
  sessionState: {
    created: 'Created',
    processing: 'Processing',
    processed: 'Processed',
    reviewed: 'Reviewed',
  },
  frontendStatus: {
    approved: 'Approved',
    denied: 'Denied',
    suspicious: 'Suspicious',
    reviewing: 'Under review',
    expired: 'Expired',
    failure: 'Failure',
    active: 'Active',
    blacklisted: 'Blacklisted',
    whitelisted: 'Whitelisted',
  },
  fileLoading: 'Loading the file…',
  fileError: 'The file could not be loaded.',
  fileAlt: 'Verification file: {label}',
  fileDownload: 'Download {label}',
};

/** A locale's strings, with a consumer's overrides merged one level deep. */
export function resolveFlowStatusMessages(
  base: FlowStatusMessages,
  overrides?: FlowStatusMessagesOverrides | undefined,
): FlowStatusMessages {
  if (!overrides) return base;
  const merged = { ...base, ...overrides } as FlowStatusMessages;
  for (const key of ['state', 'endCause', 'connection', 'sessionState', 'frontendStatus'] as const) {
    (merged as unknown as Record<string, object>)[key] = { ...base[key], ...overrides[key] };
  }
  return merged;
}

/** Partial strings: any top-level string or any entry of a group. */
export type FlowStatusMessagesOverrides = {
  [K in keyof FlowStatusMessages]?: FlowStatusMessages[K] extends string
    ? string
    : Partial<FlowStatusMessages[K]>;
};

/** Replaces `{name}` placeholders. */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
