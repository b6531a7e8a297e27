// The parsers of what reaches the sandbox from outside: the spec's request bodies, checked against
// every rule the spec states (packages/core/openapi/verigram-2.0.json), and the hosted page's
// actions. Each returns the request (with the spec's defaults) or throws a 422 SandboxError with a
// specific error_code; nothing is stored on failure.

import type {
  CreateFlowRequest,
  FileLabel,
  FileQuery,
  FlowConfigUi,
  FlowInputData,
  FlowTemplate,
  LivenessCreateSessionRequest,
  LivenessError,
  PipelineStep,
} from '@verigram-kit/core';
import {
  FILE_LABELS,
  LIVENESS_DURATION,
  LIVENESS_ERRORS,
  LIVENESS_MAX_RETRIES,
  LOCALES,
  PERSON_ID_PATTERN,
  SERVICE_NAMES,
  STEP_MAX_RETRIES,
  STEP_TIMEOUT,
} from '@verigram-kit/core';
// The spec's FlowConfigUi defaults, the same the builder fills in (the hosted page draws its own
// logo for the default).
import {
  checkFlowUi,
  DEFAULT_FAVICON_URL,
  DEFAULT_LOGO_URL,
  type FlowUiPolicyOptions,
} from '@verigram-kit/core/ui';
import { isVerdict, VERDICTS, type Verdict } from './FlowMachine.ts';
import { SandboxError } from './SandboxError.ts';

const LIVENESS_ACTIONS = [
  'zoom-in',
  'zoom-out',
  'turn-left',
  'turn-right',
  'turn-straight',
  'smile',
  'blink',
  'tilt-up',
  'tilt-down',
  'shake',
  'tongue-out',
  'open-mouth',
] as const;
const PLATFORMS = ['web', 'android', 'ios'] as const;
const INPUT_DATA_FIELDS = [
  'iin',
  'phone_number',
  'full_name',
  'card_number',
  'bin_field',
  'org_name',
] as const;

const invalid = (code: string, msg: string) =>
  new SandboxError({ status: 422, errorCode: code, errorMsg: msg });
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function requireObject(v: unknown, what: string): Record<string, unknown> {
  if (!isObject(v)) throw invalid('INVALID_PAYLOAD', `${what} must be a JSON object`);
  return v;
}

export function parsePersonId(v: unknown, field = 'person_id'): string {
  if (v === undefined || v === null || v === '') throw invalid('INVALID_PERSON_ID', `${field} is required`);
  if (typeof v !== 'string') throw invalid('INVALID_PERSON_ID', `${field} must be a string`);
  if (v.length < 6 || v.length > 48)
    throw invalid('INVALID_PERSON_ID', `${field} must be 6 to 48 characters long, got ${v.length}`);
  if (!PERSON_ID_PATTERN.test(v))
    throw invalid('INVALID_PERSON_ID', `${field} may contain only letters, digits and _ @ . + -`);
  return v;
}

/**
 * `format: uri` (RFC 3986 absolute URI), any scheme: apps in web views come back through their own
 * (`myapp://done`). For `callback_url` the one exception is `javascript:`: the hosted page navigates
 * to it, and such a URI would run script in the page's origin.
 */
function parseUri(v: unknown, field: string, navigable = false): string {
  if (typeof v !== 'string') throw invalid('INVALID_URI', `${field} must be a string URI`);
  try {
    new URL(v);
  } catch {
    throw invalid('INVALID_URI', `${field} must be an absolute URI, got "${v}"`);
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) || /\s/.test(v))
    throw invalid('INVALID_URI', `${field} must be an absolute URI, got "${v}"`);
  if (navigable && /^javascript:/i.test(v))
    throw invalid('INVALID_URI', `${field} must not be a javascript: URI (the hosted page navigates to it)`);
  return v;
}

function parseLocale(v: unknown): CreateFlowRequest['locale'] {
  if (v === undefined) return 'en';
  if (!(LOCALES as readonly unknown[]).includes(v))
    throw invalid('INVALID_LOCALE', `locale must be one of ${LOCALES.join(', ')}`);
  return v as CreateFlowRequest['locale'];
}

