import type { LivenessError } from '@verigram-kit/core';
import { LIVENESS_ERRORS } from '@verigram-kit/core';
import { isVerdict, VERDICTS } from './FlowMachine.ts';
import type { HostedPageAction } from './SandboxEngine.ts';
import { SandboxError } from './SandboxError.ts';

/** Checks an action sent by the hosted page (over HTTP or the in-memory bridge); 422 otherwise. */
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
        throw new SandboxError(
          422,
          'INVALID_PAYLOAD',
          `outcome must be one of ${Object.keys(VERDICTS).join(', ')}`,
        );
      const codes = a.errorCodes ?? [];
      if (!Array.isArray(codes) || !codes.every((c) => (LIVENESS_ERRORS as readonly unknown[]).includes(c)))
        throw new SandboxError(422, 'INVALID_PAYLOAD', `errorCodes must be LivenessError values`);
      return { type: 'outcome', outcome: a.outcome, errorCodes: codes as LivenessError[] };
    }
    default:
      throw new SandboxError(422, 'INVALID_PAYLOAD', 'type must be open, start, ping, outcome or abandon');
  }
}
