import type { FlowConnection, FlowStatusState } from '../useFlowStatus.ts';

/**
 * How a flow stands, in the words a bank uses with its customer: the flow's state, and for an
 * ended flow why it ended (spec FlowEndCause) — a check that said no (`rejected`), a decision left
 * to a person (`review`), a step out of time (`expired`), a closed page or lost connection
 * (`interrupted`), a fault on the server (`server_error`).
 */
export type FlowOutcome =
  | Exclude<FlowStatusState, 'failed' | 'unknown'>
  | 'rejected'
  | 'review'
  | 'expired'
  | 'interrupted'
  | 'server_error';

/** What a check's result means to the customer; staff see the raw statuses under "details". */
export type CheckResult = 'passed' | 'failed' | 'review' | 'active' | 'expired';

/** Services grouped by what the customer does in them (names such as `verilive` are internal). */
export type CheckKind =
  | 'selfie'
  | 'face'
  | 'document'
  | 'consent'
  | 'phone'
  | 'form'
  | 'screening'
  | 'signature'
  | 'other';

/**
 * Every string `<FlowStatus>` and `<FlowFile>` show; override any of them with the `messages` prop.
 * English is {@link FLOW_STATUS_MESSAGES_EN}; `loadFlowStatusMessages(locale)` gives any locale's.
 */
export interface FlowStatusMessages {
  title: string;
  /** The headline. */
  headline: Record<FlowOutcome, string>;
  /** What the customer can do now, under the headline. */
  next: Record<Exclude<FlowOutcome, 'loading' | 'in_progress'>, string>;
  /** A step's last attempt failed and the flow goes on: the customer may try again. */
  retry: string;
  /** `{position}`, `{total}`, `{service}` are replaced. */
  currentStep: string;
  /** When the step cannot be placed in the pipeline; `{service}` is replaced. */
  currentStepUnplaced: string;
  /** `{time}` is replaced by the local time of the next attempt. */
  connection: Record<Exclude<FlowConnection, 'ok'>, string>;
  checksHeading: string;
  stepsHeading: string;
  noServices: string;
  check: Record<CheckKind, string>;
  result: Record<CheckResult, string>;
  /** After a check's name when it ran more than once; `{n}` is replaced. */
  attempt: string;
  /** The disclosure with the raw codes, for the bank's staff. */
  details: string;
  fileLoading: string;
  /** The flow has no file with this label (not a failure); `{label}` is replaced by the label. */
  fileMissing: string;
  fileError: string;
  /** `{label}` is replaced by the file label. */
  fileAlt: string;
  /** `{label}` is replaced by the file label. */
  fileDownload: string;
}

// English ships in the main entry; Kazakh and Russian load on demand (flowStatusMessagesKkRu.ts,
// through loadFlowStatusMessages.ts).
/** The kit's English strings for `<FlowStatus>` and `<FlowFile>`. */
export const FLOW_STATUS_MESSAGES_EN: FlowStatusMessages = {
  title: 'Verification status',
  headline: {
    loading: 'Loading the status…',
    not_started: 'Waiting for you to start',
    in_progress: 'Verification in progress',
    passed: 'Identity confirmed',
    rejected: 'We could not confirm your identity',
    review: 'Sent for manual review',
    expired: 'The verification timed out',
    interrupted: 'The verification was interrupted',
    server_error: 'Something went wrong on our side',
    cancelled: 'You stopped the verification',
    error: 'The status could not be loaded',
  },
  next: {
    not_started: 'Follow the steps on the verification page.',
    passed: 'Thank you. You can continue.',
    rejected:
      'You can start a new verification. If it fails again, visit a branch with your identity document.',
    review: 'A specialist will check your data. We will let you know the decision.',
    expired: 'A step ran out of time. Start again when you are ready.',
    interrupted: 'The page was closed or the connection was lost. Start again to finish.',
    server_error: 'This was not your fault. Please try again in a few minutes.',
    cancelled: 'You can start again at any time.',
    error: 'Reload the page to try again.',
  },
  retry: 'That attempt was not accepted. You can try again.',
  currentStep: 'Step {position} of {total}: {service}',
  currentStepUnplaced: 'Current step: {service}',
  connection: {
    offline: 'You are offline. The status will update when the connection is back.',
    rate_limited: 'Too many requests. Next check at {time}.',
    error: 'Connection problem. Retrying automatically.',
  },
  checksHeading: 'Checks',
  stepsHeading: 'Steps',
  noServices: 'No check has run yet.',
  check: {
    selfie: 'Selfie check',
    face: 'Face match',
    document: 'Identity document',
    consent: 'Consent',
    phone: 'Phone number',
    form: 'Your details',
    screening: 'Compliance check',
    signature: 'Signature',
    other: 'Additional check',
  },
  result: {
    passed: 'Passed',
    failed: 'Not passed',
    review: 'Under review',
    active: 'In progress',
    expired: 'Timed out',
  },
  attempt: 'attempt {n}',
  details: 'Details for support',
  fileLoading: 'Loading the file…',
  fileMissing: 'This verification has no {label} file.',
  fileError: 'The file could not be loaded.',
  fileAlt: 'Verification file: {label}',
  fileDownload: 'Download {label}',
};

const GROUPS = ['headline', 'next', 'connection', 'check', 'result'] as const;

/** A locale's strings, with a consumer's overrides merged one level deep. */
export function resolveFlowStatusMessages(
  base: FlowStatusMessages,
  overrides?: FlowStatusMessagesOverrides | undefined,
): FlowStatusMessages {
  if (!overrides) return base;
  const merged = { ...base, ...overrides } as FlowStatusMessages;
  for (const key of GROUPS) {
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