function parseStep(v: unknown, i: number): Required<PipelineStep> {
  const step = requireObject(v, `template.pipeline[${i}]`);
  const at = `template.pipeline[${i}]`;
  if (!(SERVICE_NAMES as readonly unknown[]).includes(step.service_name))
    throw invalid(
      'INVALID_SERVICE_NAME',
      `${at}.service_name must be one of the spec's ServiceName values, got ${JSON.stringify(step.service_name ?? null)}`,
    );
  if (step.allow_failure !== undefined && typeof step.allow_failure !== 'boolean')
    throw invalid('INVALID_PAYLOAD', `${at}.allow_failure must be a boolean`);
  if (
    step.timeout !== undefined &&
    (!isInt(step.timeout) || step.timeout < STEP_TIMEOUT.min || step.timeout > STEP_TIMEOUT.max)
  )
    throw invalid(
      'INVALID_STEP_TIMEOUT',
      `${at}.timeout must be an integer from ${STEP_TIMEOUT.min} to ${STEP_TIMEOUT.max} seconds`,
    );
  if (
    step.max_retries !== undefined &&
    (!isInt(step.max_retries) ||
      step.max_retries < STEP_MAX_RETRIES.min ||
      step.max_retries > STEP_MAX_RETRIES.max)
  )
    throw invalid(
      'INVALID_MAX_RETRIES',
      `${at}.max_retries must be an integer from ${STEP_MAX_RETRIES.min} to ${STEP_MAX_RETRIES.max}`,
    );
  // Defaults filled in, as the spec declares them (timeout 300, max_retries 5, allow_failure false).
  return {
    service_name: step.service_name as PipelineStep['service_name'],
    allow_failure: (step.allow_failure as boolean | undefined) ?? false,
    timeout: (step.timeout as number | undefined) ?? STEP_TIMEOUT.default,
    max_retries: (step.max_retries as number | undefined) ?? STEP_MAX_RETRIES.default,
  };
}

/**
 * A template's FlowConfigUi under core's FlowConfigUi policy (checkFlowUi), the one the builder
 * and the proxy apply with the same options: its first error is a 422 (INVALID_THEME, INVALID_URI
 * for logo_url/favicon_url, INVALID_PAYLOAD otherwise). Returns the ui with the spec's default
 * logo and favicon filled in.
 */
export function parseUi(v: unknown, policy: FlowUiPolicyOptions = {}): FlowConfigUi {
  const ui = requireObject(v, 'template.ui');
  const error = checkFlowUi(ui, policy).find((issue) => issue.severity === 'error');
  if (error) {
    const code = error.code.startsWith('theme.')
      ? 'INVALID_THEME'
      : error.code.startsWith('url.')
        ? 'INVALID_URI'
        : 'INVALID_PAYLOAD';
    throw invalid(code, `template.ui${error.path.replaceAll('/', '.')}: ${error.message}`);
  }
  // The generated type marks logo_url/favicon_url required because the spec gives them defaults.
  return { logo_url: DEFAULT_LOGO_URL, favicon_url: DEFAULT_FAVICON_URL, ...ui } as FlowConfigUi;
}

function parseTemplate(v: unknown): FlowTemplate {
  const t = requireObject(v, 'template');
  if (!Array.isArray(t.pipeline))
    throw invalid('INVALID_PAYLOAD', 'template.pipeline is required and must be an array');
  // The spec sets no minimum, but a flow without steps could never start or end.
  if (t.pipeline.length === 0)
    throw invalid('INVALID_PAYLOAD', 'template.pipeline must contain at least one step');
  const out: FlowTemplate = { pipeline: t.pipeline.map(parseStep) };
  if (t.ui !== undefined) out.ui = parseUi(t.ui);
  if (t.status_page !== undefined) {
    if (typeof t.status_page !== 'boolean')
      throw invalid('INVALID_PAYLOAD', 'template.status_page must be a boolean');
    out.status_page = t.status_page;
  }
  return out;
}

function parseInputData(v: unknown): FlowInputData {
  const d = requireObject(v, 'input_data');
  for (const field of INPUT_DATA_FIELDS)
    if (d[field] !== undefined && typeof d[field] !== 'string')
      throw invalid('INVALID_PAYLOAD', `input_data.${field} must be a string`);
  return d as FlowInputData;
}

/** Validates a `POST /flow` body; returns it with pipeline defaults filled in. */
export function parseCreateFlow(body: unknown): CreateFlowRequest {
  const b = requireObject(body, 'Request body');
  const out: CreateFlowRequest = {
    person_id: parsePersonId(b.person_id),
    locale: parseLocale(b.locale),
  };
  if (b.callback_url !== undefined) out.callback_url = parseUri(b.callback_url, 'callback_url', true);
  if (b.input_data !== undefined) out.input_data = parseInputData(b.input_data);
  if (b.template !== undefined) out.template = parseTemplate(b.template);
  if (b.template_id !== undefined) {
    if (typeof b.template_id !== 'string' || b.template_id === '')
      throw invalid('INVALID_PAYLOAD', 'template_id must be a non-empty string');
    out.template_id = b.template_id;
  }
  return out;
}

