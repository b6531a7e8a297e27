import type { LivenessSessionInput } from '@verigram-kit/core';
import { LIVENESS_DURATION, LIVENESS_MAX_RETRIES } from '@verigram-kit/core';
import { ProxyError } from '../ProxyError.ts';

const invalid = (code: string, message: string) =>
  new ProxyError({ status: 422, errorCode: code, errorMsg: message });

/** `value` when it is an integer within the spec's range for `field`, else a 422 naming the range. */
function integerIn(value: unknown, range: { min: number; max: number }, field: string, code: string): number {
  if (!Number.isInteger(value) || (value as number) < range.min || (value as number) > range.max) {
    throw invalid(code, `${field} must be an integer in ${range.min}..${range.max}`);
  }
  return value as number;
}

/**
 * Body of the proxy's `POST /liveness2/session`: the Liveness2CreateSession fields a browser may
 * choose. `person_id` and `flow_id` come from the session and the flow token, never the body.
 */
export function parseLivenessBody(
  body: Record<string, unknown>,
): Omit<LivenessSessionInput, 'person_id' | 'flow_id'> {
  if (Object.hasOwn(body, 'person_id')) {
    throw invalid(
      'PERSON_ID_NOT_ALLOWED',
      'person_id comes from the server session, never from the request body',
    );
  }
  if (Object.hasOwn(body, 'flow_id')) {
    throw invalid('FLOW_ID_NOT_ALLOWED', 'flow_id comes from the flow token, never from the request body');
  }
  const out: Omit<LivenessSessionInput, 'person_id' | 'flow_id'> = {};
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'duration':
        out.duration = integerIn(value, LIVENESS_DURATION, 'duration', 'INVALID_DURATION');
        break;
      case 'max_retries':
        out.max_retries = integerIn(value, LIVENESS_MAX_RETRIES, 'max_retries', 'INVALID_MAX_RETRIES');
        break;
      case 'platform':
        if (value !== 'web' && value !== 'android' && value !== 'ios') {
          throw invalid('INVALID_PLATFORM', 'platform must be web, android or ios');
        }
        out.platform = value;
        break;
      case 'pipeline':
        // Shape only; Verigram validates the gesture names against its own enum.
        if (
          !Array.isArray(value) ||
          !value.every((stage) => Array.isArray(stage) && stage.every((g) => typeof g === 'string'))
        ) {
          throw invalid('INVALID_PIPELINE', 'pipeline must be an array of arrays of gesture names');
        }
        out.pipeline = value as LivenessSessionInput['pipeline'];
        break;
      default:
        throw invalid('UNKNOWN_FIELD', `Unknown field "${key.slice(0, 40)}"`);
    }
  }
  return out;
}
