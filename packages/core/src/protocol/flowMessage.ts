// The hosted page's postMessage protocol, version 1 (documented in packages/core/PROTOCOL.md).
// Both ends import this file: the sandbox's hosted page sends these messages, the React kit
// accepts them only after checking event.origin, event.source and this shape.
// Kept tiny on purpose: it ships in the <VerigramFlow> entry (2 kB gzip budget).
import type { ExecutionStatus, FlowEndCause } from '../api/schemas.ts';

export const FLOW_MESSAGE_PROTOCOL = 'verigram-hf2';
export const KIT_MESSAGE_PROTOCOL = 'verigram-kit';
export const FLOW_MESSAGE_VERSION = 1;

interface Envelope<Type extends string> {
  protocol: typeof FLOW_MESSAGE_PROTOCOL;
  version: typeof FLOW_MESSAGE_VERSION;
  type: Type;
  flowId: string;
}

/** The page has rendered and knows its pipeline. */
export interface ReadyMessage extends Envelope<'ready'> {
  stepCount: number;
}
export interface StepStartedMessage extends Envelope<'step_started'> {
  stepId: string;
  stepIndex: number;
  serviceName: string;
}
export interface StepCompletedMessage extends Envelope<'step_completed'> {
  stepId: string;
  stepIndex: number;
  serviceName: string;
  status: ExecutionStatus;
}
/** The page's content height in CSS pixels, so the frame can follow it. */
export interface ResizeMessage extends Envelope<'resize'> {
  height: number;
}
/** The pipeline ran to its end (`end_cause: completed`); the status is a hint, the server decides. */
export interface CompletedMessage extends Envelope<'completed'> {
  flowStatus: ExecutionStatus;
}
/** The flow ended otherwise: a system error (`failed`), a timeout or a disconnect. A failed verification is `completed` with `flowStatus: fail`. */
export interface FailedMessage extends Envelope<'failed'> {
  endCause: FlowEndCause;
}
/** The user abandoned the flow. */
export type CancelledMessage = Envelope<'cancelled'>;
/**
 * Escape was pressed inside the page: a host document never sees keys pressed in a frame of
 * another origin, so a dialog around the frame learns it from this message and asks to close.
 */
export type CloseRequestMessage = Envelope<'close_request'>;
/** getUserMedia failed; `name` is the DOMException name (NotAllowedError, NotFoundError...). */
export interface CameraErrorMessage extends Envelope<'camera_error'> {
  name: string;
  message: string;
}

export type FlowMessage =
  | ReadyMessage
  | StepStartedMessage
  | StepCompletedMessage
  | ResizeMessage
  | CompletedMessage
  | FailedMessage
  | CancelledMessage
  | CloseRequestMessage
  | CameraErrorMessage;

export type FlowMessageType = FlowMessage['type'];

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

// Each type's required fields and their checks; any other field is ignored.
const FIELDS: Record<FlowMessageType, Record<string, (v: unknown) => boolean>> = {
  ready: { stepCount: isCount },
  step_started: { stepId: isString, stepIndex: isCount, serviceName: isString },
  step_completed: { stepId: isString, stepIndex: isCount, serviceName: isString, status: isString },
  resize: { height: (v) => isCount(v) && (v as number) < 100_000 },
  completed: { flowStatus: isString },
  failed: { endCause: isString },
  cancelled: {},
  close_request: {},
  camera_error: { name: isString, message: isString },
};

/** Returns the message when `data` is a valid v1 hosted-page message, otherwise `null`. */
export function parseFlowMessage(data: unknown): FlowMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.protocol !== FLOW_MESSAGE_PROTOCOL || m.version !== FLOW_MESSAGE_VERSION) return null;
  if (!isString(m.flowId) || !isString(m.type) || !Object.hasOwn(FIELDS, m.type)) return null;
  const checks = FIELDS[m.type as FlowMessageType];
  for (const key in checks) if (!checks[key]?.(m[key])) return null;
  return m as unknown as FlowMessage;
}

/** Sent by the kit's callback page (same origin as the host app) to its parent or opener. */
export interface CallbackMessage {
  protocol: typeof KIT_MESSAGE_PROTOCOL;
  version: typeof FLOW_MESSAGE_VERSION;
  type: 'callback';
  /** The full callback URL the hosted page navigated to. */
  url: string;
  /** The flow id, when the callback URL carried one. */
  flowId: string | null;
}

export function parseCallbackMessage(data: unknown): CallbackMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.protocol !== KIT_MESSAGE_PROTOCOL || m.version !== FLOW_MESSAGE_VERSION) return null;
  if (m.type !== 'callback' || !isString(m.url)) return null;
  if (m.flowId !== null && !isString(m.flowId)) return null;
  return m as unknown as CallbackMessage;
}