/** Validates a `POST /liveness2/session` body. */
export function parseLivenessSession(body: unknown): LivenessCreateSessionRequest {
  const b = requireObject(body, 'Request body');
  const out: LivenessCreateSessionRequest = {
    person_id: parsePersonId(b.person_id),
    max_retries: LIVENESS_MAX_RETRIES.default,
  };
  if (b.duration !== undefined) {
    if (!isInt(b.duration) || b.duration < LIVENESS_DURATION.min || b.duration > LIVENESS_DURATION.max)
      throw invalid(
        'INVALID_DURATION',
        `duration must be an integer from ${LIVENESS_DURATION.min} to ${LIVENESS_DURATION.max} seconds`,
      );
    out.duration = b.duration;
  }
  if (b.max_retries !== undefined) {
    if (
      !isInt(b.max_retries) ||
      b.max_retries < LIVENESS_MAX_RETRIES.min ||
      b.max_retries > LIVENESS_MAX_RETRIES.max
    )
      throw invalid(
        'INVALID_MAX_RETRIES',
        `max_retries must be an integer from ${LIVENESS_MAX_RETRIES.min} to ${LIVENESS_MAX_RETRIES.max}`,
      );
    out.max_retries = b.max_retries;
  }
  if (b.flow_id !== undefined) {
    if (typeof b.flow_id !== 'string' || b.flow_id === '')
      throw invalid('INVALID_PAYLOAD', 'flow_id must be a string');
    out.flow_id = b.flow_id;
  }
  if (b.platform !== undefined) {
    if (!(PLATFORMS as readonly unknown[]).includes(b.platform))
      throw invalid('INVALID_PLATFORM', `platform must be one of ${PLATFORMS.join(', ')}`);
    out.platform = b.platform as LivenessCreateSessionRequest['platform'];
  }
  if (b.pipeline !== undefined) {
    const ok =
      Array.isArray(b.pipeline) &&
      b.pipeline.every(
        (group) =>
          Array.isArray(group) && group.every((a) => (LIVENESS_ACTIONS as readonly unknown[]).includes(a)),
      );
    if (!ok)
      throw invalid(
        'INVALID_PIPELINE',
        `pipeline must be a list of lists of: ${LIVENESS_ACTIONS.join(', ')}`,
      );
    out.pipeline = b.pipeline as LivenessCreateSessionRequest['pipeline'];
  }
  return out;
}

/**
 * Validates `GET /resources/file`'s query.
 * Spec defect: `flow_id` is declared `required: true`, but the operation's description says to
 * combine the label with only ONE of session_id, flow_id or person_id. We follow the description:
 * exactly one id, any of the three; zero or several are a 422.
 */
export function parseFileQuery(query: Record<string, string | undefined>): FileQuery {
  const label = query.label;
  if (label === undefined || label === '') throw invalid('INVALID_FILE_LABEL', 'label is required');
  if (!(FILE_LABELS as readonly string[]).includes(label))
    throw invalid(
      'UNKNOWN_FILE_LABEL',
      `Unknown file label "${label}"; expected one of ${FILE_LABELS.join(', ')}`,
    );
  const ids = (['session_id', 'flow_id', 'person_id'] as const).filter(
    (k) => query[k] !== undefined && query[k] !== '',
  );
  if (ids.length !== 1)
    throw invalid(
      'INVALID_QUERY',
      ids.length === 0
        ? 'Combine label with one of session_id, flow_id or person_id'
        : `Combine label with only one of session_id, flow_id or person_id, got ${ids.join(', ')}`,
    );
  const key = ids[0] as 'session_id' | 'flow_id' | 'person_id';
  return { label: label as FileLabel, [key]: query[key] } as FileQuery;
}

/** What the hosted page asks of the engine. */
export type HostedPageAction =
  | { type: 'open' }
  | { type: 'start' }
  | { type: 'ping' }
  | { type: 'outcome'; outcome: Verdict; errorCodes?: LivenessError[] }
  | { type: 'abandon' };

/** An action sent by the hosted page (over HTTP or the in-memory bridge); 422 otherwise. */
export function parsePageAction(data: unknown): HostedPageAction {
  const a = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  switch (a.type) {
    case 'open':
    case 'start':
    case 'ping':
    case 'abandon':
      return { type: a.type };
    case 'outcome': {
      if (!isVerdict(a.outcome))
        throw new SandboxError({
          status: 422,
          errorCode: 'INVALID_PAYLOAD',
          errorMsg: `outcome must be one of ${Object.keys(VERDICTS).join(', ')}`,
        });
      const codes = a.errorCodes ?? [];
      if (!Array.isArray(codes) || !codes.every((c) => (LIVENESS_ERRORS as readonly unknown[]).includes(c)))
        throw new SandboxError({
          status: 422,
          errorCode: 'INVALID_PAYLOAD',
          errorMsg: `errorCodes must be LivenessError values`,
        });
      return { type: 'outcome', outcome: a.outcome, errorCodes: codes as LivenessError[] };
    }
    default:
      throw new SandboxError({
        status: 422,
        errorCode: 'INVALID_PAYLOAD',
        errorMsg: 'type must be open, start, ping, outcome or abandon',
      });
  }
}
