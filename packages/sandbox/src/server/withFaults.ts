// Fault injection as a layer: a wrapper around the sandbox's handler that, for the six Verigram API
// operations only, decides before routing whether this request is delayed, refused with an
// injected 429 or 500, or has its successful JSON answer cut short (the operation still runs and
// its state change stays, as when a connection drops mid-answer).

import type { IncomingMessage } from 'node:http';
import { SandboxError } from '../engine/SandboxError.ts';
import { errorReply, type Reply } from './router.ts';

/** Faults the server injects into Verigram API routes, so clients can test their recovery. */
export interface SandboxFaults {
  /** Delay before every API answer, in ms. Env `SANDBOX_LATENCY_MS`. @default 0 */
  latencyMs?: number;
  /** Share (0..1) of API requests answered 500 INTERNAL_ERROR. Env `SANDBOX_FAULT_5XX_RATE`. @default 0 */
  error5xxRate?: number;
  /** The next N API requests are answered 429 with Retry-After. Env `SANDBOX_FAULT_429_BURST`. @default 0 */
  burst429?: number;
  /** Retry-After, in seconds, of injected 429s. Env `SANDBOX_FAULT_RETRY_AFTER`. @default 1 */
  retryAfterSeconds?: number;
  /** Share (0..1) of successful API answers whose JSON body is cut short. Env `SANDBOX_FAULT_MALFORMED_RATE`. @default 0 */
  malformedRate?: number;
}

export const NO_FAULTS: Required<SandboxFaults> = {
  latencyMs: 0,
  error5xxRate: 0,
  burst429: 0,
  retryAfterSeconds: 1,
  malformedRate: 0,
};

const num = (v: string | undefined) => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** Reads the SANDBOX_* fault variables; absent or invalid ones are left out. */
export function faultsFromEnv(env: Record<string, string | undefined>): SandboxFaults {
  const out: SandboxFaults = {};
  const set = <K extends keyof SandboxFaults>(k: K, v: number | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('latencyMs', num(env.SANDBOX_LATENCY_MS));
  set('error5xxRate', num(env.SANDBOX_FAULT_5XX_RATE));
  set('burst429', num(env.SANDBOX_FAULT_429_BURST));
  set('retryAfterSeconds', num(env.SANDBOX_FAULT_RETRY_AFTER));
  set('malformedRate', num(env.SANDBOX_FAULT_MALFORMED_RATE));
  return out;
}

/** The problems of faults sent to the control route (empty when they are valid). */
export function checkFaults(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['faults must be a JSON object'];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (!(k in NO_FAULTS))
      problems.push(`Unknown fault "${k}"; expected ${Object.keys(NO_FAULTS).join(', ')}`);
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      problems.push(`${k} must be a non-negative number`);
    else if ((k === 'error5xxRate' || k === 'malformedRate') && v > 1)
      problems.push(`${k} must be between 0 and 1`);
  }
  return problems;
}

/** The faults in force, with the burst's remaining count. */
export class FaultSwitch {
  private faults: Required<SandboxFaults>;
  private burstLeft: number;

  constructor(initial: SandboxFaults = {}) {
    this.faults = { ...NO_FAULTS, ...initial };
    this.burstLeft = this.faults.burst429;
  }

  /** Replaces the faults (missing fields fall back to none). */
  set(faults: SandboxFaults): void {
    this.faults = { ...NO_FAULTS, ...faults };
    this.burstLeft = this.faults.burst429;
  }

  get(): Required<SandboxFaults> {
    return { ...this.faults, burst429: this.burstLeft };
  }

  /** Consumes one request of an injected 429 burst; true when this request is part of it. */
  takeBurst(): boolean {
    if (this.burstLeft <= 0) return false;
    this.burstLeft -= 1;
    return true;
  }
}

export type SandboxHandler = (req: IncomingMessage, url: URL) => Promise<Reply>;

export interface FaultLayerOptions {
  faults: FaultSwitch;
  /** Randomness for the rates. */
  random(): number;
  /** Whether a request reaches a Verigram API operation (faults touch nothing else). */
  appliesTo(req: IncomingMessage, url: URL): boolean;
}

/** A JSON answer cut in half: what a client sees when a connection drops mid-body. */
function cutShort(reply: Reply): Reply {
  const isJson = String(reply.headers['Content-Type'] ?? '').startsWith('application/json');
  if (!isJson || typeof reply.body !== 'string') return reply;
  const { 'Content-Length': _length, ...headers } = reply.headers;
  return { ...reply, headers, body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) };
}

export function withFaults(
  next: SandboxHandler,
  { faults, random, appliesTo }: FaultLayerOptions,
): SandboxHandler {
  return async (req, url) => {
    if (!appliesTo(req, url)) return next(req, url);
    const f = faults.get();
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (faults.takeBurst())
      return errorReply(
        new SandboxError({ status: 429, errorCode: 'TOO_MANY_REQUESTS', errorMsg: 'Injected 429 burst' }),
        {
          'Retry-After': String(f.retryAfterSeconds),
        },
      );
    if (f.error5xxRate > 0 && random() < f.error5xxRate)
      return errorReply(
        new SandboxError({ status: 500, errorCode: 'INTERNAL_ERROR', errorMsg: 'Injected server error' }),
      );
    const malformed = f.malformedRate > 0 && random() < f.malformedRate;
    const reply = await next(req, url);
    return malformed && reply.status < 300 ? cutShort(reply) : reply;
  };
}
