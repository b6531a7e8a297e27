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

/** Checks faults sent to the control route; returns an error message or null. */
export function checkFaults(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'faults must be a JSON object';
  for (const [k, v] of Object.entries(value)) {
    if (!(k in NO_FAULTS)) return `Unknown fault "${k}"; expected ${Object.keys(NO_FAULTS).join(', ')}`;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return `${k} must be a non-negative number`;
    if ((k === 'error5xxRate' || k === 'malformedRate') && v > 1) return `${k} must be between 0 and 1`;
  }
  return null;
}
