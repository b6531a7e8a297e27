import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxEngine, type SandboxEngineOptions } from '../engine/SandboxEngine.ts';
import { createSandboxHandler } from './createSandboxHandler.ts';
import { type RateLimit, RateLimiter } from './RateLimiter.ts';
import { faultsFromEnv, NO_FAULTS, type SandboxFaults } from './SandboxFaults.ts';

export interface StartSandboxOptions extends Omit<SandboxEngineOptions, 'vlinkFor'> {
  /** Port to listen on; 0 picks a free one (use it in tests). @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Base of vlinks when the sandbox is reached through another address. @default the listening URL */
  publicUrl?: string;
  /** Initial faults, on top of the SANDBOX_* environment variables. @default none */
  faults?: SandboxFaults;
  /** Read SANDBOX_* fault variables from this environment. @default process.env */
  env?: Record<string, string | undefined>;
  /** Rate limit of test keys. @default { limit: 600, windowMs: 60000 } */
  rateLimit?: RateLimit;
  /** Randomness for fault rates (inject for deterministic tests). @default Math.random */
  random?: () => number;
  /** Receives one line per request. @default none */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:53211` (no trailing slash). */
  url: string;
  port: number;
  engine: SandboxEngine;
  server: Server;
  /** Replaces the injected faults (missing fields fall back to none). */
  setFaults(faults: SandboxFaults): void;
  getFaults(): Required<SandboxFaults>;
  /** Moves the sandbox's clock forward (timeouts, inactivity, ttl). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts the Verigram sandbox on node:http.
 * @example
 * const sandbox = await startSandbox();
 * await fetch(`${sandbox.url}/flow`, { method: 'POST', headers: {...}, body });
 * expect(sandbox.engine.flowCount).toBe(1);
 * await sandbox.close();
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const {
    port = 0,
    host = '127.0.0.1',
    publicUrl,
    env = process.env,
    rateLimit,
    random = Math.random,
    log,
  } = options;
  const baseNow = options.now ?? Date.now;
  let offset = 0;
  const now = () => baseNow() + offset;
  let base = publicUrl?.replace(/\/$/, '') ?? '';
  const engine = new SandboxEngine({
    ...options,
    now,
    vlinkFor: (id) => `${base}/hf2/${encodeURIComponent(id)}/`,
  });
  let faults: Required<SandboxFaults> = { ...NO_FAULTS, ...faultsFromEnv(env), ...options.faults };
  let burstLeft = faults.burst429;
  const setFaults = (f: SandboxFaults) => {
    faults = { ...NO_FAULTS, ...f };
    burstLeft = faults.burst429;
  };
  const rateLimiter = new RateLimiter(rateLimit);
  const handler = createSandboxHandler({
    engine,
    rateLimiter,
    getFaults: () => ({ ...faults, burst429: burstLeft }),
    setFaults,
    takeBurst: () => {
      if (burstLeft <= 0) return false;
      burstLeft -= 1;
      return true;
    },
    now,
    advanceClock: (ms) => {
      offset += ms;
    },
    random,
    log,
  });
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  if (!publicUrl) base = url;
  return {
    url,
    port: address.port,
    engine,
    server,
    setFaults,
    getFaults: () => ({ ...faults, burst429: burstLeft }),
    advanceClock: (ms) => {
      offset += ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
